"""Idea calls, ideas and their reviews, one module per concept, re-exported here.

Dependencies inside flow one way: choices -> ideas -> calls -> reviews.
"""

from community.ideas.models.calls import (
    IdeaCallCriterion,
    IdeaCallIndexPage,
    IdeaCallPage,
    IdeaCallReviewer,
)
from community.ideas.models.choices import CallState, CoAuthorStatus, IdeaStatus
from community.ideas.models.ideas import (
    RICH_TEXT_FIELDS,
    Idea,
    IdeaAttachment,
    IdeaCoAuthor,
    IdeaFollow,
    IdeaStatusChange,
    IdeaSupport,
)
from community.ideas.models.reviews import MAX_SCORE, ConflictOfInterest, Review, ReviewScore

__all__ = [
    "MAX_SCORE",
    "RICH_TEXT_FIELDS",
    "CallState",
    "CoAuthorStatus",
    "ConflictOfInterest",
    "Idea",
    "IdeaAttachment",
    "IdeaCallCriterion",
    "IdeaCallIndexPage",
    "IdeaCallPage",
    "IdeaCallReviewer",
    "IdeaCoAuthor",
    "IdeaFollow",
    "IdeaStatus",
    "IdeaStatusChange",
    "IdeaSupport",
    "Review",
    "ReviewScore",
]
