from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CommunityConfig(AppConfig):
    default = True  # this module also defines the wagtail.users replacement below
    name = "community"
    verbose_name = _("Community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import (
            discussion_receivers,  # noqa: F401 - private spaces of groups
            notification_receivers,  # noqa: F401 - the notification centre listens
            signals,  # noqa: F401 - connects the receivers
        )


class CommunityUsersAppConfig(WagtailUsersAppConfig):
    """Replaces `wagtail.users` in INSTALLED_APPS so the admin edits our profile fields too."""

    user_viewset = "community.admin_users.UserViewSet"
