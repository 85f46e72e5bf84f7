"""Field values of each demo page type, per language, from cms.demo.content.

Each function returns {field name: value} for sync.apply_values: snippets are the ones of the
page's language, StreamFields are raw JSON lists, child relations are lists of dicts.
"""

import datetime
import uuid

from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join, strip_tags
from wagtail.models import Page

from .content import load
from .documents import DocumentText, paragraphs, publication_pdf
from .illustrations import (
    network_image,
    news_image,
    pilot_image,
    publication_image,
    section_image,
)
from .media import demo_document
from .sync import LANGUAGES, in_language, localize, stable_key

PAGES = load("pages")
ORGANISATIONS = load("organisations")
COUNTRIES = load("snippets")["countries"]
DOCUMENT_SUBTITLE = load("publications")["document_subtitle"]
# pilot action key -> keys of the publications and news items about it (listed both ways)
PILOT_RELATED = load("related")["pilot_related"]
RELATED_PILOTS_HEADING = load("related")["related_pilots_heading"]


def pilots_related_to(key):
    """The pilot action keys that list the publication or news item `key`, in pilot order."""
    return [pilot for pilot, related in PILOT_RELATED.items() if key in related]


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _page_for_key(ctx, key, lang):
    """A demo page by its key: built in this run (ctx.pages), else found by its stable key
    (pages other apps' demos build after the cms, such as event pages), else None."""
    if key in ctx.pages:
        return in_language(ctx.pages[key], lang)
    found = {
        page.locale.language_code: page
        for page in Page.objects.filter(
            translation_key=stable_key("page", key), alias_of__isnull=True
        ).select_related("locale")
    }
    return found.get(lang) or found.get("en")


def _stream(ctx, blocks, lang, links=True):
    """(type, value) pairs to raw StreamField data; a call to action's page key to a page id.

    With links=False, calls to action that point at pages are left out: the first pass of a
    page that links to pages built after it.
    """
    raw = []
    for block_type, value in localize(list(blocks), lang):
        if block_type == "call_to_action" and isinstance(value.get("page"), str):
            if not links:
                continue
            page = _page_for_key(ctx, value["page"], lang)
            if page is None:
                continue  # built by a later step (an app's demo); linked on the next run
            value = {**value, "page": page.pk}
        raw.append({"type": block_type, "value": _with_list_items(block_type, value)})
    return raw


# The ListBlock children of our StreamField blocks: (block type, list field).
LIST_FIELDS = {"key_figures": "figures", "accordion": "items"}


def list_items(values):
    """A ListBlock's raw value in the block format Wagtail stores ({"type": "item", ...}).

    wagtail-localize extracts translatable segments only from lists in this format, so a list
    written in the old plain format would stay untranslated in every language.
    """
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def _with_list_items(block_type, value):
    field = LIST_FIELDS.get(block_type)
    if field is None or not isinstance(value, dict) or field not in value:
        return value
    return {**value, field: list_items(value[field])}


def _base(text, image):
    """Title, summary and the listing image of a page."""
    return {"title": text["title"], "summary": text["summary"], "listing_image": image}


def home_values(ctx, lang, links=True):
    text = localize(PAGES["home"], lang)
    image = network_image()
    values = {
        "title": text["title"],
        "summary": text["summary"],
        "hero_heading": text["hero_heading"],
        "hero_text": text["hero_text"],
        "hero_image": image,
        "listing_image": image,
        "body": _stream(ctx, PAGES["home"]["body"], lang, links),
    }
    return values


def content_values(ctx, data, lang, body=None, show_in_menus=True, links=True):
    return {
        **_base(localize(data, lang), section_image(data["slug"])),
        "show_in_menus": show_in_menus,
        "body": body if body is not None else _stream(ctx, data["body"], lang, links),
    }


def partners_body(ctx, lang):
    """The Partners page body, generated from the organisation data so it never drifts."""
    text = localize(PAGES["partners_page"], lang)
    helix = localize(ORGANISATIONS["helix_labels"], lang)
    countries = {code: localize(name, lang) for code, name in COUNTRIES}
    by_country = {}
    for index, item in enumerate(ORGANISATIONS["partners"]):
        by_country.setdefault(item["country"], []).append((index, localize(item, lang)))

    def entry(index, org):
        name = format_html('<a href="{}">{}</a>', org["website"], org["name"])
        name = name if org["website"] else org["name"]
        lead = format_html(" ({})", text["lead"]) if index == 0 else ""
        where = format_html(", {}", org["city"]) if org["city"] else ""
        return (name, helix[org["helix"]], where, lead)

    items = []
    for code, orgs in by_country.items():
        rows = format_html_join("", "<li>{} – {}{}{}</li>", (entry(i, org) for i, org in orgs))
        items.append({"question": countries[code], "answer": format_html("<ul>{}</ul>", rows)})
    stakeholders = format_html_join(
        "",
        "<li>{} ({})</li>",
        ((org["name"], org["city"]) for org in localize(ORGANISATIONS["stakeholders"], lang)),
    )
    return [
        {"type": "paragraph", "value": text["intro"]},
        {
            "type": "key_figures",
            "value": {
                "heading": text["figures_heading"],
                "figures": list_items(
                    [{"value": v, "label": label} for v, label in text["figures"]]
                ),
            },
        },
        {"type": "accordion", "value": {"heading": text["by_country"], "items": list_items(items)}},
        {"type": "heading", "value": text["stakeholders_heading"]},
        {"type": "paragraph", "value": format_html("<ul>{}</ul>", stakeholders)},
    ]


def index_values(key, lang):
    data = {**PAGES["indexes"][key], "key": key}
    text = localize(data, lang)
    image = section_image(key)
    return {**_base(text, image), "introduction": text["introduction"], "show_in_menus": True}


def pilot_values(ctx, data, lang, links=True):
    """With links=False, the related resources (publications and news, built after the pilot
    actions) are left out: the first pass of a new pilot action."""
    values = _pilot_fields(ctx, data, lang)
    if links:
        values["related_pages"] = [
            {"type": "page", "value": ctx.pages[key]["en"].pk}
            for key in PILOT_RELATED.get(data["key"], [])
        ]
        values["kit_documents"] = _kit_documents(ctx, data, lang)
    return values


def _kit_fields(ctx, data, lang):
    """The transfer kit, for the pilots that have one (data "kit")."""
    if "kit" not in data:
        return {}
    kit = localize(data["kit"], lang)
    return {
        "kit_problem": kit["problem"],
        "kit_legal_framework": kit["legal_framework"],
        "kit_partners": [
            {"type": "partner", "value": {"helix": helix, "role": role}}
            for helix, role in kit["partners"]
        ],
        "kit_budget": kit["budget"],
        "kit_duration": kit["duration"],
        "kit_steps": [{"type": "step", "value": step} for step in kit["steps"]],
        "kit_risks": [{"type": "risk", "value": risk} for risk in kit["risks"]],
        "kit_contacts": [in_language(ctx.people[key], lang) for key in data["kit"]["contacts"]],
    }


def _kit_documents(ctx, data, lang):
    """The publications' PDFs a kit reuses; the English file in every language, since a
    translated page keeps its source's chosen documents (wagtail-localize synchronises them)."""
    if "kit" not in data:
        return []
    rows = []
    for item in localize(data["kit"]["documents"], lang):
        documents = {row["language"]: row["document"] for row in ctx.documents[item["publication"]]}
        rows.append(
            {"type": "document", "value": {"document": documents["en"].pk, "note": item["note"]}}
        )
    return rows


def _related_pilots(ctx, key, lang):
    """A heading and a list linking the pilot actions a publication or news item is about."""
    pilots = [in_language(ctx.pages[pilot], lang) for pilot in pilots_related_to(key)]
    if not pilots:
        return []
    items = format_html_join(
        "", '<li><a linktype="page" id="{}">{}</a></li>', ((p.pk, p.title) for p in pilots)
    )
    return [
        {"type": "heading", "value": RELATED_PILOTS_HEADING[lang]},
        {"type": "paragraph", "value": format_html("<ul>{}</ul>", items)},
    ]


def _pilot_fields(ctx, data, lang):
    text = localize(data, lang)
    return {
        **_base(text, pilot_image(data)),
        "region": text["region"],
        "place": text["place"],
        "country": in_language(ctx.countries[data["country"]], lang),
        "latitude": text["latitude"],
        "longitude": text["longitude"],
        "status": text["status"],
        "start_date": _date(text["start_date"]),
        "end_date": _date(text["end_date"]),
        "macro_scenario": text["macro_scenario"],
        "lead_partner": in_language(ctx.organisations[data["lead_partner"]], lang),
        "partners": [in_language(ctx.organisations[key], lang) for key in data["partners"]],
        "topics": [in_language(ctx.topics[slug], lang) for slug in data["topics"]],
        "objectives": text["objectives"],
        "body": _stream(ctx, data["body"], lang),
        "timeline": [{"type": "step", "value": step} for step in text["timeline"]],
        "outcomes": text["outcomes"],
        "sectors": [{"sector": sector} for sector in data["sectors"]],
        "stakeholders": [{"helix": h, "description": d} for h, d in text["stakeholders"]],
        "indicators": [
            {"label": row["label"], "value": row["value"], "unit": row["unit"], "is_sroi": False}
            for row in text["indicators"]
        ],
        **_kit_fields(ctx, data, lang),
    }


def news_values(ctx, data, lang):
    text = localize(data, lang)
    return {
        **_base(text, news_image(data)),
        "date": _date(data["date"]),
        "introduction": text["introduction"],
        "body": _stream(ctx, data["body"], lang) + _related_pilots(ctx, data["key"], lang),
        "topics": [ctx.topics[slug][lang] for slug in data["topics"]],
        "countries": [ctx.countries[code][lang] for code in data["countries"]],
    }


RECOMMENDATIONS_HEADING = {"en": "Key recommendations", "it": "Raccomandazioni principali"}


def _document_text(data, lang):
    """The text of a publication's PDF in lang: abstract, body sections, recommendations."""
    text = localize(data, lang)
    sections, heading = [], None
    for block_type, value in localize(list(data.get("body", [])), lang):
        if block_type == "heading":
            heading = value
        elif block_type == "paragraph":
            sections.append((heading or "", paragraphs(value)))
            heading = None
    publisher = next(item for item in ORGANISATIONS["partners"] if item["key"] == data["publisher"])
    with translation.override(lang):
        date_label = date_format(_date(data["publication_date"]), "DATE_FORMAT")
    return DocumentText(
        kind=data["kind"],
        language=lang,
        type_label=localize(DOCUMENT_SUBTITLE[data["kind"]], lang),
        title=text["title"],
        publisher=localize(publisher["name"], lang),
        date_label=date_label,
        abstract=paragraphs(text["abstract"]),
        sections=sections,
        recommendations=[
            (row["title"], strip_tags(row.get("detail", "")))
            for row in text.get("key_recommendations", [])
        ],
        recommendations_heading=RECOMMENDATIONS_HEADING[lang],
        colophon=localize(PAGES["footer_text"]["funding_statement"], lang),
    )


def publication_documents(data):
    """One PDF per language with a real text layer, stored once and reused by both trees."""
    rows = []
    for lang in LANGUAGES:
        text = localize(data, lang)
        title = f"{text['title']} ({lang.upper()})"

        text = _document_text(data, lang)

        def render(text=text):
            return publication_pdf(text, _date(data["publication_date"]))

        document = demo_document(f"{data['key']}-{lang}", title, render, text.fingerprint())
        rows.append({"language": lang, "document": document})
    return rows


def publication_values(ctx, data, lang, documents):
    text = localize(data, lang)
    values = {
        **_base(text, publication_image(data)),
        "publication_date": _date(data["publication_date"]),
        "publisher": ctx.organisations[data["publisher"]][lang],
        "author_links": [{"person": ctx.people[key][lang]} for key in data["authors"]],
        "abstract": text["abstract"],
        "body": _stream(ctx, data.get("body", []), lang) + _related_pilots(ctx, data["key"], lang),
        "topics": [ctx.topics[slug][lang] for slug in data["topics"]],
        "countries": [ctx.countries[code][lang] for code in data["countries"]],
        "documents": documents,
    }
    if data["kind"] == "policy-brief":
        values["policy_level"] = data["policy_level"]
        values["key_recommendations"] = [
            {"type": "recommendation", "value": row} for row in text["key_recommendations"]
        ]
    return values
