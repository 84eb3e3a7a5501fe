from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "bedside.timeline"
    verbose_name = "Timeline and charts"
