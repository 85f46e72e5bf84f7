"""What moderators did, announced for the layers that listen (notifications)."""

from django.dispatch import Signal

# Announced by community.moderation.services after a moderator acted on a post (hid, restored,
# approved or rejected it), once committed, so its author hears what happened and why.
# Arguments: post, action (a community.moderation.models.ModerationActionKind value), reason (may be
# empty for restore/approve), moderator (the user who acted).
post_moderated = Signal()
