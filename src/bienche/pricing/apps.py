from django.apps import AppConfig


class PricingConfig(AppConfig):
    name = "bienche.pricing"
    label = "pricing"
    verbose_name = "Public service units: autonomy, cost norms, unit prices"
