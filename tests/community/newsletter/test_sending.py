"""Sending an issue: to the right subscribers, in the issue's language, with one-click
unsubscribe headers; a send interrupted half way resumes without emailing anyone twice; the
number of queries grows per batch, not per recipient."""

from collections import Counter

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.synctree import synchronize_tree

from cms import factories as cf
from community.members.factories import UserFactory
from community.newsletter import services as newsletter
from community.newsletter.factories import NewsletterSubscriptionFactory
from community.newsletter.models import (
    NewsletterDelivery,
    NewsletterPage,
    NewsletterSend,
    NewsletterSubscription,
    SubscriptionStatus,
)
from tests.community.newsletter.helpers import BreakingBackend, issue_in, public_page, with_items

pytestmark = pytest.mark.django_db


def queue(issue):
    """What the admin's Send button records (the task itself is run by the test)."""
    editor = UserFactory(is_superuser=True, is_staff=True, two_factor=False)
    return newsletter.request_send(issue, editor)


def recipients(outbox=None):
    return sorted(address for message in (outbox or mail.outbox) for address in message.to)


class TestWhoReceivesIt:
    def test_only_confirmed_subscribers_of_the_issue_language_receive_it(self, home):
        issue = issue_in(home, "fr")
        NewsletterSubscriptionFactory(email="fr@example.org", languages=["fr"])
        NewsletterSubscriptionFactory(email="en-fr@example.org", languages=["en", "fr"])
        NewsletterSubscriptionFactory(email="en@example.org", languages=["en"])
        NewsletterSubscriptionFactory(
            email="pending@example.org", languages=["fr"], status=SubscriptionStatus.PENDING
        )
        NewsletterSubscriptionFactory(
            email="gone@example.org", languages=["fr"], status=SubscriptionStatus.UNSUBSCRIBED
        )
        newsletter.deliver(queue(issue).pk)
        assert recipients() == ["en-fr@example.org", "fr@example.org"]

    def test_an_issue_with_topics_goes_to_those_topics_and_to_readers_of_every_topic(self, home):
        blue, green, other = cf.TopicFactory(), cf.TopicFactory(), cf.TopicFactory()
        issue = issue_in(home)
        issue.topics.set([blue, green])
        issue.save()
        NewsletterSubscriptionFactory(email="blue@example.org", topics=[blue])
        NewsletterSubscriptionFactory(email="both@example.org", topics=[blue, green])
        NewsletterSubscriptionFactory(email="other@example.org", topics=[other])
        NewsletterSubscriptionFactory(email="all@example.org")
        newsletter.deliver(queue(issue).pk)
        # "both" chose two matching topics and still gets one email.
        assert recipients() == ["all@example.org", "blue@example.org", "both@example.org"]

    def test_a_topic_chosen_in_another_language_matches_its_translation(self, home):
        topic = cf.TopicFactory(name="Blue economy")
        issue = issue_in(home, "it")
        italian_topic = topic.copy_for_translation(issue.locale)
        italian_topic.save()
        issue.topics.set([italian_topic])
        issue.save()
        NewsletterSubscriptionFactory(email="blue@example.org", languages=["it"], topics=[topic])
        NewsletterSubscriptionFactory(
            email="other@example.org", languages=["it"], topics=[cf.TopicFactory()]
        )
        newsletter.deliver(queue(issue).pk)
        assert recipients() == ["blue@example.org"]


class TestTheEmail:
    def test_it_is_in_the_issue_language_with_one_click_unsubscribe_headers(self, home):
        issue = issue_in(home, "fr")
        subscription = NewsletterSubscriptionFactory(languages=["fr"])
        newsletter.deliver(queue(issue).pk)
        [message] = mail.outbox
        assert message.extra_headers["Content-Language"] == "fr"
        unsubscribe = newsletter.unsubscribe_url(subscription, "fr")
        assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert unsubscribe.startswith("http://testserver/fr/")
        html = message.alternatives[0][0]
        assert 'lang="fr"' in html and unsubscribe in html
        assert unsubscribe in message.body
        assert "Se désabonner :" in message.body  # the footer speaks the issue's language

        # The header's URL is what the mail client POSTs to, without a session or token.
        Client(enforce_csrf_checks=True).post(
            unsubscribe.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"}
        )
        subscription.refresh_from_db()
        assert subscription.status == SubscriptionStatus.UNSUBSCRIBED

    def test_an_arabic_issue_reads_right_to_left(self, home):
        issue = issue_in(home, "ar")
        NewsletterSubscriptionFactory(languages=["ar"])
        newsletter.deliver(queue(issue).pk)
        html = mail.outbox[0].alternatives[0][0]
        assert 'lang="ar" dir="rtl"' in html

    def test_it_lists_the_chosen_pages_but_never_a_private_one(self, home):
        public = public_page(home, "Open call results")
        private = public_page(home, "Board minutes")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        issue = with_items(issue_in(home), public, private)
        NewsletterSubscriptionFactory()
        newsletter.deliver(queue(issue).pk)
        [message] = mail.outbox
        assert "Open call results" in message.body and public.full_url in message.body
        assert "About Open call results." in message.body  # the summary, as no note was given
        assert "Board minutes" not in message.body
        assert "Board minutes" not in message.alternatives[0][0]


class TestResumingAnInterruptedSend:
    def test_a_send_stopped_half_way_resumes_and_everyone_gets_exactly_one_email(
        self, home, settings, monkeypatch
    ):
        settings.EMAIL_BACKEND = "tests.community.newsletter.helpers.BreakingBackend"
        monkeypatch.setattr(newsletter, "BATCH_SIZE", 4)
        monkeypatch.setattr(BreakingBackend, "limit", 6)  # dies in the second batch
        issue = issue_in(home)
        subscribers = [NewsletterSubscriptionFactory() for _ in range(10)]
        send = queue(issue)

        with pytest.raises(Exception, match="Connection unexpectedly closed"):
            newsletter.deliver(send.pk)
        send.refresh_from_db()
        assert send.status == NewsletterSend.Status.INTERRUPTED
        assert len(mail.outbox) == 6
        assert send.sent_count == 6
        # No claim is left hanging: what did not leave was released for the resumed send.
        assert set(send.deliveries.values_list("status", flat=True)) == {"sent"}

        monkeypatch.setattr(BreakingBackend, "limit", None)  # the mail server is back
        admin = UserFactory(is_superuser=True, is_staff=True, two_factor=False)
        newsletter.resume_send(send, admin)
        newsletter.deliver(send.pk)

        send.refresh_from_db()
        assert send.status == NewsletterSend.Status.DONE
        assert (send.sent_count, send.failed_count, send.total) == (10, 0, 10)
        assert Counter(recipients()) == Counter({s.email: 1 for s in subscribers})
        assert send.deliveries.count() == 10

    def test_claims_left_by_a_killed_worker_are_never_sent_again(self, home):
        issue = issue_in(home)
        lost, waiting = NewsletterSubscriptionFactory(), NewsletterSubscriptionFactory()
        send = queue(issue)
        # A worker claimed `lost`, may have sent it, and died before recording the outcome.
        NewsletterDelivery.objects.create(send=send, subscription=lost)
        NewsletterSend.objects.filter(pk=send.pk).update(status=NewsletterSend.Status.INTERRUPTED)
        send.refresh_from_db()
        newsletter.resume_send(send, UserFactory(is_superuser=True, two_factor=False))
        newsletter.deliver(send.pk)
        assert recipients() == [waiting.email]
        delivery = send.deliveries.get(subscription=lost)
        assert delivery.status == NewsletterDelivery.Status.FAILED
        assert "not resent" in delivery.error

    def test_a_finished_send_run_again_sends_nothing(self, home):
        issue = issue_in(home)
        NewsletterSubscriptionFactory()
        send = queue(issue)
        newsletter.deliver(send.pk)
        newsletter.deliver(send.pk)  # e.g. the task delivered twice by the queue
        assert len(mail.outbox) == 1

    def test_an_issue_is_sent_once(self, home):
        issue = issue_in(home)
        queue(issue)
        with pytest.raises(newsletter.CannotSend):
            queue(issue)

    def test_a_running_send_cannot_be_resumed_by_a_second_worker(self, home):
        issue = issue_in(home)
        send = queue(issue)
        NewsletterSend.objects.filter(pk=send.pk).update(status=NewsletterSend.Status.SENDING)
        with pytest.raises(newsletter.CannotSend):
            newsletter.resume_send(send, UserFactory(is_superuser=True, two_factor=False))


class TestQueryCounts:
    def measure(self, home, monkeypatch, subscribers, name):
        monkeypatch.setattr(newsletter, "BATCH_SIZE", 5)
        NewsletterSubscription.objects.all().delete()
        mail.outbox.clear()
        issue = with_items(
            issue_in(home), public_page(home, f"{name} 1"), public_page(home, f"{name} 2")
        )
        for _ in range(subscribers):
            NewsletterSubscriptionFactory()
        send = queue(issue)
        with CaptureQueriesContext(connection) as queries:
            newsletter.deliver(send.pk)
        assert len(mail.outbox) == subscribers
        return len(queries)

    def test_queries_grow_by_a_constant_per_batch_not_per_recipient(self, home, monkeypatch):
        self.measure(home, monkeypatch, 5, "warm-up")  # site root paths cached, as in a worker
        one_batch = self.measure(home, monkeypatch, 5, "first")
        four_batches = self.measure(home, monkeypatch, 20, "second")
        # 15 more recipients (3 more batches of 5): the same few queries per batch.
        per_batch = (four_batches - one_batch) / 3
        assert per_batch == 5, (one_batch, four_batches)


def test_an_untranslated_alias_of_an_issue_is_not_sent(home):
    english = issue_in(home)
    french = Locale.objects.get_or_create(language_code="fr")[0]
    synchronize_tree(home.locale, french)  # what the site does for every untranslated page
    french_issue = NewsletterPage.objects.get(locale=french, alias_of=english)
    NewsletterSubscriptionFactory(languages=["fr"])
    with pytest.raises(newsletter.CannotSend):
        queue(french_issue)
