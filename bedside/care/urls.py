from django.urls import path

from . import views
from .views.calendar import calendar_page

app_name = "care"
urlpatterns = [
    path("tonight/", views.tonight, name="tonight"),
    path("log/", views.log, name="log"),
    path("occurrences/<int:occurrence_id>/", views.row, name="row"),
    path("occurrences/<int:occurrence_id>/done/", views.done, name="done"),
    path("occurrences/<int:occurrence_id>/skip/", views.skip, name="skip"),
    path("occurrences/<int:occurrence_id>/unskip/", views.unskip, name="unskip"),
    path("sessions/<int:session_id>/adjust/", views.adjust, name="adjust"),
    path("sessions/<int:session_id>/undo/", views.undo, name="undo"),
    path("calendar/", calendar_page, name="calendar"),
    path("plan/", views.plan, name="plan"),
    path("plan/new/", views.routine_new, name="routine_new"),
    path("plan/<int:routine_id>/edit/", views.routine_edit, name="routine_edit"),
    path("plan/<int:routine_id>/end/", views.routine_end, name="routine_end"),
    path("plan/<int:routine_id>/resume/", views.routine_resume, name="routine_resume"),
    path("techniques/", views.techniques, name="techniques"),
    path("techniques/new/", views.technique_new, name="technique_new"),
    path("techniques/<int:technique_id>/edit/", views.technique_edit, name="technique_edit"),
]
