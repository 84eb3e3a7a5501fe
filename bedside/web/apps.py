from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "bedside.web"
    verbose_name = "Web pages"
