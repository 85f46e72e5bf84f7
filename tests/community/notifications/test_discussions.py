"""Discussions reach the notification centre: a reply notifies every follower once, never its
author, in a number of queries that does not grow with the followers; mentions; nothing about a
private space reaches someone who cannot read it, on the site or by email."""

import math

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.discussions.models import (
    DiscussionSpace,
    Post,
    SpaceVisibility,
    Thread,
    ThreadFollow,
)
from community.discussions.permissions import can_read_space
from community.discussions.signals import member_mentioned, post_published
from community.members.factories import UserFactory
from community.notifications.models import (
    Delivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from community.notifications.receivers import space_readers
from community.notifications.tasks import send_notification_digests
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import FocusGroupPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration

pytestmark = pytest.mark.django_db

K = NotificationKind


def make_space(visibility=SpaceVisibility.PUBLIC, event=None, slug="commons"):
    return DiscussionSpace.objects.create(
        title="Commons", slug=slug, visibility=visibility, event=event
    )


def make_thread(space, author, title="Food access in Marseille"):
    thread = Thread.objects.create(space=space, title=title, author=author)
    ThreadFollow.objects.create(thread=thread, user=author)
    return thread


def make_post(thread, author, body="<p>Agreed, let us map the shops.</p>"):
    return Post.objects.create(thread=thread, author=author, body=body)


def follow(thread, members):
    ThreadFollow.objects.bulk_create(ThreadFollow(thread=thread, user=m) for m in members)


def members(count):
    return UserFactory.create_batch(count)


@pytest.fixture
def focus_group(home):
    return FocusGroupPageFactory(parent=EventIndexPageFactory(parent=home))


def seat(member, event):
    Registration.objects.create(event=event, user=member, status=RegistrationStatus.CONFIRMED)


class TestFanOut:
    def test_a_reply_notifies_each_of_200_followers_once_and_never_its_author(self):
        author = UserFactory()
        thread = make_thread(make_space(), UserFactory())
        followers = members(200)
        follow(thread, [*followers, author])
        reply = make_post(thread, author)
        post_published.send(sender=Post, post=reply)
        recipients = list(
            Notification.objects.filter(kind=K.REPLY).values_list("recipient_id", flat=True)
        )
        assert sorted(recipients) == sorted([thread.author_id, *(m.pk for m in followers)])
        assert author.pk not in recipients
        # Sent again (a retried signal is a new event), still one row per follower per event.
        assert len(set(recipients)) == len(recipients) == 201

    @pytest.mark.parametrize("visibility", [SpaceVisibility.PUBLIC, SpaceVisibility.PRIVATE])
    def test_the_queries_do_not_grow_with_the_followers(self, visibility, focus_group):
        """Same queries for 5 and 200 followers, plus only the extra INSERT batches the
        database itself needs for more rows (SQLite caps parameters per statement)."""

        captured_sql = []
        event = focus_group if visibility == SpaceVisibility.PRIVATE else None
        space = make_space(visibility, event)

        def queries_for(count, slug):
            thread = make_thread(space, UserFactory(), title=slug)
            followers = members(count)
            Registration.objects.bulk_create(
                Registration(event=focus_group, user=m, status=RegistrationStatus.CONFIRMED)
                for m in [thread.author, *followers]
            )
            follow(thread, followers)
            reply = make_post(thread, UserFactory())
            reply = Post.objects.select_related("thread__space", "author").get(pk=reply.pk)
            with CaptureQueriesContext(connection) as captured:
                post_published.send(sender=Post, post=reply)
            # The thread's author follows it too.
            assert Notification.objects.filter(target_id=reply.pk).count() == count + 1
            captured_sql.extend(q["sql"][:150] for q in captured)
            return len(captured)

        def insert_batches(rows):
            fields = [f for f in Notification._meta.concrete_fields if not f.primary_key]
            return math.ceil(rows / connection.ops.bulk_batch_size(fields, [None] * rows))

        ContentType.objects.get_for_model(Post)  # cached for the process, as in production
        few, many = queries_for(5, "few"), queries_for(200, "many")
        assert many - few == insert_batches(201) - insert_batches(6)
        # followers, (private: readers,) active members, preferences, the post's link (3), INSERT
        assert few <= (7 if visibility == SpaceVisibility.PUBLIC else 8), captured_sql

    def test_followers_who_chose_off_or_in_site_get_no_email(self, mailoutbox, commit):
        thread = make_thread(make_space(), UserFactory())
        quiet, site, immediate = members(3)
        follow(thread, [quiet, site, immediate])
        NotificationPreference.set(quiet, K.REPLY, Delivery.OFF)
        NotificationPreference.set(site, K.REPLY, Delivery.SITE)
        NotificationPreference.set(immediate, K.REPLY, Delivery.IMMEDIATE)
        reply = make_post(thread, UserFactory())
        commit(post_published.send, sender=Post, post=reply)
        assert not Notification.objects.filter(recipient=quiet).exists()
        assert Notification.objects.filter(recipient=site).count() == 1
        assert [m.to for m in mailoutbox] == [[immediate.email]]
        assert "Food access in Marseille" in mailoutbox[0].subject

    def test_a_mention_notifies_the_member_named(self):
        author, named = UserFactory(display_name="Ana"), UserFactory()
        thread = make_thread(make_space(), author)
        post = make_post(thread, author)
        member_mentioned.send(sender=Post, post=post, member=named)
        [notification] = Notification.objects.filter(recipient=named)
        assert notification.kind == K.MENTION and notification.actor == author


class TestPrivateSpaces:
    def test_a_private_post_does_not_notify_a_follower_who_cannot_read_the_space(self, focus_group):
        author, inside, outside = members(3)
        for member in (author, inside):
            seat(member, focus_group)
        space = make_space(SpaceVisibility.PRIVATE, event=focus_group, slug="group")
        thread = make_thread(space, author)
        # `outside` followed while in the group, then left it (or never was in).
        follow(thread, [inside, outside])
        post_published.send(sender=Post, post=make_post(thread, author))
        assert Notification.objects.filter(recipient=inside).count() == 1
        assert not Notification.objects.filter(recipient=outside).exists()

    def test_a_mention_in_a_private_space_of_a_non_member_notifies_nobody(self, focus_group):
        author, outsider = members(2)
        seat(author, focus_group)
        space = make_space(SpaceVisibility.PRIVATE, event=focus_group, slug="group")
        post = make_post(make_thread(space, author), author)
        member_mentioned.send(sender=Post, post=post, member=outsider)
        assert not Notification.objects.exists()

    def test_no_digest_email_after_leaving_the_group(self, focus_group, mailoutbox):
        author, member = members(2)
        seat(author, focus_group)
        seat(member, focus_group)
        space = make_space(SpaceVisibility.PRIVATE, event=focus_group, slug="group")
        thread = make_thread(space, author)
        follow(thread, [member])
        post_published.send(sender=Post, post=make_post(thread, author))
        assert Notification.objects.filter(recipient=member, delivery=Delivery.DIGEST).exists()
        Registration.objects.filter(user=member).update(status=RegistrationStatus.CANCELLED)
        assert send_notification_digests.call() == 0
        assert mailoutbox == []

    def test_space_readers_agrees_with_can_read_space_for_every_reader_and_space(self, focus_group):
        member, group_member, moderator, staff = members(4)
        staff.is_staff = True
        staff.save()
        inactive = UserFactory(is_active=False)
        seat(group_member, focus_group)
        everyone = [member, group_member, moderator, staff, inactive]
        for number, visibility in enumerate(SpaceVisibility):
            space = make_space(
                visibility,
                event=focus_group if visibility == SpaceVisibility.PRIVATE else None,
                slug=f"space-{number}",
            )
            space.moderators.add(moderator)
            expected = {m.pk for m in everyone if can_read_space(m, space)}
            assert set(space_readers(space, [m.pk for m in everyone])) == expected, visibility
        assert not can_read_space(AnonymousUser(), space)


class TestThroughTheDiscussionServices:
    def test_a_reply_posted_through_the_service_notifies_the_followers_but_not_its_author(
        self, commit
    ):
        from community.discussions import services as discussions

        starter, follower, replier = members(3)
        space = make_space(SpaceVisibility.MEMBERS)
        first = commit(
            discussions.create_thread, space, starter, title="Premises", body="<p>Hi</p>"
        )
        discussions.follow(first.thread, follower)
        reply = commit(discussions.reply, first.thread, replier, body="<p>Here is a map.</p>")
        notified = set(
            Notification.objects.filter(kind=K.REPLY, target_id=reply.pk).values_list(
                "recipient_id", flat=True
            )
        )
        assert notified == {starter.pk, follower.pk}

    def test_hiding_a_post_tells_its_author_why_in_their_language(self, commit, mailoutbox):
        from django.utils import translation

        from community.moderation import services as moderation

        author = UserFactory(preferred_language="fr")
        moderator = UserFactory()
        space = make_space()
        space.moderators.add(moderator)
        post = make_post(make_thread(space, author), author)
        with translation.override("en"):
            commit(moderation.hide_post, post, moderator, reason="Hors sujet")
        [notification] = Notification.objects.filter(recipient=author)
        assert notification.kind == K.POST_MODERATED
        assert notification.detail == "Hors sujet"
        [message] = mailoutbox  # moderation of one's posts is emailed at once by default
        assert message.extra_headers["Content-Language"] == "fr"
        with translation.override("fr"):
            assert notification.message_text() in message.subject
        assert "Hors sujet" in message.body
        assert moderator.get_display_name() not in message.body

    def test_a_follower_named_in_a_reply_hears_of_it_once_as_a_mention(self, commit):
        from community.discussions import services as discussions

        starter = UserFactory(display_name="Ana Lopez")
        replier = UserFactory()
        space = make_space(SpaceVisibility.MEMBERS)
        first = commit(
            discussions.create_thread, space, starter, title="Premises", body="<p>Hi</p>"
        )
        reply = commit(
            discussions.reply, first.thread, replier, body="<p>@Ana-Lopez here is the map.</p>"
        )
        kinds = list(
            Notification.objects.filter(recipient=starter, target_id=reply.pk).values_list(
                "kind", flat=True
            )
        )
        assert kinds == [K.MENTION]
