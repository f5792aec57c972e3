from django.contrib.auth import views as auth_views
from django.urls import path

from bienche.web import org_views, staffing_views, views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(
        "login/",
        auth_views.LoginView.as_view(template_name="registration/login.html"),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("org/chart/", org_views.org_chart, name="org_chart"),
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
]
