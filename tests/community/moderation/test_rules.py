"""The exact rules of the moderation service: its messages word for word, the rate window's
edges, what each action writes (post, block, report, log row) and what it announces."""

from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_save
from django.utils import formats, timezone, translation

from community.discussions import posting
from community.discussions.factories import DiscussionSpaceFactory, PostFactory, ThreadFactory
from community.discussions.models import MemberBlock, Post, PostStatus, SpaceVisibility, Thread
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

WAIT = "You are posting faster than the discussions allow. You can post again in "


@pytest.fixture
def staff(db):
    return UserFactory(is_staff=True, two_factor=False)


@pytest.fixture
def heard():
    """What post_moderated announced for posts (sender=Post only)."""
    calls = []

    def listener(sender, post, action, reason, moderator, **kwargs):
        calls.append((post.pk, action, reason, moderator.pk))

    post_moderated.connect(listener, sender=Post)
    yield calls
    post_moderated.disconnect(listener, sender=Post)


def refusal_of(action):
    with translation.override("en"), pytest.raises(service.ModerationRefused) as refusal:
        action()
    return str(refusal.value.message), refusal.value.field


def only_log_row():
    row = ModerationAction.objects.get()
    return (row.action, row.moderator, row.space, row.post, row.thread, row.member, row.reason)


# ---------- The wait message ----------


@pytest.mark.parametrize(
    ("seconds", "end"),
    [
        (1, "1 second."),
        (2, "2 seconds."),
        (119, "119 seconds."),
        (120, "2 minutes."),
        (121, "3 minutes."),
        (3600, "60 minutes."),
    ],
)
def test_the_wait_is_told_in_seconds_below_two_minutes_then_in_whole_minutes_rounded_up(
    seconds, end
):
    with translation.override("en"):
        assert str(posting._wait_message(seconds)) == WAIT + end


@pytest.mark.parametrize(
    ("seconds", "end"),
    [(1, "dentro de 1 segundo."), (5, "dentro de 5 segundos."), (180, "dentro de 3 minutos.")],
)
def test_the_wait_message_is_translated(seconds, end):
    with translation.override("es"):
        message = str(posting._wait_message(seconds))
    assert message.startswith("Publicas más rápido")
    assert message.endswith(end)


# ---------- The rate window ----------


@pytest.fixture
def member(db):
    # The counters carry their window in their key (cms.rate_limits): start and end clean, as a
    # rolled-back member's id comes back in the next test.
    cache.clear()
    yield UserFactory()
    cache.clear()


def test_without_the_setting_five_posts_a_minute_are_allowed(settings, member, space):
    del settings.DISCUSSION_POST_RATE
    # The clock held inside one window, so the six attempts share it whenever the test runs.
    with mock.patch("time.time", return_value=4_000_020.0):
        for _attempt in range(5):
            assert posting.posting_refusal(member, space) is None
        with translation.override("en"):
            assert str(posting.posting_refusal(member, space)).startswith(WAIT)


def test_attempts_are_counted_in_fixed_windows_and_the_next_window_starts_afresh(settings, member):
    settings.DISCUSSION_POST_RATE = "2/m"
    # Windows start at multiples of a minute: 1_000_020 is the start of one.
    with mock.patch("time.time", return_value=1_000_020.0):
        assert posting._consume_post_rate(member) == 0
    with mock.patch("time.time", return_value=1_000_030.0):
        assert posting._consume_post_rate(member) == 0
    with mock.patch("time.time", return_value=1_000_079.5):
        assert posting._consume_post_rate(member) == 1  # half a second, told as one
    with mock.patch("time.time", return_value=1_000_080.0):
        assert posting._consume_post_rate(member) == 0  # a new window


def test_the_wait_counts_to_the_end_of_the_window(settings, member):
    settings.DISCUSSION_POST_RATE = "2/m"
    with mock.patch("time.time", return_value=2_000_000.0):  # 20 s into a window
        assert posting._consume_post_rate(member) == 0
    with mock.patch("time.time", return_value=2_000_010.0):
        assert posting._consume_post_rate(member) == 0
    with mock.patch("time.time", return_value=2_000_020.0):
        assert posting._consume_post_rate(member) == 20


def test_refused_attempts_count_too_so_hammering_does_not_reopen_the_window(settings, member):
    settings.DISCUSSION_POST_RATE = "1/m"
    with mock.patch("time.time", return_value=3_000_040.0):  # 40 s into a window
        assert posting._consume_post_rate(member) == 0
        assert posting._consume_post_rate(member) == 20
        assert posting._consume_post_rate(member) == 20


# ---------- Blocks ----------


def test_a_block_for_good_is_told_word_for_word(member, space, moderator):
    service.block_member(member, moderator, reason="Spam account.", space=space)
    with translation.override("en"):
        assert str(posting.posting_refusal(member, space)) == (
            "A moderator has blocked you from posting here for good. Reason: Spam account."
        )


def test_a_block_with_an_end_tells_its_local_date_and_time(member, space, moderator):
    until = datetime(2099, 3, 5, 13, 30, tzinfo=timezone.get_fixed_timezone(0))
    block = service.block_member(member, moderator, reason="Insults.", until=until, space=space)
    with translation.override("en"):
        when = formats.date_format(timezone.localtime(until), "DATETIME_FORMAT")
        assert when == "March 5, 2099, 2:30 p.m."  # Europe/Rome, an hour ahead of UTC
        assert str(posting.block_message(block)) == (
            f"A moderator has blocked you from posting here until {when}. Reason: Insults."
        )


def test_a_block_for_good_says_most_when_several_blocks_apply(member, space, moderator, staff):
    service.block_member(
        member,
        moderator,
        reason="Cooling off.",
        until=timezone.now() + timedelta(days=1),
        space=space,
    )
    service.block_member(member, staff, reason="Spam account.")
    with translation.override("en"):
        assert "for good. Reason: Spam account." in str(posting.posting_refusal(member, space))


def test_a_space_block_records_who_why_where_and_until_when(member, space, moderator):
    until = timezone.now() + timedelta(days=2)
    block = service.block_member(member, moderator, reason="Insults.", until=until, space=space)
    block = MemberBlock.objects.get(pk=block.pk)
    assert (block.member, block.space, block.reason, block.until, block.created_by) == (
        member,
        space,
        "Insults.",
        until,
        moderator,
    )
    assert only_log_row() == (
        ModerationActionKind.BLOCK,
        moderator,
        space,
        None,
        None,
        member,
        "Insults.",
    )


def test_a_block_everywhere_has_no_space(member, staff):
    block = service.block_member(member, staff, reason="Spam everywhere.")
    assert MemberBlock.objects.get(pk=block.pk).space is None
    assert only_log_row()[:3] == (ModerationActionKind.BLOCK, staff, None)


def test_nobody_blocks_themselves(moderator, space):
    assert refusal_of(
        lambda: service.block_member(moderator, moderator, reason="x", space=space)
    ) == ("You cannot block yourself.", None)


def test_only_staff_block_a_member_of_staff(moderator, space, staff):
    colleague = UserFactory(is_staff=True, two_factor=False)
    assert refusal_of(
        lambda: service.block_member(colleague, moderator, reason="x", space=space)
    ) == ("Only staff can block a member of staff.", None)
    block = service.block_member(colleague, staff, reason="Holiday test.", space=space)
    assert block.member == colleague


def test_a_block_must_end_after_now(member, moderator, space):
    now = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=now):
        assert refusal_of(
            lambda: service.block_member(member, moderator, reason="x", until=now, space=space)
        ) == ("Choose a time in the future.", "until")
        later = now + timedelta(microseconds=1)
        service.block_member(member, moderator, reason="x", until=later, space=space)
    assert MemberBlock.objects.get().until == later


def test_a_moderation_reason_cannot_be_blank(member, moderator, space):
    assert refusal_of(lambda: service.block_member(member, moderator, reason=" ", space=space)) == (
        "Give a reason: the member will see it.",
        "reason",
    )


def test_lifting_a_block_records_who_and_when_once_and_touches_no_other(member, moderator, space):
    block = service.block_member(member, moderator, reason="x", space=space)
    other = service.block_member(UserFactory(), moderator, reason="y", space=space)
    ModerationAction.objects.all().delete()
    lifted = service.unblock_member(block, moderator)
    assert lifted.lifted_by == moderator
    assert lifted.lifted_at is not None
    assert only_log_row() == (
        ModerationActionKind.UNBLOCK,
        moderator,
        space,
        None,
        None,
        member,
        "",
    )
    assert MemberBlock.objects.get(pk=other.pk).lifted_at is None
    # Lifting it again changes nothing of the first lifting.
    colleague = UserFactory()
    space.moderators.add(colleague)
    again = service.unblock_member(block, colleague, reason="Again.")
    assert (again.lifted_by, again.lifted_at) == (moderator, lifted.lifted_at)


def test_lifting_a_block_logs_the_reason(member, moderator, space):
    block = service.block_member(member, moderator, reason="x", space=space)
    service.unblock_member(block, moderator, reason="Apologised.")
    assert ModerationAction.objects.filter(action=ModerationActionKind.UNBLOCK).get().reason == (
        "Apologised."
    )


def test_only_staff_lift_a_block_everywhere(member, moderator, staff):
    block = service.block_member(member, staff, reason="Spam everywhere.")
    with pytest.raises(PermissionDenied):
        service.unblock_member(block, moderator)
    assert service.unblock_member(block, staff).lifted_by == staff


def test_staff_see_every_block_and_moderators_their_spaces(member, moderator, space, staff):
    everywhere = service.block_member(member, staff, reason="Everywhere.")
    here = service.block_member(UserFactory(), moderator, reason="Here.", space=space)
    elsewhere_space = DiscussionSpaceFactory()
    elsewhere = service.block_member(UserFactory(), staff, reason="There.", space=elsewhere_space)
    assert set(service.active_blocks(staff)) == {everywhere, here, elsewhere}
    assert list(service.active_blocks(moderator)) == [here]


def test_the_blocks_list_reads_members_spaces_and_authors_in_one_query(
    member, moderator, space, django_assert_num_queries
):
    service.block_member(member, moderator, reason="Here.", space=space)
    with django_assert_num_queries(1):
        shown = [
            (b.member.display_name, b.space.title, b.created_by.display_name)
            for b in service.active_blocks(moderator)
        ]
    assert shown == [(member.display_name, space.title, moderator.display_name)]


# ---------- First posts wait ----------


def test_without_the_approval_setting_nobody_waits(settings, member):
    del settings.DISCUSSION_FIRST_POSTS_NEED_APPROVAL
    assert posting.needs_approval(member) is False


def test_one_approved_post_is_enough_when_the_number_is_not_set(settings, member, space):
    settings.DISCUSSION_FIRST_POSTS_NEED_APPROVAL = True
    del settings.DISCUSSION_FIRST_POSTS_TO_APPROVE
    assert posting.needs_approval(member) is True
    PostFactory(thread=ThreadFactory(space=space), author=member)
    assert posting.needs_approval(member) is False


def test_only_published_posts_count_towards_approval(settings, member, space):
    settings.DISCUSSION_FIRST_POSTS_NEED_APPROVAL = True
    settings.DISCUSSION_FIRST_POSTS_TO_APPROVE = 1
    thread = ThreadFactory(space=space)
    PostFactory(thread=thread, author=member, status=PostStatus.PENDING)
    PostFactory(thread=thread, author=member, status=PostStatus.HIDDEN)
    assert posting.needs_approval(member) is True


# ---------- Reports ----------


def test_a_report_without_details_keeps_none(post):
    report = service.report_post(post, UserFactory(), reason=ReportReason.SPAM)
    assert Report.objects.get(pk=report.pk).details == ""


def test_a_member_reports_a_post_in_a_members_space():
    members_post = PostFactory(
        thread=ThreadFactory(space=DiscussionSpaceFactory(visibility=SpaceVisibility.MEMBERS))
    )
    report = service.report_post(members_post, UserFactory(), reason=ReportReason.ABUSE)
    assert report.post == members_post


def test_only_published_undeleted_posts_can_be_reported(post, moderator, space):
    waiting = PostFactory(thread=post.thread, status=PostStatus.PENDING)
    with pytest.raises(PermissionDenied):  # the moderator sees it, yet cannot report it
        service.report_post(waiting, moderator, reason=ReportReason.SPAM)
    deleted = PostFactory(thread=post.thread, deleted_at=timezone.now())
    with pytest.raises(PermissionDenied):
        service.report_post(deleted, UserFactory(), reason=ReportReason.SPAM)
    assert not Report.objects.exists()


def test_the_report_refusals_word_for_word(post):
    assert refusal_of(lambda: service.report_post(post, post.author, reason=ReportReason.SPAM)) == (
        "You cannot report your own post.",
        None,
    )
    assert refusal_of(lambda: service.report_post(post, UserFactory(), reason="nonsense")) == (
        "Choose a reason.",
        "reason",
    )


# ---------- Actions on posts ----------


def test_hiding_logs_space_post_author_and_reason(post, moderator, space):
    service.hide_post(post, moderator, reason="Advertising.")
    assert only_log_row() == (
        ModerationActionKind.HIDE,
        moderator,
        space,
        post,
        None,
        post.author,
        "Advertising.",
    )


def test_acting_on_a_post_that_changed_meanwhile_is_refused(post, moderator):
    service.hide_post(post, moderator, reason="Advertising.")
    assert refusal_of(lambda: service.hide_post(post, moderator, reason="Again.")) == (
        "This post has changed meanwhile: nothing was done.",
        None,
    )


def test_restoring_with_a_reason_logs_and_announces_it_but_keeps_no_hidden_reason(
    post, moderator, heard, django_capture_on_commit_callbacks
):
    service.hide_post(post, moderator, reason="Checking.")
    ModerationAction.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        service.restore_post(post, moderator, reason="It was fine.")
    post.refresh_from_db()
    assert (post.status, post.hidden_reason) == (PostStatus.PUBLISHED, "")
    assert only_log_row()[-1] == "It was fine."
    assert heard[-1] == (post.pk, ModerationActionKind.RESTORE, "It was fine.", moderator.pk)


def test_restoring_without_a_reason_logs_and_announces_none(
    post, moderator, heard, django_capture_on_commit_callbacks
):
    service.hide_post(post, moderator, reason="Checking.")
    ModerationAction.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        service.restore_post(post, moderator)
    assert only_log_row()[-1] == ""
    assert heard[-1] == (post.pk, ModerationActionKind.RESTORE, "", moderator.pk)


def test_the_announced_post_comes_with_its_space_and_author(
    post, moderator, django_capture_on_commit_callbacks, django_assert_num_queries
):
    seen = []

    def listener(sender, post, **kwargs):
        with django_assert_num_queries(0):
            seen.append((post.thread.space.title, post.author.display_name))

    # Alone on the signal: the notifications' own receivers would load the relations first.
    with mock.patch.object(post_moderated, "receivers", []):
        post_moderated.connect(listener, sender=Post)
        try:
            with django_capture_on_commit_callbacks(execute=True):
                service.hide_post(post, moderator, reason="Spam.")
        finally:
            post_moderated.disconnect(listener, sender=Post)
    assert seen == [(post.thread.space.title, post.author.display_name)]


@pytest.fixture
def waiting(space):
    old = timezone.now() - timedelta(days=3)
    thread = ThreadFactory(space=space)
    Thread.objects.filter(pk=thread.pk).update(last_activity_at=old)
    return PostFactory(thread=thread, status=PostStatus.PENDING, created_at=old + timedelta(days=1))


def test_approving_logs_the_reason_keeps_no_hidden_reason_and_dates_the_thread(
    waiting, moderator, space
):
    untouched = ThreadFactory(space=space)
    long_ago = timezone.now() - timedelta(days=30)
    Thread.objects.filter(pk=untouched.pk).update(last_activity_at=long_ago)
    service.approve_post(waiting, moderator, reason="Welcome.")
    waiting.refresh_from_db()
    assert (waiting.status, waiting.hidden_reason) == (PostStatus.PUBLISHED, "")
    assert only_log_row() == (
        ModerationActionKind.APPROVE,
        moderator,
        space,
        waiting,
        None,
        waiting.author,
        "Welcome.",
    )
    assert Thread.objects.get(pk=waiting.thread_id).last_activity_at == waiting.created_at
    assert Thread.objects.get(pk=untouched.pk).last_activity_at == long_ago


def test_approving_an_old_post_leaves_a_newer_thread_activity(waiting, moderator):
    recent = timezone.now()
    Thread.objects.filter(pk=waiting.thread_id).update(last_activity_at=recent)
    service.approve_post(waiting, moderator)
    assert Thread.objects.get(pk=waiting.thread_id).last_activity_at == recent
    assert only_log_row()[-1] == ""


def test_rejecting_keeps_the_reason_for_the_author(waiting, moderator):
    service.reject_post(waiting, moderator, reason="Advertising.")
    waiting.refresh_from_db()
    assert (waiting.status, waiting.hidden_reason) == (PostStatus.HIDDEN, "Advertising.")
    assert only_log_row()[0] == ModerationActionKind.REJECT


def test_dismissing_records_who_closed_the_reports_and_logs_it(post, moderator, space):
    service.report_post(post, UserFactory(), reason=ReportReason.OFF_TOPIC)
    service.dismiss_reports(post, moderator, reason="Fine as it is.")
    report = Report.objects.get()
    assert (report.outcome, report.resolved_by) == (ReportOutcome.DISMISSED, moderator)
    assert report.resolved_at is not None
    assert only_log_row() == (
        ModerationActionKind.DISMISS,
        moderator,
        space,
        post,
        None,
        None,
        "Fine as it is.",
    )


def test_dismissing_without_a_reason_logs_none(post, moderator):
    service.dismiss_reports(post, moderator)
    assert only_log_row()[-1] == ""


# ---------- Threads ----------


def test_locking_returns_the_thread_locked_and_logs_it(post, moderator, space):
    thread = service.lock_thread(post.thread, moderator, reason="Heated.")
    assert thread.locked is True
    assert Thread.objects.get(pk=thread.pk).locked is True
    assert only_log_row() == (
        ModerationActionKind.LOCK,
        moderator,
        space,
        None,
        thread,
        None,
        "Heated.",
    )
    ModerationAction.objects.all().delete()
    thread = service.lock_thread(thread, moderator, locked=False)
    assert thread.locked is False
    assert only_log_row()[0::6] == (ModerationActionKind.UNLOCK, "")


# ---------- The queue ----------


def _report(post, times):
    for _time in range(times):
        service.report_post(post, UserFactory(), reason=ReportReason.SPAM)


def test_the_most_reported_post_comes_first_then_the_oldest(space, moderator):
    thread = ThreadFactory(space=space)
    now = timezone.now()
    newer_once = PostFactory(thread=thread, created_at=now - timedelta(hours=1))
    older_once = PostFactory(thread=thread, created_at=now - timedelta(hours=2))
    newest_twice = PostFactory(thread=thread, created_at=now)
    _report(newer_once, 1)
    _report(older_once, 1)
    _report(newest_twice, 2)
    assert list(service.reported_posts(moderator)) == [newest_twice, older_once, newer_once]


def test_waiting_posts_come_oldest_first_and_hidden_ones_newest_first(space, moderator):
    thread = ThreadFactory(space=space)
    now = timezone.now()
    later = PostFactory(thread=thread, status=PostStatus.PENDING, created_at=now)
    earlier = PostFactory(
        thread=thread, status=PostStatus.PENDING, created_at=now - timedelta(hours=1)
    )
    assert list(service.pending_posts(moderator)) == [earlier, later]
    # The newer one is written first, so numbers and dates disagree.
    hidden_new = PostFactory(
        thread=thread, status=PostStatus.HIDDEN, created_at=now + timedelta(hours=1)
    )
    hidden_old = PostFactory(thread=thread, status=PostStatus.HIDDEN, created_at=now)
    assert list(service.hidden_posts(moderator)) == [hidden_new, hidden_old]


def test_posts_at_the_same_moment_are_ordered_by_number(space, moderator):
    thread = ThreadFactory(space=space)
    moment = timezone.now()
    pending = [
        PostFactory(thread=thread, status=PostStatus.PENDING, created_at=moment)
        for _number in range(3)
    ]
    hidden = [
        PostFactory(thread=thread, status=PostStatus.HIDDEN, created_at=moment)
        for _number in range(3)
    ]
    reported = [PostFactory(thread=thread, created_at=moment) for _number in range(3)]
    for row in reported:
        _report(row, 1)
    # Rewrite the first rows last, so the table's own order is not the numbers' order.
    for row in (pending[0], hidden[-1], reported[0]):
        Post.objects.filter(pk=row.pk).update(body=row.body + " ")
    assert list(service.pending_posts(moderator)) == pending
    assert list(service.hidden_posts(moderator)) == hidden[::-1]
    assert list(service.reported_posts(moderator)) == reported


def test_the_queue_counts_only_the_moderators_spaces(space, moderator):
    PostFactory(thread=ThreadFactory(space=space), status=PostStatus.PENDING)
    PostFactory(thread=ThreadFactory(space=DiscussionSpaceFactory()), status=PostStatus.PENDING)
    assert service.queue_counts(moderator) == (0, 1)


def test_a_report_records_its_reason_and_each_post_is_reported_separately(space):
    thread = ThreadFactory(space=space)
    first, second = PostFactory(thread=thread), PostFactory(thread=thread)
    reader = UserFactory()
    service.report_post(first, reader, reason=ReportReason.SPAM)
    service.report_post(second, reader, reason=ReportReason.OTHER, details="Wrong thread.")
    assert list(Report.objects.order_by("pk").values_list("post", "reason", "details")) == [
        (first.pk, ReportReason.SPAM, ""),
        (second.pk, ReportReason.OTHER, "Wrong thread."),
    ]


def test_reporting_twice_and_something_else_without_details_are_refused_word_for_word(post):
    reader = UserFactory()
    assert refusal_of(
        lambda: service.report_post(post, reader, reason=ReportReason.OTHER, details="")
    ) == ("Tell the moderators what is wrong.", "details")
    service.report_post(post, reader, reason=ReportReason.SPAM)
    assert refusal_of(lambda: service.report_post(post, reader, reason=ReportReason.ABUSE)) == (
        "You have already reported this post.",
        None,
    )


def test_a_double_click_counts_the_report_once(post):
    """The second request passes the check while the first one writes (simulated by
    writing the first report just before the second is saved): the database's uniqueness
    stops it, and the member hears the same words as for a report made earlier."""
    reader = UserFactory()

    def first_click_lands_first(sender, instance, **kwargs):
        if instance.pk is None:
            Report.objects.bulk_create([Report(post=post, reporter=reader, reason="spam")])

    pre_save.connect(first_click_lands_first, sender=Report)
    try:
        assert refusal_of(lambda: service.report_post(post, reader, reason=ReportReason.SPAM)) == (
            "You have already reported this post.",
            None,
        )
    finally:
        pre_save.disconnect(first_click_lands_first, sender=Report)


def test_staff_see_the_waiting_posts_of_every_space(staff):
    waiting = PostFactory(
        thread=ThreadFactory(space=DiscussionSpaceFactory()), status=PostStatus.PENDING
    )
    assert list(service.pending_posts(staff)) == [waiting]
    assert service.queue_counts(staff) == (0, 1)
