"""Balanced participation: seat caps per stakeholder type, country or language.

Pure functions over plain values (no database), so the rule is tested on its own and the
registration engine, the page and the organiser's admin all ask the same question.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["Cap", "cap_usage", "caps_from_stream", "refusal_reason"]


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
    if capacity is not None and len(seated) >= capacity:
        return "full"
    for cap in caps:
        if snapshot.get(cap.dimension) != cap.value:
            continue
        taken = sum(1 for row in seated if row.get(cap.dimension) == cap.value)
        if taken + 1 > cap.limit:
            return "cap"
    return ""


def cap_usage(seated: Iterable[Mapping[str, str]], caps) -> list[dict]:
    """Per cap: its label, seats taken and limit (counts only, for the page and the admin)."""
    seated = list(seated)
    return [
        {
            "cap": cap,
            "taken": sum(1 for row in seated if row.get(cap.dimension) == cap.value),
            "limit": cap.limit,
        }
        for cap in caps
    ]
