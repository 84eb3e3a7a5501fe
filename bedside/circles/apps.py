from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "bedside.circles"
    verbose_name = "Care circles"
