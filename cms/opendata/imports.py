"""CSV import of social-economy entities and premises, row by row.

Each row is created, updated (matched by its `reference`), left unchanged, or rejected with
the reason; a bad row never stops the good ones, and importing the same file again changes
nothing. New entries are published (an editor runs the import: that is the check); an
existing entry keeps its review status. Columns are documented in docs/open-data.md.
"""

import csv
import io
import re
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .forms import parse_cpv_codes
from .vocabularies import Availability, EntityKind, ReviewStatus

__all__ = ["ENTITY_COLUMNS", "PREMISES_COLUMNS", "RowOutcome", "import_csv", "run_import"]

COMMON = ["reference", "name", "region", "country", "city", "postcode", "address",
          "latitude", "longitude", "website", "email", "phone", "description"]  # fmt: skip
ENTITY_COLUMNS = [*COMMON, "kind", "offer", "sectors", "cpv_codes"]
PREMISES_COLUMNS = [*COMMON, "size_m2", "conditions", "availability", "available_from"]
REQUIRED = ("reference", "name", "region")
MAX_ROWS = 5000


@dataclass(frozen=True)
class RowOutcome:
    row: int  # line number in the file (the header is line 1)
    outcome: str  # created, updated, unchanged, rejected
    reference: str
    reason: str = ""

    def as_dict(self):
        return {
            "row": self.row,
            "outcome": self.outcome,
            "reference": self.reference,
            "reason": self.reason,
        }


def _model(name):
    return apps.get_model("cms", name)


def _split(raw):
    return [item.strip() for item in re.split(r"[|;]", raw or "") if item.strip()]


def _country(code, cache):
    code = (code or "").strip().upper()
    if not code:
        return None
    if code not in cache:
        cache[code] = _model("Country").objects.filter(code=code).order_by("locale_id").first()
    if cache[code] is None:
        raise ValidationError(_("Unknown country code “%(code)s”.") % {"code": code})
    return cache[code]


def _messages(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" if field != "__all__" else " ".join(messages)
            for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _row_values(row, kind, countries):
    """Field values of one row (strings cleaned), plus the entity's sectors and CPV codes."""
    values = {
        name: (row.get(name) or "").strip()
        for name in COMMON
        if name not in ("country", "latitude", "longitude")
    }
    missing = [name for name in REQUIRED if not values.get(name)]
    if missing:
        raise ValidationError(_("Missing %(columns)s.") % {"columns": ", ".join(missing)})
    values["country"] = _country(row.get("country"), countries)
    for name in ("latitude", "longitude"):
        values[name] = (row.get(name) or "").strip() or None
    related = {}
    if kind == "entities":
        values["kind"] = (row.get("kind") or "").strip()
        if values["kind"] not in EntityKind.values:
            raise ValidationError(
                _("Unknown kind “%(kind)s”; use one of: %(kinds)s.")
                % {"kind": values["kind"], "kinds": ", ".join(EntityKind.values)}
            )
        values["offer"] = (row.get("offer") or "").strip()
        sectors = _split(row.get("sectors"))
        known = set(apps.get_model("cms", "EntitySector")._meta.get_field("sector").choices)
        unknown = [s for s in sectors if s not in {value for value, _label in known}]
        if unknown:
            raise ValidationError(
                _("Unknown sectors: %(sectors)s.") % {"sectors": ", ".join(unknown)}
            )
        related = {"sectors": sorted(set(sectors)), "cpv_codes": sorted(
            parse_cpv_codes(" ".join(_split(row.get("cpv_codes"))))
        )}  # fmt: skip
    else:
        size = (row.get("size_m2") or "").strip()
        values["size_m2"] = int(size) if size.isdigit() else None
        if size and not size.isdigit():
            raise ValidationError(_("The size must be a whole number of square metres."))
        values["conditions"] = (row.get("conditions") or "").strip()
        values["availability"] = (row.get("availability") or "").strip() or Availability.AVAILABLE
        if values["availability"] not in Availability.values:
            raise ValidationError(
                _("Unknown availability “%(value)s”.") % {"value": values["availability"]}
            )
        values["available_from"] = (row.get("available_from") or "").strip() or None
    return values, related


def _current_related(entry):
    return {
        "sectors": sorted(
            _model("EntitySector").objects.filter(entity=entry).values_list("sector", flat=True)
        ),
        "cpv_codes": sorted(
            _model("EntityCpvCode").objects.filter(entity=entry).values_list("code", flat=True)
        ),
    }


def _import_row(model, kind, number, row, countries):
    reference = (row.get("reference") or "").strip()
    try:
        values, related = _row_values(row, kind, countries)
        with transaction.atomic():
            entry = model.objects.filter(reference=reference).first()
            outcome = "created" if entry is None else "updated"
            if entry is None:
                entry = model(status=ReviewStatus.PUBLISHED)
            before = {name: getattr(entry, name) for name in values} if entry.pk else None
            for name, value in values.items():
                setattr(entry, name, value)
            entry.full_clean()
            after = {name: getattr(entry, name) for name in values}
            same_related = entry.pk and kind == "entities" and _current_related(entry) == related
            if entry.pk and before == after and (kind != "entities" or same_related):
                return RowOutcome(number, "unchanged", reference)
            entry.save()
            if kind == "entities":
                # Through the models' own managers: the page-style cluster managers of the
                # entity would keep the rows in memory until its next save.
                sectors, codes = _model("EntitySector"), _model("EntityCpvCode")
                sectors.objects.filter(entity=entry).delete()
                codes.objects.filter(entity=entry).delete()
                sectors.objects.bulk_create(
                    sectors(entity=entry, sector=sector) for sector in related["sectors"]
                )
                codes.objects.bulk_create(
                    codes(entity=entry, code=code) for code in related["cpv_codes"]
                )
        return RowOutcome(number, outcome, reference)
    except ValidationError as error:
        return RowOutcome(number, "rejected", reference, _messages(error))


def import_csv(kind, text):
    """Import CSV text of entities or premises; the list of RowOutcome, one per data row."""
    model = _model("SocialEconomyEntity" if kind == "entities" else "Premises")
    columns = ENTITY_COLUMNS if kind == "entities" else PREMISES_COLUMNS
    text = text.lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [name.strip() for name in reader.fieldnames or []]
    reader.fieldnames = header
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        return [RowOutcome(1, "rejected", "", _("The header lacks the columns: %(columns)s.")
                           % {"columns": ", ".join(missing)})]  # fmt: skip
    unknown = [name for name in header if name and name not in columns]
    outcomes = []
    countries = {}
    for number, row in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            outcomes.append(RowOutcome(number, "rejected", "", _("Too many rows in one file.")))
            break
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        outcomes.append(_import_row(model, kind, number, row, countries))
    if unknown and outcomes:
        note = _("Ignored columns: %(columns)s.") % {"columns": ", ".join(unknown)}
        outcomes.insert(0, RowOutcome(1, "note", "", note))
    return outcomes


def run_import(job):
    """Run a DirectoryImport and store its report and counts."""
    job.state = job.State.RUNNING
    job.save(update_fields=["state"])
    try:
        outcomes = import_csv(job.kind, job.content)
    except Exception as error:
        job.state = job.State.FAILED
        job.error = str(error)
        job.finished_at = timezone.now()
        job.save(update_fields=["state", "error", "finished_at"])
        raise
    job.report = [outcome.as_dict() for outcome in outcomes]
    for name in ("created", "updated", "unchanged", "rejected"):
        setattr(job, name, sum(1 for outcome in outcomes if outcome.outcome == name))
    job.state = job.State.DONE
    job.finished_at = timezone.now()
    job.save()
    return job
