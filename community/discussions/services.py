"""Posting in the discussions: start a thread, reply, edit, delete, mark helpful, follow.

Each action checks permission (community.discussions.permissions) and who may post right now
(community.discussions.posting: blocks, rate limits, approval of new members' first posts),
writes inside one transaction, then announces a post that became visible (`post_published`,
`member_mentioned`) once the transaction has committed.
"""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from community.discussions import posting
from community.discussions.models import (
    DiscussionSpace,
    Helpful,
    Post,
    PostMention,
    PostRevision,
    PostStatus,
    SpaceVisibility,
    Thread,
    ThreadFollow,
)
from community.discussions.permissions import (
    can_edit_post,
    can_moderate,
    can_post,
    can_read_space,
    readers_of,
    visible_posts,
)
from community.discussions.signals import member_mentioned, post_published
from community.members import mentions
from community.members.mentions import mention_text
from community.members.permissions import visible_profiles

__all__ = [
    "PostingRefused",
    "announce_new_mentions",
    "announce_published",
    "create_thread",
    "delete_post",
    "edit_post",
    "ensure_event_space",
    "follow",
    "mention_handle",
    "mention_suggestions",
    "mentioned_members",
    "reply",
    "toggle_helpful",
]


class PostingRefused(Exception):
    """A refused write; `message` is shown beside the field, `field` names it (or None)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def now():
    return timezone.now()


def mention_handle(user):
    """What others type after @ to name this member by hand (the editor inserts
    `mention_text`, which names them by id)."""
    return "@" + user.get_display_name()


def mentioned_members(post):
    """Members named in `post` who may read its space, its author left out."""
    pks = [pk for pk in mentions.member_ids(post.body) if pk != post.author_id]
    if not pks:
        return []
    candidates = get_user_model().objects.filter(pk__in=pks, is_active=True, erased_at__isnull=True)
    space = post.thread.space
    return [member for member in candidates if can_read_space(member, space)]


MAX_SUGGESTIONS = 8


def mention_suggestions(space, reader, query):
    """Up to eight members the reader may name in `space`: display names containing `query`
    (beginning with it first), among those who may read the space, the reader left out.

    Only members whose profile the reader may see are offered (community.members.permissions):
    a hidden profile's name is not given away by the autocomplete. Each is a dict of the id,
    the display name and the text to insert; never an email.
    """
    query = " ".join((query or "").split())[:60]
    if not query or not can_read_space(reader, space):
        return []
    members = (
        readers_of(space, visible_profiles(get_user_model().objects.all(), reader))
        .filter(display_name__icontains=query)
        .exclude(pk=reader.pk)
        .order_by("display_name", "pk")
    )
    # Names beginning with what was typed come first; a few more than shown are read for that.
    found = list(members[: MAX_SUGGESTIONS * 4])
    starts = query.lower()
    found.sort(key=lambda member: not member.display_name.lower().startswith(starts))
    return [
        {"id": member.pk, "name": member.get_display_name(), "insert": mention_text(member)}
        for member in found[:MAX_SUGGESTIONS]
    ]


def _announce_mentions(row):
    """Tell each member newly named in `row` once: a record per post and member means an
    edit, or a second approval, never tells them again."""
    for member in mentioned_members(row):
        _record, created = PostMention.objects.get_or_create(post=row, member=member)
        if created:
            member_mentioned.send(sender=Post, post=row, member=member)


def announce_published(post):
    """Tell listeners a post is visible now, once the transaction commits (also called by the
    moderation service when it approves a waiting post)."""
    pk = post.pk

    def announce():
        row = Post.objects.select_related("thread__space", "author").get(pk=pk)
        post_published.send(sender=Post, post=row)
        _announce_mentions(row)

    transaction.on_commit(announce)


def announce_new_mentions(post):
    """After an edit of a visible post: members it names now, and was not naming before, hear
    of it (once the transaction commits); nobody else is told again."""
    pk = post.pk

    def announce():
        row = Post.objects.select_related("thread__space", "author").get(pk=pk)
        if row.status == PostStatus.PUBLISHED and row.deleted_at is None:
            _announce_mentions(row)

    transaction.on_commit(announce)


def _refuse_unless_allowed(user, space, thread=None):
    if thread is not None and thread.locked and not can_moderate(user, space):
        raise PostingRefused(_("This thread is locked: it takes no new replies."))
    if not can_post(user, space, thread):
        raise PostingRefused(_("You cannot post in this space."))
    refusal = posting.posting_refusal(user, space)
    if refusal:
        raise PostingRefused(refusal, field="body")


def _status_for(user):
    return PostStatus.PENDING if posting.needs_approval(user) else PostStatus.PUBLISHED


def _check_body(body):
    if not strip_tags(mentions.render(body)).strip():
        raise PostingRefused(_("Write a message."), field="body")


def create_thread(space, author, *, title, body, language="", idea=None):
    """A new thread and its first post; the author follows it. `idea`: the thread is that
    idea's conversation (community.discussions.ideas, which checks the idea is open to it)."""
    _refuse_unless_allowed(author, space)
    if not (title or "").strip():
        raise PostingRefused(_("Give the thread a title."), field="title")
    _check_body(body)
    moment = now()
    with transaction.atomic():
        thread = Thread.objects.create(
            space=space,
            title=title.strip(),
            author=author,
            idea=idea,
            created_at=moment,
            last_activity_at=moment,
        )
        post = Post.objects.create(
            thread=thread,
            author=author,
            source=body,
            language=language,
            status=_status_for(author),
            created_at=moment,
        )
        ThreadFollow.objects.get_or_create(thread=thread, user=author)
        if post.status == PostStatus.PUBLISHED:
            announce_published(post)
    return post


def reply(thread, author, *, body, language="", quoted=None):
    """A reply, optionally quoting a post of the same thread the author may see."""
    space = thread.space
    _refuse_unless_allowed(author, space, thread)
    _check_body(body)
    if quoted is not None and (
        quoted.thread_id != thread.pk or not visible_posts(author).filter(pk=quoted.pk).exists()
    ):
        raise PostingRefused(_("The quoted post is not in this thread."))
    moment = now()
    with transaction.atomic():
        thread = Thread.objects.select_for_update().get(pk=thread.pk)
        if thread.locked and not can_moderate(author, space):
            raise PostingRefused(_("This thread is locked: it takes no new replies."))
        post = Post.objects.create(
            thread=thread,
            author=author,
            source=body,
            language=language,
            quoted=quoted,
            status=_status_for(author),
            created_at=moment,
        )
        if post.status == PostStatus.PUBLISHED:
            Thread.objects.filter(pk=thread.pk).update(last_activity_at=moment)
            announce_published(post)
    return post


def edit_post(post, user, *, body, language=None):
    """The author rewrites their post (`body`: the new source): the earlier text is kept for
    moderators; members it names for the first time are told, the others not again."""
    if not can_edit_post(user, post):
        raise PostingRefused(_("You cannot edit this post."))
    _check_body(body)
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        PostRevision.objects.create(
            post=post, source=post.source, body=post.body, language=post.language, edited_by=user
        )
        post.source = body
        if language is not None:
            post.language = language
        post.edited_at = now()
        post.save(update_fields=["source", "body", "language", "edited_at"])
        announce_new_mentions(post)
    return post


def delete_post(post, user):
    """The author removes their words; the post stays as a placeholder so the thread (and
    replies quoting it) still read. The text is kept as a revision for moderators."""
    if post.author_id != user.pk or post.deleted_at is not None:
        raise PostingRefused(_("You cannot delete this post."))
    with transaction.atomic():
        post = Post.objects.select_for_update().get(pk=post.pk)
        PostRevision.objects.create(
            post=post, source=post.source, body=post.body, language=post.language, edited_by=user
        )
        post.source = post.body = ""
        post.deleted_at = now()
        post.save(update_fields=["source", "body", "deleted_at"])
    return post


def toggle_helpful(post, user):
    """Mark (or unmark) a post helpful; returns whether it is marked now. Not one's own."""
    if post.author_id == user.pk:
        raise PostingRefused(_("You cannot mark your own post as helpful."))
    if (
        not can_post(user, post.thread.space)
        or not visible_posts(user)
        .filter(pk=post.pk, status=PostStatus.PUBLISHED, deleted_at__isnull=True)
        .exists()
    ):
        raise PostingRefused(_("You cannot mark this post."))
    deleted, _rows = Helpful.objects.filter(post=post, user=user).delete()
    if deleted:
        return False
    try:
        with transaction.atomic():
            Helpful.objects.create(post=post, user=user)
    except IntegrityError:  # a double click: the first one marked it
        pass
    return True


def follow(thread, user, on=True):
    """Follow or unfollow a thread the member may read."""
    if not can_read_space(user, thread.space) or not user.is_authenticated:
        raise PostingRefused(_("You cannot follow this thread."))
    if on:
        ThreadFollow.objects.get_or_create(thread=thread, user=user)
    else:
        ThreadFollow.objects.filter(thread=thread, user=user).delete()
    return on


# Events whose published page gets a private space for its members.
PRIVATE_SPACE_EVENTS = ("events.FocusGroupPage", "community.CoDesignWorkshopPage")


def ensure_event_space(event):
    """The private space of a focus group or co-design workshop, created on first publish.

    It belongs to the event's registration copy (every language copy shares it); the event's
    organisers moderate it. Returns None for other kinds of event.
    """
    if event.specific_class._meta.label not in PRIVATE_SPACE_EVENTS:
        return None
    target = event.registration_event
    space, created = DiscussionSpace.objects.get_or_create(
        event=target,
        defaults={
            "title": target.title,
            "slug": f"{target.slug}-{target.pk}"[:80],
            "visibility": SpaceVisibility.PRIVATE,
            "description": _("The private space of the members of this group."),
        },
    )
    if created:
        space.moderators.add(*target.organisers.all())
    return space
