from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "bienche.org"
    label = "org"
    verbose_name = "Organization"
