from django.apps import AppConfig


class StaffingConfig(AppConfig):
    name = "bienche.staffing"
    label = "staffing"
    verbose_name = "Staffing"

    def ready(self) -> None:
        from bienche.org.hooks import register_event_handler
        from bienche.staffing.reorg import on_reorganization

        register_event_handler(on_reorganization)
