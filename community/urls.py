"""Member-facing community routes, under the language prefix (/<lang>/community/...)."""

from django.urls import path

from .views import profiles

app_name = "community"

urlpatterns = [
    path("profile/", profiles.edit_profile, name="profile_edit"),
    path("members/", profiles.directory, name="directory"),
    path("members/<int:pk>/", profiles.profile, name="profile"),
]
