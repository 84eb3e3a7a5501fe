from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "bedside.reports"
    verbose_name = "Reports, imports and exports"
