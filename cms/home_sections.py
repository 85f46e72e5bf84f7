"""The home page's sections: what the apps above cms show of the community at work.

cms may not import events or community, yet the home page shows their open calls, next
events, threads and ideas. So each app registers its sections here (from its AppConfig.ready()),
and the home page's `sections` StreamField lets editors pick registered sections by key, in the
order they want, each with how many items it lists; a section left out of the field is hidden.

A section is:
- `key`: stable, stored in the page's StreamField (renaming it hides the section on every page);
- `label`: its heading, translated at request time;
- `context(request, page, limit)`: what its template needs, asked of the app's own visibility
  rules; returns None when the section has nothing to show on this page (no events index in
  this language tree, say), and then the section is left out. It must run in a fixed number
  of queries whatever `limit` is;
- `template`: rendered with `section` (this object's fields plus `context`'s items).
"""

from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "HomeSection",
    "default_sections",
    "first_visible",
    "register",
    "registered_sections",
    "render_sections",
    "section_choices",
    "shown_models",
]

DEFAULT_LIMIT = 3


def first_visible(request, home, model):
    """The first page of `model` under `home` that this reader may see (the sections' "all
    events", "all calls"... links), or None.

    The rule is `visible_pages`; the answer is kept in the chrome cache (cms.chrome_cache) for
    every reader of the same class until an editor changes a page, so the home page's eight
    such links cost no query on a warm request.
    """
    from cms.chrome_cache import cached
    from cms.visibility import reader_class, visible_pages

    return cached(
        request,
        "first-visible",
        [home.pk, model._meta.label_lower, reader_class(request)],
        lambda: visible_pages(model.objects.descendant_of(home), request).first(),
    )


MAX_LIMIT = 12


@dataclass(frozen=True)
class HomeSection:
    key: str
    label: str
    context: Callable
    template: str
    # Where the section goes among the others on a new home page (lowest first).
    position: int = 100
    # Models ("app_label.Model") whose changes the section shows: saving or deleting one purges
    # the home pages from the page cache (cms/page_cache_invalidation.py). Pages are purged by
    # their own publishing already.
    shows: tuple = ()


def shown_models():
    """Every model label a registered section shows (the home page's `page_cache_lists`)."""
    return tuple(sorted({label for section in _REGISTRY.values() for label in section.shows}))


_REGISTRY: dict[str, HomeSection] = {}


def register(section):
    """Add (or replace, for reloads) a section; called from an app's ready()."""
    _REGISTRY[section.key] = section
    return section


def registered_sections():
    return sorted(_REGISTRY.values(), key=lambda section: (section.position, section.key))


def section_choices():
    """Choices for the editors' block: a callable, so sections registered later still appear."""
    return [(section.key, section.label) for section in registered_sections()]


def default_sections():
    """A new home page's sections: every registered one, in their registered order."""
    return [
        {"type": "section", "value": {"key": section.key, "limit": DEFAULT_LIMIT}}
        for section in registered_sections()
    ]


@dataclass
class RenderedSection:
    key: str
    label: str
    template: str
    context: dict

    def __getattr__(self, name):
        # Templates read `section.items`, `section.more_url`... from the section's context.
        try:
            return self.__dict__["context"][name]
        except KeyError:
            raise AttributeError(name) from None


def render_sections(request, page, blocks):
    """The page's chosen sections, in the editors' order, each with its context; unknown keys
    (an app no longer installed) and sections with nothing to show are left out."""
    rendered = []
    for block in blocks:
        value = block.value
        section = _REGISTRY.get(value.get("key"))
        if section is None:
            continue
        limit = max(1, min(int(value.get("limit") or DEFAULT_LIMIT), MAX_LIMIT))
        context = section.context(request, page, limit)
        if context is None:
            continue
        rendered.append(RenderedSection(section.key, section.label, section.template, context))
    return rendered
