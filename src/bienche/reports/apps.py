from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "bienche.reports"
    label = "reports"
    verbose_name = "Reports"
