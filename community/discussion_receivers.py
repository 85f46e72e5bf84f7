"""The discussions listen to Wagtail: a published focus group or co-design workshop gets its
private space (community.services.discussions.ensure_event_space)."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from events.models import EventPage

from .services.discussions import ensure_event_space


@receiver(page_published, dispatch_uid="community_event_private_space")
def create_event_space(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        pk = instance.pk
        transaction.on_commit(lambda: ensure_event_space(EventPage.objects.get(pk=pk)))
