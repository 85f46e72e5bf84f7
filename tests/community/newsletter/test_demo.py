"""The demo's newsletter: an archive, one issue pointing at the idea calls, two confirmed
subscribers; a second run changes nothing."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone
from wagtail.models import Revision

from community.ideas.factories import IdeaCallPageFactory
from community.newsletter.demo import build_newsletter_demo
from community.newsletter.models import NewsletterPage, NewsletterSubscription, SubscriptionStatus

pytestmark = pytest.mark.django_db


def test_the_demo_issue_lists_the_calls_and_has_confirmed_subscribers(home):
    call = IdeaCallPageFactory(parent=home)
    issue = build_newsletter_demo()
    assert issue.live and issue.get_parent().specific_class.__name__ == "NewsletterIndexPage"
    assert [item.linked_page_id for item in issue.items.all()] == [call.pk]
    assert NewsletterSubscription.objects.recipients_of(issue).count() == 2
    assert set(NewsletterSubscription.objects.values_list("status", flat=True)) == {
        SubscriptionStatus.CONFIRMED
    }


def test_the_demo_issue_lists_only_the_calls_open_now(home):
    now = timezone.now()
    open_call = IdeaCallPageFactory(parent=home, title="Open call")
    IdeaCallPageFactory(
        parent=home,
        title="Closed call",
        opens_at=datetime(2019, 11, 4, tzinfo=UTC),
        closes_at=datetime(2019, 12, 16, tzinfo=UTC),
    )
    IdeaCallPageFactory(
        parent=home,
        title="Coming call",
        opens_at=now + timedelta(days=10),
        closes_at=now + timedelta(days=40),
    )
    issue = build_newsletter_demo()
    assert [item.linked_page_id for item in issue.items.all()] == [open_call.pk]


def test_a_second_run_writes_nothing(home):
    IdeaCallPageFactory(parent=home)
    build_newsletter_demo()
    revisions = Revision.objects.count()
    subscriptions = list(NewsletterSubscription.objects.values())
    build_newsletter_demo()
    assert Revision.objects.count() == revisions
    assert list(NewsletterSubscription.objects.values()) == subscriptions
    assert NewsletterPage.objects.filter(alias_of__isnull=True).count() == 1
