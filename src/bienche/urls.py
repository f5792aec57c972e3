"""URL map: the web pages, the REST API under /api/v1/, and the admin."""

from django.contrib import admin
from django.urls import include, path

from bienche.api import api

urlpatterns = [
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("bienche.web.urls")),
]
