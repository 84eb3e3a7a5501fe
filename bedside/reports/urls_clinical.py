"""The clinical reports, mounted at ``c/<slug>/reports/`` (the circle is the only parameter)."""

from django.urls import path

from . import views_clinical as views

app_name = "clinical"
urlpatterns = [
    path("", views.reports, name="reports"),
    path("pt/", views.pt_preview, name="pt_preview"),
    path("pt.pdf", views.pt_pdf, name="pt_pdf"),
    path("clinic/", views.clinic_preview, name="clinic_preview"),
    path("clinic.pdf", views.clinic_pdf, name="clinic_pdf"),
    path("fhir.json", views.fhir, name="fhir"),
]
