"""What happens to results, announced for the layers that listen (notifications).

Sent by community.results.services.announce once a published revision changed what the
result's followers know. Arguments: result (the source-language page), actor (a user or None),
and `status` (result_status_changed) or `milestone` (result_milestone_added).
"""

from django.dispatch import Signal

result_status_changed = Signal()
result_milestone_added = Signal()
