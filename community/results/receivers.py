"""A result announces its changes when a revision is published, from the admin's editor or
the organiser's form alike (community.results.services.announce)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from community.ideas.models import Idea
from community.ideas.signals import idea_page_requested
from community.results.models import IdeaResultPage
from community.results.services import announce


@receiver(page_published, sender=IdeaResultPage)
def announce_published_result(sender, instance, revision=None, **kwargs):
    announce(instance, actor=getattr(revision, "user", None))


@receiver(idea_page_requested, sender=Idea, dispatch_uid="results_idea_section")
def idea_result_section(sender, idea, request, **kwargs):
    """The idea page shows its result, or offers its organisers to make one (views are
    imported here, not at start-up: they need the URL configuration)."""
    from community.results.views import idea_result_section as section

    return section(idea, request)
