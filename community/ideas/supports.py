"""Supporting public ideas: one support per member, withdrawable, race-safe.

The unique constraint (idea, member) decides under concurrency: a second support inside the
same instant fails to insert and changes nothing; the count moves with F() in the same
transaction as the row, so it never drifts from the rows.
"""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from community.ideas.models import Idea, IdeaSupport
from community.ideas.permissions import is_idea_author, is_public_idea
from community.ideas.services import IdeaRefused

__all__ = ["can_support", "support", "withdraw_support"]


def can_support(idea, user):
    return (
        user.is_authenticated
        and idea.call.supports_enabled
        and is_public_idea(idea)
        and not is_idea_author(idea, user)
    )


def support(idea, user):
    """True if this call added the support, False if the member already supported it."""
    if not can_support(idea, user):
        raise IdeaRefused(_("You cannot support this idea."))
    try:
        with transaction.atomic():
            IdeaSupport.objects.create(idea=idea, user=user)
            Idea.objects.filter(pk=idea.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return False
    return True


def withdraw_support(idea, user):
    """True if a support was removed."""
    with transaction.atomic():
        deleted, _rows = IdeaSupport.objects.filter(idea=idea, user=user).delete()
        if deleted:
            Idea.objects.filter(pk=idea.pk, support_count__gt=0).update(
                support_count=F("support_count") - 1
            )
    return bool(deleted)
