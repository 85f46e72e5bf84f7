"""Reviewing ideas: scores, conflicts of interest, the organiser's ranking and results."""

from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from community.ideas.models import (
    MAX_SCORE,
    ConflictOfInterest,
    Idea,
    IdeaCallPage,
    Review,
    ReviewScore,
)
from community.ideas.permissions import can_review_idea, is_call_organiser, results_published
from community.ideas.ranking import ScoreRow, rank
from community.ideas.services import IdeaRefused, announce_decisions

__all__ = ["declare_conflict", "publish_refusal", "publish_results", "ranking", "save_review"]


def save_review(idea, reviewer, scores, comment=""):
    """Create or replace `reviewer`'s review: `scores` maps criterion id -> 0..5 and must cover
    every criterion of the call. Refused for conflicted or unassigned reviewers and once the
    call's results are out."""
    call = idea.call
    if not can_review_idea(idea, reviewer):
        raise IdeaRefused(_("You cannot review this idea."))
    if call.results_published_at:
        raise IdeaRefused(_("The results of this call are published: reviews are closed."))
    criteria = {criterion.pk for criterion in call.criteria.all()}
    if set(scores) != criteria:
        raise IdeaRefused(_("Score every criterion."))
    if any(not 0 <= int(score) <= MAX_SCORE for score in scores.values()):
        raise IdeaRefused(_("Scores go from 0 to 5."))
    with transaction.atomic():
        review, _created = Review.objects.update_or_create(
            idea=idea, reviewer=reviewer, defaults={"comment": comment}
        )
        review.scores.all().delete()
        ReviewScore.objects.bulk_create(
            ReviewScore(review=review, criterion_id=criterion_id, score=int(score))
            for criterion_id, score in scores.items()
        )
    return review


def declare_conflict(reviewer, *, idea=None, organisation=None, reason=""):
    """Record the conflict; any review the reviewer already wrote on the ideas it covers stops
    counting (deleted), so the ranking never includes a conflicted score."""
    if idea is None and organisation is None:
        raise IdeaRefused(_("Name the idea or the organisation."))
    with transaction.atomic():
        conflict = ConflictOfInterest.objects.create(
            reviewer=reviewer, idea=idea, organisation=organisation, reason=reason
        )
        reviews = Review.objects.filter(reviewer=reviewer)
        if idea is not None:
            reviews.filter(idea=idea).delete()
        if organisation is not None:
            reviews.filter(idea__organisation=organisation).delete()
    return conflict


def ranking(call):
    """The call's submitted ideas with weighted mean, number of reviews and spread, best first.
    Two queries whatever the number of ideas and reviews."""
    source = call.source_page()
    ideas = list(
        Idea.objects.submitted()
        .filter(call=source)
        .select_related("author", "organisation")
        .order_by("pk")
    )
    rows = [
        ScoreRow(idea_id=row[0], review_id=row[1], weight=row[2], score=row[3])
        for row in ReviewScore.objects.filter(review__idea__call=source).values_list(
            "review__idea_id", "review_id", "criterion__weight", "score"
        )
    ]
    return rank(ideas, rows)


def publish_refusal(call, now=None):
    """Why the results of `call` cannot be published yet, or None: the ranking page says it
    beside the place of the button, and publish_results refuses with the same words."""
    now = now or timezone.now()
    if now < call.closes_at:
        closes = formats.date_format(timezone.localtime(call.closes_at), "DATETIME_FORMAT")
        return _("Results can be published once the call has closed, on %(date)s.") % {
            "date": closes
        }
    return None


def publish_results(call, by, text=None):
    if not is_call_organiser(call, by):
        raise IdeaRefused(_("Only the call's organisers can publish its results."))
    source = IdeaCallPage.objects.get(pk=call.source_page().pk)
    refusal = publish_refusal(source)
    if refusal:
        raise IdeaRefused(refusal)
    first_time = not results_published(source)
    source.results_published_at = timezone.now()
    if text is not None:
        source.results_text = text
    # Organisers run the call (community.ideas.permissions.is_call_organiser) even without the right
    # to publish the page's other edits; the revision carries only the live page plus results.
    revision = source.save_revision(user=by, log_action=True)
    revision.publish(user=by, skip_permission_checks=True)
    if first_time:
        transaction.on_commit(lambda: announce_decisions(source, by))
    return source
