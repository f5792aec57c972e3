from django.apps import AppConfig


class InvestmentConfig(AppConfig):
    name = "bienche.investment"
    label = "investment"
    verbose_name = "Hòa Lạc investment"
