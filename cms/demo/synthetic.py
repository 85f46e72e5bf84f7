"""`load_demo --scale N`: N synthetic pilot actions, publications and news items.

For load and query-count tests. Made with the cms factories, one shared image and one shared
document, English only; slugs end in the item number so each N is built once.
"""

import datetime

from cms import factories
from cms.models import PilotStatus, PolicyLevel, Sector

from .media import demo_document, demo_image, draw_pdf

__all__ = ["build_synthetic"]

SECTORS = Sector.values
STATUSES = PilotStatus.values
POLICY_LEVELS = PolicyLevel.values


def _missing(parent, prefix, count):
    existing = set(
        parent.get_children().filter(slug__startswith=prefix).values_list("slug", flat=True)
    )
    return [i for i in range(1, count + 1) if f"{prefix}{i}" not in existing]


def build_synthetic(ctx, count):
    """Create the synthetic items 1..count that do not exist yet; returns how many were made."""
    if count <= 0:
        return 0
    image = demo_image("synthetic", "Illustration – synthetic content")
    document = demo_document(
        "synthetic",
        "Synthetic publication (EN)",
        lambda: draw_pdf(
            "Synthetic publication", "Generated for load tests", "Placeholder.", "syn"
        ),
    )
    countries = [pair["en"] for pair in ctx.countries.values()]
    topics = [pair["en"] for pair in ctx.topics.values()]
    people = [pair["en"] for pair in ctx.people.values()]
    partners = [pair["en"] for pair in ctx.organisations.values()]
    made = 0

    index = ctx.pages["pilot-actions"]["en"]
    for i in _missing(index, "synthetic-pilot-action-", count):
        factories.PilotActionPageFactory(
            parent=index,
            title=f"Synthetic pilot action {i}",
            slug=f"synthetic-pilot-action-{i}",
            summary=f"Synthetic pilot action number {i}, generated for load tests.",
            listing_image=image,
            region="Synthetic region",
            place=f"Place {i}",
            country=countries[i % len(countries)],
            # Spread over the Mediterranean so map tests see distinct points.
            latitude=f"{35 + (i * 7) % 11}.{i % 1000:03d}",
            longitude=f"{-5 + (i * 13) % 40}.{(i * 7) % 1000:03d}",
            status=STATUSES[i % len(STATUSES)],
            lead_partner=partners[i % len(partners)],
            sectors=[SECTORS[i % len(SECTORS)], SECTORS[(i + 3) % len(SECTORS)]],
            topics=[topics[i % len(topics)]],
        )
        made += 1

    index = ctx.pages["publications"]["en"]
    for i in _missing(index, "synthetic-publication-", count):
        factory = factories.WhitePaperPageFactory
        extra = {}
        if i % 2 == 0:
            factory = factories.PolicyBriefPageFactory
            extra["policy_level"] = POLICY_LEVELS[i % len(POLICY_LEVELS)]
        factory(
            parent=index,
            title=f"Synthetic publication {i}",
            slug=f"synthetic-publication-{i}",
            listing_image=image,
            publication_date=datetime.date(2019, 1, 1) + datetime.timedelta(days=i),
            authors=[people[i % len(people)]],
            topics=[topics[i % len(topics)]],
            countries=[countries[i % len(countries)]],
            documents={"en": document},
            **extra,
        )
        made += 1

    index = ctx.pages["news"]["en"]
    for i in _missing(index, "synthetic-news-", count):
        factories.NewsPageFactory(
            parent=index,
            title=f"Synthetic news item {i}",
            slug=f"synthetic-news-{i}",
            listing_image=image,
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=i),
            topics=[topics[i % len(topics)]],
        )
        made += 1
    return made
