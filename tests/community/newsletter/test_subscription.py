"""Subscribing to the newsletter: double opt-in, consent recorded, one-click unsubscribe, and a
member's own subscription in their account."""

import re
import time

import pytest
from django.core import mail, signing
from django.test import Client
from django.urls import reverse

from cms import factories as cf
from cms.antispam import antispam_data
from community.members.factories import UserFactory
from community.newsletter import services as newsletter
from community.newsletter.factories import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    NewsletterSubscriptionFactory,
)
from community.newsletter.models import NewsletterItem, NewsletterSubscription, SubscriptionStatus
from community.privacy.services import erase_member

pytestmark = pytest.mark.django_db


def subscribe(client, **data):
    return client.post(
        reverse("community:newsletter_subscribe"),
        {
            "email": "Reader@Example.org",
            "languages": ["en", "fr"],
            "consent": "on",
            **antispam_data(),
            **data,
        },
    )


def link_in(message, name):
    """The first link of `message` to the named newsletter route."""
    prefix = reverse(f"community:{name}", args=["TOKEN"]).split("TOKEN")[0]
    found = re.search(rf"http://testserver({re.escape(prefix)}[^/\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


class TestDoubleOptIn:
    def test_subscribing_sends_only_a_confirmation_and_records_the_consent_and_its_time(
        self, home, client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = subscribe(client)
        assert response.status_code == 302
        subscription = NewsletterSubscription.objects.get()
        assert subscription.email == "reader@example.org"
        assert subscription.status == SubscriptionStatus.PENDING
        assert subscription.language_codes == ["en", "fr"]
        assert "unsubscribe at any time" in subscription.consent_text
        assert subscription.consented_at is not None
        assert subscription.confirmed_at is None
        assert [m.to for m in mail.outbox] == [["reader@example.org"]]
        assert "Confirm your subscription" in mail.outbox[0].subject

    def test_a_pending_subscriber_is_no_recipient_until_they_confirm(
        self, home, client, django_capture_on_commit_callbacks
    ):
        issue = NewsletterPageFactory(parent=NewsletterIndexPageFactory(parent=home))
        with django_capture_on_commit_callbacks(execute=True):
            subscribe(client)
        assert not NewsletterSubscription.objects.recipients_of(issue).exists()

        confirm_path = link_in(mail.outbox[0], "newsletter_confirm")
        assert client.get(confirm_path).status_code == 200  # a button, not a confirmation
        assert not NewsletterSubscription.objects.recipients_of(issue).exists()

        response = client.post(confirm_path)
        assert response.status_code == 200
        subscription = NewsletterSubscription.objects.get()
        assert subscription.status == SubscriptionStatus.CONFIRMED
        assert subscription.confirmed_at is not None
        assert list(NewsletterSubscription.objects.recipients_of(issue)) == [subscription]

    def test_a_tampered_confirmation_link_is_refused(self, home, client):
        subscription = NewsletterSubscriptionFactory(status=SubscriptionStatus.PENDING)
        token = reverse_token(subscription)
        tampered = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
        response = client.post(reverse("community:newsletter_confirm", args=[tampered]))
        assert response.status_code == 400
        subscription.refresh_from_db()
        assert subscription.status == SubscriptionStatus.PENDING

    def test_a_link_for_another_token_signed_without_our_salt_is_refused(self, home, client):
        subscription = NewsletterSubscriptionFactory(status=SubscriptionStatus.PENDING)
        forged = signing.dumps(subscription.token)  # the right token, the wrong salt
        response = client.post(reverse("community:newsletter_confirm", args=[forged]))
        assert response.status_code == 400
        subscription.refresh_from_db()
        assert subscription.status == SubscriptionStatus.PENDING

    def test_an_expired_confirmation_link_is_refused(self, home, client, monkeypatch):
        subscription = NewsletterSubscriptionFactory(status=SubscriptionStatus.PENDING)
        eight_days_ago = time.time() - 8 * 24 * 3600
        with monkeypatch.context() as patch:
            patch.setattr(signing.time, "time", lambda: eight_days_ago)
            token = reverse_token(subscription)
        response = client.post(reverse("community:newsletter_confirm", args=[token]))
        assert response.status_code == 400
        subscription.refresh_from_db()
        assert subscription.status == SubscriptionStatus.PENDING

    def test_a_six_day_old_link_still_confirms(self, home, client, monkeypatch):
        subscription = NewsletterSubscriptionFactory(status=SubscriptionStatus.PENDING)
        six_days_ago = time.time() - 6 * 24 * 3600
        with monkeypatch.context() as patch:
            patch.setattr(signing.time, "time", lambda: six_days_ago)
            token = reverse_token(subscription)
        client.post(reverse("community:newsletter_confirm", args=[token]))
        subscription.refresh_from_db()
        assert subscription.status == SubscriptionStatus.CONFIRMED

    def test_subscribing_a_confirmed_address_again_changes_nothing_and_sends_nothing(
        self, home, client, django_capture_on_commit_callbacks
    ):
        subscription = NewsletterSubscriptionFactory(email="reader@example.org", languages=["it"])
        with django_capture_on_commit_callbacks(execute=True):
            subscribe(client, languages=["ar"])
        subscription.refresh_from_db()
        assert subscription.language_codes == ["it"]
        assert subscription.status == SubscriptionStatus.CONFIRMED
        assert mail.outbox == []


def reverse_token(subscription):
    return newsletter.confirmation_url(subscription).rstrip("/").rsplit("/", 1)[1]


class TestTheForm:
    def test_the_footer_links_the_subscription_page(self, home, client):
        response = client.get("/en/")
        assert reverse("community:newsletter_subscribe") in response.content.decode()

    def test_without_consent_the_form_says_so_beside_the_box_and_keeps_the_address(
        self, home, client
    ):
        response = subscribe(client, consent="")
        assert response.status_code == 200
        assert response.context["form"].errors["consent"]
        assert 'value="Reader@Example.org"' in response.content.decode()
        assert not NewsletterSubscription.objects.exists()

    def test_a_filled_honeypot_subscribes_nobody(
        self, home, client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = subscribe(client, website="http://spam.example")
        assert response.status_code == 200
        assert not NewsletterSubscription.objects.exists()
        assert mail.outbox == []

    def test_a_language_outside_the_site_is_refused(self, home, client):
        response = subscribe(client, languages=["de"])
        assert response.context["form"].errors["languages"]
        assert not NewsletterSubscription.objects.exists()

    def test_topics_chosen_are_stored(self, home, client):
        topic = cf.TopicFactory(name="Blue economy")
        subscribe(client, topics=[topic.pk])
        assert list(NewsletterSubscription.objects.get().topics.all()) == [topic]


class TestUnsubscribe:
    def test_get_shows_a_button_and_changes_nothing(self, home, client):
        subscription = NewsletterSubscriptionFactory()
        response = client.get(
            reverse("community:newsletter_unsubscribe", args=[subscription.token])
        )
        assert response.status_code == 200
        assert "<form" in response.content.decode()
        subscription.refresh_from_db()
        assert subscription.status == SubscriptionStatus.CONFIRMED

    def test_one_click_post_works_without_login_or_csrf_token(self, home):
        subscription = NewsletterSubscriptionFactory()
        mail_client = Client(enforce_csrf_checks=True)
        response = mail_client.post(
            reverse("community:newsletter_unsubscribe", args=[subscription.token]),
            {"List-Unsubscribe": "One-Click"},
        )
        assert response.status_code == 200
        subscription.refresh_from_db()
        assert subscription.status == SubscriptionStatus.UNSUBSCRIBED
        assert subscription.unsubscribed_at is not None

    def test_the_link_opened_again_after_unsubscribing_says_so_and_offers_no_button(
        self, home, client
    ):
        subscription = NewsletterSubscriptionFactory()
        link = reverse("community:newsletter_unsubscribe", args=[subscription.token])
        client.post(link)
        html = client.get(link).content.decode()
        assert "You are unsubscribed. We will send you no more newsletters." in html
        assert 'method="post"' not in html.split("<main", 1)[1].split("</main>", 1)[0]

    def test_an_unknown_token_is_not_found(self, home, client):
        NewsletterSubscriptionFactory()
        response = client.post(reverse("community:newsletter_unsubscribe", args=["nope"]))
        assert response.status_code == 404


class TestMembersAccount:
    def test_a_member_changes_languages_and_unsubscribes_from_their_account(self, home, client):
        member = UserFactory()
        subscription = NewsletterSubscriptionFactory(email=member.email, languages=["en"])
        client.force_login(member)
        url = reverse("community:newsletter_manage")
        assert member.email in client.get(url).content.decode()

        client.post(url, {"languages": ["en", "ar"]})
        subscription.refresh_from_db()
        assert subscription.language_codes == ["en", "ar"]

        client.post(url, {"unsubscribe": "1"})
        subscription.refresh_from_db()
        assert subscription.status == SubscriptionStatus.UNSUBSCRIBED

    def test_the_account_page_shows_no_one_elses_subscription(self, home, client):
        NewsletterSubscriptionFactory(email="someone-else@example.org")
        client.force_login(UserFactory())
        response = client.get(reverse("community:newsletter_manage"))
        assert "someone-else@example.org" not in response.content.decode()
        assert response.context["form"] is None

    def test_a_logged_in_member_subscribing_with_their_address_is_linked(self, home, client):
        member = UserFactory(email="member-reader@example.org")
        client.force_login(member)
        subscribe(client, email="member-reader@example.org")
        assert NewsletterSubscription.objects.get().user == member

    def test_deleting_the_account_removes_the_subscriptions_under_its_address(self, home):
        member = UserFactory(email="leaving@example.org")
        NewsletterSubscriptionFactory(email="leaving@example.org")
        NewsletterSubscriptionFactory(email="other@example.org", user=member)
        kept = NewsletterSubscriptionFactory(email="staying@example.org")
        erase_member(member)
        assert list(NewsletterSubscription.objects.all()) == [kept]


class TestPagesAndLanguages:
    def test_the_confirmation_email_speaks_the_language_of_the_form(
        self, home, client, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                "/fr/community/newsletter/",
                {"email": "lectrice@example.org", "languages": ["fr"], "consent": "on"}
                | antispam_data(),
            )
        [message] = mail.outbox
        assert message.subject.startswith("Confirmez votre abonnement")
        assert "/fr/community/newsletter/confirm/" in message.body

    def test_the_archive_lists_live_issues_and_an_issue_has_its_web_page(self, home, client):
        issue = NewsletterPageFactory(
            parent=NewsletterIndexPageFactory(parent=home), title="June issue"
        )
        linked = cf.ContentPageFactory(parent=home, title="Pilot action results")
        NewsletterItem.objects.create(page=issue, linked_page=linked)
        archive = client.get(issue.get_parent().url)
        assert archive.status_code == 200 and "June issue" in archive.content.decode()
        page = client.get(issue.url)
        assert page.status_code == 200 and "June issue" in page.content.decode()
        assert "Pilot action results" in page.content.decode()
