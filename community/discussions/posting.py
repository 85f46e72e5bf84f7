"""Who may post right now: posting blocks, the per-member rate limit, first-post approval.

The posting services ask `posting_refusal(user, space)` just before they write: a block in
force (written by moderators, community.moderation) or the per-member rate limit
(settings.DISCUSSION_POST_RATE, counted atomically on the shared cache, cms/rate_limits.py) refuses
with a message for the member; `needs_approval(user)` says whether their post waits for a
moderator (settings.DISCUSSION_FIRST_POSTS_NEED_APPROVAL and DISCUSSION_FIRST_POSTS_TO_APPROVE).
"""

import math

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms import rate_limits
from community.discussions.models import DiscussionSpace, MemberBlock, Post, PostStatus
from community.discussions.permissions import can_moderate, is_staff

__all__ = ["block_message", "block_refusal", "needs_approval", "parse_rate", "posting_refusal"]

DEFAULT_POST_RATE = "5/m"
DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """ "5/m" -> (5, 60.0); "20/10m" -> (20, 600.0); "" or None -> None (no limit)."""
    if not rate:
        return None
    amount, duration = rate.split("/")
    unit = duration[-1]
    count = float(duration[:-1] or 1)
    return int(amount), count * DURATION_UNITS[unit]


def _rate_key(user):
    return f"osc:rl:discussion-post:{user.pk}"


def _consume_post_rate(user):
    """Count a posting attempt; return the seconds to wait if over the limit, else 0.

    Counted atomically per fixed window in the default cache (shared between app servers in
    production): parallel replies cannot all read the same count (cms/rate_limits.py).
    """
    rate = parse_rate(getattr(settings, "DISCUSSION_POST_RATE", DEFAULT_POST_RATE))
    if rate is None:
        return 0
    amount, duration = rate
    return rate_limits.consume(_rate_key(user), amount, duration)


def _wait_message(seconds):
    if seconds < 120:
        return ngettext(
            "You are posting faster than the discussions allow. You can post again in "
            "%(count)d second.",
            "You are posting faster than the discussions allow. You can post again in "
            "%(count)d seconds.",
            seconds,
        ) % {"count": seconds}
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "You are posting faster than the discussions allow. You can post again in "
        "%(count)d minute.",
        "You are posting faster than the discussions allow. You can post again in "
        "%(count)d minutes.",
        minutes,
    ) % {"count": minutes}


def block_message(block):
    if block.until is None:
        return _("A moderator has blocked you from posting here for good. Reason: %(reason)s") % {
            "reason": block.reason
        }
    until = formats.date_format(timezone.localtime(block.until), "DATETIME_FORMAT")
    return _(
        "A moderator has blocked you from posting here until %(until)s. Reason: %(reason)s"
    ) % {"until": until, "reason": block.reason}


def block_refusal(user, space):
    """The message of a moderators' block keeping `user` from posting in `space`, or None.

    Only blocks: pages ask it to show the block before the member writes, and asking must not
    count against the rate limit (posting_refusal does that, once, when they post).
    """
    if not user.is_authenticated:
        return None
    block = (
        MemberBlock.objects.in_force()
        .covering(space)
        .filter(member=user)
        .order_by(F("until").asc(nulls_first=True))  # a block for good says most
        .first()
    )
    return block_message(block) if block is not None else None


def blocked_in_space(user, space_ref="space"):
    """An expression for querysets of threads (or anything with a space): whether a block in
    force keeps `user` from posting in the row's space, so a page offering reply forms in many
    spaces asks in the same query that lists them."""
    return Exists(
        MemberBlock.objects.in_force()
        .filter(member=user)
        .filter(Q(space__isnull=True) | Q(space=OuterRef(space_ref)))
    )


def posting_refusal(user, space):
    """Why `user` may not post in `space` right now, or None.

    Asking counts as an attempt for the rate limit (like allauth's `consume`): the posting
    services ask once, just before they write.
    """
    refusal = block_refusal(user, space)
    if refusal:
        return refusal
    if can_moderate(user, space):
        return None
    wait = _consume_post_rate(user)
    if wait:
        return _wait_message(wait)
    return None


def needs_approval(user):
    """True while the setting asks for it and the member has fewer approved posts than
    DISCUSSION_FIRST_POSTS_TO_APPROVE; staff and moderators never wait."""
    if not getattr(settings, "DISCUSSION_FIRST_POSTS_NEED_APPROVAL", False):
        return False
    if is_staff(user) or DiscussionSpace.objects.filter(moderators=user).exists():
        return False
    required = getattr(settings, "DISCUSSION_FIRST_POSTS_TO_APPROVE", 1)
    approved = Post.objects.filter(author=user, status=PostStatus.PUBLISHED)[:required].count()
    return approved < required
