"""Events as a kind of result of the site search: event pages of every type (webinars, focus
groups, meetings, co-design workshops), visible by the pages' one rule (cms.visibility)."""

from django.utils.translation import gettext_lazy as _

from cms.search_sources import page_source, register_search_source
from events.pages.models import EventPage

__all__ = ["register"]


def register():
    register_search_source(page_source("events", _("Events"), [EventPage], order=20))
