"""Publication dates from the content itself, so "Last updated" and the admin's dates tell when
the network published a page, not when the demo was loaded.

News carries its own date, a publication its publication date, a pilot action the date of its
last step (or its end); the site's other pages were last revised at the project's last event.
Written with queryset updates (no new revisions) and only where the stored date differs.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db.models import Q
from wagtail.models import Page, Revision

from .content import load
from .keys import stable_key

__all__ = ["SITE_LAST_REVISED", "content_dates", "date_copies", "date_pages"]

# The site's own pages, dated SITE_LAST_REVISED; other keys are dated from their content.
SECTION_KEYS = (
    "home",
    "about",
    "pilot-actions",
    "publications",
    "news",
    "partners",
    "privacy-policy",
)

SITE_LAST_REVISED = datetime.date(2022, 4, 20)  # the high-level policy event in Brussels
PUBLISHED_AT = datetime.time(10, 0)


def _pilot_date(data):
    dates = [step["date"] for step in data["timeline"] if step.get("date")]
    dates += [data["end_date"]] if data.get("end_date") else []
    return datetime.date.fromisoformat(max(dates))


def content_dates(pilot_actions=None):
    """{page key: the date its content was last published}."""
    if pilot_actions is None:
        pilot_actions = load("pilot_actions")["pilot_actions"]
    dates = dict.fromkeys(SECTION_KEYS, SITE_LAST_REVISED)
    news = load("news")["news"]
    dates |= {item["key"]: datetime.date.fromisoformat(item["date"]) for item in news}
    dates |= {
        item["key"]: datetime.date.fromisoformat(item["publication_date"])
        for item in load("publications")["publications"]
    }
    dates |= {item["key"]: _pilot_date(item) for item in pilot_actions}
    return dates


_BY_TRANSLATION_KEY = {}


def _date_for(translation_key):
    if not _BY_TRANSLATION_KEY:
        _BY_TRANSLATION_KEY.update(
            {stable_key("page", key): date for key, date in content_dates().items()}
        )
    return _BY_TRANSLATION_KEY.get(translation_key)


def date_copies(translation_key):
    """Date every language copy of one demo page from its content; other pages are left alone.

    Returns how many pages were changed.
    """
    date = _date_for(translation_key)
    if date is None:
        return 0
    return _date(Page.objects.filter(translation_key=translation_key), _moment(date))


def _date(pages, moment):
    stale = pages.filter(
        ~Q(last_published_at=moment)
        | ~Q(first_published_at=moment)
        | ~Q(latest_revision_created_at=moment)
    )
    revision_ids = list(
        stale.exclude(latest_revision=None).values_list("latest_revision_id", flat=True)
    )
    changed = stale.update(
        first_published_at=moment, last_published_at=moment, latest_revision_created_at=moment
    )
    Revision.objects.filter(pk__in=revision_ids).update(created_at=moment)
    return changed


def _moment(date):
    return datetime.datetime.combine(
        date, PUBLISHED_AT, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE)
    )


def date_pages(page_keys):
    """Date every language copy of the demo pages (translations and aliases alike).

    Returns how many pages were changed (0 when everything is already dated).
    """
    return sum(date_copies(stable_key("page", key)) for key in page_keys)
