"""The platform's own content as open data: CSV and JSON exports of listing pages.

Each listing page that mixes in `ExportableListingMixin` answers `export/csv/` and
`export/json/` with the items its listing shows for the same query string (filters applied,
pagination ignored), through the same visibility rule (`listing()` uses cms.visibility).
Columns are fixed per kind and documented in docs/open-data.md: add new ones at the end, never
rename or reorder, so scripts reading the files keep working. No personal data: no authors,
contact people, e-mail addresses or account data.
"""

import csv
import datetime
import decimal
import io
from dataclasses import dataclass
from types import SimpleNamespace

from django.http import HttpResponse, JsonResponse
from django.utils.html import strip_tags
from wagtail.contrib.routable_page.models import path

from cms.document_visibility import private_collection_ids

__all__ = [
    "Column",
    "common_columns",
    "csv_response",
    "DATASET_COLUMNS",
    "ExportableListingMixin",
    "PILOT_ACTION_COLUMNS",
    "PUBLICATION_COLUMNS",
    "export_records",
    "json_response",
    "records_to_csv",
]

# Joins the values of a multi-valued column in CSV (JSON keeps a list).
LIST_SEPARATOR = "|"


@dataclass(frozen=True)
class Column:
    name: str
    # (item, context) -> a string, number, date, bool, None or list of those.
    value: object


def _names(items):
    return [item.name for item in items]


def _text(html):
    return strip_tags(html or "").strip()


def _date(value):
    return value.isoformat() if value else None


def _number(value):
    return float(value) if value is not None else None


def common_columns(kind):
    """The columns every export starts with; `kind(page)` gives the `type` value."""
    return [
        Column("id", lambda page, ctx: page.pk),
        Column("translation_key", lambda page, ctx: str(page.translation_key)),
        Column("language", lambda page, ctx: page.locale.language_code),
        Column("type", lambda page, ctx: kind(page)),
        Column("title", lambda page, ctx: page.title),
        Column("url", lambda page, ctx: ctx.absolute(page.get_url(ctx.request))),
        Column("summary", lambda page, ctx: page.summary),
    ]


PILOT_ACTION_COLUMNS = [
    *common_columns(lambda page: "pilot-action"),
    Column("status", lambda page, ctx: page.status),
    Column("macro_scenario", lambda page, ctx: page.macro_scenario),
    Column("start_date", lambda page, ctx: _date(page.start_date)),
    Column("end_date", lambda page, ctx: _date(page.end_date)),
    Column("country_code", lambda page, ctx: page.country.code if page.country else ""),
    Column("country", lambda page, ctx: page.country.name if page.country else ""),
    Column("region", lambda page, ctx: page.region),
    Column("place", lambda page, ctx: page.place),
    Column("latitude", lambda page, ctx: _number(page.latitude)),
    Column("longitude", lambda page, ctx: _number(page.longitude)),
    Column("sectors", lambda page, ctx: page.sector_values),
    Column("topics", lambda page, ctx: [topic.slug for topic in page.topics.all()]),
    Column("lead_partner", lambda page, ctx: page.lead_partner.name if page.lead_partner else ""),
    Column("partners", lambda page, ctx: _names(page.partners.all())),
    Column("objectives", lambda page, ctx: _text(page.objectives)),
]

PUBLICATION_TYPES = {"whitepaperpage": "white-paper", "policybriefpage": "policy-brief"}


def _public_documents(page, ctx):
    return [
        f"{row.language}:{ctx.absolute(row.document.url)}"
        for row in page.documents.all()
        if row.document.collection_id not in ctx.private_collections
    ]


PUBLICATION_COLUMNS = [
    *common_columns(
        lambda page: PUBLICATION_TYPES.get(page.content_type.model, page.content_type.model)
    ),
    Column("publication_date", lambda page, ctx: _date(page.publication_date)),
    Column("publisher", lambda page, ctx: page.publisher.name if page.publisher else ""),
    Column("topics", lambda page, ctx: [topic.slug for topic in page.topics.all()]),
    Column("countries", lambda page, ctx: [country.code for country in page.countries.all()]),
    Column("abstract", lambda page, ctx: _text(page.abstract)),
    Column("documents", _public_documents),
]


def _distribution_urls(page, ctx):
    return [
        ctx.absolute(row.download_url())
        for row in page.distributions.all()
        if not row.document_id or row.document.collection_id not in ctx.private_collections
    ]


DATASET_COLUMNS = [
    *common_columns(lambda page: "dataset"),
    Column("description", lambda page, ctx: page.description),
    Column("publisher", lambda page, ctx: page.publisher.name if page.publisher else ""),
    Column("licence", lambda page, ctx: page.licence),
    Column("licence_url", lambda page, ctx: page.licence_url),
    Column("themes", lambda page, ctx: page.theme_values),
    Column("keywords", lambda page, ctx: page.keyword_list),
    Column("spatial_coverage", lambda page, ctx: page.spatial_coverage),
    Column("temporal_start", lambda page, ctx: _date(page.temporal_start)),
    Column("temporal_end", lambda page, ctx: _date(page.temporal_end)),
    Column("frequency", lambda page, ctx: page.frequency),
    Column("issued", lambda page, ctx: _date(page.issued)),
    Column("formats", lambda page, ctx: page.format_values()),
    Column("distribution_urls", _distribution_urls),
]


def export_context(request, **extra):
    return SimpleNamespace(
        request=request,
        absolute=request.build_absolute_uri if request is not None else (lambda url: url),
        private_collections=private_collection_ids(),
        **extra,
    )


def export_records(items, columns, request=None, **extra):
    """One dict per item, keyed by column name in column order; `extra` values are handed to
    the columns as attributes of their context (e.g. lookups fetched once for all items)."""
    ctx = export_context(request, **extra)
    return [{column.name: column.value(item, ctx) for column in columns} for item in items]


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(_cell(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date | decimal.Decimal):
        return str(value)
    return str(value)


def records_to_csv(records, columns):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.name for column in columns])
    for record in records:
        writer.writerow([_cell(record[column.name]) for column in columns])
    return buffer.getvalue()


def csv_response(records, columns, filename):
    """The CSV export of `records`, as a download any site may fetch."""
    response = HttpResponse(
        records_to_csv(records, columns), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def json_response(records, columns):
    """The JSON export: `{"columns": [...], "count": N, "items": [...]}`."""
    response = JsonResponse(
        {"columns": [column.name for column in columns], "count": len(records), "items": records},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


class ExportableListingMixin:
    """Adds `export/csv/` and `export/json/` routes to a ListingPageMixin page.

    The page sets `export_columns` (a list of Column) and may set `export_prefetch` (related
    names the columns read, fetched in bulk so the export's query count stays constant).
    """

    export_columns = []
    export_prefetch = ()

    def export_items(self, request):
        filters = self.parse_filters(request)
        return self.listing(filters, request).prefetch_related(*self.export_prefetch)

    def export_filename(self, suffix):
        return f"{self.slug}-{self.locale.language_code}.{suffix}"

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        records = export_records(self.export_items(request), self.export_columns, request)
        return csv_response(records, self.export_columns, self.export_filename("csv"))

    @path("export/json/", name="export_json")
    def export_json(self, request):
        records = export_records(self.export_items(request), self.export_columns, request)
        return json_response(records, self.export_columns)
