"""The idea and call pages ask the capabilities above them for their sections
(community.ideas.signals): partner suggestions answer for calls that ask for consortia and
their ideas."""

from django.dispatch import receiver

from community.ideas.models import Idea, IdeaCallPage
from community.ideas.signals import call_page_requested, idea_page_requested


@receiver(idea_page_requested, sender=Idea, dispatch_uid="partnering_idea_suggestions")
def idea_partners_section(sender, idea, request, **kwargs):
    # Views are imported here, not at start-up: they need the URL configuration.
    from community.partnering.views import idea_partners_section as section

    return section(idea, request)


@receiver(call_page_requested, sender=IdeaCallPage, dispatch_uid="partnering_call_suggestions")
def call_partners_section(sender, call, request, **kwargs):
    from community.partnering.views import call_partners_section as section

    return section(call, request)
