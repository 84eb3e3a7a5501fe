from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CirclesConfig(AppConfig):
    name = "bedside.circles"
    verbose_name = "Care circles"

    def ready(self) -> None:
        from .append_only import install

        post_migrate.connect(install, sender=self, dispatch_uid="circles_audit_append_only")
