"""Member-facing community routes, under the language prefix (/<lang>/community/...)."""

from django.urls import path

from .views import privacy, profiles

app_name = "community"

urlpatterns = [
    path("profile/", profiles.edit_profile, name="profile_edit"),
    path("members/", profiles.directory, name="directory"),
    path("members/<int:pk>/", profiles.profile, name="profile"),
    path("privacy/", privacy.privacy, name="privacy"),
    path("privacy/accept/", privacy.accept_policy, name="policy_accept"),
    path("privacy/export/", privacy.export_request, name="export_request"),
    path("privacy/export/<str:token>/", privacy.export_download, name="export_download"),
    path("privacy/delete/", privacy.delete_account, name="account_delete"),
]
