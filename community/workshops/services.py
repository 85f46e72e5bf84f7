"""Writing in a co-design workshop's space: contribute, comment, support, group, synthesise.

Each action asks community.workshops.permissions, then writes inside one transaction; a refusal
raises WorkshopRefused with a message for the person who asked.
"""

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, Max, OuterRef, Prefetch
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.search import index

from cms.i18n import active_and_default_language_codes
from community.workshops.models import (
    CoDesignWorkshopPage,
    Contribution,
    ContributionComment,
    ContributionGroup,
    ContributionSupport,
    WorkshopSynthesis,
)
from community.workshops.permissions import (
    access_for,
    can_support_contribution,
    visible_contributions,
)

__all__ = [
    "WorkshopRefused",
    "add_comment",
    "assign_group",
    "contribution_for",
    "create_group",
    "member_workshops",
    "post_contribution",
    "publish_synthesis",
    "space_contributions",
    "support",
    "withdraw_support",
]


class WorkshopRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _require(access, ability, message):
    if not access.allows(ability):
        raise WorkshopRefused(message)


def contribution_for(user, pk):
    """The contribution `pk` if this user may read it, else None (a guessed id finds nothing)."""
    contribution = Contribution.objects.select_related("workshop", "author").filter(pk=pk).first()
    if contribution is None:
        return None
    workshop = contribution.workshop
    access = access_for(user, workshop)
    if not visible_contributions(workshop, user, access).filter(pk=pk).exists():
        return None
    return contribution, access


def space_contributions(workshop, user, access):
    """The readable contributions with everything the page shows, in a fixed number of
    queries whatever their number: authors, comments with their authors, support counts and
    whether this reader supports each one."""
    mine = ContributionSupport.objects.filter(contribution=OuterRef("pk"), user=user.pk or 0)
    return (
        visible_contributions(workshop, user, access)
        .select_related("author", "group")
        .prefetch_related(
            Prefetch(
                "comments",
                queryset=ContributionComment.objects.select_related("author").order_by(
                    "created_at", "pk"
                ),
            )
        )
        .annotate(support_count=Count("supports", distinct=True), supported=Exists(mine))
        .order_by("created_at", "pk")
    )


def post_contribution(workshop, user, *, text, phase="", image=None, now=None):
    access = access_for(user, workshop, now)
    _require(access, "contribute", _("Only the workshop's participants contribute, while open."))
    with transaction.atomic():
        contribution = Contribution(
            workshop=workshop.workshop_source(),
            author=user,
            phase=phase,
            text=text,
            language=get_language(),
        )
        if image is not None:
            contribution.image.save(image.name, image, save=False)
        contribution.save()
    return contribution


def add_comment(contribution, user, text, now=None):
    access = access_for(user, contribution.workshop, now)
    _require(access, "comment", _("Only the workshop's participants comment, while open."))
    return ContributionComment.objects.create(
        contribution=contribution, author=user, text=text, language=get_language()
    )


def support(contribution, user, now=None):
    """True if this call added the support, False if the member already supported it."""
    access = access_for(user, contribution.workshop, now)
    if not can_support_contribution(user, contribution, access):
        raise WorkshopRefused(_("You cannot support this contribution."))
    try:
        with transaction.atomic():
            ContributionSupport.objects.create(contribution=contribution, user=user)
    except IntegrityError:
        return False
    return True


def withdraw_support(contribution, user):
    deleted, _rows = ContributionSupport.objects.filter(
        contribution=contribution, user=user
    ).delete()
    return bool(deleted)


def create_group(workshop, user, heading):
    access = access_for(user, workshop)
    _require(access, "group", _("Only facilitators group contributions."))
    return ContributionGroup.objects.create(
        workshop=workshop.workshop_source(), heading=heading, created_by=user
    )


def assign_group(contribution, user, group):
    """File the contribution under `group` (None: take it out of its group)."""
    access = access_for(user, contribution.workshop)
    _require(access, "group", _("Only facilitators group contributions."))
    if group is not None and group.workshop_id != contribution.workshop_id:
        raise WorkshopRefused(_("Choose a group of this workshop."))
    contribution.group = group
    contribution.save(update_fields=["group"])
    return contribution


def publish_synthesis(workshop, user, text, now=None):
    access = access_for(user, workshop, now)
    _require(access, "synthesise", _("Only facilitators publish the synthesis."))
    source = workshop.workshop_source()
    with transaction.atomic():
        synthesis, _created = WorkshopSynthesis.objects.get_or_create(
            workshop=source, defaults={"text": text}
        )
        synthesis.text = text
        synthesis.language = get_language()
        synthesis.published_by = user
        synthesis.published_at = now or timezone.now()
        synthesis.save()
    # The synthesis is searchable with the page, in every language copy.
    for copy in source.get_translations(inclusive=True).specific():
        index.insert_or_update_object(copy)
    return synthesis


def member_workshops(user):
    """The co-design workshops the member contributed to, latest contribution first, each in the
    reader's language where it has a live copy, with `my_contributions` (their number) and
    `last_contributed_at`. Two queries whatever their number ("My participation")."""
    workshops = list(
        CoDesignWorkshopPage.objects.filter(contributions__author=user)
        .annotate(
            my_contributions=Count("contributions", distinct=True),
            last_contributed_at=Max("contributions__created_at"),
        )
        .order_by("-last_contributed_at", "-pk")
    )
    if not workshops:
        return []
    copies = {
        page.translation_key: page
        for page in CoDesignWorkshopPage.objects.filter(
            translation_key__in=[workshop.translation_key for workshop in workshops],
            locale__language_code=active_and_default_language_codes()[0],
        ).live()
    }
    shown = []
    for workshop in workshops:
        copy = copies.get(workshop.translation_key, workshop)
        copy.my_contributions = workshop.my_contributions
        copy.last_contributed_at = workshop.last_contributed_at
        shown.append(copy)
    return shown
