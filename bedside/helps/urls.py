from django.urls import path

from . import views

app_name = "helps"
urlpatterns = [
    path("", views.what_helps, name="what_helps"),
    path("experiments/new/", views.experiment_new, name="experiment_new"),
    path("experiments/<int:experiment_id>/", views.experiment, name="experiment"),
    path("experiments/<int:experiment_id>/stop/", views.experiment_stop, name="experiment_stop"),
]
