"""Listing filters are parsed, validated and re-encoded without touching the database."""

from urllib.parse import parse_qsl

import pytest

from cms.filters import ListingFilters, parse_page, parse_year
from cms.models import PilotStatus, Sector
from cms.models.base import paginate
from cms.models.publications import PUBLICATION_TYPES

PILOT_VOCABULARY = {"sectors": Sector.values, "statuses": PilotStatus.values}


def parse(query, **vocabulary):
    """Filters from a raw query string, as a browser would send it."""
    return ListingFilters.from_query(dict(parse_qsl(query)), **vocabulary)


def parse_qs_filters(query):
    """Filters from already-decoded values, with the pilot-action vocabulary."""
    return ListingFilters.from_query(query, **PILOT_VOCABULARY)


def test_no_query_gives_the_empty_filters_on_the_first_page():
    filters = parse("")
    assert filters == ListingFilters()
    assert filters.page == 1
    assert filters.year is None


def test_valid_values_are_read_and_normalised():
    filters = parse(
        "country=it&topic=Social-Economy&sector=blue&status=completed&year=2021&page=3",
        **PILOT_VOCABULARY,
    )
    assert filters == ListingFilters(
        country="IT",
        topic="social-economy",
        sector="blue",
        status="completed",
        year=2021,
        page=3,
    )


def test_surrounding_whitespace_is_ignored():
    filters = parse("country=+hr+&year=+2020+&page=+2+")
    assert (filters.country, filters.year, filters.page) == ("HR", 2020, 2)


@pytest.mark.parametrize("raw", ["ITA", "I", "1T", "I-", "ìt", "<script>"])
def test_country_that_is_not_a_two_letter_code_is_dropped(raw):
    assert parse_qs_filters({"country": raw}).country == ""


@pytest.mark.parametrize("raw", ["green economy", "green/economy", "a" * 121, "%27or%27"])
def test_topic_that_is_not_a_slug_is_dropped(raw):
    assert parse_qs_filters({"topic": raw}).topic == ""


def test_sector_status_and_type_must_belong_to_the_listings_vocabulary():
    filters = ListingFilters.from_query(
        {"sector": "space", "status": "abandoned", "type": "novel"},
        types=PUBLICATION_TYPES,
        **PILOT_VOCABULARY,
    )
    assert (filters.sector, filters.status, filters.type) == ("", "", "")


def test_sector_and_status_are_ignored_by_listings_that_do_not_offer_them():
    filters = ListingFilters.from_query({"sector": "green", "status": "running"})
    assert (filters.sector, filters.status) == ("", "")


def test_publication_type_is_read_from_the_publication_types():
    filters = ListingFilters.from_query({"type": "policy-brief"}, types=PUBLICATION_TYPES)
    assert filters.type == "policy-brief"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021", 2021),
        ("1900", 1900),
        ("2200", 2200),
        ("1899", None),
        ("2201", None),
        ("twenty", None),
        ("2021.5", None),
        ("", None),
        (None, None),
    ],
)
def test_year_outside_1900_2200_or_not_a_number_is_dropped(raw, expected):
    assert parse_year(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2", 2), ("1", 1), ("0", 1), ("-4", 1), ("two", 1), ("", 1), (None, 1), ("9999", 9999)],
)
def test_page_number_that_is_not_a_positive_integer_becomes_one(raw, expected):
    assert parse_page(raw) == expected


def test_search_text_is_trimmed_and_capped_at_200_characters():
    filters = parse_qs_filters({"q": "  " + "x" * 300 + "  "})
    assert filters.q == "x" * 200


def test_as_query_round_trips_through_the_parser():
    filters = ListingFilters(
        country="IT", topic="open-data", sector="green", status="running", year=2022, page=4
    )
    query = filters.as_query(page=4)
    assert parse(query, **PILOT_VOCABULARY) == filters


def test_as_query_leaves_out_empty_values_and_the_page():
    filters = ListingFilters(country="HR", year=2020, page=3)
    assert filters.as_query() == "country=HR&year=2020"
    assert ListingFilters().as_query() == ""


def test_as_query_with_a_page_keeps_the_filters_and_omits_page_one():
    filters = ListingFilters(topic="open-data", page=3)
    assert filters.as_query(page=2) == "topic=open-data&page=2"
    assert filters.as_query(page=1) == "topic=open-data"


def test_as_query_escapes_free_text():
    assert ListingFilters(q="social & green").as_query() == "q=social+%26+green"


def test_overrides_do_not_change_the_frozen_filters():
    filters = ListingFilters(country="IT")
    filters.as_query(country="GR", page=2)
    assert filters == ListingFilters(country="IT")
    with pytest.raises(AttributeError):
        filters.country = "GR"


@pytest.mark.parametrize(
    "filters",
    [
        ListingFilters(country="IT"),
        ListingFilters(topic="open-data"),
        ListingFilters(sector="green"),
        ListingFilters(status="running"),
        ListingFilters(year=2021),
        ListingFilters(type="white-paper"),
        ListingFilters(q="coop"),
    ],
)
def test_is_active_when_any_filter_is_set(filters):
    assert filters.is_active


def test_is_not_active_with_only_a_page_number():
    assert not ListingFilters().is_active
    assert not ListingFilters(page=5).is_active


def test_paginate_falls_back_to_the_last_page_when_out_of_range():
    items = list(range(30))
    assert list(paginate(items, 3)) == list(range(24, 30))
    assert paginate(items, 99).number == 3
    assert paginate(items, "x").number == 1
    assert paginate([], 5).number == 1
