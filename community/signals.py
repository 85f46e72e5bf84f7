"""What community does when other layers announce something."""

from django.dispatch import Signal, receiver

from cms.signals import language_chosen


@receiver(language_chosen)
def remember_members_language(sender, request, language, **kwargs):
    """A member's switcher choice becomes their preferred language, so emails follow it."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])


# Announced by community.services.ideas after every change of an idea's status, once the
# change is committed: the notification centre shows it in-site.
# Arguments: idea, from_status, to_status, changed_by (a user or None).
idea_status_changed = Signal()

# Announced by community.services.discussions once a post becomes visible to the space's
# readers (a new thread's first post, a reply, or a post approved by a moderator), after the
# transaction commits. Arguments: post. Followers: `post.thread.follower_ids()` (the author
# included; listeners leave them out).
post_published = Signal()
# Announced with post_published for each member named with @ in the post who may read its
# space (never the author). Arguments: post, member.
member_mentioned = Signal()

# Announced by community.services.moderation after a moderator acted on a post (hid, restored,
# approved or rejected it), once committed, so its author hears what happened and why.
# Arguments: post, action (a community.models.ModerationActionKind value), reason (may be
# empty for restore/approve), moderator (the user who acted).
post_moderated = Signal()
