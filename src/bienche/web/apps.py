from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "bienche.web"
    label = "web"
    verbose_name = "Web"
