"""The idea page asks its capabilities for their sections (community.ideas.signals): partner
suggestions answer for the ideas of calls that ask for consortia."""

from django.dispatch import receiver

from community.ideas.models import Idea
from community.ideas.signals import idea_page_requested


@receiver(idea_page_requested, sender=Idea, dispatch_uid="partnering_idea_suggestions")
def idea_partners_section(sender, idea, request, **kwargs):
    # Views are imported here, not at start-up: they need the URL configuration.
    from community.partnering.views import idea_partners_section as section

    return section(idea, request)
