"""Where each member stopped reading each thread, and what is new for them since.

A read marker holds the place (created_at, pk) of the last post a member was shown; posts after
it, written by someone else and visible to the member, are their new posts. Viewing a page of a
thread moves the marker to that page's last post, never back (reading page 1 again after page 3
leaves it on page 3), in one write, and only when it moves. Visitors have no markers: nothing
is new for them.
"""

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from community.discussions import posting
from community.discussions.forms import ReplyForm
from community.discussions.models import ReadMarker, reader_section
from community.discussions.permissions import visible_posts, visible_threads

__all__ = [
    "advance",
    "is_after",
    "first_unread",
    "followed_threads",
    "marker_for",
    "unread_count_expression",
    "unread_counts",
]


def marker_for(thread, user):
    """The member's marker for `thread`, or None (never read, or a visitor)."""
    if not user.is_authenticated:
        return None
    return ReadMarker.objects.filter(thread=thread, user=user).first()


def is_after(post, marker):
    """Whether `post` comes after `marker` (True when there is no marker)."""
    if marker is None:
        return True
    return (post.created_at, post.pk) > (marker.post_created_at, marker.post_id_seen)


def advance(thread, user, post, marker=None):
    """Move the member's marker to `post` if that is forward; returns whether it moved.

    `marker`: the member's marker as already read by the caller (saves a query). One write: an
    insert for a first reading, else an update guarded by the order, so two tabs racing can
    only move it forward.
    """
    if not user.is_authenticated or post is None:
        return False
    now = timezone.now()
    if marker is None:
        created = ReadMarker.objects.bulk_create(
            [
                ReadMarker(
                    thread=thread,
                    user=user,
                    post_created_at=post.created_at,
                    post_id_seen=post.pk,
                    updated_at=now,
                )
            ],
            ignore_conflicts=True,  # another tab's first reading came first
        )
        return bool(created)
    if not is_after(post, marker):
        return False
    moved = (
        ReadMarker.objects.filter(pk=marker.pk)
        .filter(
            Q(post_created_at__lt=post.created_at)
            | Q(post_created_at=post.created_at, post_id_seen__lt=post.pk)
        )
        .update(post_created_at=post.created_at, post_id_seen=post.pk, updated_at=now)
    )
    return bool(moved)


def _new_posts(user):
    """The posts that are new for `user`: visible to them, by someone else, after their marker
    in the post's thread (every post of a thread they never opened)."""
    markers = ReadMarker.objects.filter(thread=OuterRef("thread"), user=user)
    return (
        visible_posts(user)
        .exclude(author=user)
        .annotate(
            seen_at=Subquery(markers.values("post_created_at")[:1]),
            seen_pk=Subquery(markers.values("post_id_seen")[:1]),
        )
        .filter(
            Q(seen_at__isnull=True)
            | Q(created_at__gt=F("seen_at"))
            | Q(created_at=F("seen_at"), pk__gt=F("seen_pk"))
        )
    )


def unread_counts(user, thread_ids):
    """{thread id: number of new posts} for the member, for the given threads (absent: none);
    one query whatever their number. Empty for a visitor."""
    thread_ids = list(thread_ids)
    if not user.is_authenticated or not thread_ids:
        return {}
    rows = (
        _new_posts(user)
        .filter(thread_id__in=thread_ids)
        .order_by()
        .values("thread_id")
        .annotate(count=Count("pk"))
    )
    return {row["thread_id"]: row["count"] for row in rows}


def unread_count_expression(user):
    """The same count as `unread_counts`, as an expression to annotate threads with (inside the
    query that lists them)."""
    counted = (
        _new_posts(user)
        .filter(thread=OuterRef("pk"))
        .order_by()
        .values("thread")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted), 0)


def first_unread(thread, user):
    """The first post of `thread` that is new for the member, or None."""
    if not user.is_authenticated:
        return None
    return _new_posts(user).filter(thread=thread).order_by("created_at", "pk").first()


def followed_threads(user):
    """The threads the member follows and may still read, those with new posts first (then the
    latest active), each with `unread_count`, `first_unread_url`, and, where the member may
    reply now, `reply_url` and a blank `reply_form` (ids of its own, several share a page);
    `reply_refusal` says why not otherwise. A fixed number of queries whatever their number
    ("My participation")."""
    if not user.is_authenticated:
        return []
    threads = list(
        visible_threads(user)
        .filter(follows__user=user)
        .select_related("space")
        .annotate(
            unread_count=unread_count_expression(user),
            blocked=posting.blocked_in_space(user),
        )
        .order_by("-last_activity_at", "-pk")
    )
    if not threads:
        return []
    section = reader_section()
    for thread in threads:
        thread.first_unread_url = thread.reply_url = ""
        thread.reply_form = None
        thread.reply_refusal = ""
        if section is not None:
            base = section.url
            thread.first_unread_url = base + section.reverse_subpage(
                "first_unread", args=[thread.pk]
            )
            thread.reply_url = base + section.reverse_subpage("reply", args=[thread.pk])
        if thread.locked:
            thread.reply_refusal = _("This thread is locked: it takes no new replies.")
        elif thread.blocked:
            thread.reply_refusal = _("A moderator has blocked you from posting here.")
        elif thread.reply_url:
            thread.reply_form = ReplyForm(auto_id=f"thread-{thread.pk}-%s")
    threads.sort(key=lambda thread: thread.unread_count == 0)
    return threads
