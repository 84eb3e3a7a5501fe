from django.apps import AppConfig


class HelpsConfig(AppConfig):
    name = "bedside.helps"
    verbose_name = "What helps: findings and home experiments"
