from django.apps import AppConfig


class ProgressionConfig(AppConfig):
    name = "bedside.progression"
    verbose_name = "Progression: ALSFRS-R and body measures"
