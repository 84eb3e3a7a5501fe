from django.apps import AppConfig


class BackupsConfig(AppConfig):
    name = "bedside.backups"
    verbose_name = "Backups and restore"
