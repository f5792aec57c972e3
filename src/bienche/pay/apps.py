from django.apps import AppConfig


class PayConfig(AppConfig):
    name = "bienche.pay"
    label = "pay"
    verbose_name = "Pay"
