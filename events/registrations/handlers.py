"""Reactions of the events app to Wagtail's own signals."""

from django.db import transaction
from wagtail.signals import page_published

from events.pages.models import EventPage
from events.registrations.services import promote_waiting


def promote_after_publish(sender, instance, **kwargs):
    """More seats or looser caps published: seat the people waiting who now fit."""
    if isinstance(instance, EventPage):
        pk = instance.pk
        transaction.on_commit(lambda: promote_waiting(EventPage.objects.get(pk=pk)))


def connect():
    page_published.connect(promote_after_publish, dispatch_uid="events_promote_after_publish")
