"""Who sees partner suggestions for an idea and who may write to them: asked here by the idea
page's section and the contact view alike. Transfer requests keep their own rule
(community.transfers.permissions: the requester)."""

from community.ideas.models import IdeaStatus
from community.ideas.permissions import can_view_idea, is_call_organiser, is_idea_author

__all__ = ["can_contact_for_idea", "can_see_call_suggestions", "can_see_idea_suggestions"]


def _active(user):
    return bool(user is not None and user.is_authenticated and user.is_active)


def _looks_for_partners(idea):
    return idea.call.asks_for_consortia and idea.status != IdeaStatus.WITHDRAWN


def can_see_idea_suggestions(idea, user):
    """When the idea's call asks for consortia and the idea is not withdrawn: its author and
    accepted co-authors, and the call's organisers while they may read it. Never the public
    nor other members."""
    if not (_active(user) and _looks_for_partners(idea)):
        return False
    if is_idea_author(idea, user):
        return True
    return is_call_organiser(idea.call, user) and can_view_idea(idea, user)


def can_contact_for_idea(idea, user):
    """Only the idea's author and accepted co-authors write to suggested partners: the
    organisers see the suggestions, they do not build the consortium."""
    return _active(user) and _looks_for_partners(idea) and is_idea_author(idea, user)


def can_see_call_suggestions(call, user):
    """The organisers of a call that asks for consortia see who could join its consortia,
    before any idea; nobody else."""
    return _active(user) and call.asks_for_consortia and is_call_organiser(call, user)
