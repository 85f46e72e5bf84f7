"""Ranking arithmetic for idea review: pure functions, no database.

A review's score is the weighted mean of its criterion scores (0-5): sum(weight * score) /
sum(weight) over the criteria it scored. An idea's score is the plain mean of its reviews'
scores, so every reviewer counts the same. The spread is the range (highest minus lowest
review score); reviewers disagree strongly when it reaches DISAGREEMENT_SPREAD points.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["DISAGREEMENT_SPREAD", "RankedIdea", "ScoreRow", "rank", "review_score"]

DISAGREEMENT_SPREAD = Decimal(2)
TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class ScoreRow:
    idea_id: int
    review_id: int
    weight: Decimal
    score: int


@dataclass(frozen=True)
class RankedIdea:
    idea: object
    mean: Decimal | None  # None: not reviewed yet
    reviews: int
    spread: Decimal | None
    review_scores: tuple[Decimal, ...]

    @property
    def disagreement(self):
        return self.spread is not None and self.spread >= DISAGREEMENT_SPREAD


def review_score(pairs: Iterable[tuple[Decimal, int]]) -> Decimal:
    """The weighted mean of (weight, score) pairs."""
    pairs = list(pairs)
    total_weight = sum((Decimal(weight) for weight, _score in pairs), Decimal(0))
    if not total_weight:
        raise ValueError("A review needs at least one weighted score.")
    weighted = sum((Decimal(weight) * score for weight, score in pairs), Decimal(0))
    return weighted / total_weight


def _rounded(value):
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def rank(ideas: Iterable, rows: Iterable[ScoreRow]) -> list[RankedIdea]:
    """Ideas with their figures, best first; unreviewed ideas last; ties by more reviews,
    then by title."""
    by_review = defaultdict(list)
    idea_of_review = {}
    for row in rows:
        by_review[row.review_id].append((row.weight, row.score))
        idea_of_review[row.review_id] = row.idea_id
    per_idea = defaultdict(list)
    for review_id, pairs in by_review.items():
        per_idea[idea_of_review[review_id]].append(review_score(pairs))
    ranked = []
    for idea in ideas:
        scores = sorted(per_idea.get(idea.pk, []))
        if scores:
            mean = _rounded(sum(scores, Decimal(0)) / len(scores))
            spread = _rounded(scores[-1] - scores[0])
        else:
            mean = spread = None
        ranked.append(
            RankedIdea(
                idea=idea,
                mean=mean,
                reviews=len(scores),
                spread=spread,
                review_scores=tuple(_rounded(score) for score in scores),
            )
        )
    ranked.sort(
        key=lambda item: (
            item.mean is None,
            -(item.mean or 0),
            -item.reviews,
            str(getattr(item.idea, "title", "")),
        )
    )
    return ranked
