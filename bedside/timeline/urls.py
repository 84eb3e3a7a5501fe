from django.urls import path

from . import views

app_name = "timeline"
urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("charts/", views.charts, name="charts"),
    path("chart/<int:trackable_id>/", views.chart, name="chart"),
]
