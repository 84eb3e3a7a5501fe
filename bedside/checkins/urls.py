from django.urls import path

from . import views

app_name = "checkins"
urlpatterns = [
    path("", views.checkin, name="checkin"),
]
