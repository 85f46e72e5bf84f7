"""What the apps above cms add to a pilot action's page, under its transfer kit.

cms may not import community, yet a pilot's page offers "Adapt this pilot here". So an app
registers a panel here (from its AppConfig.ready()): `context(request, page)` returns what its
template needs, or None to show nothing; it must run in a fixed number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string

__all__ = ["PilotPanel", "register", "render_panels"]


@dataclass(frozen=True)
class PilotPanel:
    key: str
    context: Callable
    template: str


_REGISTRY: dict[str, PilotPanel] = {}


def register(panel):
    """Add (or replace, for reloads) a panel; called from an app's ready()."""
    _REGISTRY[panel.key] = panel
    return panel


def render_panels(request, page):
    """The registered panels' HTML for this page, in registration order."""
    rendered = []
    for panel in _REGISTRY.values():
        context = panel.context(request, page)
        if context is None:
            continue
        rendered.append(render_to_string(panel.template, {**context, "page": page}, request))
    return rendered
