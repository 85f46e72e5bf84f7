"""Moderation flows: reports, the moderators' actions and what the author sees, blocks, the
posting rate limit and first posts waiting for approval."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation

from community.discussions import posting
from community.discussions import services as discussions
from community.discussions.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpaceFactory,
    PostFactory,
    ThreadFactory,
)
from community.discussions.models import MemberBlock, PostStatus, SpaceVisibility, Thread
from community.discussions.permissions import visible_posts
from community.members.factories import UserFactory
from community.moderation import services as service
from community.moderation.models import (
    ModerationAction,
    ModerationActionKind,
    Report,
    ReportOutcome,
    ReportReason,
)
from community.moderation.signals import post_moderated

pytestmark = pytest.mark.django_db


class TestReports:
    def test_a_member_reports_a_post_they_can_read_once(self, post):
        reader = UserFactory()
        report = service.report_post(post, reader, reason=ReportReason.SPAM)
        assert report.is_open
        with pytest.raises(service.ModerationRefused, match="already reported"):
            service.report_post(post, reader, reason=ReportReason.ABUSE)
        assert Report.objects.count() == 1

    def test_nobody_reports_a_post_they_cannot_read(self, moderator):
        private = DiscussionSpaceFactory(visibility=SpaceVisibility.MEMBERS)
        hidden_from_visitors = PostFactory(thread=ThreadFactory(space=private))
        outsider = mock.Mock(is_authenticated=False, pk=None)
        with pytest.raises(PermissionDenied):
            service.report_post(hidden_from_visitors, outsider, reason=ReportReason.SPAM)
        group_space = DiscussionSpaceFactory(visibility=SpaceVisibility.PRIVATE)
        secret = PostFactory(thread=ThreadFactory(space=group_space))
        with pytest.raises(PermissionDenied):
            service.report_post(secret, UserFactory(), reason=ReportReason.SPAM)
        assert not Report.objects.exists()

    def test_a_report_of_something_else_needs_details_and_never_ones_own_post(self, post):
        with pytest.raises(service.ModerationRefused) as refusal:
            service.report_post(post, UserFactory(), reason=ReportReason.OTHER, details=" ")
        assert refusal.value.field == "details"
        with pytest.raises(service.ModerationRefused, match="your own post"):
            service.report_post(post, post.author, reason=ReportReason.SPAM)


class TestModeratorsActOnPosts:
    def test_report_then_hide_the_author_alone_sees_it_with_the_reason(self, post, moderator):
        reader = UserFactory()
        service.report_post(post, reader, reason=ReportReason.SPAM)
        assert list(service.reported_posts(moderator)) == [post]

        service.hide_post(post, moderator, reason="Advertising is not allowed here.")

        post.refresh_from_db()
        assert post.status == PostStatus.HIDDEN
        assert post.hidden_reason == "Advertising is not allowed here."
        assert not visible_posts(reader).filter(pk=post.pk).exists()
        assert visible_posts(post.author).filter(pk=post.pk).exists()
        report = Report.objects.get()
        assert (report.outcome, report.resolved_by) == (ReportOutcome.POST_HIDDEN, moderator)
        assert not service.reported_posts(moderator).exists()
        logged = ModerationAction.objects.get()
        assert (logged.action, logged.moderator, logged.member, logged.post) == (
            ModerationActionKind.HIDE,
            moderator,
            post.author,
            post,
        )

    def test_hiding_needs_a_reason(self, post, moderator):
        with pytest.raises(service.ModerationRefused) as refusal:
            service.hide_post(post, moderator, reason="  ")
        assert refusal.value.field == "reason"
        post.refresh_from_db()
        assert post.status == PostStatus.PUBLISHED

    def test_restoring_shows_the_post_to_everyone_again(self, post, moderator):
        service.hide_post(post, moderator, reason="Checking a complaint.")
        service.restore_post(post, moderator)
        post.refresh_from_db()
        assert post.status == PostStatus.PUBLISHED
        assert post.hidden_reason == ""
        assert visible_posts(UserFactory()).filter(pk=post.pk).exists()

    def test_the_author_is_told_by_a_signal_once_committed(
        self, post, moderator, django_capture_on_commit_callbacks
    ):
        heard = []

        def listener(sender, post, action, reason, moderator, **kwargs):
            heard.append((post.pk, action, reason, moderator.pk))

        post_moderated.connect(listener)
        try:
            with django_capture_on_commit_callbacks(execute=True):
                service.hide_post(post, moderator, reason="Off topic.")
                assert heard == []  # nothing before the commit
        finally:
            post_moderated.disconnect(listener)
        assert heard == [(post.pk, ModerationActionKind.HIDE, "Off topic.", moderator.pk)]

    def test_dismissing_closes_the_reports_and_leaves_the_post(self, post, moderator):
        service.report_post(post, UserFactory(), reason=ReportReason.OFF_TOPIC)
        service.dismiss_reports(post, moderator)
        post.refresh_from_db()
        assert post.status == PostStatus.PUBLISHED
        assert Report.objects.get().outcome == ReportOutcome.DISMISSED

    @pytest.mark.parametrize("who", ["member", "other_space_moderator", "author"])
    def test_only_the_spaces_moderators_and_staff_act(self, post, who):
        person = {
            "member": lambda: UserFactory(),
            "other_space_moderator": lambda: DiscussionSpaceFactory(
                moderators=[UserFactory()]
            ).moderators.get(),
            "author": lambda: post.author,
        }[who]()
        for action in (
            lambda: service.hide_post(post, person, reason="x"),
            lambda: service.dismiss_reports(post, person),
            lambda: service.lock_thread(post.thread, person),
            lambda: service.block_member(post.author, person, reason="x", space=post.thread.space),
        ):
            with pytest.raises(PermissionDenied):
                action()
        post.refresh_from_db()
        assert post.status == PostStatus.PUBLISHED
        assert not ModerationAction.objects.exists()

    def test_staff_moderate_every_space(self, post):
        staff = UserFactory(is_staff=True, two_factor=False)
        service.hide_post(post, staff, reason="Spam.")
        post.refresh_from_db()
        assert post.status == PostStatus.HIDDEN


class TestLocking:
    def test_a_locked_thread_takes_no_reply_until_unlocked(self, post, moderator):
        member = UserFactory()
        service.lock_thread(post.thread, moderator, reason="Heated.")
        thread = Thread.objects.get(pk=post.thread_id)  # as the next request reads it
        with pytest.raises(discussions.PostingRefused, match="locked"):
            discussions.reply(thread, member, body="<p>One more thing</p>")
        service.lock_thread(thread, moderator, locked=False)
        thread = Thread.objects.get(pk=post.thread_id)
        reply = discussions.reply(thread, member, body="<p>One more thing</p>")
        assert reply.status == PostStatus.PUBLISHED
        assert list(
            ModerationAction.objects.order_by("created_at", "pk").values_list("action", flat=True)
        ) == [ModerationActionKind.LOCK, ModerationActionKind.UNLOCK]


class TestBlocks:
    def test_a_blocked_member_is_told_until_when_and_why_then_posts_again(self, post, moderator):
        member = UserFactory()
        until = timezone.now() + timedelta(days=2)
        service.block_member(
            member, moderator, reason="Insults.", until=until, space=post.thread.space
        )
        with (
            translation.override("en"),
            pytest.raises(discussions.PostingRefused) as refusal,
        ):
            discussions.reply(post.thread, member, body="<p>Again</p>")
        message = refusal.value.message
        assert "until" in message
        assert "Insults." in message
        assert str(timezone.localtime(until).year) in message
        assert refusal.value.field == "body"

        with mock.patch("django.utils.timezone.now", return_value=until + timedelta(seconds=1)):
            assert posting.posting_refusal(member, post.thread.space) is None

    def test_a_block_for_good_says_so_and_lasts_until_lifted(self, post, moderator):
        member = UserFactory()
        block = service.block_member(
            member, moderator, reason="Spam account.", space=post.thread.space
        )
        far = timezone.now() + timedelta(days=3650)
        with mock.patch("django.utils.timezone.now", return_value=far):
            refusal = posting.posting_refusal(member, post.thread.space)
        assert "for good" in refusal
        service.unblock_member(block, moderator)
        assert posting.posting_refusal(member, post.thread.space) is None
        block.refresh_from_db()
        assert block.lifted_by == moderator

    def test_a_space_block_leaves_other_spaces_open(self, post, moderator):
        member = UserFactory()
        service.block_member(member, moderator, reason="x", space=post.thread.space)
        assert posting.posting_refusal(member, DiscussionSpaceFactory()) is None

    def test_only_staff_block_everywhere(self, post, moderator):
        member = UserFactory()
        with pytest.raises(PermissionDenied):
            service.block_member(member, moderator, reason="x")
        staff = UserFactory(is_staff=True, two_factor=False)
        service.block_member(member, staff, reason="Spam everywhere.")
        assert "Spam everywhere." in posting.posting_refusal(member, DiscussionSpaceFactory())

    def test_a_block_needs_a_reason_and_a_future_end(self, post, moderator):
        member = UserFactory()
        space = post.thread.space
        with pytest.raises(service.ModerationRefused):
            service.block_member(member, moderator, reason="", space=space)
        with pytest.raises(service.ModerationRefused):
            service.block_member(
                member,
                moderator,
                reason="x",
                until=timezone.now() - timedelta(hours=1),
                space=space,
            )
        assert not MemberBlock.objects.exists()


class TestRateLimit:
    def test_posting_faster_than_the_rate_is_refused_with_the_wait(self, post, settings):
        settings.DISCUSSION_POST_RATE = "3/m"
        member = UserFactory()
        # The clock held 5 s into a window (they start at multiples of a minute), so the four
        # attempts share one window whenever the test runs.
        moment = 999_960.0 + 5
        with mock.patch("time.time", return_value=moment):
            for number in range(3):
                discussions.reply(post.thread, member, body=f"<p>Reply {number}</p>")
            with (
                translation.override("en"),
                pytest.raises(discussions.PostingRefused) as refusal,
            ):
                discussions.reply(post.thread, member, body="<p>Reply 4</p>")
            assert refusal.value.message == (
                "You are posting faster than the discussions allow. You can post again in "
                "55 seconds."
            )
            # Another member is not slowed down by the first one.
            discussions.reply(post.thread, UserFactory(), body="<p>Mine</p>")
        # A minute later the member may post again.
        with mock.patch("time.time", return_value=moment + 61):
            assert posting.posting_refusal(member, post.thread.space) is None

    def test_the_rate_is_read_from_the_setting(self, settings):
        assert posting.parse_rate("5/m") == (5, 60)
        assert posting.parse_rate("20/10m") == (20, 600)
        assert posting.parse_rate("") is None

    def test_moderators_are_not_rate_limited_in_their_space(self, post, moderator, settings):
        settings.DISCUSSION_POST_RATE = "1/m"
        for _number in range(3):
            assert posting.posting_refusal(moderator, post.thread.space) is None


class TestApproval:
    @pytest.fixture
    def first_posts_wait(self, settings):
        settings.DISCUSSION_FIRST_POSTS_NEED_APPROVAL = True
        settings.DISCUSSION_FIRST_POSTS_TO_APPROVE = 2
        return settings

    def test_first_posts_wait_unseen_by_others_until_approved(
        self, space, moderator, first_posts_wait, django_capture_on_commit_callbacks
    ):
        newcomer, reader = UserFactory(), UserFactory()
        with django_capture_on_commit_callbacks(execute=True):
            first = discussions.create_thread(
                space, newcomer, title="Hello", body="<p>First words</p>"
            )
        assert first.status == PostStatus.PENDING
        assert not visible_posts(reader).filter(pk=first.pk).exists()
        assert visible_posts(newcomer).filter(pk=first.pk).exists()
        assert list(service.pending_posts(moderator)) == [first]
        assert service.queue_counts(moderator) == (0, 1)

        with django_capture_on_commit_callbacks(execute=True):
            service.approve_post(first, moderator)
        assert visible_posts(reader).filter(pk=first.pk).exists()
        # One approved post of the two required: the next one waits too, then no more.
        second = discussions.reply(first.thread, newcomer, body="<p>Second</p>")
        assert second.status == PostStatus.PENDING
        service.approve_post(second, moderator)
        third = discussions.reply(first.thread, newcomer, body="<p>Third</p>")
        assert third.status == PostStatus.PUBLISHED

    def test_a_rejected_post_stays_hidden_and_tells_its_author_why(
        self, space, moderator, first_posts_wait
    ):
        newcomer = UserFactory()
        waiting = discussions.create_thread(space, newcomer, title="Hi", body="<p>Spam</p>")
        service.reject_post(waiting, moderator, reason="Looks like advertising.")
        waiting.refresh_from_db()
        assert waiting.status == PostStatus.HIDDEN
        assert waiting.hidden_reason == "Looks like advertising."
        assert not service.pending_posts(moderator).exists()

    def test_without_the_setting_posts_are_published_at_once(self, space):
        post = discussions.create_thread(space, UserFactory(), title="Hi", body="<p>Hi</p>")
        assert post.status == PostStatus.PUBLISHED

    def test_staff_and_moderators_never_wait(self, space, moderator, first_posts_wait):
        assert not posting.needs_approval(moderator)
        assert not posting.needs_approval(UserFactory(is_staff=True, two_factor=False))
        assert posting.needs_approval(UserFactory())


def test_the_report_page_shows_the_form_and_records_the_report(client, home, post):
    DiscussionIndexPageFactory(parent=home)
    reader = UserFactory()
    client.force_login(reader)
    url = reverse("community:report_post", args=[post.pk])
    assert "Buy cheap watches" in client.get(url).content.decode()
    response = client.post(url, {"reason": "other", "details": ""})
    assert response.status_code == 200
    assert "Tell the moderators what is wrong." in response.content.decode()
    response = client.post(url, {"reason": "spam", "details": "Same link in ten threads"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reporter, report.details) == (reader, "Same link in ten threads")
