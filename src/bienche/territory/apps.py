from django.apps import AppConfig


class TerritoryConfig(AppConfig):
    name = "bienche.territory"
    label = "territory"
    verbose_name = "Administrative units (territory)"
