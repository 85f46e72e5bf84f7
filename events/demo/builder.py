"""Demo events for `manage.py load_demo`: idempotent like cms/demo/sync.py.

The events index (titled in all nine languages), the network's real past events in English and
Italian (the 22 March 2021 webinar with its transcript in both), upcoming events to try
registration on, and two demo members already registered for the five-seat webinar. The news
items about the real events link to their event pages. A second run changes nothing.
"""

import datetime
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from wagtail.models import Locale, Site

from cms.demo.builder import synchronise_language_trees
from cms.demo.content.news import NEWS
from cms.demo.localize import sync_localized_page
from cms.demo.sync import UNCHANGED, localize, stable_key, sync_page
from cms.demo.values import news_values
from cms.models import Country, NewsPage, Organisation, Topic
from events.demo.content import EVENTS, INDEX, INDEX_TITLES
from events.listing.models import EventIndexPage
from events.pages.models import FocusGroupPage, MeetingPage, RegistrationStatus, WebinarPage
from events.registrations.models import Registration

__all__ = ["build"]

DATA = Path(__file__).parent / "data"
MODELS = {"webinar": WebinarPage, "meeting": MeetingPage, "focusgroup": FocusGroupPage}
ORGANISER_EMAIL = "editor@example.org"


def _when(data, existing):
    """Aware start and end. Upcoming events keep their dates while still ahead, so a second
    run changes nothing; once past, they move weeks ahead again."""
    zone = zoneinfo.ZoneInfo(data.get("time_zone", settings.TIME_ZONE))
    if "start" in data:
        return tuple(
            datetime.datetime.fromisoformat(data[key]).replace(tzinfo=zone)
            for key in ("start", "end")
        )
    if existing is not None and existing.start > timezone.now():
        return existing.start, existing.end
    day = timezone.localdate() + datetime.timedelta(weeks=data["weeks_ahead"])
    start, end = (datetime.time.fromisoformat(t) for t in data["time"])
    return (
        datetime.datetime.combine(day, start, zone),
        datetime.datetime.combine(day, end, zone),
    )


def _snippets(model, field, values, locale):
    return list(model.objects.filter(locale=locale, **{f"{field}__in": values}))


def _values(data, lang, locale, existing):
    text = localize(data, lang)
    start, end = _when(data, existing)
    values = {
        "title": text["title"],
        "summary": text["summary"],
        "introduction": text.get("introduction", ""),
        "start": start,
        "end": end,
        "time_zone": data.get("time_zone", settings.TIME_ZONE),
        "attendance": data["attendance"],
        "venue_name": data.get("venue_name", ""),
        "venue_address": data.get("venue_address", ""),
        "latitude": data.get("latitude"),
        "longitude": data.get("longitude"),
        "capacity": data.get("capacity"),
        "allow_guests": data.get("allow_guests", False),
        "languages": data["languages"],
        "caps": [
            {
                "type": "cap",
                "value": {
                    "dimension": dimension,
                    "value": value,
                    "label": localize(label, lang),
                    "max_seats": None,
                    "max_percent": percent,
                },
            }
            for dimension, value, percent, label in data.get("caps", [])
        ],
        "organisations": _snippets(
            Organisation,
            "translation_key",
            [stable_key("organisation", key) for key in data["organisations"]],
            locale,
        ),
        "topics": _snippets(Topic, "slug", data["topics"], locale),
        "countries": _snippets(Country, "code", data["countries"], locale),
        "organisers": list(get_user_model().objects.filter(email=ORGANISER_EMAIL)),
    }
    if data["kind"] == "webinar":
        values["join_url"] = data.get("join_url", "")
        values["recording_url"] = data.get("recording_url", "")
        values["transcripts"] = [
            {"language": code, "file": _stored_transcript(name)}
            for code, name in data.get("transcripts", {}).items()
        ]
    if data["kind"] == "focusgroup":
        values["question"] = text.get("question", "")
        values["target_helixes"] = data["target_helixes"]
        values["outcomes"] = text.get("outcomes", "")
        values["application_guidance"] = text.get("guidance", "")
    return values


def _stored_transcript(name):
    """The WebVTT file in media storage (written once), by its stored name."""
    path = f"events/transcripts/demo-{name}"
    if not default_storage.exists(path):
        path = default_storage.save(path, ContentFile((DATA / name).read_bytes()))
    return path


def _register_demo_members(event, emails):
    """Seats for the demo members, without emails (nobody is told about demo data)."""
    users = get_user_model().objects.filter(email__in=emails).order_by("email")
    for position, user in enumerate(users, start=1):
        Registration.objects.get_or_create(
            event=event,
            user=user,
            defaults={
                "status": RegistrationStatus.CONFIRMED,
                "position": position,
                "confirmed_at": timezone.now(),
                "stakeholder_type": getattr(user, "stakeholder_type", "") or "civil-society",
                "country_code": (getattr(user, "country_code", "") or "HR")[:2],
                "language": user.preferred_language,
            },
        )


def _link_news(ctx, locales):
    """The news items about these events link to them (a call to action in cms's news data,
    resolved by stable key once the event exists): bring those news pages up to date, with the
    very values the cms demo writes, so the next run changes nothing."""
    if ctx is None or "news" not in ctx.pages:
        return
    event_keys = {data["key"] for data in EVENTS}
    for data in NEWS:
        linked = {value.get("page") for kind, value in data["body"] if kind == "call_to_action"}
        if not linked & event_keys:
            continue
        page, status = sync_page(
            ctx.pages["news"]["en"],
            NewsPage,
            data["slug"],
            news_values(ctx, data, "en"),
            key=data["key"],
        )
        if "it" in locales:
            sync_localized_page(
                page,
                locales["it"],
                news_values(ctx, data, "it"),
                source_changed=status != UNCHANGED,
            )


def build(ctx=None):
    """Build or bring up to date the demo events; returns {"created"/"updated"/...: count}.

    `ctx` is the cms demo's context (load_demo passes it) for linking the news items.
    """
    stats = {}
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None or "en" not in locales:
        return stats
    home = site.root_page.specific

    def count(status):
        stats[status] = stats.get(status, 0) + 1
        if ctx is not None:
            ctx.count("events", status)

    def index_values(lang):
        # English and Italian inline; the other languages through the demo's translation files.
        text = localize(INDEX, lang)
        return {
            "title": INDEX_TITLES[lang],
            "summary": text["summary"],
            "introduction": text["introduction"],
            "show_in_menus": True,
        }

    index, index_status = sync_page(
        home, EventIndexPage, "events", index_values("en"), key="events"
    )
    count(index_status)
    for lang in INDEX_TITLES:
        if lang != "en" and lang in locales:
            _page, status = sync_localized_page(
                index,
                locales[lang],
                index_values(lang),
                source_changed=index_status != UNCHANGED,
            )
            count(status)

    for data in EVENTS:
        model = MODELS[data["kind"]]
        existing = index.get_children().filter(slug=data["slug"]).first()
        existing = existing.specific if existing else None
        page, status = sync_page(
            index,
            model,
            data["slug"],
            _values(data, "en", locales["en"], existing),
            key=data["key"],
        )
        count(status)
        if "it" in locales:
            _translated, translated_status = sync_localized_page(
                page,
                locales["it"],
                _values(data, "it", locales["it"], page),
                source_changed=status != UNCHANGED,
            )
            count(translated_status)
        if data.get("register"):
            _register_demo_members(page, data["register"])
    _link_news(ctx, locales)
    # Untranslated events get their place (an alias with a notice) in every other language.
    synchronise_language_trees(locales)
    return stats
