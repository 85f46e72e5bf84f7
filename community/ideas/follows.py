"""Following an idea: members follow a public idea to hear of its conversation and of its
status (as far as `disclosed_status` lets them know it); its authors follow it always.

Who may follow is `can_follow_idea`; who hears what is the notification centre's, which asks
`idea_follower_ids` and the disclosure rules (community.notifications.receivers).
"""

from community.ideas.models import CoAuthorStatus, IdeaFollow
from community.ideas.permissions import can_discuss_idea, is_idea_author

__all__ = ["author_ids", "can_follow_idea", "follow_idea", "idea_follower_ids", "is_following"]


def author_ids(idea):
    """The author and accepted co-authors: they follow their idea without asking."""
    return {
        idea.author_id,
        *idea.coauthors.filter(status=CoAuthorStatus.ACCEPTED).values_list("user_id", flat=True),
    }


def idea_follower_ids(idea):
    """Everyone following `idea`: its authors and the members who chose to."""
    return author_ids(idea) | set(idea.follows.values_list("user_id", flat=True))


def can_follow_idea(idea, user, request=None):
    """A signed-in member, of an idea open to conversation; not its authors (they always do)."""
    if not user.is_authenticated or is_idea_author(idea, user):
        return False
    return can_discuss_idea(idea, request)


def is_following(idea, user):
    if not user.is_authenticated:
        return False
    return is_idea_author(idea, user) or IdeaFollow.objects.filter(idea=idea, user=user).exists()


def follow_idea(idea, user, on=True):
    """Follow (or stop following) `idea`; the caller asked `can_follow_idea`."""
    if on:
        IdeaFollow.objects.get_or_create(idea=idea, user=user)
    else:
        IdeaFollow.objects.filter(idea=idea, user=user).delete()
    return on
