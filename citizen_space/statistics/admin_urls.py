"""Admin URLs of the statistics (under /admin/statistics/)."""

from django.urls import path

from . import views

app_name = views.URL_NAMESPACE

urlpatterns = [
    path("", views.ChooserView.as_view(), name="chooser"),
    path("<slug:slug>/", views.CollectivityStatisticsView.as_view(), name="collectivity"),
]
