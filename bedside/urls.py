from django.contrib.auth.views import LogoutView
from django.urls import include, path
from django.views.i18n import set_language

from bedside.care.views import calendar as calendar_views
from bedside.web import views

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", views.login_view, name="login"),
    path("logout/", LogoutView.as_view(), name="logout"),
    path("settings/", views.preferences, name="preferences"),
    path("i18n/setlang/", set_language, name="set_language"),
    # A calendar app cannot sign in: the private token in the address is the key.
    path("calendar/<str:token>.ics", calendar_views.feed, name="calendar_feed"),
    path("", include("bedside.circles.urls")),
    path("c/<slug:slug>/", views.circle_home, name="circle"),
    path("c/<slug:slug>/care/", include("bedside.care.urls")),
    path("c/<slug:slug>/checkin/", include("bedside.checkins.urls")),
    path("c/<slug:slug>/timeline/", include("bedside.timeline.urls")),
    path("c/<slug:slug>/progression/", include("bedside.progression.urls")),
    path("c/<slug:slug>/record/", include("bedside.reports.urls")),
    path("c/<slug:slug>/reports/", include("bedside.reports.urls_clinical")),
    path("c/<slug:slug>/what-helps/", include("bedside.helps.urls")),
]
