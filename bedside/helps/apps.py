from django.apps import AppConfig


class HelpsConfig(AppConfig):
    name = "bedside.helps"
    verbose_name = "What helps: findings and home experiments"

    def ready(self) -> None:
        from bedside.care.selectors import TONIGHT_NOTES
        from bedside.reports.exporter import JSON_SECTIONS

        from .export import experiments_for_export
        from .tonight import experiment_notes

        TONIGHT_NOTES.append(experiment_notes)
        JSON_SECTIONS.append(("experiments", experiments_for_export))
