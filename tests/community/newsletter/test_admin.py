"""Editors compose, preview, test and send an issue in the Wagtail admin; sending takes the right
to publish the issue, checked on the server."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cms.roles import ensure_roles
from community.members.factories import UserFactory
from community.newsletter.factories import NewsletterSubscriptionFactory
from community.newsletter.models import NewsletterPage, NewsletterSend
from tests.community.newsletter.helpers import issue_in, public_page, with_items

pytestmark = pytest.mark.django_db


@pytest.fixture
def roles(db):
    ensure_roles()  # what `migrate` runs; the reused test database may predate it


def member_of(group_name, email):
    user = UserFactory(email=email, is_staff=True, two_factor=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def url(name, issue):
    return reverse(f"community_newsletter:{name}", args=[issue.pk])


class TestSendingTakesThePublishRight:
    def test_a_contributor_who_cannot_publish_gets_403_from_the_send_url(self, roles, home, client):
        issue = issue_in(home)
        NewsletterSubscriptionFactory()
        client.force_login(member_of("Contributors", "contributor@example.org"))
        assert client.get(url("issue", issue)).status_code == 200  # may edit: sees the page
        response = client.post(url("send", issue))
        assert response.status_code == 403
        assert not NewsletterSend.objects.exists()
        assert mail.outbox == []

    def test_a_moderator_without_page_rights_cannot_even_open_the_issue_actions(
        self, roles, home, client
    ):
        issue = issue_in(home)
        client.force_login(member_of("Moderators", "moderator@example.org"))
        assert client.get(url("issue", issue)).status_code == 403
        assert client.post(url("test", issue)).status_code == 403

    def test_an_editor_sends_in_the_background_and_sees_the_progress(
        self, roles, home, client, django_capture_on_commit_callbacks
    ):
        issue = issue_in(home)
        NewsletterSubscriptionFactory(email="reader@example.org")
        client.force_login(member_of("Editors", "editor@example.org"))
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url("send", issue))
        assert response.status_code == 302
        assert [m.to for m in mail.outbox] == [["reader@example.org"]]
        send = NewsletterSend.objects.get(page=issue)
        assert send.status == NewsletterSend.Status.DONE
        page = client.get(url("issue", issue)).content.decode()
        assert "1 sent, 0 failed, of 1" in page

        # A second press sends nothing more.
        with django_capture_on_commit_callbacks(execute=True):
            client.post(url("send", issue))
        assert len(mail.outbox) == 1

    def test_an_issue_with_unpublished_changes_is_not_sent(self, roles, home, client):
        issue = issue_in(home)
        issue.title = "Changed after publishing"
        issue.save_revision()
        client.force_login(member_of("Editors", "editor@example.org"))
        client.post(url("send", issue))
        assert not NewsletterSend.objects.exists()

    def test_an_untranslated_issue_offers_no_send_button_and_says_why(self, roles, home, client):
        english = issue_in(home)
        french = Locale.objects.get_or_create(language_code="fr")[0]
        synchronize_tree(home.locale, french)
        french_issue = NewsletterPage.objects.get(locale=french, alias_of=english)
        NewsletterSubscriptionFactory(languages=["fr"])
        client.force_login(member_of("Editors", "editor@example.org"))
        page = client.get(url("issue", french_issue)).content.decode()
        assert url("send", french_issue) not in page
        assert "Translate this issue into its language before sending it." in page
        # The English issue it stands in for can be sent.
        assert url("send", english) in client.get(url("issue", english)).content.decode()

    def test_the_page_header_offers_the_newsletter_actions(self, roles, home, client):
        issue = issue_in(home)
        client.force_login(member_of("Editors", "editor@example.org"))
        response = client.get(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
        assert url("issue", issue) in response.content.decode()


class TestPreviewAndTest:
    def test_the_preview_is_the_email_html(self, roles, home, client):
        issue = with_items(issue_in(home, title="June issue"), public_page(home, "Pilot news"))
        response = issue.make_preview_request(preview_mode="")
        html = response.content.decode()
        assert "<h1" in html and "June issue" in html and "Pilot news" in html
        assert 'lang="en" dir="ltr"' in html

        client.force_login(member_of("Editors", "editor@example.org"))
        response = client.get(url("email", issue))
        assert "Pilot news" in response.content.decode()

    def test_the_web_preview_is_the_page(self, roles, home):
        issue = issue_in(home, title="June issue")
        response = issue.make_preview_request(preview_mode="web")
        assert "<main" in response.content.decode()

    def test_a_test_send_goes_to_the_editor_only(self, roles, home, client):
        issue = issue_in(home, title="June issue")
        NewsletterSubscriptionFactory(email="reader@example.org")
        client.force_login(member_of("Editors", "editor@example.org"))
        client.post(url("test", issue))
        [message] = mail.outbox
        assert message.to == ["editor@example.org"]
        assert message.subject.startswith("[Test]")
        assert not NewsletterSend.objects.exists()


class TestFillWithRecentPages:
    def test_it_adds_the_pages_published_since_the_last_issue_to_a_draft(self, roles, home, client):
        now = timezone.now()
        previous = issue_in(home, title="May issue")
        NewsletterSend.objects.create(
            page=previous, status=NewsletterSend.Status.DONE, finished_at=now - timedelta(days=3)
        )
        old = public_page(home, "Old news")
        new = public_page(home, "Fresh news")
        type(old).objects.filter(pk=old.pk).update(last_published_at=now - timedelta(days=10))
        type(new).objects.filter(pk=new.pk).update(last_published_at=now - timedelta(days=1))
        issue = issue_in(home, title="June issue")
        client.force_login(member_of("Editors", "editor@example.org"))
        client.post(url("fill", issue))

        issue.refresh_from_db()
        draft = issue.get_latest_revision_as_object()
        assert [item.linked_page_id for item in draft.items.all()] == [new.pk]
        assert issue.has_unpublished_changes  # the editor reviews and publishes it
        assert not issue.items.exists()
