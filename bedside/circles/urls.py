from django.urls import path

from . import views

urlpatterns = [
    path("circles/new/", views.circle_new, name="circle_new"),
    path("c/<slug:slug>/members/", views.members, name="members"),
]
