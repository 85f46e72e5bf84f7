"""Factories for the events listing page (tests and the demo)."""

from cms.factories import BasePageFactory
from events.listing import models


class EventIndexPageFactory(BasePageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = models.EventIndexPage
