"""Included by allauth under its prefix (/comptes/franceconnect/…)."""

from django.urls import include, path

from . import views

urlpatterns = [
    path(
        "franceconnect/",
        include(
            [
                path("login/", views.oauth2_login, name="franceconnect_login"),
                path("login/callback/", views.oauth2_callback, name="franceconnect_callback"),
                path("logout/", views.logout, name="franceconnect_logout"),
                path(
                    "logout/callback/",
                    views.logout_callback,
                    name="franceconnect_logout_callback",
                ),
            ]
        ),
    )
]
