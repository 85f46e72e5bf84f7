"""The discussions listen to Wagtail: a published focus group or co-design workshop gets its
private space (community.discussions.services.ensure_event_space); to their own spaces: a
space's moderators get the role that opens the moderation queue; and to the idea page, which
asks for the idea's conversation."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from wagtail.signals import page_published

from community.discussions.models import DiscussionSpace
from community.discussions.services import ensure_event_space
from community.ideas.models import Idea
from community.ideas.signals import idea_page_requested
from events.pages.models import EventPage

MODERATORS_ROLE = "Moderators"  # cms.roles


@receiver(page_published, dispatch_uid="community_event_private_space")
def create_event_space(sender, instance, **kwargs):
    if isinstance(instance, EventPage):
        pk = instance.pk
        transaction.on_commit(lambda: ensure_event_space(EventPage.objects.get(pk=pk)))


@receiver(
    m2m_changed, sender=DiscussionSpace.moderators.through, dispatch_uid="space_moderators_role"
)
def give_moderators_the_queue(sender, instance, action, reverse, pk_set, **kwargs):
    """A member named moderator of a space joins the Moderators role, which opens the admin's
    moderation queue to them (cms.roles); without it the naming would give them nothing to use.
    Removing them from a space leaves the role to the administrators: they may have given it
    for other reasons."""
    if action != "post_add" or not pk_set:
        return
    group = Group.objects.filter(name=MODERATORS_ROLE).first()
    if group is None:
        return
    user_ids = {instance.pk} if reverse else set(pk_set)
    group.user_set.add(*user_ids)


@receiver(idea_page_requested, sender=Idea, dispatch_uid="discussions_idea_conversation")
def idea_conversation_section(sender, idea, request, **kwargs):
    """The idea page shows its conversation (views are imported here, not at start-up: they
    need the URL configuration)."""
    from community.discussions.views import idea_conversation

    return idea_conversation(idea, request)
