from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "bienche.core"
    label = "core"
    verbose_name = "Core"
