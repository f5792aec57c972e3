"""Role × route matrix: every web route and API operation, as each role, allowed or denied.

``ROUTES`` must name every URL of the app (the admin site aside): a route added without an
entry here fails ``test_every_route_is_in_the_matrix``. Expectations:

* ``ok``     — served (GET: 200; POST: anything but 401/403/404 and never a 5xx);
* ``denied`` — 403 or 404 (404 when the object is outside the user's scope: no leak);
* ``login``  — anonymous: the web redirects to the login page, the API answers 401.

Roles: anonymous, a viewer of district D1, an officer of D1, an officer of D2 (outside D1's
subtree), a city-wide administrator. The objects (unit D1, a task of D1, its document and
product file, a notice of D1) belong to D1, so D2's officer must be denied them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from bienche.core.tokens import api_token_create
from bienche.delegation.tests.factories import delegation, power
from bienche.investment.models import Project
from bienche.investment.tests.factories import park_objects
from bienche.org.models import ReorgEvent
from bienche.org.services.access import membership_grant
from bienche.org.tests.factories import small_city
from bienche.pricing.tests.factories import pricing_objects
from bienche.recruitment.tests.factories import exam_in
from bienche.reports.tests.factories import report_with_version
from bienche.staffing.models import Person
from bienche.staffing.tests.factories import pid, staff
from bienche.steering.enums import NoticeKind
from bienche.steering.models import Notice, Task
from bienche.steering.services.lifecycle import task_report
from bienche.steering.tests.factories import document, task
from bienche.territory.tests.factories import saved_proposal, territory_records
from bienche.web.tests.access_matrix_bodies import BODIES

pytestmark = pytest.mark.django_db
ROLES = ("anon", "viewer", "officer", "outsider", "admin")
OK, DENIED, LOGIN = "ok", "denied", "login"

#: Everyone signed in may use it.
ALL = dict.fromkeys(ROLES[1:], OK)
#: Readers of D1 (viewer, officer of D1, admin); denied to D2's officer.
D1_READ = {"viewer": OK, "officer": OK, "outsider": DENIED, "admin": OK}
#: Writers of D1 (officer of D1, admin).
D1_WRITE = {"viewer": DENIED, "officer": OK, "outsider": DENIED, "admin": OK}
#: Writers anywhere (any officer, admin).
WRITERS = {"viewer": DENIED, "officer": OK, "outsider": OK, "admin": OK}
#: City-wide administrators only.
ADMIN = {"viewer": DENIED, "officer": DENIED, "outsider": DENIED, "admin": OK}

# name → (method, path template, expectations by role)
ROUTES: dict[str, tuple[str, str, dict[str, str]]] = {
    "dashboard": ("GET", "/", ALL),
    "overview": ("GET", "/overview/?as_of=2024-11-30", ALL),
    "org_diff": ("GET", "/org/diff/?from=2023-12-31&to=2025-07-01", ALL),
    "report_forms": ("GET", "/reports/forms/?unit=D1", D1_READ),
    "report_forms_zip": ("GET", "/reports/forms/all.zip?unit=D1&as_of=2024-11-30", D1_READ),
    "report_form_download": (
        "GET",
        "/reports/forms/BM02.xlsx?unit=D1&as_of=2024-11-30",
        D1_READ,
    ),
    "report_form_xlsx": ("GET", "/api/v1/reports/forms/BM01?as_of=2024-11-30&unit=D1", D1_READ),
    "logout": ("POST", "/logout/", dict.fromkeys(ROLES[1:], LOGIN)),  # back to the login page
    "org_chart": ("GET", "/org/chart/", ALL),
    "audit": ("GET", "/audit/", ADMIN),
    "audit_download": ("GET", "/audit.xlsx", ADMIN),
    "unit_page": ("GET", "/org/units/D1/", D1_READ),
    "event_timeline": ("GET", "/org/events/", ALL),
    "event_new": ("GET", "/org/events/new/rename/?code=D1", WRITERS),
    "staffing_dashboard": ("GET", "/staffing/?unit=D1", D1_READ),
    "unit_staffing": ("GET", "/staffing/units/D1/", D1_READ),
    "roster_search": ("GET", "/staffing/roster/?unit=D1", D1_READ),
    "roster_download": ("GET", "/staffing/roster.xlsx?unit=D1", D1_READ),
    "positions_download": ("GET", "/staffing/units/D1/positions.xlsx", D1_READ),
    "positions_upload": ("POST", "/staffing/units/D1/positions/import/", ALL),
    "pay_page": ("GET", "/pay/?unit=D1&from=2024-07&to=2024-07", D1_READ),
    "pay_download_xlsx": ("GET", "/pay/comparison.xlsx?unit=D1&from=2024-07&to=2024-07", D1_READ),
    "pay_download_parquet": (
        "GET",
        "/pay/comparison.parquet?unit=D1&from=2024-07&to=2024-07",
        D1_READ,
    ),
    # a person's pay is personal data: the personal-data (write) scope of their unit
    "pay_person": ("GET", "/pay/people/{person}/?month=2024-07", D1_WRITE),
    "steering_dashboard": ("GET", "/steering/", ALL),
    "steering_board": ("GET", "/steering/board/?unit=D1", D1_READ),
    "steering_tasks": ("GET", "/steering/tasks/", ALL),
    "steering_tasks_xlsx": ("GET", "/steering/tasks.xlsx", ALL),
    "steering_task": ("GET", "/steering/tasks/{task}/", D1_READ),
    "steering_task_action": ("POST", "/steering/tasks/{task}/progress/", D1_WRITE),
    "steering_event_file": ("GET", "/steering/events/{event}/file", D1_READ),
    "steering_documents": ("GET", "/steering/documents/", ALL),
    "steering_document_new": ("GET", "/steering/documents/new/", WRITERS),
    "steering_import_template": ("GET", "/steering/documents/template.xlsx", ALL),
    "steering_document": ("GET", "/steering/documents/{doc}/", D1_READ),
    "steering_document_file": ("GET", "/steering/documents/{doc}/file", D1_READ),
    "steering_document_task_new": ("POST", "/steering/documents/{doc}/tasks/new/", ADMIN),
    "steering_document_paste": ("POST", "/steering/documents/{doc}/paste/", ADMIN),
    "steering_document_paste_confirm": ("POST", "/steering/documents/{doc}/paste/confirm/", ADMIN),
    "steering_document_import": ("POST", "/steering/documents/{doc}/import/", ADMIN),
    "steering_scorecard": ("GET", "/steering/scorecard/?unit=D1", D1_READ),
    "steering_scorecard_xlsx": ("GET", "/steering/scorecard.xlsx?unit=D1", D1_READ),
    "steering_notices": ("GET", "/steering/notices/", ALL),
    "steering_notice_read": ("POST", "/steering/notices/{notice}/read/", D1_READ),
    # Hòa Lạc: everyone signed in reads; the park board (absent here) and city admins write
    "territory_check": ("GET", "/territory/?round=nq35-2023", ALL),
    "territory_propose": ("GET", "/territory/propose/?round=nq35-2023&parent=D1", ALL),
    "territory_replay": ("GET", "/territory/replay/?parent=D1", ALL),
    # saved proposals: everyone reads; officers save (in their scope); city admins adopt
    "territory_proposals": ("GET", "/territory/proposals/", ALL),
    "territory_proposal": ("GET", "/territory/proposals/{proposal}/", ALL),
    "territory_proposal_save": ("POST", "/territory/proposals/save/", WRITERS),
    "territory_proposal_adopt": ("POST", "/territory/proposals/{proposal}/adopt/", ADMIN),
    "territory_import": ("GET", "/territory/import/", ADMIN),
    "hoalac_dashboard": ("GET", "/hoalac/", ALL),
    "hoalac_board": ("GET", "/hoalac/board/", ALL),
    "hoalac_projects": ("GET", "/hoalac/projects/", ALL),
    "hoalac_projects_xlsx": ("GET", "/hoalac/projects.xlsx", ALL),
    "hoalac_project_new": ("GET", "/hoalac/projects/new/", ADMIN),
    "hoalac_import": ("GET", "/hoalac/projects/import/", ADMIN),
    "hoalac_project": ("GET", "/hoalac/projects/{project}/", ALL),
    "hoalac_project_action": ("POST", "/hoalac/projects/{project}/stage/", ADMIN),
    "hoalac_obstacles": ("GET", "/hoalac/obstacles/", ALL),
    "hoalac_obstacle_resolve": ("POST", "/hoalac/obstacles/{obstacle}/resolve/", ADMIN),
    "hoalac_investors": ("GET", "/hoalac/investors/", ALL),
    "hoalac_investor_new": ("GET", "/hoalac/investors/new/", ADMIN),
    "hoalac_investor": ("GET", "/hoalac/investors/{investor}/", ALL),
    "hoalac_meeting_add": ("POST", "/hoalac/investors/{investor}/meetings/", ADMIN),
    "hoalac_land": ("GET", "/hoalac/land/", ALL),
    "hoalac_model": ("GET", "/hoalac/model/", ALL),
    # recruitment: the recruiting unit's (D1) readers read, its writers enter reviews
    "recruit_exams": ("GET", "/recruit/", ALL),
    "recruit_exam": ("GET", "/recruit/{exam}/", D1_READ),
    "recruit_review": ("POST", "/recruit/{exam}/candidates/1/review/", D1_WRITE),
    "recruit_plan_new": (
        "POST",
        "/recruit/plan/new/?unit=D1&kind=civil_servant&exam_date=2024-10-05",
        D1_WRITE,
    ),
    "recruit_template": ("GET", "/recruit/templates/candidates.xlsx", ALL),
    "recruit_approve": ("POST", "/recruit/{exam}/approve/", D1_WRITE),
    "recruit_post_results": ("POST", "/recruit/{exam}/post-results/", D1_WRITE),
    "recruit_candidate_new": ("POST", "/recruit/{exam}/candidates/new/", D1_WRITE),
    "recruit_scores": ("POST", "/recruit/{exam}/scores/1/", D1_WRITE),
    "recruit_import": ("POST", "/recruit/{exam}/import/candidates/", D1_WRITE),
    "recruit_notice": ("GET", "/recruit/{exam}/notice.docx", D1_READ),
    "recruit_withdraw": ("POST", "/recruit/{exam}/candidates/1/withdraw/", D1_WRITE),
    "recruit_decline": ("POST", "/recruit/{exam}/candidates/1/decline/", D1_WRITE),
    "recruit_tie": ("POST", "/recruit/{exam}/candidates/1/tie/", D1_WRITE),
    "recruit_appoint": ("POST", "/recruit/{exam}/candidates/1/appoint/", D1_WRITE),
    "recruit_leader_appoint": ("POST", "/recruit/{exam}/candidates/1/appointment/", D1_WRITE),
    # pricing: everyone signed in reads; city administrators import and record
    "pricing_autonomy": ("GET", "/pricing/", ALL),
    "pricing_services": ("GET", "/pricing/services/", ALL),
    "pricing_service": ("GET", "/pricing/services/{service}/?on=2024-07-01", ALL),
    "pricing_pilot": ("GET", "/pricing/pilot/?year=2023", ALL),
    "pricing_pilot_report": ("GET", "/pricing/pilot/report.docx?year=2023", ALL),
    "pricing_pilot_import": ("GET", "/pricing/pilot/import/", ADMIN),
    "delegation_register": ("GET", "/delegation/", ALL),
    "delegation_register_xlsx": ("GET", "/delegation/transfers.xlsx", ALL),
    "delegation_template": ("GET", "/delegation/template.xlsx", ALL),
    "delegation_import": ("POST", "/delegation/import/", WRITERS),
    "delegation_who": ("GET", "/delegation/who/?power=P1&unit=W1", ALL),
    "delegation_power": ("GET", "/delegation/powers/P1/", ALL),
    "delegation_transfer": ("GET", "/delegation/transfers/{transfer}/", ALL),
    "delegation_review": ("GET", "/delegation/review/", ALL),
    "delegation_stats": ("GET", "/delegation/stats/?year=2024", ALL),
    # report drafts: readers of the scope unit read; drafters (here the city admin) write
    "reports": ("GET", "/reports/", ALL),
    "report_editor": ("GET", "/reports/{report}/", D1_READ),
    "report_preview": ("GET", "/reports/{report}/preview/", D1_READ),
    "report_narrative": ("POST", "/reports/{report}/narratives/limitations/", ADMIN),
    "report_letterhead": ("POST", "/reports/{report}/letterhead/", ADMIN),
    "report_regenerate": ("POST", "/reports/{report}/regenerate/", D1_READ),
    "report_freeze_page": ("POST", "/reports/{report}/freeze/", ADMIN),
    "report_download": ("GET", "/reports/{report}/versions/1/docx/", D1_READ),
    "report_page": ("GET", "/reports/{report}/versions/1/pages/1.png", D1_READ),
    # REST API
    "api-root": ("GET", "/api/v1/", {}),
    "openapi-json": ("GET", "/api/v1/openapi.json", {}),
    "units_list": ("GET", "/api/v1/org/units", ALL),
    "unit_detail": ("GET", "/api/v1/org/units/D1", D1_READ),
    "unit_history": ("GET", "/api/v1/org/units/D1/history", D1_READ),
    "unit_lineage": ("GET", "/api/v1/org/units/D1/lineage", D1_READ),
    "counts": ("GET", "/api/v1/org/counts", ALL),
    "events_list": ("GET", "/api/v1/org/events", ALL),
    "event_detail": ("GET", "/api/v1/org/events/{reorg}", ALL),
    "event_rename": ("POST", "/api/v1/org/events/rename", D1_WRITE),
    "event_establish": ("POST", "/api/v1/org/events/establish", D1_WRITE),
    "event_change_kind": ("POST", "/api/v1/org/events/change-kind", D1_WRITE),
    "event_transfer": ("POST", "/api/v1/org/events/transfer", D1_WRITE),
    "event_merge": ("POST", "/api/v1/org/events/merge", D1_WRITE),
    "event_absorb": ("POST", "/api/v1/org/events/absorb", D1_WRITE),
    "event_split": ("POST", "/api/v1/org/events/split", D1_WRITE),
    "event_rearrange": ("POST", "/api/v1/org/events/rearrange", D1_WRITE),
    "event_dissolve": ("POST", "/api/v1/org/events/dissolve", D1_WRITE),
    "quota_create": ("POST", "/api/v1/staffing/quotas", D1_WRITE),
    "position_new": ("POST", "/api/v1/staffing/positions", D1_WRITE),
    "document_new": ("POST", "/api/v1/steering/documents", D1_WRITE),
    "task_return": ("POST", "/api/v1/steering/tasks/{task}/return", ADMIN),
    "task_extension_request": ("POST", "/api/v1/steering/tasks/{task}/extensions", D1_WRITE),
    "task_extension_decide": ("POST", "/api/v1/steering/tasks/{task}/extensions/decision", ADMIN),
    "unit_summary": ("GET", "/api/v1/staffing/units/D1/summary", D1_READ),
    "unit_streamlining": ("GET", "/api/v1/staffing/units/D1/streamlining", D1_READ),
    "unit_positions": ("GET", "/api/v1/staffing/units/D1/positions", D1_READ),
    "quotas_list": ("GET", "/api/v1/staffing/quotas?unit=D1", D1_READ),
    "assignments_list": ("GET", "/api/v1/staffing/assignments?unit=D1", D1_READ),
    "pay_scenarios": ("GET", "/api/v1/pay/scenarios", ALL),
    "pay_run": ("GET", "/api/v1/pay/run?month=2024-07&unit=D1", D1_READ),
    "pay_compare": (
        "GET",
        "/api/v1/pay/compare?from=2024-07&to=2024-08&unit=D1&scenario=luong-co-so-2024",
        D1_READ,
    ),
    "pay_explain": ("GET", "/api/v1/pay/people/{person}/explain?month=2024-07", D1_WRITE),
    "documents_list": ("GET", "/api/v1/steering/documents", ALL),
    "document_detail": ("GET", "/api/v1/steering/documents/{doc}", D1_READ),
    "document_task_new": ("POST", "/api/v1/steering/documents/{doc}/tasks", ADMIN),
    "tasks_list": ("GET", "/api/v1/steering/tasks", ALL),
    "task_detail": ("GET", "/api/v1/steering/tasks/{task}", D1_READ),
    "task_report": ("POST", "/api/v1/steering/tasks/{task}/reports", D1_WRITE),
    "task_accept": ("POST", "/api/v1/steering/tasks/{task}/accept", ADMIN),
    "task_cancel": ("POST", "/api/v1/steering/tasks/{task}/cancel", ADMIN),
    "projects_list": ("GET", "/api/v1/hoalac/projects", ALL),
    "project_new": ("POST", "/api/v1/hoalac/projects", ADMIN),
    "project_detail": ("GET", "/api/v1/hoalac/projects/{project}", ALL),
    "project_stage": ("POST", "/api/v1/hoalac/projects/{project}/stage", ADMIN),
    "project_certificate": ("POST", "/api/v1/hoalac/projects/{project}/certificates", ADMIN),
    "project_disbursement": ("POST", "/api/v1/hoalac/projects/{project}/disbursements", ADMIN),
    "investors_list": ("GET", "/api/v1/hoalac/investors", ALL),
    "investor_new": ("POST", "/api/v1/hoalac/investors", ADMIN),
    "obstacles_list": ("GET", "/api/v1/hoalac/obstacles", ALL),
    "obstacle_new": ("POST", "/api/v1/hoalac/obstacles", ADMIN),
    "park_dashboard": ("GET", "/api/v1/hoalac/dashboard", ALL),
    "unit_scorecard": (
        "GET",
        "/api/v1/steering/scorecard?unit=D1&from=2024-01-01&to=2024-12-31",
        D1_READ,
    ),
    "powers_list": ("GET", "/api/v1/delegation/powers", ALL),
    "power_detail": ("GET", "/api/v1/delegation/powers/P1", ALL),
    "who": ("GET", "/api/v1/delegation/who?power=P1&unit=W1", ALL),
    "unit_powers": ("GET", "/api/v1/delegation/units/D1/powers", D1_READ),
    "unit_powers_diff": (
        "GET",
        "/api/v1/delegation/units/D1/diff?from=2021-01-01&to=2024-01-01",
        D1_READ,
    ),
    "transfers_list": ("GET", "/api/v1/delegation/transfers", ALL),
    "transfer_detail": ("GET", "/api/v1/delegation/transfers/{transfer}", ALL),
    "transfer_new": ("POST", "/api/v1/delegation/transfers", D1_WRITE),
    "transfer_edit": ("POST", "/api/v1/delegation/transfers/{transfer}/update", D1_WRITE),
    "transfer_end": ("POST", "/api/v1/delegation/transfers/{transfer}/revoke", D1_WRITE),
    "transfer_review": ("POST", "/api/v1/delegation/transfers/{transfer}/reviews", D1_WRITE),
    "review_list": ("GET", "/api/v1/delegation/review-register", ALL),
    "exams_list": ("GET", "/api/v1/recruit/exams", ALL),
    "exam_results_get": ("GET", "/api/v1/recruit/exams/{exam}/results", D1_READ),
    "exam_review": ("POST", "/api/v1/recruit/exams/{exam}/reviews", D1_WRITE),
    "exam_leader_appoint": ("POST", "/api/v1/recruit/exams/{exam}/appointments", D1_WRITE),
    "exam_candidates_import": ("POST", "/api/v1/recruit/exams/{exam}/candidates/import", D1_WRITE),
    "exam_scores_import": ("POST", "/api/v1/recruit/exams/{exam}/scores/import?round=2", D1_WRITE),
    "stats": ("GET", "/api/v1/delegation/stats?year=2024", ALL),
    "reports_list": ("GET", "/api/v1/reports", ALL),
    "report_new": ("POST", "/api/v1/reports", ADMIN),
    "report_detail": ("GET", "/api/v1/reports/{report}", D1_READ),
    "report_narratives": ("GET", "/api/v1/reports/{report}/narratives", D1_READ),
    "narrative_save": ("POST", "/api/v1/reports/{report}/narratives/limitations", ADMIN),
    "report_freeze": ("POST", "/api/v1/reports/{report}/freeze", ADMIN),
    "report_versions": ("GET", "/api/v1/reports/{report}/versions", D1_READ),
    "report_version_file": ("GET", "/api/v1/reports/{report}/versions/1/docx", D1_READ),
    "pricing_autonomy_list": ("GET", "/api/v1/pricing/autonomy?year=2023", ALL),
    "pricing_finance_record": ("POST", "/api/v1/pricing/units/D1/finances", ADMIN),
    "pricing_service_price": (
        "GET",
        "/api/v1/pricing/services/{service}/price?as_of=2024-07-01",
        ALL,
    ),
    "pricing_pilot_evaluation": ("GET", "/api/v1/pricing/pilot/evaluation?year=2023", ALL),
    "territory_check_api": ("GET", "/api/v1/territory/check?round=nq35-2023", ALL),
    "territory_propose_api": (
        "GET",
        "/api/v1/territory/proposals?round=nq35-2023&parent=D1",
        ALL,
    ),
    "territory_saved_list": ("GET", "/api/v1/territory/saved", ALL),
    "territory_saved_get": ("GET", "/api/v1/territory/saved/{proposal}", ALL),
    "territory_saved_create": ("POST", "/api/v1/territory/saved", D1_WRITE),
    "territory_saved_adopt": ("POST", "/api/v1/territory/saved/{proposal}/adopt", ADMIN),
    "territory_boundaries_import": ("POST", "/api/v1/territory/boundaries", ADMIN),
    "territory_adjacency_import": ("POST", "/api/v1/territory/adjacency", ADMIN),
}
#: Operations whose path is shared with a listed one (same URL, other method or kind):
#: their access rule is the one of the route named.
SAME_AS = {
    "login": "public",
    "set_language": "public",
    "roster_upload": "event_rename",  # multipart upload: the same guard as every org write
    # redirects to the person's page after the same personal-data check (test_pay_pages.py)
    "pay_person_lookup": "pay_person",
}
PUBLIC = {"openapi-json"}
NOT_SERVED = {"api-root"}  # the API root answers 404 to everyone (no browsable docs)


def _names(patterns, prefix: str = "") -> set[str]:
    out: set[str] = set()
    for p in patterns:
        if isinstance(p, URLResolver):
            if str(p.pattern).startswith("admin/"):
                continue
            out |= _names(p.url_patterns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern) and p.name:
            out.add(p.name)
    return out


def test_every_route_is_in_the_matrix():
    missing = _names(get_resolver().url_patterns) - set(ROUTES) - set(SAME_AS)
    assert missing == set()


@pytest.fixture
def world(django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    small_city()
    staff(1, "D1")  # a person paid by D1 (pay pages and explanations)
    doc = document(
        number="7/TB-VP",
        attachment=SimpleUploadedFile("kl.pdf", b"%PDF-1.4 x", content_type="application/pdf"),
    )
    t = task(doc, "D1", deadline=dt.date(2024, 4, 30))
    event = task_report(
        task=t,
        on=dt.date(2024, 3, 5),
        product_file=SimpleUploadedFile("bc.pdf", b"%PDF-1.4 y", content_type="application/pdf"),
        acting_user=None,
    )
    notice = Notice.objects.create(
        key="matrix",
        kind=NoticeKind.OVERDUE,
        task=t,
        unit=t.lead_unit,
        post="Chủ tịch",
        for_date=dt.date(2024, 5, 2),
        subject="Quá hạn",
    )
    power("P1")
    deleg = delegation(to="W1", from_unit="D1")
    territory_records()
    clients = {"anon": Client()}
    api = {"anon": Client()}
    for role, (membership, unit) in {
        "viewer": ("viewer", "D1"),
        "officer": ("unit_officer", "D1"),
        "outsider": ("unit_officer", "D2"),
        "admin": ("city_admin", None),
    }.items():
        user = django_user_model.objects.create_user(role, password="pw-matrix-2026")
        membership_grant(user=user, role=membership, unit_code=unit, acting_user=None)
        clients[role] = Client()
        clients[role].force_login(user)
        token = api_token_create(user=user, name="matrix", acting_user=None, scope="write")[1]
        api[role] = Client(headers={"Authorization": f"Bearer {token}"})
    ids = {
        "task": t.pk,
        "doc": doc.pk,
        "event": event.pk,
        "notice": notice.pk,
        "reorg": ReorgEvent.objects.first().pk,
        "person": Person.objects.get(personal_id=pid(1)).pk,
        **park_objects(),
        "transfer": deleg.pk,
        **exam_in("D1"),
        "service": pricing_objects(),
        "report": report_with_version("D1"),
        "proposal": saved_proposal(),
    }
    return clients, api, ids


def _verdict(resp, *, api: bool) -> str:
    assert resp.status_code < 500, resp.content[:300]
    if resp.status_code == 401 or (
        resp.status_code == 302 and "/login/" in resp.get("Location", "")
    ):
        return LOGIN
    if resp.status_code in (403, 404):
        return DENIED
    return OK


@pytest.mark.parametrize("name", sorted(ROUTES))
def test_route_as_each_role(world, name):
    clients, api_clients, ids = world
    method, template, expected = ROUTES[name]
    path = template.format(**ids)
    is_api = path.startswith("/api/")
    for role in ROLES:
        client = (api_clients if is_api else clients)[role]
        if method == "POST" and is_api:
            body = dict(BODIES.get(name, {}))
            if "expected_version" in body:
                model = Project if "project" in template else Task
                pk = {"code": ids["project"]} if model is Project else {"pk": ids["task"]}
                body["expected_version"] = model.objects.get(**pk).version
            if "investor_id" in body:
                body["investor_id"] = ids["investor"]
            resp = client.post(path, body, content_type="application/json")
        else:
            resp = client.post(path, {}) if method == "POST" else client.get(path)
        if name in NOT_SERVED:
            assert resp.status_code == 404, (name, role)
            continue
        if name in PUBLIC:
            assert resp.status_code == 200, (name, role)
            continue
        want = LOGIN if role == "anon" else expected[role]
        got = _verdict(resp, api=is_api)
        if method == "GET" and want == OK:
            assert resp.status_code == 200, (name, role, resp.status_code)
        assert got == want, (name, role, resp.status_code)
