"""The rules of `community.notifications.services`, one by one: who `notify` leaves out, what
each row says (subject, link, kind, actor, target), `mark_read` only of one's own notification,
and `unsubscribe` of one kind or of everything sent by digest."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page

from community.discussions.factories import DiscussionIndexPageFactory, ThreadFactory
from community.members.factories import UserFactory
from community.notifications.models import (
    Delivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from community.notifications.services import UNSUBSCRIBE_ALL_DIGEST, mark_read, notify, unsubscribe
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import FocusGroupPageFactory

pytestmark = pytest.mark.django_db

K = NotificationKind


def _row(member):
    return Notification.objects.get(recipient=member)


# Who is notified -----------------------------------------------------------------------------


def test_notify_leaves_out_an_inactive_account():
    active, inactive = UserFactory(), UserFactory(is_active=False)
    notify([active, inactive], K.MENTION, subject="Hello")
    assert Notification.objects.filter(recipient=active).count() == 1
    assert not Notification.objects.filter(recipient=inactive).exists()


def test_notify_leaves_out_an_erased_account_even_if_still_active():
    active, erased = UserFactory(), UserFactory(erased_at=timezone.now())
    assert erased.is_active
    notify([active.pk, erased.pk], K.MENTION, subject="Hello")
    assert Notification.objects.filter(recipient=active).count() == 1
    assert not Notification.objects.filter(recipient=erased).exists()


def test_rows_carry_kind_actor_and_target():
    member, actor = UserFactory(), UserFactory()
    group = Group.objects.create(name="Organisers")
    created = notify([member, actor], K.APPLICATION_RECEIVED, target=group, actor=actor)
    assert [row.recipient_id for row in created] == [member.pk]
    row = _row(member)
    assert row.kind == K.APPLICATION_RECEIVED
    assert row.actor_id == actor.pk
    assert row.target_type == ContentType.objects.get_for_model(Group)
    assert row.target_id == group.pk
    assert row.target == group


# The subject ---------------------------------------------------------------------------------


def test_the_subject_defaults_to_the_targets_name():
    member = UserFactory()
    notify([member], K.MENTION, target=Group.objects.create(name="Organisers"))
    assert _row(member).subject == "Organisers"


def test_without_target_or_subject_the_subject_is_empty():
    member = UserFactory()
    notify([member], K.MENTION)
    assert _row(member).subject == ""


def test_a_given_subject_wins_over_the_targets_name():
    member = UserFactory()
    notify([member], K.MENTION, target=Group.objects.create(name="Organisers"), subject="Mine")
    assert _row(member).subject == "Mine"


def test_the_subject_is_cut_at_255_characters():
    member = UserFactory()
    target = Group.objects.create(name="short")
    target.name = "n" * 150 + "m" * 149  # longer than the column allows: only its str() is used
    notify([member], K.MENTION, target=target)
    assert _row(member).subject == "n" * 150 + "m" * 105


# The link ------------------------------------------------------------------------------------


def test_without_target_or_url_the_link_is_empty():
    member = UserFactory()
    notify([member], K.MENTION, subject="Hello")
    assert _row(member).url == ""


def test_a_target_without_an_address_gives_an_empty_link():
    member = UserFactory()
    notify([member], K.MENTION, target=Group.objects.create(name="Organisers"))
    assert _row(member).url == ""


def test_a_page_target_links_to_the_page(home):
    member = UserFactory()
    page = FocusGroupPageFactory(parent=EventIndexPageFactory(parent=home))
    assert page.url
    notify([member], K.REGISTRATION_CONFIRMED, target=page)
    assert _row(member).url == page.url


def test_a_page_target_outside_any_site_gives_an_empty_link():
    member = UserFactory()
    root = Page.get_first_root_node()
    assert root.url is None
    notify([member], K.REGISTRATION_CONFIRMED, target=root)
    assert _row(member).url == ""


def test_an_object_target_links_to_its_absolute_url(home):
    member = UserFactory()
    DiscussionIndexPageFactory(parent=home)
    thread = ThreadFactory(title="Parking")
    notify([member], K.REPLY, target=thread)
    assert _row(member).url == thread.get_absolute_url()
    assert _row(member).url


def test_a_given_url_wins_and_is_cut_at_500_characters(home):
    member = UserFactory()
    notify([member], K.REPLY, target=ThreadFactory(), url="/" + "u" * 499 + "vw")
    assert _row(member).url == "/" + "u" * 499


# Reading -------------------------------------------------------------------------------------


def test_mark_read_marks_the_one_asked_for_not_the_newest():
    member = UserFactory()
    older = notify([member], K.MENTION, subject="older")[0]
    newer = notify([member], K.MENTION, subject="newer")[0]
    assert mark_read(member, older.pk).pk == older.pk
    older.refresh_from_db()
    newer.refresh_from_db()
    assert older.read_at is not None
    assert newer.read_at is None


def test_mark_read_of_someone_elses_notification_returns_none_and_changes_nothing():
    member, other = UserFactory(), UserFactory()
    theirs = notify([other], K.MENTION, subject="theirs")[0]
    notify([member], K.MENTION, subject="mine")
    assert mark_read(member, theirs.pk) is None
    theirs.refresh_from_db()
    assert theirs.read_at is None
    assert Notification.objects.filter(recipient=member, read_at__isnull=True).count() == 1


def test_mark_read_keeps_the_first_reading_time():
    member = UserFactory()
    row = notify([member], K.MENTION, subject="x")[0]
    first = mark_read(member, row.pk).read_at
    assert mark_read(member, row.pk).read_at == first
    row.refresh_from_db()
    assert row.read_at == first


# Unsubscribing -------------------------------------------------------------------------------


def test_unsubscribe_from_all_digest_takes_every_kind_the_member_gets_by_digest():
    member = UserFactory()
    # REPLY is a digest kind by default; MENTION is immediate unless the member chose digest.
    NotificationPreference.set(member, K.MENTION, Delivery.DIGEST)
    kinds = unsubscribe(member, UNSUBSCRIBE_ALL_DIGEST)
    assert sorted(kinds) == sorted([K.REPLY, K.MENTION])
    chosen = NotificationPreference.all_for(member)
    assert chosen[K.REPLY] == Delivery.SITE
    assert chosen[K.MENTION] == Delivery.SITE
    # Kinds not sent by digest are left as they were.
    assert chosen[K.APPLICATION_RECEIVED] == Delivery.IMMEDIATE
    assert chosen[K.IDEA_STATUS] == Delivery.SITE


def test_unsubscribe_from_all_digest_leaves_out_a_default_digest_kind_chosen_otherwise():
    member = UserFactory()
    NotificationPreference.set(member, K.REPLY, Delivery.IMMEDIATE)
    assert unsubscribe(member, UNSUBSCRIBE_ALL_DIGEST) == []
    assert NotificationPreference.all_for(member)[K.REPLY] == Delivery.IMMEDIATE


def test_unsubscribe_from_one_kind_touches_only_that_kind():
    member = UserFactory()
    assert unsubscribe(member, K.MENTION) == [K.MENTION]
    chosen = NotificationPreference.all_for(member)
    assert chosen[K.MENTION] == Delivery.SITE
    assert chosen[K.REPLY] == Delivery.DIGEST


def test_a_kind_turned_off_stays_off_after_unsubscribing():
    member = UserFactory()
    NotificationPreference.set(member, K.MENTION, Delivery.OFF)
    unsubscribe(member, K.MENTION)
    assert NotificationPreference.all_for(member)[K.MENTION] == Delivery.OFF
    notify([member], K.MENTION, subject="x")
    assert not Notification.objects.filter(recipient=member).exists()


# Databases whose bulk insert returns no primary keys -----------------------------------------


@pytest.fixture
def no_returning(monkeypatch):
    """The database capability `notify` adapts to, switched off: bulk inserts then give the
    rows back without primary keys (as on databases without RETURNING)."""
    from django.db import connection

    monkeypatch.setattr(
        type(connection.features), "can_return_rows_from_bulk_insert", False, raising=False
    )


def test_without_returned_keys_the_immediate_emails_still_go_out(no_returning, commit, mailoutbox):
    at_once, by_digest, site_only = UserFactory(), UserFactory(), UserFactory()
    NotificationPreference.set(by_digest, K.MENTION, Delivery.DIGEST)
    NotificationPreference.set(site_only, K.MENTION, Delivery.SITE)
    created = commit(notify, [at_once, by_digest, site_only], K.MENTION, subject="Thread")
    assert [row.pk for row in created] == [None, None, None]
    assert [message.to for message in mailoutbox] == [[at_once.email]]
    emailed = Notification.objects.filter(emailed_at__isnull=False)
    assert [row.recipient_id for row in emailed] == [at_once.pk]


def test_without_returned_keys_only_the_new_rows_are_emailed(no_returning, commit, mailoutbox):
    member = UserFactory()
    # An earlier immediate notification whose email was never queued (its transaction's
    # callbacks did not run here): a later notify must not email it.
    notify([member], K.MENTION, subject="Earlier")
    assert Notification.objects.filter(recipient=member, emailed_at__isnull=True).count() == 1
    commit(notify, [member], K.MENTION, subject="Later")
    assert len(mailoutbox) == 1
    assert "Later" in mailoutbox[0].subject + mailoutbox[0].body
    assert "Earlier" not in mailoutbox[0].subject + mailoutbox[0].body
    earlier = Notification.objects.get(recipient=member, subject="Earlier")
    assert earlier.emailed_at is None
