from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "bedside.checkins"
    verbose_name = "Check-ins"

    def ready(self) -> None:
        from bedside.circles.services import CIRCLE_DEFAULTS

        from .services import trackables_install

        CIRCLE_DEFAULTS.append(trackables_install)
