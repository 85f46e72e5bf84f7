from importlib import import_module

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# One package per capability, lowest first: each may import those before it, never those after
# (docs/architecture.md; tests/test_architecture.py checks it).
CAPABILITIES = (
    "calendars",  # dates, time zones, iCalendar and feeds: no event models
    "pages",  # what an event is: the event base and its kinds, seat caps
    "registrations",  # the registration engine, its emails, views and the organisers' desk
    "listing",  # the events index: filters, calendar, exports, the map layer
    "demo",  # the demo events
)
MODEL_PACKAGES = ("pages", "registrations", "listing")


class EventsConfig(AppConfig):
    """Events and registrations: webinars, focus groups, meetings, the registration engine."""

    name = "events"
    verbose_name = _("Events")
    default_auto_field = "django.db.models.BigAutoField"

    def import_models(self):
        """One Django app, its models in the capability packages (`events.<capability>.models`),
        so the app label, the tables and the migrations stay as they were."""
        super().import_models()  # no events/models.py: this only binds self.models
        modules = [import_module(f"{self.name}.{name}.models") for name in MODEL_PACKAGES]
        # Django skips an app whose `models_module` is None when it sends the migrate signals.
        self.models_module = modules[0]

    def ready(self):
        from events.listing.home import register_sections
        from events.listing.search import register as register_search_kinds
        from events.registrations import handlers

        handlers.connect()
        register_sections()  # the home page's "next events" (cms.home_sections)
        # Events are a kind of result of the site search (cms.search_sources).
        register_search_kinds()
