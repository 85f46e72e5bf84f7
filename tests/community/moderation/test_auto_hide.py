"""A post reported by settings.MODERATION_AUTO_HIDE_REPORTS different members is hidden until
a moderator decides: its author is told, the log records it, a member reporting twice counts
once, and a moderator restoring it closes the reports."""

import pytest

from community.discussions.models import PostStatus
from community.members.factories import UserFactory
from community.moderation import services as service
from community.moderation.models import ModerationAction, ModerationActionKind, Report, ReportReason
from community.notifications.models import Notification, NotificationKind

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def threshold(settings):
    settings.MODERATION_AUTO_HIDE_REPORTS = 3
    return 3


def report(post, reporter=None, commit=None):
    reporter = reporter or UserFactory()
    if commit is None:
        return service.report_post(post, reporter, reason=ReportReason.SPAM)
    return commit(service.report_post, post, reporter, reason=ReportReason.SPAM)


def test_reports_from_n_different_members_hide_the_post_and_tell_its_author(post, commit):
    report(post)
    report(post)
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    report(post, commit=commit)
    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN
    assert "several members" in post.hidden_reason
    action = ModerationAction.objects.get()
    assert (action.action, action.moderator, action.post, action.member) == (
        ModerationActionKind.AUTO_HIDE,
        None,
        post,
        post.author,
    )
    told = Notification.objects.get(recipient=post.author, kind=NotificationKind.POST_MODERATED)
    assert told.data["action"] == ModerationActionKind.AUTO_HIDE
    assert "hidden after reports" in told.message_text()
    # The reports stay open: the moderators decide.
    assert Report.objects.open().filter(post=post).count() == 3


def test_one_member_reporting_again_counts_once(post):
    reporter = UserFactory()
    report(post, reporter)
    report(post)
    for _again in range(3):
        with pytest.raises(service.ModerationRefused):
            report(post, reporter)
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert not ModerationAction.objects.exists()


def test_a_moderator_restoring_it_closes_the_reports(post, moderator):
    for _member in range(3):
        report(post)
    service.restore_post(post, moderator, reason="It was fine.")
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert not Report.objects.open().filter(post=post).exists()
    report(post)  # one new report does not hide it again
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED


def test_zero_turns_automatic_hiding_off(post, settings):
    settings.MODERATION_AUTO_HIDE_REPORTS = 0
    for _member in range(5):
        report(post)
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
