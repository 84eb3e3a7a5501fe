from django.urls import path

from . import views

app_name = "helps"
urlpatterns = [
    path("", views.what_helps, name="what_helps"),
]
