"""What happens to ideas, announced for the layers that listen (notifications)."""

from django.dispatch import Signal

# Announced by community.ideas.services after every change of an idea's status, once the
# change is committed: the notification centre shows it in-site.
# Arguments: idea, from_status, to_status, changed_by (a user or None).
idea_status_changed = Signal()

# Announced by community.ideas.services when a call's results are published, once per idea
# whose review ended in a decision: the decision becomes known to its authors then (until
# then it read "under review", community.ideas.permissions.disclosed_status).
# Arguments: idea, status, published_by (a user).
idea_decision_published = Signal()

# Sent by the idea page (community.ideas.views.ideas) so higher capabilities add their section
# to it without ideas importing them: the discussions answer with the idea's conversation.
# Arguments: idea, request. Each receiver returns HTML (a SafeString) or "".
idea_page_requested = Signal()

# Sent by the call page (community.ideas.models.calls.IdeaCallPage.get_context), likewise: the
# partner suggestions answer for the organisers of a call that asks for consortia.
# Arguments: call (the source-language page), request. Each receiver returns HTML or "".
call_page_requested = Signal()
