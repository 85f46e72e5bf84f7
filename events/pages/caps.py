"""Balanced participation: seat caps per stakeholder type, country or language.

Pure functions over plain values (no database), so the rule is tested on its own and the
registration engine, the page and the organiser's admin all ask the same question.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import get_language_info

from cms.models.choices import Helix

__all__ = [
    "Cap",
    "cap_label",
    "cap_usage",
    "caps_from_stream",
    "counted_cap_usage",
    "counted_refusal_reason",
    "refusal_reason",
]


@dataclass(frozen=True)
class Cap:
    """At most `limit` seats for registrants whose `dimension` equals `value`."""

    dimension: str  # "stakeholder_type", "country_code" or "language"
    value: str
    limit: int
    label: str = ""


def caps_from_stream(stream, capacity: int | None) -> list[Cap]:
    """Caps from the event's `caps` StreamField; a percentage is of the capacity, rounded down."""
    caps = []
    for block in stream or []:
        value = block.value
        dimension, code = value["dimension"], (value["value"] or "").strip()
        if dimension == "country_code":
            code = code.upper()
        if value.get("max_seats") is not None:
            limit = value["max_seats"]
        elif value.get("max_percent") is not None and capacity:
            limit = math.floor(capacity * value["max_percent"] / 100)
        else:
            continue
        caps.append(Cap(dimension, code, limit, value.get("label") or code))
    return caps


def refusal_reason(
    snapshot: Mapping[str, str], seated: Iterable[Mapping[str, str]], capacity, caps
) -> str:
    """Why this registrant cannot have a seat now: "" (admitted), "full" or "cap"."""
    seated = list(seated)
    taken = [sum(1 for row in seated if row.get(cap.dimension) == cap.value) for cap in caps]
    return counted_refusal_reason(snapshot, len(seated), taken, capacity, caps)


def counted_refusal_reason(
    snapshot: Mapping[str, str], seated: int, taken: Iterable[int], capacity, caps
) -> str:
    """`refusal_reason` from counts: `seated` seats taken in all, `taken` by each cap (in the
    order of `caps`)."""
    if capacity is not None and seated >= capacity:
        return "full"
    for cap, count in zip(caps, taken, strict=True):
        if snapshot.get(cap.dimension) == cap.value and count + 1 > cap.limit:
            return "cap"
    return ""


def cap_label(cap: Cap, country_names: Mapping[str, str] | None = None) -> str:
    """The cap's name in the reader's language: the stakeholder type, country (from
    `country_names`, code -> name in the reader's language) or language it counts.

    The label an editor typed in the cap is synchronised from the source page to every
    language copy (caps are the one rule all copies share), so it stays in the source
    language; it is shown only for a value none of those lists knows.
    """
    if cap.dimension == "stakeholder_type" and cap.value in Helix.values:
        return str(Helix(cap.value).label)
    if cap.dimension == "country_code" and cap.value in (country_names or {}):
        return country_names[cap.value]
    if cap.dimension == "language":
        try:
            return str(get_language_info(cap.value)["name_translated"])
        except KeyError:
            pass
    return cap.label or cap.value


def cap_usage(
    seated: Iterable[Mapping[str, str]], caps, country_names: Mapping[str, str] | None = None
) -> list[dict]:
    """Per cap: its label in the reader's language, seats taken and limit (counts only, for the
    page and the admin)."""
    seated = list(seated)
    taken = [sum(1 for row in seated if row.get(cap.dimension) == cap.value) for cap in caps]
    return counted_cap_usage(taken, caps, country_names)


def counted_cap_usage(
    taken: Iterable[int], caps, country_names: Mapping[str, str] | None = None
) -> list[dict]:
    """`cap_usage` from the seats each cap counts already (`taken`, in the order of `caps`)."""
    return [
        {"cap": cap, "label": cap_label(cap, country_names), "taken": count, "limit": cap.limit}
        for cap, count in zip(caps, taken, strict=True)
    ]
