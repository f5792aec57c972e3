from django.contrib.auth import views as auth_views
from django.urls import path

from bienche.web import audit_views, org_views, overview_views, pay_views, staffing_views, views
from bienche.web import delegation_views as dv
from bienche.web import hoalac_actions as hla
from bienche.web import hoalac_views as hl
from bienche.web import pricing_views as pv
from bienche.web import recruit_actions as ra
from bienche.web import recruit_entry as re_
from bienche.web import recruit_views as rv
from bienche.web import report_forms_views as rf
from bienche.web import reports_views as rep
from bienche.web import steering_task_views as stt
from bienche.web import steering_views as st
from bienche.web import territory_proposal_views as terr_p
from bienche.web import territory_views as terr
from bienche.web.login_view import LoginView

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(
        "login/",
        LoginView.as_view(),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("audit/", audit_views.audit_page, name="audit"),
    path("overview/", overview_views.overview_page, name="overview"),
    path("reports/forms/", rf.report_forms, name="report_forms"),
    path("reports/forms/all.zip", rf.report_forms_zip, name="report_forms_zip"),
    path("reports/forms/<str:code>.xlsx", rf.report_form_download, name="report_form_download"),
    path("audit.xlsx", audit_views.audit_download, name="audit_download"),
    path("org/chart/", org_views.org_chart, name="org_chart"),
    path("org/diff/", org_views.org_diff, name="org_diff"),
    path("org/units/<str:code>/", org_views.unit_page, name="unit_page"),
    path("org/events/", org_views.event_timeline, name="event_timeline"),
    path("org/events/new/<str:kind>/", org_views.event_new, name="event_new"),
    path("staffing/", staffing_views.staffing_dashboard, name="staffing_dashboard"),
    path("staffing/units/<str:code>/", staffing_views.unit_staffing, name="unit_staffing"),
    path("staffing/roster/", staffing_views.roster_search_page, name="roster_search"),
    path("staffing/roster.xlsx", staffing_views.roster_download, name="roster_download"),
    path(
        "staffing/units/<str:code>/positions.xlsx",
        staffing_views.positions_download,
        name="positions_download",
    ),
    path(
        "staffing/units/<str:code>/positions/import/",
        staffing_views.positions_upload,
        name="positions_upload",
    ),
    path("pay/", pay_views.pay_page, name="pay_page"),
    path("pay/comparison.xlsx", pay_views.pay_download_xlsx, name="pay_download_xlsx"),
    path("pay/comparison.parquet", pay_views.pay_download_parquet, name="pay_download_parquet"),
    path("pay/people/", pay_views.pay_person_lookup, name="pay_person_lookup"),
    path("pay/people/<int:pk>/", pay_views.pay_person, name="pay_person"),
    path("steering/", st.steering_dashboard, name="steering_dashboard"),
    path("steering/board/", st.steering_board, name="steering_board"),
    path("steering/tasks/", st.task_list, name="steering_tasks"),
    path("steering/tasks.xlsx", st.task_list_download, name="steering_tasks_xlsx"),
    path("steering/tasks/<int:pk>/", stt.task_page, name="steering_task"),
    path("steering/tasks/<int:pk>/<str:action>/", stt.task_action, name="steering_task_action"),
    path("steering/events/<int:pk>/file", stt.event_file, name="steering_event_file"),
    path("steering/documents/", st.documents_page, name="steering_documents"),
    path("steering/documents/new/", st.document_new, name="steering_document_new"),
    path(
        "steering/documents/template.xlsx",
        stt.import_template_download,
        name="steering_import_template",
    ),
    path("steering/documents/<int:pk>/", stt.document_page, name="steering_document"),
    path("steering/documents/<int:pk>/file", stt.document_file, name="steering_document_file"),
    path(
        "steering/documents/<int:pk>/tasks/new/",
        stt.document_task_new,
        name="steering_document_task_new",
    ),
    path("steering/documents/<int:pk>/paste/", stt.document_paste, name="steering_document_paste"),
    path(
        "steering/documents/<int:pk>/paste/confirm/",
        stt.document_paste_confirm,
        name="steering_document_paste_confirm",
    ),
    path(
        "steering/documents/<int:pk>/import/", stt.document_import, name="steering_document_import"
    ),
    path("steering/scorecard/", st.scorecard_page, name="steering_scorecard"),
    path("steering/scorecard.xlsx", st.scorecard_download, name="steering_scorecard_xlsx"),
    path("steering/notices/", st.notices_page, name="steering_notices"),
    path("steering/notices/<int:pk>/read/", st.notice_read, name="steering_notice_read"),
    path("recruit/", rv.exams_page, name="recruit_exams"),
    path("recruit/plan/new/", re_.plan_new, name="recruit_plan_new"),
    path("recruit/templates/<str:kind>.xlsx", re_.template_download, name="recruit_template"),
    path("recruit/<str:code>/", rv.exam_page, name="recruit_exam"),
    path(
        "recruit/<str:code>/candidates/<int:number>/review/", rv.review_page, name="recruit_review"
    ),
    path(
        "recruit/<str:code>/approve/", ra.exam_action, {"action": "approve"}, name="recruit_approve"
    ),
    path(
        "recruit/<str:code>/post-results/",
        ra.exam_action,
        {"action": "post_results"},
        name="recruit_post_results",
    ),
    path("recruit/<str:code>/candidates/new/", re_.candidate_new, name="recruit_candidate_new"),
    path("recruit/<str:code>/scores/<int:round>/", re_.scores_page, name="recruit_scores"),
    path("recruit/<str:code>/import/<str:kind>/", re_.import_page, name="recruit_import"),
    path("recruit/<str:code>/notice.docx", re_.notice_download, name="recruit_notice"),
    path(
        "recruit/<str:code>/candidates/<int:number>/withdraw/",
        ra.candidate_action,
        {"action": "withdraw"},
        name="recruit_withdraw",
    ),
    path(
        "recruit/<str:code>/candidates/<int:number>/decline/",
        ra.candidate_action,
        {"action": "decline"},
        name="recruit_decline",
    ),
    path(
        "recruit/<str:code>/candidates/<int:number>/tie/",
        ra.candidate_action,
        {"action": "tie"},
        name="recruit_tie",
    ),
    path(
        "recruit/<str:code>/candidates/<int:number>/appoint/",
        ra.candidate_action,
        {"action": "appoint"},
        name="recruit_appoint",
    ),
    path(
        "recruit/<str:code>/candidates/<int:number>/appointment/",
        ra.candidate_action,
        {"action": "appoint_leader"},
        name="recruit_leader_appoint",
    ),
    path("territory/", terr.check_page, name="territory_check"),
    path("territory/propose/", terr.propose_page, name="territory_propose"),
    path("territory/replay/", terr.replay_page, name="territory_replay"),
    path("territory/proposals/", terr_p.proposals_page, name="territory_proposals"),
    path("territory/proposals/save/", terr_p.proposal_save_view, name="territory_proposal_save"),
    path("territory/proposals/<int:pk>/", terr_p.proposal_page, name="territory_proposal"),
    path(
        "territory/proposals/<int:pk>/adopt/",
        terr_p.proposal_adopt_view,
        name="territory_proposal_adopt",
    ),
    path("territory/import/", terr_p.import_page, name="territory_import"),
    path("hoalac/", hl.dashboard_page, name="hoalac_dashboard"),
    path("hoalac/board/", hl.board_page, name="hoalac_board"),
    path("hoalac/projects/", hl.projects_page, name="hoalac_projects"),
    path("hoalac/projects.xlsx", hl.projects_download, name="hoalac_projects_xlsx"),
    path("hoalac/projects/new/", hla.project_new, name="hoalac_project_new"),
    path("hoalac/projects/import/", hla.import_page, name="hoalac_import"),
    path("hoalac/projects/<str:code>/", hla.project_page, name="hoalac_project"),
    path(
        "hoalac/projects/<str:code>/<str:action>/",
        hla.project_action,
        name="hoalac_project_action",
    ),
    path("hoalac/obstacles/", hl.obstacles_page, name="hoalac_obstacles"),
    path(
        "hoalac/obstacles/<int:pk>/resolve/",
        hla.obstacle_resolve,
        name="hoalac_obstacle_resolve",
    ),
    path("hoalac/investors/", hl.investors_page, name="hoalac_investors"),
    path("hoalac/investors/new/", hla.investor_new, name="hoalac_investor_new"),
    path("hoalac/investors/<int:pk>/", hl.investor_page, name="hoalac_investor"),
    path("hoalac/investors/<int:pk>/meetings/", hla.meeting_add, name="hoalac_meeting_add"),
    path("hoalac/land/", hl.land_page, name="hoalac_land"),
    path("hoalac/model/", hl.model_page, name="hoalac_model"),
    path("pricing/", pv.autonomy_page, name="pricing_autonomy"),
    path("pricing/services/", pv.services_page, name="pricing_services"),
    path("pricing/services/<str:code>/", pv.service_page, name="pricing_service"),
    path("pricing/pilot/", pv.pilot_page, name="pricing_pilot"),
    path("pricing/pilot/report.docx", pv.pilot_report, name="pricing_pilot_report"),
    path("pricing/pilot/import/", pv.pilot_import, name="pricing_pilot_import"),
    path("delegation/", dv.register_page, name="delegation_register"),
    path("delegation/transfers.xlsx", dv.register_download, name="delegation_register_xlsx"),
    path("delegation/template.xlsx", dv.template_download, name="delegation_template"),
    path("delegation/import/", dv.import_page, name="delegation_import"),
    path("delegation/who/", dv.who_page, name="delegation_who"),
    path("delegation/powers/<str:code>/", dv.power_page, name="delegation_power"),
    path("delegation/transfers/<int:pk>/", dv.transfer_page, name="delegation_transfer"),
    path("delegation/review/", dv.review_page, name="delegation_review"),
    path("delegation/stats/", dv.stats_page, name="delegation_stats"),
    path("reports/", rep.reports_page, name="reports"),
    path("reports/<int:pk>/", rep.report_editor, name="report_editor"),
    path("reports/<int:pk>/preview/", rep.report_preview, name="report_preview"),
    path("reports/<int:pk>/narratives/<str:key>/", rep.report_narrative, name="report_narrative"),
    path("reports/<int:pk>/letterhead/", rep.report_letterhead, name="report_letterhead"),
    path("reports/<int:pk>/regenerate/", rep.report_regenerate, name="report_regenerate"),
    path("reports/<int:pk>/freeze/", rep.report_freeze_page, name="report_freeze_page"),
    path(
        "reports/<int:pk>/versions/<int:number>/pages/<int:page>.png",
        rep.report_page,
        name="report_page",
    ),
    path(
        "reports/<int:pk>/versions/<int:number>/<str:kind>/",
        rep.report_download,
        name="report_download",
    ),
]
