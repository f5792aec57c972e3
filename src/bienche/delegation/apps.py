from django.apps import AppConfig


class DelegationConfig(AppConfig):
    name = "bienche.delegation"
    label = "delegation"
    verbose_name = "Decentralization and delegation register"

    def ready(self) -> None:
        from bienche.delegation.services.reorg import on_reorganization
        from bienche.org.hooks import register_event_handler

        register_event_handler(on_reorganization)
