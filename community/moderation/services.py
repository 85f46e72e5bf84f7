"""Moderation: members' reports, and what moderators do.

- Members report posts they may read (`report_post`); a post reported by
  settings.MODERATION_AUTO_HIDE_REPORTS different members is hidden until a moderator decides
  (its reports stay open in the queue; its author is told; the log says so).
- Moderators of the post's space and staff hide, restore, approve, reject, lock, block; each
  action checks that on the server (`can_moderate`), writes inside one transaction, logs a
  ModerationAction and, for posts, announces `post_moderated` once committed so the author
  hears what happened and why.
- Who may post right now (blocks in force, the rate limit, first-post approval) is the
  discussions' own question (community.discussions.posting); moderators write the blocks it reads.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from community.discussions import services as discussions
from community.discussions.models import DiscussionSpace, MemberBlock, Post, PostStatus, Thread
from community.discussions.permissions import can_moderate, is_staff, visible_posts
from community.moderation.models import (
    ModerationAction,
    ModerationActionKind,
    Report,
    ReportOutcome,
    ReportReason,
)
from community.moderation.signals import post_moderated
from community.moderation.targets import registered_models, spec_for

__all__ = [
    "ModerationRefused",
    "active_blocks",
    "auto_hide_threshold",
    "approve_post",
    "block_member",
    "dismiss_reports",
    "dismiss_target_reports",
    "hidden_posts",
    "hide_post",
    "lock_thread",
    "moderated_spaces",
    "pending_posts",
    "queue_counts",
    "reject_post",
    "remove_target",
    "report_post",
    "report_target",
    "reported_posts",
    "reported_targets",
    "restore_post",
    "unblock_member",
]


class ModerationRefused(Exception):
    """An action that cannot be done as asked; `message` is shown to the person."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


# ---------- Members report ----------


def _check_reason(reason, details):
    if reason not in ReportReason.values:
        raise ModerationRefused(_("Choose a reason."), field="reason")
    if reason == ReportReason.OTHER and not (details or "").strip():
        raise ModerationRefused(_("Tell the moderators what is wrong."), field="details")


def report_post(post, reporter, *, reason, details=""):
    """A member flags a post they may read (not their own); once per post."""
    readable = visible_posts(reporter).filter(
        pk=post.pk, status=PostStatus.PUBLISHED, deleted_at__isnull=True
    )
    if not reporter.is_authenticated or not readable.exists():
        raise PermissionDenied
    if post.author_id == reporter.pk:
        raise ModerationRefused(_("You cannot report your own post."))
    _check_reason(reason, details)
    if Report.objects.filter(post=post, reporter=reporter).exists():
        raise ModerationRefused(_("You have already reported this post."))
    try:
        with transaction.atomic():
            report = Report.objects.create(
                post=post, reporter=reporter, reason=reason, details=details
            )
            _hide_when_reported_enough(post)
    except IntegrityError:  # a double click: the first one counted
        raise ModerationRefused(_("You have already reported this post.")) from None
    return report


def auto_hide_threshold():
    """How many different members' open reports hide a post (0: never)."""
    return max(int(getattr(settings, "MODERATION_AUTO_HIDE_REPORTS", 0) or 0), 0)


def _hide_when_reported_enough(post):
    """Hide a published post once enough different members reported it and no moderator has
    decided yet. Reports are one per member and post (a constraint), so counting them counts
    members; the post row is locked so parallel reports hide it once."""
    threshold = auto_hide_threshold()
    if not threshold:
        return
    if Report.objects.open().filter(post=post).count() < threshold:
        return
    post = _locked_post(post)
    if post.status != PostStatus.PUBLISHED or post.deleted_at is not None:
        return
    reason = _(
        "Hidden automatically after reports from several members, until a moderator decides."
    )
    post.status = PostStatus.HIDDEN
    post.hidden_reason = reason
    post.save(update_fields=["status", "hidden_reason"])
    _log(
        None,
        ModerationActionKind.AUTO_HIDE,
        space=post.thread.space,
        post=post,
        member=post.author,
        reason=reason,
    )
    _announce(post, ModerationActionKind.AUTO_HIDE, reason, None)


def _target_reports(target):
    return Report.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    )


def report_target(target, reporter, *, reason, details=""):
    """A member flags a registered target (community.moderation.targets), once each. Whether
    they may read it is the target's own capability's question, asked before calling this."""
    if spec_for(target) is None:
        raise ValueError(f"{target._meta.label} is not registered as reportable")
    _check_reason(reason, details)
    if _target_reports(target).filter(reporter=reporter).exists():
        raise ModerationRefused(_("You have already reported this."))
    try:
        with transaction.atomic():
            return Report.objects.create(
                target=target, reporter=reporter, reason=reason, details=details
            )
    except IntegrityError:  # a double click: the first one counted
        raise ModerationRefused(_("You have already reported this.")) from None


def forget_target_reports(model, ids):
    """Delete the reports about rows of `model` that are deleted (a generic relation is not
    followed by deletion)."""
    if ids:
        Report.objects.filter(
            target_type=ContentType.objects.get_for_model(model), target_id__in=list(ids)
        ).delete()


def already_reported(target, reporter):
    return _target_reports(target).filter(reporter=reporter).exists()


# ---------- Moderators act ----------


def _require_moderator(user, space):
    if not can_moderate(user, space):
        raise PermissionDenied


def _require_reason(reason):
    if not (reason or "").strip():
        raise ModerationRefused(_("Give a reason: the member will see it."), field="reason")


def _log(moderator, action, *, space, post=None, thread=None, member=None, reason=""):
    return ModerationAction.objects.create(
        moderator=moderator,
        action=action,
        space=space,
        post=post,
        thread=thread,
        member=member,
        reason=reason or "",
    )


def _announce(post, action, reason, moderator):
    pk = post.pk

    def send():
        row = Post.objects.select_related("thread__space", "author").get(pk=pk)
        post_moderated.send(
            sender=Post, post=row, action=action, reason=reason, moderator=moderator
        )

    transaction.on_commit(send)


def _resolve_reports(post, moderator, outcome):
    Report.objects.open().filter(post=post).update(
        resolved_by=moderator, resolved_at=timezone.now(), outcome=outcome
    )


def _locked_post(post):
    return Post.objects.select_for_update().select_related("thread__space").get(pk=post.pk)


def _change_post(post, moderator, *, allowed_from, to_status, action, reason, outcome=None):
    space = post.thread.space
    _require_moderator(moderator, space)
    with transaction.atomic():
        post = _locked_post(post)
        if post.status not in allowed_from:
            raise ModerationRefused(_("This post has changed meanwhile: nothing was done."))
        post.status = to_status
        post.hidden_reason = reason if to_status == PostStatus.HIDDEN else ""
        post.save(update_fields=["status", "hidden_reason"])
        if outcome:
            _resolve_reports(post, moderator, outcome)
        _log(moderator, action, space=space, post=post, member=post.author, reason=reason)
        _announce(post, action, post.hidden_reason or reason, moderator)
    return post


def hide_post(post, moderator, *, reason):
    """Hide a published post from readers; its author still sees it, with the reason."""
    _require_reason(reason)
    return _change_post(
        post,
        moderator,
        allowed_from={PostStatus.PUBLISHED},
        to_status=PostStatus.HIDDEN,
        action=ModerationActionKind.HIDE,
        reason=reason,
        outcome=ReportOutcome.POST_HIDDEN,
    )


def restore_post(post, moderator, *, reason=""):
    """Show a hidden post again. Its open reports are closed as needing no action: a post
    hidden automatically by reports waits for exactly this decision (or for the reports to
    be dismissed, which leaves it hidden)."""
    return _change_post(
        post,
        moderator,
        allowed_from={PostStatus.HIDDEN},
        to_status=PostStatus.PUBLISHED,
        action=ModerationActionKind.RESTORE,
        reason=reason,
        outcome=ReportOutcome.DISMISSED,
    )


def approve_post(post, moderator, *, reason=""):
    """A waiting post becomes visible, and is announced like any new post."""
    with transaction.atomic():
        post = _change_post(
            post,
            moderator,
            allowed_from={PostStatus.PENDING},
            to_status=PostStatus.PUBLISHED,
            action=ModerationActionKind.APPROVE,
            reason=reason,
        )
        Thread.objects.filter(pk=post.thread_id, last_activity_at__lt=post.created_at).update(
            last_activity_at=post.created_at
        )
        discussions.announce_published(post)
    return post


def reject_post(post, moderator, *, reason):
    """A waiting post is not published; its author sees why."""
    _require_reason(reason)
    return _change_post(
        post,
        moderator,
        allowed_from={PostStatus.PENDING},
        to_status=PostStatus.HIDDEN,
        action=ModerationActionKind.REJECT,
        reason=reason,
    )


def dismiss_reports(post, moderator, *, reason=""):
    """The post stays as it is; its open reports are closed."""
    space = post.thread.space
    _require_moderator(moderator, space)
    with transaction.atomic():
        _resolve_reports(post, moderator, ReportOutcome.DISMISSED)
        _log(moderator, ModerationActionKind.DISMISS, space=space, post=post, reason=reason)


def _require_staff(user):
    if not is_staff(user):
        raise PermissionDenied


def dismiss_target_reports(target, moderator, *, reason=""):
    """A reported target stays as it is; its open reports are closed (staff only)."""
    _require_staff(moderator)
    with transaction.atomic():
        _target_reports(target).open().update(
            resolved_by=moderator, resolved_at=timezone.now(), outcome=ReportOutcome.DISMISSED
        )
        _log(moderator, ModerationActionKind.DISMISS, space=None, reason=reason)


def remove_target(target, moderator, *, reason):
    """Remove a reported target from its readers' view (what that means is the target's own:
    community.moderation.targets); its reports are closed (staff only)."""
    _require_staff(moderator)
    _require_reason(reason)
    spec = spec_for(target)
    with transaction.atomic():
        spec.remove(target, moderator, reason)
        _target_reports(target).open().update(
            resolved_by=moderator, resolved_at=timezone.now(), outcome=ReportOutcome.REMOVED
        )
        author = spec.describe(target).get("author")
        _log(moderator, ModerationActionKind.REMOVE, space=None, member=author, reason=reason)


def lock_thread(thread, moderator, *, locked=True, reason=""):
    """Lock (or unlock) a thread: a locked one takes no new replies."""
    space = thread.space
    _require_moderator(moderator, space)
    with transaction.atomic():
        Thread.objects.filter(pk=thread.pk).update(locked=locked)
        thread.locked = locked
        action = ModerationActionKind.LOCK if locked else ModerationActionKind.UNLOCK
        _log(moderator, action, space=space, thread=thread, reason=reason)
    return thread


def block_member(member, moderator, *, reason, until=None, space=None):
    """Stop `member` posting until `until` (None: for good), in `space` or (staff only)
    everywhere."""
    if space is None:
        if not is_staff(moderator):
            raise PermissionDenied
    else:
        _require_moderator(moderator, space)
    _require_reason(reason)
    if member.pk == moderator.pk:
        raise ModerationRefused(_("You cannot block yourself."))
    if is_staff(member) and not is_staff(moderator):
        raise ModerationRefused(_("Only staff can block a member of staff."))
    if until is not None and until <= timezone.now():
        raise ModerationRefused(_("Choose a time in the future."), field="until")
    with transaction.atomic():
        block = MemberBlock.objects.create(
            member=member, space=space, reason=reason, until=until, created_by=moderator
        )
        _log(moderator, ModerationActionKind.BLOCK, space=space, member=member, reason=reason)
    return block


def unblock_member(block, moderator, *, reason=""):
    if block.space_id is None:
        if not is_staff(moderator):
            raise PermissionDenied
    else:
        _require_moderator(moderator, block.space)
    with transaction.atomic():
        MemberBlock.objects.filter(pk=block.pk, lifted_at__isnull=True).update(
            lifted_at=timezone.now(), lifted_by=moderator
        )
        _log(
            moderator,
            ModerationActionKind.UNBLOCK,
            space=block.space,
            member=block.member,
            reason=reason,
        )
    block.refresh_from_db()
    return block


# ---------- The queue ----------


def moderated_spaces(user):
    """The spaces `user` moderates: every space for staff."""
    if is_staff(user):
        return DiscussionSpace.objects.all()
    if not user.is_authenticated:
        return DiscussionSpace.objects.none()
    return DiscussionSpace.objects.filter(moderators=user)


def _queue_posts(user):
    return Post.objects.filter(
        thread__space__in=moderated_spaces(user).values("pk")
    ).select_related("thread__space", "author")


def reported_posts(user):
    """Posts with open reports in the spaces `user` moderates, most reported first, each
    with its open reports (and their reporters) prefetched: a constant number of queries."""
    open_reports = Report.objects.open().select_related("reporter").order_by("created_at")
    return (
        _queue_posts(user)
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
        .filter(open_reports__gt=0)
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_report_list"))
        .order_by("-open_reports", "created_at", "pk")
    )


def _open_target_reports():
    types = ContentType.objects.get_for_models(*registered_models()).values()
    return Report.objects.open().filter(target_type__in=[t.pk for t in types])


def reported_targets(user):
    """Staff only: registered targets (private messages) with open reports, oldest first, each
    as {"target", "description", "reports"}; a constant number of queries."""
    if not is_staff(user):
        return []
    reports = list(
        _open_target_reports()
        .select_related("reporter", "target_type")
        .prefetch_related("target")
        .order_by("created_at", "pk")
    )
    grouped = {}
    for report in reports:
        if report.target is None:  # removed since; nothing left to look at
            continue
        key = (report.target_type_id, report.target_id)
        if key not in grouped:
            grouped[key] = {
                "target": report.target,
                "content_type": report.target_type,
                "description": spec_for(report.target).describe(report.target),
                "reports": [],
            }
        grouped[key]["reports"].append(report)
    return list(grouped.values())


def pending_posts(user):
    """Posts waiting for approval in the spaces `user` moderates, oldest first."""
    return _queue_posts(user).filter(status=PostStatus.PENDING).order_by("created_at", "pk")


def hidden_posts(user):
    return _queue_posts(user).filter(status=PostStatus.HIDDEN).order_by("-created_at", "-pk")


def active_blocks(user):
    """Blocks in force that `user` may lift: their spaces' own, and all of them for staff."""
    blocks = MemberBlock.objects.in_force().select_related("member", "space", "created_by")
    if is_staff(user):
        return blocks
    return blocks.filter(space__in=moderated_spaces(user).values("pk"))


def queue_counts(user):
    """(open reports, posts waiting for approval) in the spaces `user` moderates."""
    spaces = moderated_spaces(user).values("pk")
    reports = Report.objects.open().filter(post__thread__space__in=spaces).count()
    if is_staff(user):
        reports += _open_target_reports().count()
    pending = Post.objects.filter(thread__space__in=spaces, status=PostStatus.PENDING).count()
    return reports, pending
