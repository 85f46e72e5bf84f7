"""Ideas as conversations: an idea open to conversation
(community.ideas.permissions.can_discuss_idea) gets a thread in the public "ideas" space with
its first comment. Everything else is the discussions' own: who may post (permissions and
posting rules), moderation, notifications (the idea's followers and authors follow its
thread: `Thread.follower_ids`), and who may see the thread (`visible_threads` drops it
while the idea is not open to conversation).

The idea page asks for its conversation with `idea_page_requested` (community.ideas.signals):
community.discussions.views.idea_conversation answers.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from community.discussions import services
from community.discussions.models import DiscussionSpace, SpaceVisibility, Thread
from community.ideas.follows import author_ids
from community.ideas.permissions import can_discuss_idea

__all__ = ["IDEAS_SPACE_SLUG", "comment_on_idea", "idea_thread", "ideas_space", "mark_authors"]

IDEAS_SPACE_SLUG = "ideas"


def ideas_space():
    """The public space holding every idea's conversation, created with the first comment;
    its moderators (and staff) moderate the ideas' comments."""
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    space, _created = DiscussionSpace.objects.get_or_create(
        slug=IDEAS_SPACE_SLUG,
        defaults={
            "title": _("Ideas"),
            "description": _("Conversations about the ideas submitted to our calls."),
            "visibility": SpaceVisibility.PUBLIC,
            "content_language": language
            if language in dict(settings.LANGUAGES)
            else settings.LANGUAGE_CODE,
        },
    )
    return space


def idea_thread(idea):
    """The idea's conversation, or None before its first comment."""
    return Thread.objects.filter(idea=idea).select_related("space").first()


def comment_on_idea(idea, author, *, body, language=""):
    """A comment on `idea`: the first opens its thread (titled like the idea), the next ones
    reply to it. Refused (PostingRefused) for an idea not open to conversation; the posting
    rules (locks, blocks, rate limit, approval of first posts) are the services' as always."""
    if not can_discuss_idea(idea):
        raise services.PostingRefused(_("This idea is not open to comments."))
    thread = idea_thread(idea)
    if thread is None:
        try:
            with transaction.atomic():
                return services.create_thread(
                    ideas_space(), author, title=idea.title, body=body, language=language, idea=idea
                )
        except IntegrityError:  # another first comment opened the thread meanwhile
            thread = idea_thread(idea)
    return services.reply(thread, author, body=body, language=language)


def mark_authors(thread, posts):
    """Set `by_idea_author` on each post written by the idea's author or a co-author (one
    query), so the thread shows their replies as the author's. Not for a call reviewed
    anonymously: its idea page names no author, and the marker would."""
    idea = thread.idea if thread.idea_id else None
    ids = author_ids(idea) if idea is not None and not idea.call.anonymised_review else set()
    for post in posts:
        post.by_idea_author = post.author_id in ids
    return posts
