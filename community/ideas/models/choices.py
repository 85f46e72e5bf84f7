"""Vocabularies of the community models. Stored values are stable English slugs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["CallState", "CoAuthorStatus", "IdeaStatus"]


class CallState(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    OPEN = "open", _("Open for ideas")
    CLOSED = "closed", _("Closed")
    EVALUATION = "evaluation", _("Under evaluation")
    RESULTS = "results", _("Results published")


class IdeaStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    SELECTED = "selected", _("Selected")
    NOT_SELECTED = "not_selected", _("Not selected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Statuses of ideas in the hands of reviewers and organisers.
EVALUATED_STATUSES = (
    IdeaStatus.UNDER_REVIEW,
    IdeaStatus.SHORTLISTED,
    IdeaStatus.SELECTED,
    IdeaStatus.NOT_SELECTED,
)
# Everything that was submitted and not withdrawn.
SUBMITTED_STATUSES = (IdeaStatus.SUBMITTED, *EVALUATED_STATUSES)
# Who may move an idea where: authors submit and withdraw; organisers do the rest.
AUTHOR_TRANSITIONS = {
    IdeaStatus.DRAFT: {IdeaStatus.SUBMITTED, IdeaStatus.WITHDRAWN},
    IdeaStatus.SUBMITTED: {IdeaStatus.WITHDRAWN},
}
ORGANISER_TRANSITIONS = {
    IdeaStatus.SUBMITTED: {IdeaStatus.UNDER_REVIEW, IdeaStatus.NOT_SELECTED},
    IdeaStatus.UNDER_REVIEW: {IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED, IdeaStatus.NOT_SELECTED},
    IdeaStatus.SHORTLISTED: {IdeaStatus.SELECTED, IdeaStatus.NOT_SELECTED, IdeaStatus.UNDER_REVIEW},
    IdeaStatus.SELECTED: {IdeaStatus.SHORTLISTED},
    IdeaStatus.NOT_SELECTED: {IdeaStatus.UNDER_REVIEW},
}


class CoAuthorStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
