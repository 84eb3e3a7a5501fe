from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "bedside.care"
    verbose_name = "Care plan and sessions"

    def ready(self) -> None:
        from bedside.circles.services import CIRCLE_DEFAULTS

        from .services import catalogue_install

        CIRCLE_DEFAULTS.append(catalogue_install)
