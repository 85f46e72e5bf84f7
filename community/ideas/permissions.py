"""Who may see or do what with calls and ideas: each rule in one function, used by views,
exports, the admin and tests alike."""

from django.db.models import Case, CharField, F, Q, Value, When
from django.utils import timezone

from cms.visibility import is_visible
from community.ideas.models import (
    CoAuthorStatus,
    ConflictOfInterest,
    Idea,
    IdeaStatus,
)
from community.ideas.models.choices import EVALUATED_STATUSES, SUBMITTED_STATUSES
from community.organisations.permissions import member_organisation_ids

__all__ = [
    "DECISION_STATUSES",
    "UNDECIDED_STATUS",
    "can_discuss_idea",
    "can_edit_idea",
    "can_review_idea",
    "can_view_idea",
    "disclose",
    "disclosed_status",
    "discussable_ideas",
    "is_call_organiser",
    "is_idea_author",
    "is_public_idea",
    "knows_decisions",
    "public_ideas",
    "public_status",
    "results_published",
    "reviewable_ideas",
]


# --- ideas ---


def public_ideas_q(now=None):
    """Ideas anyone may read: submitted ideas of calls that publish them, and selected ideas
    once the call's results are out. The call page's own visibility is checked by callers."""
    now = now or timezone.now()
    return Q(call__ideas_public=True, status__in=SUBMITTED_STATUSES) | Q(
        status=IdeaStatus.SELECTED, call__results_published_at__lte=now
    )


def public_ideas(queryset=None, now=None):
    return (queryset if queryset is not None else Idea.objects.all()).filter(public_ideas_q(now))


def is_public_idea(idea, now=None):
    """The same rule as `public_ideas_q`, for one idea already loaded."""
    now = now or timezone.now()
    call = idea.call
    if call.ideas_public and idea.status in SUBMITTED_STATUSES:
        return True
    published = call.results_published_at is not None and call.results_published_at <= now
    return idea.status == IdeaStatus.SELECTED and published


def discussable_ideas(now=None):
    """Ideas open to conversation (comments, follows): public ideas of a live call. Never a
    draft or a withdrawn idea: their conversation lives in a public space
    (community.discussions.ideas), so it must tell no more than the gallery does.

    One database expression (the discussions filter every list of threads and posts by it,
    without a query more); `can_discuss_idea` adds the call page's view restrictions."""
    return public_ideas(now=now).filter(call__live=True)


def can_discuss_idea(idea, now=None):
    """Whether `idea` is open to conversation: `discussable_ideas`, and its call page is
    visible to a visitor (a restricted call's ideas are not discussed in public)."""
    if not is_public_idea(idea, now) or not discussable_ideas(now).filter(pk=idea.pk).exists():
        return False
    return is_visible(idea.call)


def is_idea_author(idea, user):
    """The author or an accepted co-author."""
    if not user.is_authenticated:
        return False
    if idea.author_id == user.pk:
        return True
    return idea.coauthors.filter(user=user, status=CoAuthorStatus.ACCEPTED).exists()


def is_call_organiser(call, user):
    """Editors who may edit the call page run it: review results, statuses, exports."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return call.permissions_for_user(user).can_edit()


def is_assigned_reviewer(call, user):
    return user.is_authenticated and user.pk in call.reviewer_ids()


def can_view_idea(idea, user):
    """Authors always; organisers and assigned, unconflicted reviewers once it is submitted;
    everyone when it is public. Drafts are their authors' alone."""
    if is_idea_author(idea, user):
        return True
    if idea.status == IdeaStatus.DRAFT:
        return False
    if idea.status in SUBMITTED_STATUSES and is_call_organiser(idea.call, user):
        return True
    if idea.status in SUBMITTED_STATUSES and can_review_idea(idea, user):
        return True
    return is_public_idea(idea)


def can_edit_idea(idea, user, now=None):
    """Authors edit drafts and submitted ideas while the call is open."""
    return (
        idea.status in (IdeaStatus.DRAFT, IdeaStatus.SUBMITTED)
        and idea.call.is_open(now)
        and is_idea_author(idea, user)
    )


# --- what the public and the authors may know of an idea, and when ---

# The review's decisions. Until the organisers publish the call's results they stay with the
# organisers and the idea's reviewers: everyone else, the authors included, reads "Under
# review", on every channel (page, gallery, exports, notifications, emails, the member's data
# archive). Hiding the idea instead would tell just as much, by its absence.
DECISION_STATUSES = (IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED, IdeaStatus.NOT_SELECTED)
UNDECIDED_STATUS = IdeaStatus.UNDER_REVIEW


def results_published(call, now=None):
    """Whether the call's results are out (ideas hang on the source call, which holds the date)."""
    now = now or timezone.now()
    return call.results_published_at is not None and call.results_published_at <= now


def knows_decisions(idea, user=None, now=None):
    """Everyone once results are published; before, the call's organisers and the reviewers
    who may review this idea (never an author, who cannot review their own idea)."""
    if results_published(idea.call, now):
        return True
    if user is None or not user.is_authenticated:
        return False
    return is_call_organiser(idea.call, user) or can_review_idea(idea, user)


def disclosed_status(idea, user=None, status=None, now=None):
    """The status `user` (None: a visitor) may read for `idea`; `status` asks about another
    status of the same idea (a past one, from its history)."""
    status = IdeaStatus(status if status is not None else idea.status)
    if status in DECISION_STATUSES and not knows_decisions(idea, user, now):
        return UNDECIDED_STATUS
    return status


def disclose(ideas, user=None, now=None):
    """`ideas` as a list, each with `disclosed_status` set for `user`, for templates."""
    ideas = list(ideas)
    for idea in ideas:
        idea.disclosed_status = disclosed_status(idea, user, now=now)
    return ideas


def public_status(now=None):
    """`disclosed_status` for a visitor as a database expression, to filter and count by
    (the gallery's status filter): a decision reads as "under review" until results are out."""
    now = now or timezone.now()
    undecided = Q(status__in=DECISION_STATUSES) & (
        Q(call__results_published_at__isnull=True) | Q(call__results_published_at__gt=now)
    )
    return Case(
        When(undecided, then=Value(UNDECIDED_STATUS.value)),
        default=F("status"),
        output_field=CharField(),
    )


# --- review ---

REVIEWABLE_STATUSES = (IdeaStatus.SUBMITTED, *EVALUATED_STATUSES)


def reviewer_organisation_ids(reviewer):
    ids = member_organisation_ids(reviewer)
    if reviewer.organisation_id:
        ids.add(reviewer.organisation_id)
    return ids


def reviewable_ideas(call, reviewer):
    """The ideas of `call` this reviewer may see and score: none unless assigned; never an idea
    they (co-)wrote or were invited to, one of their organisations' ideas, or one they
    declared a conflict with (the idea or its organisation)."""
    source = call.source_page()
    if not is_assigned_reviewer(source, reviewer):
        return Idea.objects.none()
    organisations = reviewer_organisation_ids(reviewer)
    declared = ConflictOfInterest.objects.filter(reviewer=reviewer)
    return (
        Idea.objects.filter(call=source, status__in=REVIEWABLE_STATUSES)
        .exclude(author=reviewer)
        .exclude(coauthors__user=reviewer)
        .exclude(organisation_id__in=organisations)
        .exclude(pk__in=declared.filter(idea__isnull=False).values("idea_id"))
        .exclude(
            organisation_id__in=declared.filter(organisation__isnull=False).values(
                "organisation_id"
            )
        )
    )


def can_review_idea(idea, user):
    """An assigned reviewer, without a conflict of interest with this idea."""
    return (
        user.is_authenticated
        and idea.status in REVIEWABLE_STATUSES
        and reviewable_ideas(idea.call, user).filter(pk=idea.pk).exists()
    )
