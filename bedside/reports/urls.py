from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("timeline/", views.timeline, name="timeline"),
    path("transfer/", views.transfer, name="transfer"),
]
