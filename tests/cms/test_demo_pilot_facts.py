"""The demo's pilot actions carry complete facts, and their filters offer only what exists."""

import datetime

import pytest

from cms import factories as f
from cms.demo.content import load
from cms.demo.dates import SITE_LAST_REVISED, content_dates
from cms.demo.values import PILOT_RELATED, pilots_related_to
from cms.models import PilotStatus

PILOT_ACTIONS = load("pilot_actions")["pilot_actions"]
PUBLICATIONS = load("publications")["publications"]


@pytest.mark.parametrize("pilot", PILOT_ACTIONS, ids=lambda item: item["key"])
def test_every_pilot_action_has_dates_and_a_timeline_beyond_the_final_conference(pilot):
    start = datetime.date.fromisoformat(pilot["start_date"])
    end = datetime.date.fromisoformat(pilot["end_date"])
    assert start < end
    steps = [step["date"] for step in pilot["timeline"]]
    assert len(steps) >= 2 and steps == sorted(steps)
    assert steps[0] != "2022-03-10"  # something happened before the final conference


def test_policy_briefs_were_published_on_their_own_dates_before_the_white_paper():
    dates = {item["key"]: item["publication_date"] for item in PUBLICATIONS}
    briefs = [date for key, date in dates.items() if key.startswith("brief-")]
    assert len(set(briefs)) == len(briefs)
    assert max(briefs) < dates["white-paper"]


def test_pages_are_dated_from_their_content_not_from_the_load():
    dates = content_dates()
    assert dates["final-conference"] == datetime.date(2022, 3, 10)
    assert dates["brief-procurement"] == datetime.date(2021, 12, 14)
    assert dates["veneto"] == datetime.date(2022, 3, 10)
    assert dates["privacy-policy"] == SITE_LAST_REVISED


def test_related_content_is_listed_both_ways():
    publication_keys = {item["key"] for item in PUBLICATIONS}
    for pilot, related in PILOT_RELATED.items():
        assert related, pilot
        for key in related:
            assert pilot in pilots_related_to(key)
    assert all(pilots_related_to(key) for key in publication_keys)


@pytest.mark.django_db
def test_status_filter_offers_only_statuses_some_pilot_has(home):
    index = f.PilotActionIndexPageFactory(parent=home)
    f.PilotActionPageFactory(parent=index, status=PilotStatus.COMPLETED)
    f.PilotActionPageFactory(parent=index, status=PilotStatus.COMPLETED)
    options = index.filter_options()
    assert [value for value, _label in options["statuses"]] == [PilotStatus.COMPLETED]
    assert options["years"] == [2021, 2020]
