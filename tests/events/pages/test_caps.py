"""Balanced participation's rule on its own (events/pages/caps.py): plain values in, a decision out.

The registration engine's tests drive the same rule through real registrations; these pin each
boundary of it (the last seat, the last place under a cap, a percentage rounded down).
"""

from types import SimpleNamespace

from django.utils import translation

from events.pages.caps import Cap, cap_label, cap_usage, caps_from_stream, refusal_reason


def block(**value):
    """A StreamField child as the event's `caps` stream yields it (only `.value` is read)."""
    return SimpleNamespace(value={"dimension": "language", "value": "it", **value})


def test_a_cap_in_seats_keeps_its_number_and_a_trimmed_value_labelled_by_the_editor():
    caps = caps_from_stream([block(value=" it ", max_seats=4, label="Italian speakers")], 100)
    assert caps == [Cap("language", "it", 4, "Italian speakers")]


def test_a_cap_of_zero_seats_is_kept_as_a_cap_not_ignored():
    assert caps_from_stream([block(max_seats=0)], 10) == [Cap("language", "it", 0, "it")]


def test_a_cap_without_a_label_is_labelled_with_its_value():
    assert caps_from_stream([block(max_seats=2, label="")], 10)[0].label == "it"


def test_a_country_code_is_upper_cased_and_other_values_are_not():
    caps = caps_from_stream(
        [
            block(dimension="country_code", value="gr", max_seats=3),
            block(dimension="stakeholder_type", value="ngo", max_seats=3),
        ],
        10,
    )
    assert [(cap.dimension, cap.value) for cap in caps] == [
        ("country_code", "GR"),
        ("stakeholder_type", "ngo"),
    ]


def test_a_missing_value_becomes_an_empty_one():
    assert caps_from_stream([block(value=None, max_seats=1)], 10)[0].value == ""


def test_a_percentage_is_of_the_capacity_rounded_down():
    caps = caps_from_stream([block(max_percent=33), block(max_percent=50, value="fr")], 10)
    assert [(cap.value, cap.limit) for cap in caps] == [("it", 3), ("fr", 5)]


def test_seats_win_over_a_percentage_when_both_are_given():
    assert caps_from_stream([block(max_seats=7, max_percent=10)], 100)[0].limit == 7


def test_a_percentage_without_a_capacity_is_skipped_and_the_caps_after_it_are_kept():
    stream = [block(max_percent=40), block(value="fr", max_seats=2), block(value="es")]
    for capacity in (None, 0):
        assert caps_from_stream(stream, capacity) == [Cap("language", "fr", 2, "fr")]


def test_an_empty_stream_has_no_caps():
    assert caps_from_stream(None, 10) == []


ITALIAN = Cap("language", "it", 2)
GREEK = Cap("country_code", "GR", 1)


def seat(language="en", country="FR"):
    return {"language": language, "country_code": country}


def test_the_last_seat_is_given_and_the_next_one_refused_as_full():
    assert refusal_reason(seat(), [seat()] * 2, 3, []) == ""
    assert refusal_reason(seat(), [seat()] * 3, 3, []) == "full"


def test_without_a_capacity_only_caps_refuse():
    assert refusal_reason(seat(), [seat()] * 500, None, []) == ""


def test_the_last_place_under_a_cap_is_given_and_the_next_one_refused_as_cap():
    italian = seat(language="it")
    assert refusal_reason(italian, [italian], 10, [ITALIAN]) == ""
    assert refusal_reason(italian, [italian, italian], 10, [ITALIAN]) == "cap"


def test_a_cap_counts_only_the_seats_of_its_own_value():
    italian = seat(language="it")
    assert refusal_reason(italian, [seat(), seat(), italian], 10, [ITALIAN]) == ""


def test_a_cap_that_does_not_match_the_registrant_does_not_stop_the_next_cap_from_refusing():
    greek = seat(country="GR")
    assert refusal_reason(greek, [greek], 10, [ITALIAN, GREEK]) == "cap"
    assert refusal_reason(seat(), [greek] * 5, 10, [ITALIAN, GREEK]) == ""


def test_usage_lists_each_cap_with_the_seats_it_counts_and_its_limit():
    seated = iter([seat(language="it"), seat(country="GR"), seat(language="it", country="GR")])
    with translation.override("en"):
        usage = cap_usage(seated, [ITALIAN, GREEK], {"GR": "Greece"})
    assert usage == [
        {"cap": ITALIAN, "label": "Italian", "taken": 2, "limit": 2},
        {"cap": GREEK, "label": "Greece", "taken": 2, "limit": 1},
    ]


def test_a_caps_label_names_its_value_in_the_readers_language_not_the_editors_source_text():
    """Caps are synchronised to every language copy, so the label an editor typed stays in the
    source language: the name of the stakeholder type, country or language is shown instead."""
    business = Cap("stakeholder_type", "business", 8, "Business")
    italy = Cap("country_code", "IT", 3, "Italy")
    greek = Cap("language", "el", 3, "Greek speakers")
    other = Cap("stakeholder_type", "press", 2, "Press")
    with translation.override("it"):
        labels = [
            cap_label(business),
            cap_label(italy, {"IT": "Italia"}),
            cap_label(greek),
            cap_label(other),
        ]
    assert labels == ["Impresa e impresa sociale", "Italia", "Greco", "Press"]
