"""Who may read, post, edit and moderate in the discussions: the one place that decides it.

Every channel asks here: the pages and their lists, the search within discussions, the feed,
the sitemap, the API (which exposes no thread or post) and the notification centre (which
filters recipients with `can_read_space`).

- A public space: anyone reads, signed-in members post.
- A members-only space: signed-in members read and post.
- A private space (a focus group's or a co-design workshop's): the event's confirmed
  participants (approved applicants of a focus group), as the events app counts them
  (`Registration.objects.seated()`), plus the space's moderators and staff.
- Moderators of a space and staff moderate it; authors edit and delete their own posts while
  they may still post there.
- A post waiting for approval or hidden by a moderator is seen by its author and the
  space's moderators only; a thread whose posts are all such, likewise.
- The conversation about an idea (a thread with an idea) is seen only while the idea is open
  to conversation (community.ideas.permissions.discussable_ideas): a withdrawn idea's
  comments leave every channel with it.
"""

from django.db.models import Exists, OuterRef, Q

from community.discussions.models import DiscussionSpace, Post, PostStatus, SpaceVisibility, Thread
from community.ideas.permissions import discussable_ideas
from events.registrations.models import Registration

__all__ = [
    "can_moderate",
    "can_post",
    "can_edit_post",
    "can_read_space",
    "group_event_keys",
    "is_group_member",
    "is_staff",
    "readable_spaces",
    "readers_of",
    "visible_posts",
    "visible_threads",
]


def _is_member(user):
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and not getattr(user, "erased_at", None)
    )


def is_staff(user):
    return _is_member(user) and (user.is_superuser or user.is_staff)


def group_event_keys(user):
    """Translation keys of the events where this member holds a seat (confirmed or attended),
    by the events app's own rule; a queryset, so callers filter in one query."""
    return Registration.objects.seated().filter(user=user).values("event__translation_key")


def is_group_member(user, space):
    if not _is_member(user) or space.event_id is None:
        return False
    return (
        Registration.objects.seated()
        .filter(user=user, event__translation_key=space.event.translation_key)
        .exists()
    )


def _moderates(user, space):
    if not _is_member(user):
        return False
    # Moderator ids may be prefetched (lists of spaces): no query per space then.
    cache = getattr(space, "_prefetched_objects_cache", {})
    if "moderators" in cache:
        return any(moderator.pk == user.pk for moderator in cache["moderators"])
    return space.moderators.filter(pk=user.pk).exists()


def can_moderate(user, space):
    return is_staff(user) or _moderates(user, space)


def can_read_space(user, space):
    if space.visibility == SpaceVisibility.PUBLIC:
        return True
    if not _is_member(user):
        return False
    if space.visibility == SpaceVisibility.MEMBERS:
        return True
    return can_moderate(user, space) or is_group_member(user, space)


def can_post(user, space, thread=None):
    """Start a thread in `space`, or reply to `thread`. Blocks and rate limits are the
    posting rules' (community.discussions.posting), asked by the posting services."""
    if not _is_member(user) or not can_read_space(user, space):
        return False
    if thread is not None and thread.locked:
        return can_moderate(user, space)
    return True


def can_edit_post(user, post, may_post=None):
    """Its author, while they may still post in its space; never once deleted or hidden.

    `may_post`: `can_post(user, space, thread)` already known for the post's thread (a thread
    page asks once for all its posts)."""
    if not _is_member(user) or post.author_id != user.pk:
        return False
    if post.deleted_at is not None or post.status == PostStatus.HIDDEN:
        return False
    if may_post is not None:
        return may_post
    return can_post(user, post.thread.space, post.thread)


def _space_q(user, prefix=""):
    """Q for the spaces this user may read, on a model reaching the space by `prefix`."""
    visibility = f"{prefix}visibility"
    public = Q(**{visibility: SpaceVisibility.PUBLIC})
    if not _is_member(user):
        return public
    if is_staff(user):
        return Q()
    return (
        public
        | Q(**{visibility: SpaceVisibility.MEMBERS})
        | Q(**{f"{prefix}moderators": user})
        | Q(
            **{
                visibility: SpaceVisibility.PRIVATE,
                f"{prefix}event__translation_key__in": group_event_keys(user),
            }
        )
    )


def readers_of(space, members):
    """Of the `members` queryset, those who may read `space`: `can_read_space` for many at once,
    in the same query (the mention autocomplete filters by it)."""
    members = members.filter(is_active=True, erased_at__isnull=True)
    if space.visibility in (SpaceVisibility.PUBLIC, SpaceVisibility.MEMBERS):
        return members
    group = Registration.objects.seated().filter(
        event__translation_key__in=type(space.event)
        .objects.filter(pk=space.event_id)
        .values("translation_key")
    )
    return members.filter(
        Q(is_staff=True)
        | Q(is_superuser=True)
        | Q(pk__in=space.moderators.values("pk"))
        | Q(pk__in=group.values("user_id"))
    )


def readable_spaces(user):
    return DiscussionSpace.objects.filter(
        pk__in=DiscussionSpace.objects.filter(_space_q(user)).values("pk")
    )


def _moderated_space_ids(user):
    return DiscussionSpace.objects.filter(moderators=user).values("pk")


def _post_q(user, prefix=""):
    """Q for the posts (under `prefix`) this reader may see in a readable space: published
    ones, their own whatever their state, all of them where they moderate."""
    published = Q(**{f"{prefix}status": PostStatus.PUBLISHED})
    if not _is_member(user):
        return published
    if is_staff(user):
        return Q()
    return (
        published
        | Q(**{f"{prefix}author": user})
        | Q(**{f"{prefix}thread__space__in": _moderated_space_ids(user)})
    )


def _idea_q(prefix=""):
    """Q for threads (under `prefix`) that are not about an idea, or about one still open to
    conversation: a subquery, no query more."""
    return Q(**{f"{prefix}idea__isnull": True}) | Q(
        **{f"{prefix}idea__in": discussable_ideas().values("pk")}
    )


def visible_threads(user):
    """Threads this user may see: in a readable space, with at least one post they may see."""
    readable = readable_spaces(user).values("pk")
    shown = Post.objects.filter(_post_q(user), thread=OuterRef("pk"))
    return Thread.objects.filter(space__in=readable).filter(_idea_q()).filter(Exists(shown))


def visible_posts(user):
    """Posts this user may see (published, or their own, or in a space they moderate), in a
    space they may read."""
    readable = readable_spaces(user).values("pk")
    return (
        Post.objects.filter(thread__space__in=readable)
        .filter(_idea_q("thread__"))
        .filter(_post_q(user))
    )
