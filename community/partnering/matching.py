"""Partner matching: which organisations, directory entities and members to suggest, and why,
to whoever looks for partners: a territory that wants to adapt a pilot (community.transfers), an
idea in a call that asks for consortia. Pure: no database, no translation; the caller builds the
need (community/partnering/needs.py), gathers the candidates (only those who opted in to being
suggested, community/partnering/services.py) and turns the reasons into phrases in the reader's
language.

How a candidate scores against a need (points add up):

| reason       | when                                                          | points            |
|--------------|---------------------------------------------------------------|-------------------|
| `helix`      | its helix is one the need still misses                        | 40                |
| `region`     | same country and same region (case- and space-insensitive)   | 25 (+ country)    |
| `country`    | same country                                                  | 15                |
| `topic`      | each topic shared with the need, at most 3 counted            | 6 each            |
| `sector`     | each sector shared with the need, at most 3 counted           | 6 each            |
| `cpv`        | one of its CPV codes starts with one the need names           | 8                 |
| `pilot`      | it ran at least one pilot action                              | 10                |
| `events`     | events its people attended, at most 5 counted                 | 2 each            |

A candidate with no reason at all (0 points) is never suggested. Ties are broken by name
(case-insensitive), then by key, so the order is stable. Helix weighs most because a pilot or a
consortium cannot run without its missing helix; place comes next because the partner must be
there.
"""

from dataclasses import dataclass, field

__all__ = ["WEIGHTS", "Candidate", "Need", "Reason", "Suggestion", "rank", "score"]

WEIGHTS = {
    "helix": 40,
    "region": 25,
    "country": 15,
    "topic": 6,
    "sector": 6,
    "cpv": 8,
    "pilot": 10,
    "events": 2,
}
MAX_TOPICS = 3
MAX_SECTORS = 3
MAX_EVENTS = 5
DEFAULT_LIMIT = 3


def _norm(text):
    return " ".join((text or "").split()).casefold()


@dataclass(frozen=True)
class Need:
    """What is looked for: the helixes still missing, where, and the topics, sectors and CPV
    code prefixes of the pilot or the idea."""

    missing_helixes: frozenset = frozenset()
    country: str = ""  # ISO code
    region: str = ""
    topics: frozenset = frozenset()  # slugs
    sectors: frozenset = frozenset()
    cpv_prefixes: frozenset = frozenset()


@dataclass(frozen=True)
class Candidate:
    key: str  # "organisation:12", "entity:4", "member:7": stable, unique
    name: str
    helix: str = ""
    country: str = ""
    region: str = ""
    topics: frozenset = frozenset()
    sectors: frozenset = frozenset()
    cpv_codes: frozenset = frozenset()
    pilots_run: int = 0
    events_attended: int = 0


@dataclass(frozen=True)
class Reason:
    """A language-neutral reason: `code` from WEIGHTS and the values it names."""

    code: str
    values: tuple = ()


@dataclass(frozen=True)
class Suggestion:
    candidate: Candidate
    points: int
    reasons: tuple = field(default_factory=tuple)


def score(need, candidate):
    """(points, reasons) of one candidate against the need."""
    reasons = []
    points = 0
    if candidate.helix and candidate.helix in need.missing_helixes:
        points += WEIGHTS["helix"]
        reasons.append(Reason("helix", (candidate.helix,)))
    if need.country and candidate.country == need.country:
        points += WEIGHTS["country"]
        if need.region and _norm(candidate.region) == _norm(need.region):
            points += WEIGHTS["region"]
            reasons.append(Reason("region", (candidate.region,)))
        else:
            reasons.append(Reason("country", (candidate.country,)))
    topics = sorted(need.topics & candidate.topics)[:MAX_TOPICS]
    if topics:
        points += WEIGHTS["topic"] * len(topics)
        reasons.append(Reason("topic", tuple(topics)))
    sectors = sorted(need.sectors & candidate.sectors)[:MAX_SECTORS]
    if sectors:
        points += WEIGHTS["sector"] * len(sectors)
        reasons.append(Reason("sector", tuple(sectors)))
    cpv = sorted(
        code
        for code in candidate.cpv_codes
        if any(prefix and code.startswith(prefix) for prefix in need.cpv_prefixes)
    )
    if cpv:
        points += WEIGHTS["cpv"]
        reasons.append(Reason("cpv", tuple(cpv)))
    if candidate.pilots_run > 0:
        points += WEIGHTS["pilot"]
        reasons.append(Reason("pilot", (candidate.pilots_run,)))
    events = min(max(candidate.events_attended, 0), MAX_EVENTS)
    if events:
        points += WEIGHTS["events"] * events
        reasons.append(Reason("events", (candidate.events_attended,)))
    return points, tuple(reasons)


def rank(need, candidates, limit=DEFAULT_LIMIT):
    """The `limit` best suggestions, best first; candidates with no reason are left out."""
    suggestions = []
    for candidate in candidates:
        points, reasons = score(need, candidate)
        if points > 0:
            suggestions.append(Suggestion(candidate, points, reasons))
    suggestions.sort(key=lambda s: (-s.points, _norm(s.candidate.name), s.candidate.key))
    return suggestions[: max(limit, 0)]
