"""The notification centre: what events and ideas announce becomes notifications; members
choose the channel per kind; emails speak the member's language and unsubscribe in one click;
the list and the header count."""

import io

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission

from community.ideas import services as idea_service
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import IdeaStatus
from community.members.factories import UserFactory
from community.notifications.emails import unsubscribe_token
from community.notifications.models import (
    Delivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from community.notifications.services import notify
from community.notifications.tasks import send_notification_digests
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import FocusGroupPageFactory, WebinarPageFactory
from events.registrations import services as event_services

pytestmark = pytest.mark.django_db

K = NotificationKind
SNAPSHOT = {"stakeholder_type": "business", "country_code": "", "language": "en"}


@pytest.fixture
def events_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def organiser(home):
    group = Group.objects.create(name="Call organisers")
    GroupPagePermission.objects.create(group=group, page=home, permission_type="change")
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    return user


def kinds_of(member):
    return list(Notification.objects.filter(recipient=member).values_list("kind", flat=True))


class TestEventsAndIdeasBecomeNotifications:
    def test_registering_for_a_webinar_notifies_the_member_on_the_site(self, events_index, commit):
        webinar = WebinarPageFactory(parent=events_index, title="Open data", capacity=5)
        member = UserFactory()
        commit(event_services.register, webinar, user=member, snapshot=SNAPSHOT)
        [notification] = Notification.objects.filter(recipient=member)
        assert notification.kind == K.REGISTRATION_CONFIRMED
        assert notification.target.pk == webinar.pk
        with translation.override("en"):
            assert notification.message_text() == "Your registration for “Open data” is confirmed"

    def test_a_full_webinar_waitlists_then_promotes_on_cancellation(self, events_index, commit):
        webinar = WebinarPageFactory(parent=events_index, capacity=1)
        first, second = UserFactory(), UserFactory()
        seat = commit(event_services.register, webinar, user=first, snapshot=SNAPSHOT)
        commit(event_services.register, webinar, user=second, snapshot=SNAPSHOT)
        commit(event_services.cancel, seat.registration)
        assert kinds_of(first) == [K.REGISTRATION_CANCELLED, K.REGISTRATION_CONFIRMED]
        assert kinds_of(second) == [K.REGISTRATION_PROMOTED, K.REGISTRATION_WAITLISTED]

    def test_an_application_notifies_the_organisers_and_the_decision_the_applicant(
        self, events_index, commit
    ):
        organisers = [UserFactory(), UserFactory()]
        group = FocusGroupPageFactory(parent=events_index, organisers=organisers)
        applicant = UserFactory(display_name="Ana")
        applied = commit(event_services.register, group, user=applicant, snapshot=SNAPSHOT)
        for organiser in organisers:
            [notification] = Notification.objects.filter(recipient=organiser)
            assert notification.kind == K.APPLICATION_RECEIVED
            assert notification.actor == applicant
        assert kinds_of(applicant) == []  # their own email says it; no echo of their own act
        commit(event_services.approve_application, applied.registration, by=organisers[0])
        [approved] = Notification.objects.filter(recipient=applicant)
        assert approved.kind == K.APPLICATION_APPROVED and approved.actor == organisers[0]

    def test_an_idea_status_change_notifies_its_authors_not_the_organiser(
        self, home, organiser, commit
    ):
        idea = IdeaFactory(call=IdeaCallPageFactory(parent=home), title="Repair café")
        commit(idea_service.change_status, [idea], IdeaStatus.UNDER_REVIEW, organiser)
        [notification] = Notification.objects.filter(recipient=idea.author)
        assert notification.kind == K.IDEA_STATUS
        assert notification.data == {"status": "under_review"}
        assert kinds_of(organiser) == []
        with translation.override("fr"):
            text = notification.message_text()
        assert "Repair café" in text and str(IdeaStatus.UNDER_REVIEW.label) not in text


class TestPreferences:
    def test_off_creates_nothing(self):
        member = UserFactory()
        NotificationPreference.set(member, K.MENTION, Delivery.OFF)
        assert notify([member], K.MENTION, subject="Thread") == []
        assert not Notification.objects.exists()

    def test_in_site_only_sends_no_email(self, mailoutbox, commit):
        member = UserFactory()
        NotificationPreference.set(member, K.MENTION, Delivery.SITE)
        commit(notify, [member], K.MENTION, subject="Thread", url="/en/")
        assert Notification.objects.filter(recipient=member).count() == 1
        assert mailoutbox == []

    def test_immediate_emails_once_and_records_it(self, mailoutbox, commit):
        member = UserFactory()
        [notification] = commit(notify, [member], K.MENTION, subject="Thread", url="/en/")
        assert len(mailoutbox) == 1
        notification.refresh_from_db()
        assert notification.emailed_at is not None

    def test_the_actor_and_duplicates_are_left_out(self):
        actor, member = UserFactory(), UserFactory()
        created = notify([member, member.pk, actor], K.MENTION, actor=actor, subject="T")
        assert [n.recipient_id for n in created] == [member.pk]

    def test_the_preferences_page_saves_a_choice_per_kind(self, client):
        member = UserFactory()
        client.force_login(member)
        url = reverse("notifications:preferences")
        page = client.get(url)
        assert page.status_code == 200
        data = {kind.value: NotificationPreference.default_for(kind) for kind in K}
        data[K.REPLY.value] = Delivery.IMMEDIATE
        data[K.IDEA_STATUS.value] = Delivery.OFF
        assert client.post(url, data).status_code == 302
        chosen = NotificationPreference.all_for(member)
        assert chosen[K.REPLY] == Delivery.IMMEDIATE and chosen[K.IDEA_STATUS] == Delivery.OFF
        # Only what changed is stored; the rest follows the defaults.
        assert NotificationPreference.objects.filter(member=member).count() == 2

    def test_a_bad_choice_is_refused_beside_the_field_and_keeps_the_others(self, client):
        member = UserFactory()
        client.force_login(member)
        data = {kind.value: Delivery.SITE for kind in K}
        data[K.REPLY.value] = "fax"
        page = client.post(reverse("notifications:preferences"), data)
        assert page.status_code == 200
        assert page.context["form"].errors.keys() == {K.REPLY.value}
        assert not NotificationPreference.objects.filter(member=member).exists()


class TestEmails:
    def test_the_email_is_in_the_members_language_whoever_acted(self, mailoutbox, commit):
        italian = UserFactory(preferred_language="it")
        actor = UserFactory(display_name="Ana")
        with translation.override("en"):
            commit(notify, [italian], K.MENTION, actor=actor, subject="Mappa", url="/en/")
        [message] = mailoutbox
        assert message.extra_headers["Content-Language"] == "it"
        with translation.override("it"):
            expected = Notification.objects.get().message_text()
        assert message.subject == expected
        assert "Ana" in message.subject and "Mappa" in message.subject
        assert "/it/notifications/unsubscribe/" in message.body

    def test_list_unsubscribe_headers_and_the_one_click_post_stops_that_kind(
        self, client, mailoutbox, commit
    ):
        member = UserFactory()
        commit(notify, [member], K.MENTION, subject="Thread", url="/en/")
        [message] = mailoutbox
        header = message.extra_headers["List-Unsubscribe"]
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert header.startswith("<http") and header.endswith("/>")
        url = header[1:-1]
        path = url.split("://", 1)[1].split("/", 1)[1]
        response = client.post("/" + path, {"List-Unsubscribe": "One-Click"})  # no login
        assert response.status_code == 200
        assert NotificationPreference.all_for(member)[K.MENTION] == Delivery.SITE
        # Other kinds are untouched, and the next mention reaches the site only.
        assert NotificationPreference.all_for(member)[K.APPLICATION_RECEIVED] == Delivery.IMMEDIATE
        commit(notify, [member], K.MENTION, subject="Thread", url="/en/")
        assert len(mailoutbox) == 1
        assert Notification.objects.filter(recipient=member).count() == 2

    def test_the_unsubscribe_link_asks_before_changing_anything_on_get(self, client):
        member = UserFactory()
        url = reverse("notifications:unsubscribe", args=[unsubscribe_token(member, K.MENTION)])
        page = client.get(url)
        assert page.status_code == 200
        assert b'method="post"' in page.content
        assert not NotificationPreference.objects.filter(member=member).exists()

    def test_a_tampered_token_is_refused(self, client):
        member, other = UserFactory(), UserFactory()
        token = unsubscribe_token(member, K.MENTION)
        forged = token.replace(
            token.split(":")[0], unsubscribe_token(other, K.MENTION).split(":")[0]
        )
        for bad in (forged, token[:-2] + ("aa" if token[-2:] != "aa" else "bb"), "nonsense"):
            response = client.post(reverse("notifications:unsubscribe", args=[bad]))
            assert response.status_code == 400
        assert not NotificationPreference.objects.exists()


class TestDigest:
    def test_several_kinds_for_one_member_make_one_email_with_a_section_per_kind(
        self, mailoutbox, commit
    ):
        member, other = UserFactory(preferred_language="en"), UserFactory()
        for kind in (K.REPLY, K.MENTION, K.POST_MODERATED):
            NotificationPreference.set(member, kind, Delivery.DIGEST)
        NotificationPreference.set(other, K.REPLY, Delivery.SITE)
        notify([member, other], K.REPLY, subject="Food access", url="/en/")
        notify([member], K.REPLY, subject="Premises map", url="/en/")
        notify([member], K.MENTION, subject="Premises map", url="/en/")
        notify([member], K.POST_MODERATED, subject="Food access", data={"action": "hide"})
        assert mailoutbox == []
        assert send_notification_digests.call() == 1
        [message] = mailoutbox
        assert message.to == [member.email]
        body = message.body
        sections = [str(K.REPLY.label), str(K.MENTION.label), str(K.POST_MODERATED.label)]
        positions = [body.index(f"== {label} ==") for label in sections]
        assert positions == sorted(positions)
        assert body.count("== ") == 3 and body.count("\n- ") == 4
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        # Sent once: a second run finds nothing left.
        assert send_notification_digests.call() == 0
        assert len(mailoutbox) == 1

    def test_notifications_read_on_the_site_stay_out_of_the_digest(self, mailoutbox):
        member = UserFactory()
        NotificationPreference.set(member, K.REPLY, Delivery.DIGEST)
        notify([member], K.REPLY, subject="Seen already", url="/en/")
        Notification.objects.mark_read()
        assert send_notification_digests.call() == 0

    def test_the_management_command_sends_the_digests(self, mailoutbox):
        from django.core.management import call_command

        member = UserFactory()
        notify([member], K.REPLY, subject="Food access", url="/en/")  # reply: digest by default
        out = io.StringIO()
        call_command("send_notification_digests", stdout=out)
        assert out.getvalue().startswith("1 ")
        assert len(mailoutbox) == 1


class TestInSite:
    def test_the_list_shows_the_members_notifications_and_marks_them_read(self, client):
        member, stranger = UserFactory(), UserFactory()
        notify([member], K.MENTION, subject="Premises map", url="/en/")
        notify([member], K.REPLY, subject="Food access", url="/en/")
        notify([stranger], K.MENTION, subject="Secret", url="/en/")
        client.force_login(member)
        page = client.get(reverse("notifications:list"))
        assert page.status_code == 200
        html = page.content.decode()
        assert "Premises map" in html and "Food access" in html and "Secret" not in html
        first = Notification.objects.filter(recipient=member).first()
        client.post(reverse("notifications:read", args=[first.pk]))
        assert Notification.objects.filter(recipient=member).unread().count() == 1
        # Someone else's notification cannot be marked.
        other = Notification.objects.get(recipient=stranger)
        client.post(reverse("notifications:read", args=[other.pk]))
        assert Notification.objects.get(pk=other.pk).read_at is None
        client.post(reverse("notifications:read_all"))
        assert Notification.objects.filter(recipient=member).unread().count() == 0

    def test_an_event_is_named_and_linked_in_the_readers_language_in_a_constant_query_count(
        self, client, events_index, commit
    ):
        from wagtail.models import Locale

        webinar = WebinarPageFactory(parent=events_index, title="Open data", capacity=50)
        italian = webinar.copy_for_translation(
            Locale.objects.get(language_code="it"), copy_parents=True
        )
        italian.title = "Dati aperti"
        italian.save_revision().publish()
        member = UserFactory(preferred_language="it")
        commit(event_services.register, webinar, user=member, snapshot=SNAPSHOT)
        client.force_login(member)
        italian_page = client.get("/it/notifications/").content.decode()
        assert "Dati aperti" in italian_page and "Open data" not in italian_page
        english_page = client.get("/en/notifications/").content.decode()
        assert "Open data" in english_page
        # The list costs the same with 1 and with 20 notifications about different events.
        with CaptureQueriesContext(connection) as one:
            client.get("/it/notifications/")
        for number in range(19):
            event = WebinarPageFactory(parent=events_index, title=f"Event {number}")
            notify([member], K.REGISTRATION_CONFIRMED, event)
        # New pages start a new generation of the cached chrome (cms.chrome_cache): the next
        # request rebuilds it, the one after is measured.
        client.get("/it/notifications/")
        with CaptureQueriesContext(connection) as twenty:
            client.get("/it/notifications/")
        assert len(twenty) == len(one) <= 9

    def test_the_list_is_paginated(self, client):
        member = UserFactory()
        for number in range(25):
            notify([member], K.MENTION, subject=f"Thread {number}", url="/en/")
        client.force_login(member)
        first = client.get(reverse("notifications:list"))
        second = client.get(reverse("notifications:list") + "?page=2")
        assert len(first.context["notifications"]) == 20
        assert len(second.context["notifications"]) == 5

    def test_the_list_needs_a_login(self, client):
        response = client.get(reverse("notifications:list"))
        assert response.status_code == 302 and "login" in response["Location"]

    def test_opening_a_notification_marks_it_read_and_follows_its_link(self, client):
        member = UserFactory()
        [notification] = notify([member], K.MENTION, subject="T", url="/en/search/")
        client.force_login(member)
        with translation.override("fr"):
            response = client.get(reverse("notifications:open", args=[notification.pk]))
        assert response["Location"] == "/fr/search/"
        notification.refresh_from_db()
        assert notification.read_at is not None

    def test_the_header_shows_the_unread_count(self, client, home):
        member = UserFactory()
        for _ in range(3):
            notify([member], K.MENTION, subject="T", url="/en/")
        client.force_login(member)
        html = client.get("/en/").content.decode()
        assert 'data-unread="3"' in html

    def test_the_header_count_costs_one_query_for_a_member_and_none_for_a_visitor(
        self, rf, django_assert_num_queries
    ):
        from django.contrib.auth.models import AnonymousUser
        from django.template import Context, Template

        template = Template(
            "{% load notification_tags %}{% unread_notification_count as n %}{{ n }}"
        )
        member = UserFactory()
        for _ in range(5):
            notify([member], K.MENTION, subject="T", url="/en/")
        request = rf.get("/")
        request.user = member
        with django_assert_num_queries(1):
            assert template.render(Context({"request": request})) == "5"
            # Asked twice in one page (header and a menu): still one query.
            assert template.render(Context({"request": request})) == "5"
        request = rf.get("/")
        request.user = AnonymousUser()
        with django_assert_num_queries(0):
            assert template.render(Context({"request": request})) == "0"
