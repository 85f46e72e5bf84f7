"""Results as open data (CSV and JSON): what became of each selected idea, never who wrote
it. No member's name or email appears (not the idea's author, co-authors or organisers): the
result's own facts, its organisations (an organisation is not a person), its milestones.
Linked pages (the pilot action, events, publications, datasets) appear only where a visitor
may read them (community.results.links). Columns are documented in docs/open-data.md ("Results
of idea calls"); a test holds the two together.
"""

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

from community.results.links import attach_links

__all__ = ["EXPORT_FIELDS", "export_response", "result_records"]

EXPORT_FIELDS = (
    "id",
    "call",
    "idea_id",
    "title",
    "summary",
    "status",
    "stopped_reason",
    "progress",
    "country",
    "topics",
    "organisations",
    "pilot_action",
    "milestones",
    "url",
    # Added later: new columns only ever come at the end.
    "pilot_action_url",
    "events",
    "publications",
    "datasets",
)
# Columns holding lists: JSON arrays, and in CSV joined by LIST_SEPARATORS.
LIST_SEPARATORS = {
    "topics": " ",
    "organisations": "; ",
    "events": " ",
    "publications": " ",
    "datasets": " ",
}


def result_records(results, call, request=None):
    """Dicts for `results` (source-language pages with country, topics, organisations and
    milestones prefetched: `community.results.listing.call_results`). Linked pages are those
    a visitor may read, whoever asks; `request` only builds their absolute URLs."""
    records = []
    for result in attach_links(results, None):
        links = {kind: [] for kind in ("event", "publication", "dataset")}
        for link in result.links:
            links[link.kind].append(link.page.get_full_url(request))
        pilot_action = result.readable_pilot_action
        records.append(
            {
                "id": result.pk,
                "call": call.title,
                "idea_id": result.idea_id,
                "title": result.title,
                "summary": result.summary,
                "status": result.status,
                "stopped_reason": result.stopped_reason,
                "progress": result.progress,
                "country": result.country.code if result.country else "",
                "topics": sorted(topic.slug for topic in result.topics.all()),
                "organisations": sorted(o.name for o in result.organisations.all()),
                "pilot_action": pilot_action.pk if pilot_action else None,
                "milestones": [
                    {"date": m.date, "title": m.title, "reached": m.reached}
                    for m in result.milestones.all()
                ],
                "url": result.get_full_url(request),
                "pilot_action_url": pilot_action.get_full_url(request) if pilot_action else "",
                "events": links["event"],
                "publications": links["publication"],
                "datasets": links["dataset"],
            }
        )
    return records


def _neutralise(value):
    """Spreadsheet formulas in written text are shown as text, never run (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(records):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    for record in records:
        row = dict(record)
        for column, separator in LIST_SEPARATORS.items():
            row[column] = separator.join(record[column])
        row["milestones"] = "; ".join(
            f"{m['date'].isoformat()} {m['title']}{' ✓' if m['reached'] else ''}"
            for m in record["milestones"]
        )
        writer.writerow({key: _neutralise(value) for key, value in row.items()})
    return out.getvalue()


def export_response(records, fmt, filename):
    if fmt == "json":
        body = json.dumps({"results": records}, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(to_csv(records), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response
