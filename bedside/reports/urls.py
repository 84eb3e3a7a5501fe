from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("transfer/", views.transfer, name="transfer"),
    path("transfer/export.csv", views.export_csv, name="export_csv"),
    path("transfer/export.json", views.export_json, name="export_json"),
]
