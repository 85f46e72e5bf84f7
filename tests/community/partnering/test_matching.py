"""The partner-matching function: each reason, its weight, its boundaries, and the order."""

from community.partnering.matching import (
    MAX_EVENTS,
    MAX_SECTORS,
    MAX_TOPICS,
    WEIGHTS,
    Candidate,
    Need,
    Reason,
    rank,
    score,
)

NEED = Need(
    missing_helixes=frozenset({"public", "academia"}),
    country="ES",
    region="Aragon",
    topics=frozenset({"t1", "t2", "t3", "t4"}),
    sectors=frozenset({"green", "blue", "tourism", "digital"}),
    cpv_prefixes=frozenset({"7731"}),
)


def codes(reasons):
    return [reason.code for reason in reasons]


def test_a_candidate_with_nothing_in_common_scores_nothing():
    assert score(NEED, Candidate("o:1", "Nobody")) == (0, ())


def test_a_missing_helix_weighs_forty_and_is_named():
    assert score(NEED, Candidate("o:1", "A", helix="public")) == (
        WEIGHTS["helix"],
        (Reason("helix", ("public",)),),
    )


def test_a_helix_the_territory_already_has_gives_nothing():
    assert score(NEED, Candidate("o:1", "A", helix="business")) == (0, ())


def test_same_country_other_region_counts_the_country_only():
    points, reasons = score(NEED, Candidate("o:1", "A", country="ES", region="Murcia"))
    assert points == WEIGHTS["country"]
    assert reasons == (Reason("country", ("ES",)),)


def test_same_region_counts_region_and_country_and_names_the_region():
    points, reasons = score(NEED, Candidate("o:1", "A", country="ES", region="  aragon "))
    assert points == WEIGHTS["country"] + WEIGHTS["region"]
    assert reasons == (Reason("region", ("  aragon ",)),)


def test_same_region_name_in_another_country_gives_nothing():
    assert score(NEED, Candidate("o:1", "A", country="IT", region="Aragon")) == (0, ())


def test_a_need_without_country_never_matches_a_candidate_without_country():
    need = Need()
    assert score(need, Candidate("o:1", "A", country="", region="")) == (0, ())


def test_a_need_without_region_never_matches_the_region():
    need = Need(country="ES", region="")
    points, reasons = score(need, Candidate("o:1", "A", country="ES", region=""))
    assert points == WEIGHTS["country"]
    assert codes(reasons) == ["country"]


def test_each_shared_topic_counts_up_to_three():
    two = score(NEED, Candidate("o:1", "A", topics=frozenset({"t1", "t2", "x"})))
    assert two == (2 * WEIGHTS["topic"], (Reason("topic", ("t1", "t2")),))
    four = score(NEED, Candidate("o:1", "A", topics=frozenset({"t1", "t2", "t3", "t4"})))
    assert four[0] == MAX_TOPICS * WEIGHTS["topic"]
    assert four[1] == (Reason("topic", ("t1", "t2", "t3")),)


def test_each_shared_sector_counts_up_to_three():
    one = score(NEED, Candidate("o:1", "A", sectors=frozenset({"green", "health"})))
    assert one == (WEIGHTS["sector"], (Reason("sector", ("green",)),))
    four = score(NEED, Candidate("o:1", "A", sectors=NEED.sectors))
    assert four[0] == MAX_SECTORS * WEIGHTS["sector"]
    assert four[1] == (Reason("sector", ("blue", "digital", "green")),)


def test_a_cpv_code_under_a_needed_prefix_counts_once():
    points, reasons = score(
        NEED, Candidate("e:1", "A", cpv_codes=frozenset({"77310000", "77311000", "45000000"}))
    )
    assert points == WEIGHTS["cpv"]
    assert reasons == (Reason("cpv", ("77310000", "77311000")),)


def test_a_cpv_code_outside_the_prefixes_gives_nothing():
    assert score(NEED, Candidate("e:1", "A", cpv_codes=frozenset({"7730000"}))) == (0, ())


def test_an_empty_cpv_prefix_matches_nothing():
    need = Need(cpv_prefixes=frozenset({""}))
    assert score(need, Candidate("e:1", "A", cpv_codes=frozenset({"77310000"}))) == (0, ())


def test_having_run_a_pilot_counts_once_whatever_the_number():
    assert score(NEED, Candidate("o:1", "A", pilots_run=1)) == (
        WEIGHTS["pilot"],
        (Reason("pilot", (1,)),),
    )
    assert score(NEED, Candidate("o:1", "A", pilots_run=7))[0] == WEIGHTS["pilot"]
    assert score(NEED, Candidate("o:1", "A", pilots_run=0)) == (0, ())


def test_events_attended_count_two_each_up_to_five():
    assert score(NEED, Candidate("o:1", "A", events_attended=1)) == (
        WEIGHTS["events"],
        (Reason("events", (1,)),),
    )
    assert score(NEED, Candidate("o:1", "A", events_attended=MAX_EVENTS))[0] == (
        MAX_EVENTS * WEIGHTS["events"]
    )
    assert score(NEED, Candidate("o:1", "A", events_attended=MAX_EVENTS + 2)) == (
        MAX_EVENTS * WEIGHTS["events"],
        # The reason names the real number; only the points are capped.
        (Reason("events", (MAX_EVENTS + 2,)),),
    )
    assert score(NEED, Candidate("o:1", "A", events_attended=-3)) == (0, ())


def test_reasons_add_up_in_a_fixed_order():
    candidate = Candidate(
        "o:1",
        "All",
        helix="academia",
        country="ES",
        region="Aragon",
        topics=frozenset({"t1"}),
        sectors=frozenset({"green"}),
        cpv_codes=frozenset({"77310000"}),
        pilots_run=2,
        events_attended=3,
    )
    points, reasons = score(NEED, candidate)
    assert points == 40 + 15 + 25 + 6 + 6 + 8 + 10 + 6
    assert codes(reasons) == ["helix", "region", "topic", "sector", "cpv", "pilot", "events"]


def test_weights_are_the_documented_ones():
    assert WEIGHTS == {
        "helix": 40,
        "region": 25,
        "country": 15,
        "topic": 6,
        "sector": 6,
        "cpv": 8,
        "pilot": 10,
        "events": 2,
    }
    assert (MAX_TOPICS, MAX_SECTORS, MAX_EVENTS) == (3, 3, 5)


def test_rank_puts_the_best_first_and_leaves_out_candidates_without_reason():
    helix = Candidate("o:1", "Helix", helix="public")
    place = Candidate("o:2", "Place", country="ES", region="Aragon")
    none = Candidate("o:3", "None")
    result = rank(NEED, [place, none, helix], limit=10)
    assert [s.candidate for s in result] == [helix, place]
    assert [s.points for s in result] == [40, 40]  # tie broken by name: Helix before Place


def test_rank_breaks_ties_by_name_ignoring_case_then_by_key():
    b = Candidate("o:9", "beta", helix="public")
    a_late = Candidate("o:8", "Alpha", helix="public")
    a_early = Candidate("o:2", "alpha", helix="public")
    result = rank(NEED, [b, a_late, a_early], limit=3)
    assert [s.candidate.key for s in result] == ["o:2", "o:8", "o:9"]


def test_rank_keeps_at_most_the_limit_and_three_by_default():
    many = [Candidate(f"o:{n}", f"Org {n}", helix="public", pilots_run=n) for n in range(6)]
    assert len(rank(NEED, many)) == 3
    assert [s.candidate.key for s in rank(NEED, many, limit=2)] == ["o:1", "o:2"]
    assert rank(NEED, many, limit=0) == []
    assert rank(NEED, many, limit=-1) == []


def test_one_point_more_ranks_higher():
    low = Candidate("o:1", "A", helix="public")
    high = Candidate("o:2", "Z", helix="public", events_attended=1)
    assert [s.candidate for s in rank(NEED, [low, high])] == [high, low]


def test_rank_carries_points_and_reasons():
    (suggestion,) = rank(NEED, [Candidate("o:1", "A", helix="public")])
    assert suggestion.points == 40
    assert suggestion.reasons == (Reason("helix", ("public",)),)


def test_a_candidate_without_helix_never_fills_an_empty_helix_need():
    need = Need(missing_helixes=frozenset({""}))
    assert score(need, Candidate("o:1", "A", helix="")) == (0, ())


def test_ties_follow_the_name_even_against_the_key():
    zeta = Candidate("o:1", "Zeta", helix="public")
    alpha = Candidate("o:2", "alpha", helix="public")
    assert [s.candidate.key for s in rank(NEED, [zeta, alpha])] == ["o:2", "o:1"]


def test_names_compare_with_their_spaces_as_single_spaces():
    # "a b" comes before "aa": a space sorts before any letter.
    spaced = Candidate("o:9", "A   B", helix="public")
    joined = Candidate("o:1", "AA", helix="public")
    assert [s.candidate.key for s in rank(NEED, [joined, spaced])] == ["o:9", "o:1"]


def test_a_candidate_without_a_name_sorts_first_among_ties():
    named = Candidate("o:1", "W", helix="public")
    nameless = Candidate("o:2", "", helix="public")
    assert [s.candidate.key for s in rank(NEED, [named, nameless])] == ["o:2", "o:1"]


def test_any_positive_score_is_suggested(monkeypatch):
    monkeypatch.setitem(WEIGHTS, "events", 1)
    (suggestion,) = rank(NEED, [Candidate("o:1", "A", events_attended=1)])
    assert suggestion.points == 1


def test_a_region_written_with_other_spacing_and_case_still_matches():
    need = Need(country="ES", region="Costa  Brava")
    points, reasons = score(need, Candidate("o:1", "A", country="ES", region="costa brava"))
    assert points == WEIGHTS["country"] + WEIGHTS["region"]
    assert codes(reasons) == ["region"]
