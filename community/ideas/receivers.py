"""Ideas answer what lower capabilities ask (connected in community.apps)."""

from django.dispatch import receiver

from community.ideas.permissions import disclose, public_ideas
from community.organisations.signals import activity_requested


@receiver(activity_requested)
def organisation_ideas(sender, organisation, request, **kwargs):
    """An organisation's page lists its published ideas (the one public-idea rule), each with
    the status its reader may know."""
    ideas = (
        public_ideas()
        .filter(organisation__translation_key=organisation.translation_key)
        .select_related("call")
        .order_by("-submitted_at")
    )
    user = request.user if request is not None else None
    return {"ideas": disclose(ideas, user)}
