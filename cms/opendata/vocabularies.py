"""Controlled vocabularies of the open-data catalogue, with the URIs DCAT-AP expects.

Stored values are the codes of the EU Publications Office authority tables (data themes,
frequencies, file types), so the catalogue can name each as the URI harvesters recognise.
Licences are stored as SPDX identifiers and published as their canonical licence URLs.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


class DataTheme(models.TextChoices):
    """The EU data themes (DCAT-AP's controlled vocabulary for dcat:theme)."""

    AGRI = "AGRI", _("Agriculture, fisheries, forestry and food")
    ECON = "ECON", _("Economy and finance")
    EDUC = "EDUC", _("Education, culture and sport")
    ENER = "ENER", _("Energy")
    ENVI = "ENVI", _("Environment")
    GOVE = "GOVE", _("Government and public sector")
    HEAL = "HEAL", _("Health")
    INTR = "INTR", _("International issues")
    JUST = "JUST", _("Justice, legal system and public safety")
    REGI = "REGI", _("Regions and cities")
    SOCI = "SOCI", _("Population and society")
    TECH = "TECH", _("Science and technology")
    TRAN = "TRAN", _("Transport")


class Frequency(models.TextChoices):
    """How often a dataset is updated (the EU frequency authority table)."""

    CONT = "CONT", _("Continuously updated")
    DAILY = "DAILY", _("Daily")
    WEEKLY = "WEEKLY", _("Weekly")
    MONTHLY = "MONTHLY", _("Monthly")
    QUARTERLY = "QUARTERLY", _("Quarterly")
    ANNUAL = "ANNUAL", _("Annual")
    IRREG = "IRREG", _("Irregular")
    NEVER = "NEVER", _("Never (historical data)")
    UNKNOWN = "UNKNOWN", _("Unknown")


class Licence(models.TextChoices):
    """Common open licences, stored as their SPDX identifiers."""

    CC_BY_4 = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA_4 = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC0 = "CC0-1.0", _("Creative Commons Zero 1.0 (public domain dedication)")
    ODBL = "ODbL-1.0", _("Open Data Commons Open Database Licence 1.0")
    ODC_BY = "ODC-By-1.0", _("Open Data Commons Attribution Licence 1.0")
    PDDL = "PDDL-1.0", _("Open Data Commons Public Domain Dedication and Licence 1.0")
    IODL_2 = "IODL-2.0", _("Italian Open Data Licence 2.0")
    ETALAB_2 = "etalab-2.0", _("Etalab Open Licence 2.0")


LICENCE_URLS = {
    Licence.CC_BY_4: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA_4: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.ODBL: "https://opendatacommons.org/licenses/odbl/1-0/",
    Licence.ODC_BY: "https://opendatacommons.org/licenses/by/1-0/",
    Licence.PDDL: "https://opendatacommons.org/licenses/pddl/1-0/",
    Licence.IODL_2: "https://www.dati.gov.it/content/italian-open-data-license-v20",
    Licence.ETALAB_2: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}


class FileFormat(models.TextChoices):
    """Distribution formats (codes of the EU file-type authority table)."""

    CSV = "CSV", "CSV"
    JSON = "JSON", "JSON"
    GEOJSON = "GEOJSON", "GeoJSON"
    XLSX = "XLSX", "XLSX (Excel)"
    ODS = "ODS", "ODS (OpenDocument)"
    XML = "XML", "XML"
    RDF_TURTLE = "RDF_TURTLE", "RDF Turtle"
    JSON_LD = "JSON_LD", "JSON-LD"
    PDF = "PDF", "PDF"
    ZIP = "ZIP", "ZIP"
    HTML = "HTML", "HTML"


# The media type a format usually has, offered when the editor leaves the field empty.
MEDIA_TYPES = {
    FileFormat.CSV: "text/csv",
    FileFormat.JSON: "application/json",
    FileFormat.GEOJSON: "application/geo+json",
    FileFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileFormat.ODS: "application/vnd.oasis.opendocument.spreadsheet",
    FileFormat.XML: "application/xml",
    FileFormat.RDF_TURTLE: "text/turtle",
    FileFormat.JSON_LD: "application/ld+json",
    FileFormat.PDF: "application/pdf",
    FileFormat.ZIP: "application/zip",
    FileFormat.HTML: "text/html",
}


def theme_uri(code):
    return f"{EU_AUTHORITY}data-theme/{code}"


def frequency_uri(code):
    return f"{EU_AUTHORITY}frequency/{code}"


def file_type_uri(code):
    return f"{EU_AUTHORITY}file-type/{code}"


def media_type_uri(media_type):
    return f"{IANA_MEDIA_TYPES}{media_type}"


def licence_url(code):
    return LICENCE_URLS.get(code, "")


class ArticleKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    CASE_STUDY = "case-study", _("Case study")
    GLOSSARY = "glossary", _("Glossary")


class SkillLevel(models.TextChoices):
    """Reading level of an article, skill level of a tool or course."""

    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class EntityKind(models.TextChoices):
    SOCIAL_ENTERPRISE = "social-enterprise", _("Social enterprise")
    COOPERATIVE = "cooperative", _("Cooperative")
    SPECIAL_EMPLOYMENT = "special-employment-centre", _("Special employment centre")
    WORK_INTEGRATION = "work-integration", _("Work-integration enterprise")
    ASSOCIATION = "association", _("Association")
    OTHER = "other", _("Other social-economy entity")


class ReviewStatus(models.TextChoices):
    """Entries members propose wait for an editor's check before anyone sees them."""

    PROPOSED = "proposed", _("Proposed, awaiting review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class Availability(models.TextChoices):
    AVAILABLE = "available", _("Available now")
    FROM_DATE = "from-date", _("Available from a date")
    OCCUPIED = "occupied", _("Occupied")
