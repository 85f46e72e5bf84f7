from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig

# One package per capability, lowest first: each may import those before it, never those after
# (docs/architecture.md; tests/test_architecture.py checks it).
CAPABILITIES = (
    "members",
    "organisations",
    "ideas",
    # What became of selected ideas: result pages under their call (after ideas, which it reads).
    "results",
    "workshops",
    "discussions",
    "moderation",
    "conversations",
    # Partner suggestions (organisations, directory entities, members who opted in) for transfer
    # requests and for the ideas of calls that ask for consortia; contacting them by message.
    "partnering",
    # Requests to adapt a pilot open a conversation; the notification centre listens to them.
    "transfers",
    "notifications",
    "newsletter",
    "privacy",
    # A member's own page reads every package above: it comes last.
    "participation",
)


class CommunityConfig(AppConfig):
    default = True  # this module also defines the wagtail.users replacement below
    name = "community"
    verbose_name = _("Community")
    default_auto_field = "django.db.models.BigAutoField"

    def import_models(self):
        """One Django app, its models in the capability packages (`community.<capability>.models`),
        so the app label, the tables and the migrations stay as they were."""
        super().import_models()  # no community/models.py: this only binds self.models
        modules = [import_module(f"{self.name}.{name}.models") for name in CAPABILITIES]
        # Django skips an app whose `models_module` is None when it sends the migrate signals
        # (permissions, content types, our roles), so name the first.
        self.models_module = modules[0]

    def ready(self):
        from community.conversations import receivers as _conversations  # noqa: F401
        from community.discussions import receivers as _discussions  # noqa: F401
        from community.ideas import receivers as _ideas  # noqa: F401
        from community.members import receivers as _members  # noqa: F401
        from community.notifications import receivers as _notifications  # noqa: F401
        from community.partnering import receivers as _partnering  # noqa: F401
        from community.results import receivers as _results  # noqa: F401

        self.register_home_sections()
        # Results of private ideas are hidden on every channel that asks cms.visibility.
        from community.results.permissions import register as register_result_visibility

        register_result_visibility()
        # A call's result filters are cached with the listings (cms.content_cache).
        from community.results.listing import register as register_result_filters

        register_result_filters()
        from community.transfers.pilot_panel import register as register_pilot_panel

        register_pilot_panel()
        # The kinds of result each capability adds to the site search (cms.search_sources).
        for name in ("members", "organisations", "ideas", "results", "discussions"):
            import_module(f"community.{name}.search").register()

    def register_home_sections(self):
        """The home page's sections of each capability (cms.home_sections)."""
        from community.discussions.home import register_sections as discussions
        from community.ideas.home import register_sections as ideas
        from community.newsletter.home import register_sections as newsletter

        for register in (ideas, discussions, newsletter):
            register()


class CommunityUsersAppConfig(WagtailUsersAppConfig):
    """Replaces `wagtail.users` in INSTALLED_APPS so the admin edits our profile fields too."""

    user_viewset = "community.members.admin.UserViewSet"
