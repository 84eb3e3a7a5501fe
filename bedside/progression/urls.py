from django.urls import path

from . import views

app_name = "progression"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("alsfrs/", views.alsfrs_history, name="alsfrs_history"),
    path("alsfrs/new/", views.alsfrs_entry, name="alsfrs_entry"),
    path("alsfrs/new/answer/", views.alsfrs_answer, name="alsfrs_answer"),
    path("alsfrs/new/proxy/", views.alsfrs_proxy, name="alsfrs_proxy"),
    path("alsfrs/new/start-over/", views.alsfrs_discard, name="alsfrs_discard"),
    path("alsfrs/new/save/", views.alsfrs_save, name="alsfrs_save"),
    path("alsfrs/total/", views.alsfrs_total, name="alsfrs_total"),
    path("alsfrs/remove/", views.alsfrs_remove, name="alsfrs_remove"),
    path("joints/", views.joints, name="joints"),
    path("joints/remove/", views.joint_remove, name="joint_remove"),
    path("breathing/", views.breathing, name="breathing"),
    path("breathing/remove/", views.breathing_remove, name="breathing_remove"),
    path("swelling/", views.swelling, name="swelling"),
    path("weight/", views.weight, name="weight"),
    path("settings/", views.settings, name="settings"),
]
