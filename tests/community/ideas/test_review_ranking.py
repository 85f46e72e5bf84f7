"""Weighted ranking arithmetic (pure), and the organiser's ranking page in a constant number of
queries whatever the number of ideas and reviews."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from community.ideas import reviews as service
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.ranking import ScoreRow, rank, review_score

from .review_helpers import make_organiser, make_reviewer


def idea(pk, title=""):
    return SimpleNamespace(pk=pk, title=title or f"Idea {pk}")


class TestArithmetic:
    def test_a_review_score_is_the_weighted_mean_of_its_criteria(self):
        # Impact weighs 60, feasibility 40: (60*5 + 40*2) / 100 = 3.8
        assert review_score([(Decimal(60), 5), (Decimal(40), 2)]) == Decimal("3.8")

    def test_weights_are_relative(self):
        assert review_score([(Decimal("0.6"), 5), (Decimal("0.4"), 2)]) == review_score(
            [(Decimal(3), 5), (Decimal(2), 2)]
        )

    def test_an_idea_score_is_the_mean_of_its_reviews_and_spread_their_range(self):
        rows = [
            ScoreRow(1, 10, Decimal(60), 5),
            ScoreRow(1, 10, Decimal(40), 2),  # review 10: 3.8
            ScoreRow(1, 11, Decimal(60), 1),
            ScoreRow(1, 11, Decimal(40), 1),  # review 11: 1.0
            ScoreRow(1, 12, Decimal(60), 3),
            ScoreRow(1, 12, Decimal(40), 3),  # review 12: 3.0
        ]
        (item,) = rank([idea(1)], rows)
        assert item.reviews == 3
        assert item.mean == Decimal("2.60")  # (3.8 + 1.0 + 3.0) / 3
        assert item.spread == Decimal("2.80")
        assert item.disagreement
        assert item.review_scores == (Decimal("1.00"), Decimal("3.00"), Decimal("3.80"))

    def test_close_reviews_are_not_flagged(self):
        rows = [ScoreRow(1, 10, Decimal(1), 4), ScoreRow(1, 11, Decimal(1), 3)]
        (item,) = rank([idea(1)], rows)
        assert item.spread == Decimal("1.00") and not item.disagreement

    def test_best_first_then_more_reviews_then_title_and_unreviewed_last(self):
        rows = [
            ScoreRow(1, 1, Decimal(1), 3),
            ScoreRow(2, 2, Decimal(1), 4),
            ScoreRow(3, 3, Decimal(1), 3),
            ScoreRow(3, 4, Decimal(1), 3),
        ]
        ranked = rank([idea(1, "B"), idea(2, "C"), idea(3, "Z"), idea(4, "A")], rows)
        assert [item.idea.pk for item in ranked] == [2, 3, 1, 4]
        assert ranked[-1].mean is None and ranked[-1].reviews == 0


@pytest.mark.django_db
def test_the_ranking_page_runs_in_a_constant_number_of_queries(client, home):
    reviewers = [make_reviewer(), make_reviewer(), make_reviewer()]
    call = IdeaCallPageFactory(parent=home, reviewers=reviewers)
    criteria = list(call.criteria.all())
    organiser = make_organiser(home)
    client.force_login(organiser)
    url = reverse("community_review:ranking", args=[call.pk])

    def add(count, reviewers_each):
        for n in range(count):
            new = IdeaFactory(call=call)
            for reviewer in reviewers[:reviewers_each]:
                service.save_review(new, reviewer, {c.pk: (n + 1) % 6 for c in criteria})

    def measure():
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = client.get(url)
        assert response.status_code == 200
        return len(context.captured_queries), response

    add(2, 1)
    few, _response = measure()
    add(15, 3)
    many, response = measure()
    assert many == few
    assert len(response.context["ranked"]) == 17
