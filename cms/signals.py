"""Signals the cms layer sends; apps above it (community) listen."""

from django.dispatch import Signal

# Sent when a reader picks a language in the switcher: sender=None, request, language.
language_chosen = Signal()
