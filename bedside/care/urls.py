from django.urls import path

from . import views

app_name = "care"
urlpatterns = [
    path("tonight/", views.tonight, name="tonight"),
    path("plan/", views.plan, name="plan"),
]
