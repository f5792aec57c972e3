from django.apps import AppConfig


class SteeringConfig(AppConfig):
    name = "bienche.steering"
    label = "steering"
    verbose_name = "Steering tasks"

    def ready(self) -> None:
        from bienche.org.hooks import register_event_handler
        from bienche.steering.services.transfer import on_reorganization

        register_event_handler(on_reorganization)
