"""What organisations ask of the capabilities above them, which listen and answer."""

from django.dispatch import Signal

# Sent while an organisation's public page gathers what the network did with it. Receivers in
# higher capabilities (ideas) answer with a dict of context entries, e.g. {"ideas": [...]},
# each already filtered by their own visibility rule. Arguments: organisation, request.
activity_requested = Signal()
