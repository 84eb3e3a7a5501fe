from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "bedside.demo"
    verbose_name = "Demo circle and local serving"
