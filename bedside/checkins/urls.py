from django.urls import path

from . import views

app_name = "checkins"
urlpatterns = [
    path("", views.checkin, name="checkin"),
    path("answer/", views.answer, name="answer"),
    path("same/", views.same, name="same"),
    path("undo/", views.undo, name="undo"),
    path("proxy/", views.proxy, name="proxy"),
    path("records/", views.records, name="records"),
    path("records/measurements/", views.measurements_add, name="measurements_add"),
    path(
        "records/measurements/<int:pk>/remove/",
        views.observation_remove,
        name="observation_remove",
    ),
    path("records/notes/", views.note_add, name="note_add"),
    path("records/notes/<int:pk>/remove/", views.note_remove, name="note_remove"),
    path("questions/", views.trackables, name="trackables"),
    path("questions/add/", views.trackable_add, name="trackable_add"),
    path("questions/order/", views.checkin_order, name="checkin_order"),
    path("questions/<int:pk>/", views.trackable_edit, name="trackable"),
    path("questions/<int:pk>/change/", views.trackable_change, name="trackable_change"),
    path("questions/<int:pk>/rename/", views.trackable_rename, name="trackable_rename"),
    path("questions/<int:pk>/rescale/", views.trackable_rescale, name="trackable_rescale"),
]
