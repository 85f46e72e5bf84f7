"""Erasure rules finer than "delete" or "keep", named in community.privacy.registry."""

from django.db.models import F

from community.ideas.models import Idea, IdeaStatus, IdeaSupport
from community.workshops.models import Contribution

__all__ = ["erase_contribution_photos", "erase_idea_authorship", "erase_supports"]


def erase_idea_authorship(user):
    """Drafts are the member's private work: deleted with their files. Submitted ideas are
    contributions to a call: kept, signed "former member"."""
    drafts = Idea.objects.filter(author=user, status=IdeaStatus.DRAFT)
    for idea in drafts.prefetch_related("attachments"):
        for attachment in idea.attachments.all():
            attachment.file.delete(save=False)
    drafts.delete()


def erase_supports(user):
    """Supports are removed and the ideas' counts follow."""
    for support in IdeaSupport.objects.filter(user=user).select_for_update():
        Idea.objects.filter(pk=support.idea_id, support_count__gt=0).update(
            support_count=F("support_count") - 1
        )
        support.delete()


def erase_contribution_photos(user):
    """Workshop contributions are shared work the synthesis draws on: their text is kept, signed
    "former member"; the photos, which may show the member or their home, are removed."""
    for contribution in Contribution.objects.filter(author=user).exclude(image=""):
        contribution.image.delete(save=False)
        contribution.save(update_fields=["image"])
