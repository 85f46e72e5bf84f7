"""The demo's newsletter: the archive page, one issue pointing at the demo's open idea calls,
and two confirmed subscriptions (a member and a visitor). Safe to run again: nothing changes
the second time."""

import json
from datetime import UTC, datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Site

from cms.demo.builder import synchronise_language_trees
from cms.demo.sync import stable_key
from cms.models import HomePage
from community.ideas.models import IdeaCallPage
from community.newsletter.forms import CONSENT_TEXT
from community.newsletter.models import (
    NewsletterIndexPage,
    NewsletterItem,
    NewsletterPage,
    NewsletterSubscription,
    SubscriptionStatus,
)

__all__ = ["build_newsletter_demo"]

# Texts and subscribers: demo.json beside this module.
DATA = json.loads(Path(__file__).with_name("demo.json").read_text(encoding="utf-8"))
INDEX = DATA["index"]
ISSUE = DATA["issue"]
# email, languages, linked demo account
SUBSCRIBERS = tuple((row["email"], row["languages"], row["account"]) for row in DATA["subscribers"])
# A fixed moment, so a second run finds nothing to change.
CONSENTED_AT = datetime(2026, 1, 15, 10, 0, tzinfo=UTC)


def _page(parent, model, key, values):
    page = model.objects.filter(translation_key=key, locale=parent.locale).first()
    if page is None:
        page = model(translation_key=key, locale=parent.locale, **values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page, True
    changed = [name for name, value in values.items() if getattr(page, name) != value]
    if changed:
        for name in changed:
            setattr(page, name, values[name])
        page.save_revision().publish()
    return page, bool(changed)


def _issue_items(issue, home):
    # The issue is about open calls: a call closed (or not yet open) is not one of them.
    now = timezone.now()
    calls = list(
        IdeaCallPage.objects.child_of(home)
        .filter(locale=home.locale, opens_at__lte=now, closes_at__gt=now)
        .order_by("path")
    )
    if [item.linked_page_id for item in issue.items.all()] == [call.pk for call in calls]:
        return False
    issue.items = [NewsletterItem(linked_page=call, sort_order=n) for n, call in enumerate(calls)]
    issue.save_revision().publish()
    return True


def _subscriptions():
    users = {user.email: user for user in get_user_model().objects.all()}
    for email, languages, linked in SUBSCRIBERS:
        if NewsletterSubscription.objects.for_email(email).exists():
            continue
        subscription = NewsletterSubscription(
            email=email,
            user=users.get(email) if linked else None,
            status=SubscriptionStatus.CONFIRMED,
            consent_text=str(CONSENT_TEXT),
            consented_at=CONSENTED_AT,
            confirmed_at=CONSENTED_AT,
        )
        subscription.set_languages(languages)
        subscription.save()


def build_newsletter_demo():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        return None
    index, index_changed = _page(
        home, NewsletterIndexPage, stable_key("page", "newsletter-index"), INDEX
    )
    issue, issue_changed = _page(
        index, NewsletterPage, stable_key("page", "newsletter-issue-1"), ISSUE
    )
    items_changed = _issue_items(issue, home)
    _subscriptions()
    if index_changed or issue_changed or items_changed:
        # The new pages get their place (an alias until translated) in every language tree.
        synchronise_language_trees()
    return issue
