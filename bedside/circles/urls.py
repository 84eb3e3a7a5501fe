from django.urls import path

from . import account_views, views

urlpatterns = [
    path("circles/new/", views.circle_new, name="circle_new"),
    path("c/<slug:slug>/settings/", views.circle_settings, name="circle_settings"),
    path("c/<slug:slug>/erase/", views.circle_erase, name="circle_erase"),
    path("c/<slug:slug>/members/", views.members, name="members"),
    path("c/<slug:slug>/members/invite/", views.member_invite, name="member_invite"),
    path("c/<slug:slug>/members/<int:membership_id>/role/", views.member_role, name="member_role"),
    path(
        "c/<slug:slug>/members/<int:membership_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path(
        "c/<slug:slug>/members/<int:membership_id>/restore/",
        views.member_restore,
        name="member_restore",
    ),
    path(
        "c/<slug:slug>/invitations/<int:invitation_id>/cancel/",
        views.invitation_cancel,
        name="invitation_cancel",
    ),
    path("c/<slug:slug>/audit/", views.audit_trail, name="audit_trail"),
    path("invite/<str:token>/", account_views.invitation_accept, name="invitation_accept"),
    path("account/", account_views.account, name="account"),
    path(
        "account/sign-out-everywhere/",
        account_views.sign_out_everywhere,
        name="sign_out_everywhere",
    ),
]
