"""Demo co-design workshops: Marseille's "Opération Désert Alimentaire" food-access co-design
and the Maribor premises mapping, in English and their local language (French, Slovenian)
through wagtail-localize, with phases, materials, facilitators, registered demo members and
their contributions, comments, supports, groups, and Marseille's published synthesis.

Idempotent: pages are synced by key, dates are fixed when first built (from today's midnight)
and kept afterwards, rows are found by their natural keys. Texts: demo.json beside this module.
"""

import datetime
import json
import zoneinfo
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from cms.demo.builder import synchronise_language_trees
from cms.demo.localize import SegmentMismatchError, sync_localized_page, sync_translated_section
from cms.demo.sync import UNCHANGED, stable_key, sync_page
from cms.models import Country, Organisation, Topic
from community.workshops.models import (
    CoDesignWorkshopPage,
    Contribution,
    ContributionComment,
    ContributionGroup,
    ContributionSupport,
    WorkshopIndexPage,
    WorkshopSynthesis,
)
from events.listing.models import EventIndexPage
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration

__all__ = ["build_workshops_demo"]

DATA = Path(__file__).with_name("demo.json")


def _dates(data, existing):
    """Start and end: kept once built, so a second run (even days later) changes nothing."""
    if existing is not None:
        return existing.start, existing.end
    zone = zoneinfo.ZoneInfo(data["time_zone"])
    first = timezone.localdate() - datetime.timedelta(days=data["days_ago"])
    last = first + datetime.timedelta(days=data.get("days_long", 1) - 1)
    start, end = (datetime.time.fromisoformat(t) for t in data["time"])
    return (
        datetime.datetime.combine(first, start, zone),
        datetime.datetime.combine(last, end, zone),
    )


def _values(data, lang, locale, start, end, users):
    text = data["text"][lang]
    documents = {
        document.title: document
        for document in get_document_model().objects.filter(title__in=data["materials"])
    }
    first_day = start.date()
    return {
        "title": text["title"],
        "summary": text["summary"],
        "introduction": text["introduction"],
        "challenge": text["challenge"],
        "start": start,
        "end": end,
        "time_zone": data["time_zone"],
        "attendance": data["attendance"],
        "venue_name": data["venue_name"],
        "venue_address": data["venue_address"],
        "latitude": data["latitude"],
        "longitude": data["longitude"],
        "capacity": data["capacity"],
        "languages": data["languages"],
        "organisations": _snippets(
            Organisation,
            locale,
            translation_key__in=[stable_key("organisation", k) for k in data["organisations"]],
        ),
        "topics": _snippets(Topic, locale, slug__in=data["topics"]),
        "countries": _snippets(Country, locale, code__in=data["countries"]),
        "facilitators": [users[email] for email in data["facilitators"] if email in users],
        "phases": [
            {
                "code": phase["code"],
                "name": words["name"],
                "description": words["description"],
                "starts": first_day + datetime.timedelta(days=phase["day"]),
                "ends": first_day + datetime.timedelta(days=phase["day"]),
            }
            for phase, words in zip(data["phases"], text["phases"], strict=True)
        ],
        "materials": [
            {
                "type": "document",
                "value": {"document": documents[title].pk, "title": "", "description": words},
            }
            for title, words in zip(data["materials"], text.get("materials", []), strict=True)
            if title in documents
        ],
    }


def _snippets(model, locale, **lookup):
    """Snippets in the page's language, else the English ones (not every snippet is translated
    into every language)."""
    found = list(model.objects.filter(locale=locale, **lookup))
    return found or list(model.objects.filter(locale__language_code="en", **lookup))


def _register(workshop, users, emails):
    for position, email in enumerate(emails, start=1):
        user = users.get(email)
        if user is None:
            continue
        Registration.objects.get_or_create(
            event=workshop,
            user=user,
            defaults={
                "status": RegistrationStatus.CONFIRMED,
                "position": position,
                "confirmed_at": workshop.start - datetime.timedelta(days=7),
                "stakeholder_type": user.stakeholder_type or "civil-society",
                "country_code": (getattr(user.country, "code", "") or "FR")[:2],
                "language": user.preferred_language,
            },
        )


def _space(workshop, data, users):
    groups = [
        ContributionGroup.objects.get_or_create(
            workshop=workshop,
            heading=heading,
            defaults={
                "created_by": users.get(data["facilitators"][0]),
                "created_at": workshop.start + datetime.timedelta(hours=6),
            },
        )[0]
        for heading in data["groups"]
    ]
    for item in data["contributions"]:
        author = users.get(item["author"])
        if author is None:
            continue
        group = groups[item["group"]] if item["group"] is not None else None
        contribution, _created = Contribution.objects.get_or_create(
            workshop=workshop,
            author=author,
            text=item["text"],
            defaults={
                "phase": item["phase"],
                "group": group,
                "created_at": workshop.start + datetime.timedelta(hours=item["hours"]),
            },
        )
        for email in item["supports"]:
            if email in users:
                ContributionSupport.objects.get_or_create(
                    contribution=contribution,
                    user=users[email],
                    defaults={"created_at": contribution.created_at},
                )
        for comment in item["comments"]:
            if comment["author"] in users:
                ContributionComment.objects.get_or_create(
                    contribution=contribution,
                    author=users[comment["author"]],
                    text=comment["text"],
                    defaults={
                        "created_at": workshop.start + datetime.timedelta(hours=comment["hours"])
                    },
                )
    if data["synthesis"] and not WorkshopSynthesis.objects.filter(workshop=workshop).exists():
        WorkshopSynthesis.objects.create(
            workshop=workshop,
            text=data["synthesis"],
            published_by=users.get(data["facilitators"][0]),
            published_at=workshop.start + datetime.timedelta(days=8),
        )


def build_workshops_demo(ctx=None):
    """Build or bring up to date the demo workshops; returns {status: count}."""
    stats = {}
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    if "en" not in locales:
        return stats
    index = EventIndexPage.objects.filter(locale=locales["en"]).first()
    if index is None:
        return stats
    users = {user.email: user for user in get_user_model().objects.select_related("country")}
    demo_data = json.loads(DATA.read_text(encoding="utf-8"))
    # "Co-design workshops", in the menus' "take part" group, in every language: the
    # workshops stay under the events index; this page lists them.
    sync_translated_section(
        index.get_parent().specific,
        WorkshopIndexPage,
        "workshops",
        demo_data["workshops_index"],
        key="workshops-index",
    )

    def count(status):
        stats[status] = stats.get(status, 0) + 1
        if ctx is not None:
            ctx.count("workshops", status)

    for data in demo_data["workshops"]:
        existing = index.get_children().filter(slug=data["slug"]).first()
        existing = existing.specific if existing else None
        start, end = _dates(data, existing)
        page, status = sync_page(
            index,
            CoDesignWorkshopPage,
            data["slug"],
            _values(data, "en", locales["en"], start, end, users),
            key=data["key"],
        )
        count(status)
        local = data["local"]
        if local in locales:
            values = _values(data, local, locales[local], start, end, users)
            try:
                _translated, local_status = sync_localized_page(
                    page, locales[local], values, source_changed=status != UNCHANGED
                )
            except SegmentMismatchError:
                # A site built before a field became translatable: extract the source again.
                _translated, local_status = sync_localized_page(
                    page, locales[local], values, source_changed=True
                )
            count(local_status)
        _register(page, users, data["participants"])
        _space(page, data, users)
    # The other languages get their place (an alias with a notice), as for every event.
    synchronise_language_trees(locales)
    return stats
