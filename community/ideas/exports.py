"""Ideas as open data (CSV and JSON): what a call published, never who wrote it.

No author, co-author, team, email or reviewer appears: only the idea's own public facts, its
organisation (an organisation is not a person) and, for organisers, the review figures.
"""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

from community.ideas.permissions import disclosed_status

__all__ = ["EXPORT_FIELDS", "export_response", "idea_records", "to_csv", "to_json"]

EXPORT_FIELDS = (
    "id",
    "call",
    "title",
    "summary",
    "language",
    "status",
    "topics",
    "organisation",
    "budget_estimate",
    "supports",
    "submitted_at",
)
REVIEW_FIELDS = ("score", "reviews", "spread")


def idea_records(ideas, ranked=None, reader=None):
    """Dicts for `ideas` (topics and organisation prefetched); with `ranked` (RankedIdea list),
    the review figures are added. Each status is the one `reader` may know (None: the public,
    to whom a decision reads "under review" until the call's results are published)."""
    figures = {item.idea.pk: item for item in ranked or ()}
    records = []
    for idea in ideas:
        record = {
            "id": idea.pk,
            "call": idea.call.title,
            "title": idea.title,
            "summary": idea.summary,
            "language": idea.language,
            "status": disclosed_status(idea, reader).value,
            "topics": sorted(topic.slug for topic in idea.topics.all()),
            "organisation": idea.organisation.name if idea.organisation else "",
            "budget_estimate": idea.budget_estimate,
            "supports": idea.support_count,
            "submitted_at": idea.submitted_at,
        }
        if ranked is not None:
            item = figures.get(idea.pk)
            record.update(
                score=item.mean if item else None,
                reviews=item.reviews if item else 0,
                spread=item.spread if item else None,
            )
        records.append(record)
    return records


def to_json(records):
    return json.dumps({"ideas": records}, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def to_csv(records, with_review=False):
    fields = (*EXPORT_FIELDS, *(REVIEW_FIELDS if with_review else ()))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for record in records:
        row = dict(record)
        row["topics"] = " ".join(record["topics"])
        for key in ("submitted_at",):
            row[key] = record[key].isoformat() if record[key] else ""
        writer.writerow({key: _neutralise(value) for key, value in row.items()})
    return out.getvalue()


def _neutralise(value):
    """Spreadsheet formulas in member text are shown as text, never run (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def export_response(records, fmt, filename, with_review=False):
    if fmt == "json":
        response = HttpResponse(to_json(records), content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(
            to_csv(records, with_review=with_review), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
