"""What happens in discussions, announced for the layers that listen (notifications)."""

from django.dispatch import Signal

# Announced by community.discussions.services once a post becomes visible to the space's
# readers (a new thread's first post, a reply, or a post approved by a moderator), after the
# transaction commits. Arguments: post. Followers: `post.thread.follower_ids()` (the author
# included; listeners leave them out).
post_published = Signal()
# Announced with post_published for each member named with @ in the post who may read its
# space (never the author). Arguments: post, member.
member_mentioned = Signal()
