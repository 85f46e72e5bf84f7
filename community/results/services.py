"""Results' rules that change things: turning an idea into a result, updating it, following
it, and announcing what changed to its followers."""

from types import SimpleNamespace

from django.db import transaction
from django.utils.text import slugify

from community.ideas.follows import author_ids
from community.ideas.permissions import is_idea_author
from community.results.models import (
    IdeaResultMilestone,
    IdeaResultPage,
    ResultAnnouncement,
    ResultFollow,
    ResultStatus,
)
from community.results.permissions import can_view_result, make_result_refusal
from community.results.signals import result_milestone_added, result_status_changed

__all__ = [
    "ResultRefused",
    "as_reader",
    "can_follow_result",
    "create_result",
    "follow_result",
    "follower_ids",
    "is_following_result",
    "update_result",
]


class ResultRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def as_reader(user):
    """A request-like reader for the page rules (view restrictions ask the user and session),
    for channels without a request: notifications and emails."""
    return SimpleNamespace(user=user, session={})


def _unique_slug(call, base):
    base = (slugify(base) or "result")[:70]
    slug, n = base, 2
    while call.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_result(idea, user, pilot_action=None):
    """A published result page under the idea's call, carrying what the idea already says
    (title, summary, organisation, country, topics); its authors follow it from now on."""
    refusal = make_result_refusal(idea, user)
    if refusal:
        raise ResultRefused(refusal)
    call = idea.call
    organisation = idea.organisation
    result = IdeaResultPage(
        title=idea.title,
        slug=_unique_slug(call, idea.title),
        summary=idea.summary[:400],
        idea=idea,
        pilot_action=pilot_action,
        country=organisation.country if organisation and organisation.country_id else None,
        status=ResultStatus.NOT_STARTED,
        locale_id=call.locale_id,
    )
    call.add_child(instance=result)
    result.topics.set(list(idea.topics.all()))
    if organisation:
        result.organisations.set([organisation])
    # Our rule (organisers of the call, `make_result_refusal` / `can_manage_result`) decides,
    # not Wagtail's publish permission: an organiser may edit the call without publishing.
    result.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return result


_KEEP = object()


@transaction.atomic
def update_result(
    result, user, *, status, progress, stopped_reason="", milestone=None, pilot_action=_KEEP
):
    """The organiser's front-end update: a new published revision (the admin's history shows
    it); `milestone` is (title, date) or None; `pilot_action` attaches the result to an
    existing pilot action (None detaches it; left out, it stays as it is). The caller asked
    `can_manage_result`."""
    result = IdeaResultPage.objects.get(pk=result.pk)
    if pilot_action is not _KEEP:
        result.pilot_action = pilot_action
    result.status = status
    result.progress = progress
    result.stopped_reason = stopped_reason
    if milestone is not None:
        title, date = milestone
        result.milestones.add(
            IdeaResultMilestone(title=title, date=date, locale_id=result.locale_id)
        )
    result.full_clean(exclude=["path", "depth", "url_path", "draft_title"])
    # Our rule (organisers of the call, `make_result_refusal` / `can_manage_result`) decides,
    # not Wagtail's publish permission: an organiser may edit the call without publishing.
    result.save_revision(user=user).publish(user=user, skip_permission_checks=True)
    return result


# --- following ---


def follower_ids(result):
    """The idea's author and co-authors, and the members who chose to follow."""
    ids = author_ids(result.idea) if result.idea_id else set()
    return ids | set(result.follows.values_list("user_id", flat=True))


def can_follow_result(result, request):
    user = request.user
    if not user.is_authenticated or (result.idea_id and is_idea_author(result.idea, user)):
        return False
    return can_view_result(result, request)


def is_following_result(result, user):
    if not user.is_authenticated:
        return False
    if result.idea_id and is_idea_author(result.idea, user):
        return True
    return ResultFollow.objects.filter(result=result, user=user).exists()


def follow_result(result, user, on=True):
    if on:
        ResultFollow.objects.get_or_create(result=result, user=user)
    else:
        ResultFollow.objects.filter(result=result, user=user).delete()
    return on


# --- announcing ---


def announce(result, actor=None):
    """Tell the followers what changed since they were last told: a new status, each new
    milestone. Source-language results only (a translation changes nothing they follow)."""
    if result.pk != result.source_page().pk:
        return
    state, _created = ResultAnnouncement.objects.get_or_create(result=result)
    milestones = list(result.milestones.all())
    known = set(state.milestone_keys)
    new = [m for m in milestones if str(m.translation_key) not in known]
    status_changed = state.status != result.status
    state.status = result.status
    state.milestone_keys = [str(m.translation_key) for m in milestones]
    state.save()

    def send():
        if status_changed:
            result_status_changed.send(
                sender=IdeaResultPage, result=result, status=result.status, actor=actor
            )
        for milestone in new:
            result_milestone_added.send(
                sender=IdeaResultPage, result=result, milestone=milestone, actor=actor
            )

    transaction.on_commit(send)
