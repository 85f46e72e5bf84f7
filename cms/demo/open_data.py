"""Demo content of the open-data sections: catalogue, knowledge base with tools and the Veneto
Open Data Lab course, social-economy directory, premises register and the map.

Runs after build_cms_demo() (the home page and its translations exist) and before the trees
are synchronised. The five section pages are written in all nine languages through
wagtail-localize (cms.demo.localize), like the other sections; the pages under them are
written in English and Italian and appear in the other languages with the untranslated
notice. Every step finds what an earlier run made and only writes what differs.
"""

import csv
import datetime
import hashlib
import io
import random
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import Locale

from cms.models import (
    Country,
    CoursePage,
    DatasetDistribution,
    DatasetIndexPage,
    DatasetPage,
    DatasetTheme,
    DirectoryPage,
    EntityCpvCode,
    EntitySector,
    KnowledgeArticlePage,
    KnowledgeBasePage,
    LessonPage,
    MapPage,
    OpenDataTool,
    OpenDataToolIndexPage,
    Organisation,
    Premises,
    PremisesRegisterPage,
    SocialEconomyEntity,
)
from cms.opendata.vocabularies import FileFormat, Frequency, Licence

from .bulk import deferred_indexing
from .content import load, read
from .localize import sync_localized_page
from .media import demo_collection
from .progress import step
from .sync import (
    CREATED,
    UNCHANGED,
    UPDATED,
    apply_values,
    stable_key,
    sync_page,
    sync_snippet_translation,
)

__all__ = ["build_open_data_demo"]

SECTION_MODELS = (
    ("open-data", DatasetIndexPage),
    ("knowledge", KnowledgeBasePage),
    ("directory", DirectoryPage),
    ("premises", PremisesRegisterPage),
    ("map", MapPage),
)
SECTIONS = load("open_data_sections")["sections"]
DIRECTORY = read("open_data", "directory")  # places and names the fictional directory is made of
ENGLISH = read("open_data", "en")
ITALIAN = read("open_data", "it")
FICTIONAL = "Demo entry: a fictional organisation in a real place."
FICTIONAL_SPACE = "Demo entry: a fictional space at a real address."


def _section_values(key, lang):
    text = SECTIONS[key]
    return {
        "title": text["title"][lang],
        "summary": text["summary"][lang],
        "introduction": text["introduction"][lang],
        "show_in_menus": True,
    }


def _page(ctx, parent, model, slug, values, key):
    page, status = sync_page(parent, model, slug, values, key=key)
    ctx.count("open_data", status)
    ctx.pages[key] = {"en": page}
    return page, status


def build_sections(ctx):
    """The five section pages under the home page, in every language."""
    home = ctx.pages["home"]["en"]
    sections = {}
    for key, model in SECTION_MODELS:
        page, status = _page(ctx, home, model, key, _section_values(key, "en"), key)
        sections[key] = page
        for language in ctx.locales:
            if language == "en":
                continue
            translated, translated_status = sync_localized_page(
                page,
                ctx.locales[language],
                _section_values(key, language),
                source_changed=status != UNCHANGED,
            )
            ctx.count("open_data", translated_status)
            ctx.pages[key][language] = translated
    return sections


def _upsert(model, lookup, values):
    """The row matching lookup, created or updated with values; saved only when it differs
    (a second demo run writes nothing)."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **values), CREATED
    if apply_values(obj, values):
        obj.save()
        return obj, UPDATED
    return obj, UNCHANGED


def _coordinate(value):
    return Decimal(f"{value:.6f}")


def _rng(key):
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:12], 16))  # noqa: S311


def entity_rows():
    """Every demo entity as a dict, deterministic, spread around real towns."""
    rows = []
    kinds, activities = DIRECTORY["kind_cycle"], DIRECTORY["activities"]
    used = dict.fromkeys(DIRECTORY["name_words"], 0)
    for city, region, country, lat, lon, count in DIRECTORY["entity_places"]:
        for n in range(count):
            rng = _rng(f"{city}-{n}")
            kind = kinds[(n + len(city)) % len(kinds)]
            offer, sector, codes = activities[(n * 3 + len(region)) % len(activities)]
            words = DIRECTORY["name_words"][country]
            word = words[used[country] % len(words)]
            used[country] += 1
            rows.append(
                {
                    "reference": f"{country}-{city[:3].upper()}-{n + 1:03d}",
                    "name": DIRECTORY["name_patterns"][country][kind].format(name=word),
                    "kind": kind,
                    "offer": offer,
                    "description": FICTIONAL,
                    "city": city,
                    "region": region,
                    "country": country,
                    "latitude": _coordinate(lat + rng.uniform(-0.03, 0.03)),
                    "longitude": _coordinate(lon + rng.uniform(-0.04, 0.04)),
                    "sectors": [sector],
                    "cpv_codes": codes,
                }
            )
    return rows


def premises_rows():
    rows = []
    for n, (name, address, city, lat, lon, size) in enumerate(DIRECTORY["premises"]):
        region = "Istria" if city == "Pula" else "Podravje"
        country = "HR" if city == "Pula" else "SI"
        available = ["available", "from-date", "available", "occupied"][n % 4]
        rows.append(
            {
                "reference": f"{country}-PREM-{n + 1:03d}",
                "name": name,
                "description": FICTIONAL_SPACE,
                "address": address,
                "city": city,
                "region": region,
                "country": country,
                "latitude": _coordinate(lat),
                "longitude": _coordinate(lon),
                "size_m2": size,
                "availability": available,
                "available_from": datetime.date(2026, 3, 1) if available == "from-date" else None,
                "conditions": [
                    "Free use for social-innovation projects, two years renewable.",
                    "Subsidised rent; running costs shared.",
                    "Free use in exchange for opening hours to the neighbourhood.",
                ][n % 3],
            }
        )
    return rows


def _countries():
    english = Locale.objects.get(language_code="en")
    return {c.code: c for c in Country.objects.filter(locale=english)}


def build_directory(ctx):
    countries = _countries()
    for row in entity_rows():
        values = {k: v for k, v in row.items() if k not in ("sectors", "cpv_codes", "reference")}
        values["country"] = countries.get(row["country"])
        values["status"] = "published"
        entity, status = _upsert(SocialEconomyEntity, {"reference": row["reference"]}, values)
        if sorted(entity.sector_values()) != row["sectors"]:
            EntitySector.objects.filter(entity=entity).delete()
            EntitySector.objects.bulk_create(
                EntitySector(entity=entity, sector=s) for s in row["sectors"]
            )
        if sorted(entity.cpv_values()) != sorted(row["cpv_codes"]):
            EntityCpvCode.objects.filter(entity=entity).delete()
            EntityCpvCode.objects.bulk_create(
                EntityCpvCode(entity=entity, code=c) for c in row["cpv_codes"]
            )
        ctx.count("entities", status)
    for row in premises_rows():
        values = {k: v for k, v in row.items() if k != "reference"}
        values["country"] = countries.get(row["country"])
        values["status"] = "published"
        _premises, status = _upsert(Premises, {"reference": row["reference"]}, values)
        ctx.count("premises", status)


def _csv_bytes(rows, columns):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(
            ["|".join(row[c]) if isinstance(row[c], list) else row[c] or "" for c in columns]
        )
    return buffer.getvalue().encode()


def csv_document(key, title, content):
    """The demo CSV document with this title, rewritten only when its bytes changed."""
    Document = get_document_model()
    # Wagtail's own file hash: SHA-1, 40 characters (its column's length; PostgreSQL enforces it).
    digest = hashlib.sha1(content, usedforsecurity=False).hexdigest()
    document = Document.objects.filter(collection=demo_collection(), title=title).first()
    if document is not None and document.file_hash == digest:
        return document
    if document is None:
        document = Document(title=title, collection=demo_collection())
    document.file = SimpleUploadedFile(f"{key}.csv", content, content_type="text/csv")
    document.file_size, document.file_hash = len(content), digest
    document.save()
    return document


def _organisation(short_name):
    english = Locale.objects.get(language_code="en")
    return Organisation.objects.filter(locale=english, short_name=short_name).first()


def _sync_dataset(ctx, index, key, slug, values, themes, distributions):
    page, status = _page(ctx, index, DatasetPage, slug, values, key)
    if sorted(page.theme_values) != sorted(themes):
        DatasetTheme.objects.filter(page=page).delete()
        for theme in themes:
            DatasetTheme.objects.create(page=page, theme=theme)
    current = [(d.document_id, d.url, d.format) for d in page.distributions.all()]
    wanted = [(d.get("document").pk if d.get("document") else None, d.get("url", ""), d["format"])
              for d in distributions]  # fmt: skip
    if current != wanted:
        DatasetDistribution.objects.filter(page=page).delete()
        for order, row in enumerate(distributions):
            DatasetDistribution.objects.create(page=page, sort_order=order, **row)
    # The distributions' titles are translated with the page (the files stay the same).
    italian_distributions = [
        {**row, "title": title}
        for row, title in zip(distributions, ITALIAN["distribution_titles"][key], strict=True)
    ]
    italian, italian_status = sync_localized_page(
        page,
        ctx.locales["it"],
        {**values, **ITALIAN["datasets"][key], "distributions": italian_distributions},
        source_changed=status != UNCHANGED,
    )
    ctx.count("open_data", italian_status)
    ctx.pages[key]["it"] = italian
    return page


def build_datasets(ctx, index):
    entity_columns = ["reference", "name", "kind", "offer", "city", "region", "country",
                      "latitude", "longitude", "sectors", "cpv_codes"]  # fmt: skip
    aragon = [row for row in entity_rows() if row["region"] == "Aragon"]
    register = csv_document(
        "aragon-social-economy-suppliers",
        "Register of social-economy suppliers, Aragon (CSV)",
        _csv_bytes(aragon, entity_columns),
    )
    premises_columns = ["reference", "name", "address", "city", "region", "country",
                        "latitude", "longitude", "size_m2", "availability",
                        "conditions"]  # fmt: skip
    maribor = [row for row in premises_rows() if row["region"] == "Podravje"]
    premises = csv_document(
        "maribor-premises", "Premises for social innovators, Maribor (CSV)",
        _csv_bytes(maribor, premises_columns),
    )  # fmt: skip
    ctx.documents["open-data-register"] = register
    _sync_dataset(
        ctx,
        index,
        "dataset-aragon-register",
        "aragon-register-of-social-economy-suppliers",
        {
            "title": "Register of social-economy suppliers in Aragon",
            "summary": "Special employment centres, work-integration enterprises and "
            "cooperatives in Aragon, with the CPV codes of what they supply.",
            "description": "The list the Aragon pilot action built so that public buyers can "
            "reserve contracts for the third sector: one row per supplier, with its kind, "
            "town, sectors and CPV codes. The demo rows are fictional organisations in real "
            "towns.",
            "publisher": _organisation("ITAINNOVA"),
            "licence": Licence.CC_BY_4,
            "keywords": "social economy, reserved contracts, CPV, suppliers",
            "spatial_coverage": "Aragon, Spain",
            "frequency": Frequency.QUARTERLY,
            "contact_name": "Open data desk",
            "contact_email": "opendata@example.org",
        },
        ["ECON", "SOCI"],
        [{"document": register, "format": FileFormat.CSV, "title": "Register of suppliers"}],
    )
    _sync_dataset(
        ctx,
        index,
        "dataset-maribor-premises",
        "maribor-premises-for-social-innovators",
        {
            "title": "Premises for social innovators in Maribor",
            "summary": "Spaces the Maribor pilot and the municipality listed for social "
            "innovators, with size, conditions and availability.",
            "description": "Addresses, surface, conditions of use and availability of spaces "
            "in Maribor and Ptuj that social innovators can use. The demo rows are fictional "
            "spaces at real addresses.",
            "publisher": _organisation("PRIZMA"),
            "licence": Licence.CC_BY_4,
            "keywords": "premises, social innovation, Maribor",
            "spatial_coverage": "Podravje, Slovenia",
            "frequency": Frequency.MONTHLY,
            "contact_name": "Social Innovation Hub desk",
        },
        ["REGI", "SOCI"],
        [{"document": premises, "format": FileFormat.CSV, "title": "List of premises"}],
    )
    _sync_dataset(
        ctx,
        index,
        "dataset-veneto-portal",
        "veneto-open-data-portal",
        {
            "title": "Veneto open data used in the Open Data Lab",
            "summary": "The regional portal where the Open Data Lab's participants found "
            "data on skills, jobs and training.",
            "description": "The Veneto pilot's Open Data Lab worked with the datasets of the "
            "Veneto Region's open-data portal on the labour market and education. This entry "
            "points to the portal; the data stay with their publisher.",
            "publisher": _organisation("Veneto Region"),
            "licence": Licence.CC_BY_4,
            "keywords": "skills, labour market, training, Veneto",
            "spatial_coverage": "Veneto, Italy",
            "frequency": Frequency.IRREG,
        },
        ["EDUC", "ECON"],
        [{"url": "https://dati.veneto.it/", "format": FileFormat.HTML, "title": "Portal"}],
    )


def _italian(ctx, page, status, key, values):
    """The Italian translation of a demo page, through wagtail-localize (cms.demo.localize)."""
    italian, italian_status = sync_localized_page(
        page, ctx.locales["it"], values, source_changed=status != UNCHANGED
    )
    ctx.count("open_data", italian_status)
    ctx.pages[key]["it"] = italian
    return italian


def _article_values(article):
    return {
        "title": article["title"],
        "summary": article["summary"],
        "body": [{"type": t, "value": v} for t, v in article["body"]],
    }


def build_knowledge(ctx, kb):
    for article in ENGLISH["articles"]:
        values = {
            **_article_values(article),
            "kind": article["kind"],
            "reading_level": article["reading_level"],
        }
        page, status = _page(ctx, kb, KnowledgeArticlePage, article["slug"], values, article["key"])
        italian = {**values, **_article_values(ITALIAN["articles"][article["key"]])}
        _italian(ctx, page, status, article["key"], italian)
    tools_values = {
        "title": "Open-data tools",
        "summary": "Free and open tools to find, clean, map and publish data.",
        "introduction": "<p>Tools the pilots used, with their licence, level and languages.</p>",
    }
    page, status = _page(ctx, kb, OpenDataToolIndexPage, "tools", tools_values, "kb-tools")
    _italian(ctx, page, status, "kb-tools", {**tools_values, **ITALIAN["tools_index"]})
    build_course(ctx, kb)


def build_tools(ctx):
    """The open-data tools (snippets) in English and Italian; editors translate the others."""
    english = Locale.objects.get(language_code="en")
    for tool in ENGLISH["tools"]:
        values = {key: value for key, value in tool.items() if key != "name"}
        source, status = _upsert(OpenDataTool, {"name": tool["name"], "locale": english}, values)
        ctx.count("tools", status)
        italian = {**values, **ITALIAN["tools"][tool["name"]]}
        _tool, status = sync_snippet_translation(source, ctx.locales["it"], italian)
        ctx.count("tools", status)


def _quiz(questions, key):
    return [
        {
            "type": "question",
            "value": {
                "question": question,
                # ListBlock items in Wagtail's own format, which wagtail-localize can read; an
                # item without an id is read as a plain value (every answer's text None).
                "answers": [
                    {
                        "type": "item",
                        "id": str(stable_key("quiz-answer", f"{key}-{number}-{order}")),
                        "value": {"text": text, "is_correct": correct, "feedback": feedback},
                    }
                    for order, (text, correct, feedback) in enumerate(answers)
                ],
            },
        }
        for number, (question, answers) in enumerate(questions)
    ]


def _italian_quiz(questions, italian):
    """The Italian quiz: Italian texts, which answer is correct taken from the English one."""
    return [
        (question, [(text, correct, feedback) for (text, feedback), (_e, correct, _f) in
                    zip(answers, english_answers, strict=True)])
        for (question, answers), (_q, english_answers) in zip(italian, questions, strict=True)
    ]  # fmt: skip


def build_course(ctx, kb):
    course_data, course_it = ENGLISH["course"], ITALIAN["course"]
    fields = ("title", "summary", "introduction", "duration")
    course, status = _page(
        ctx,
        kb,
        CoursePage,
        "open-data-on-skills",
        {name: course_data[name] for name in fields},
        "course-open-data-skills",
    )
    _italian(
        ctx,
        course,
        status,
        "course-open-data-skills",
        {name: course_it[name] for name in fields},
    )
    for lesson in course_data["lessons"]:
        values = {
            "title": lesson["title"],
            "body": [{"type": "paragraph", "value": lesson["body"]}],
            "video_url": lesson.get("video_url", ""),
            "quiz": _quiz(lesson["quiz"], lesson["slug"]),
        }
        if lesson.get("material"):
            values["material"] = ctx.documents["open-data-register"]
        key = f"lesson-{lesson['slug']}"
        page, status = _page(ctx, course, LessonPage, lesson["slug"], values, key)
        italian = course_it["lessons"][lesson["slug"]]
        _italian(
            ctx,
            page,
            status,
            key,
            {
                **values,
                "title": italian["title"],
                "body": [{"type": "paragraph", "value": italian["body"]}],
                "quiz": _quiz(_italian_quiz(lesson["quiz"], italian["quiz"]), lesson["slug"]),
            },
        )


def build_open_data_demo(ctx, progress=None):
    """Build (or bring up to date) the open-data sections of the demo.

    The section pages are written in all nine languages; the datasets, knowledge articles,
    tools (page and snippets) and the course with its lessons in English and Italian, through
    wagtail-localize like the rest of the demo; the directory and the premises are data.
    progress, if given, is called with a short message after each step.
    """
    with deferred_indexing(progress):
        with step(ctx, progress, "open data: sections"):
            sections = build_sections(ctx)
        with step(ctx, progress, "open data: directory and premises"):
            build_directory(ctx)
        with step(ctx, progress, "open data: tools"):
            build_tools(ctx)
        with step(ctx, progress, "open data: datasets"):
            build_datasets(ctx, sections["open-data"])
        with step(ctx, progress, "open data: knowledge base and course"):
            build_knowledge(ctx, sections["knowledge"])
    return ctx
