"""Site chrome every template needs: navigation, footer partners, language direction."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, get_language_bidi
from wagtail.models import Site

from .chrome_cache import cached
from .i18n import localized_list
from .models import FooterText, Organisation, OrganisationKind
from .navigation import MENU_GROUPS, MenuGroup, group_menu, menu_group_of
from .translation_state import set_content_languages
from .visibility import reader_class, visible_pages


def site_chrome(request):
    return {
        "LANGUAGE_BIDI": get_language_bidi(),
        "site_nav": _LazyNav(request),
        "footer_partners": _LazyPartners(request),
        "footer_text": SimpleLazyObject(
            lambda: cached(request, "footer-text", [get_language()], FooterText.for_active_language)
        ),
        # Map tiles: OpenStreetMap unless MAP_TILE_URL names another tile server.
        "MAP_TILE_URL": settings.MAP_TILE_URL,
    }


class _LazyNav:
    """Top-level pages of the home page in the active locale; queried only when a template asks."""

    def __init__(self, request):
        self.request = request
        self._items = None

    def __iter__(self):
        if self._items is None:
            site = Site.find_for_request(self.request)
            self._items = []
            if site is not None:
                # The same for every reader of one class in one language: cached until an
                # editor changes pages or restrictions (cms.chrome_cache).
                self._items = cached(
                    self.request,
                    "nav",
                    [site.pk, get_language(), reader_class(self.request)],
                    lambda: self._compute(site),
                )
        return iter(self._items)

    def _compute(self, site):
        # The active language's home, or the default one where that language has no tree.
        home = site.root_page.localized
        # Each item knows its content language (the menu marks untranslated ones).
        return set_content_languages(visible_pages(home.get_children(), self.request).in_menu())

    @property
    def groups(self):
        """The items in named groups, or None while the menu is short enough to show flat."""
        return group_menu(self)

    @property
    def take_part(self):
        """The menu's "take part" pages (events, calls, workshops, discussions...), in the
        editors' order, whatever the menu's length: the footer lists them too."""
        return MenuGroup(
            "take-part",
            MENU_GROUPS["take-part"],
            [item for item in self if menu_group_of(item) == "take-part"],
        )


class _LazyPartners:
    def __init__(self, request):
        self.request = request
        self._items = None

    def __iter__(self):
        if self._items is None:
            # In the reader's language where translated, else the source language.
            self._items = cached(
                self.request,
                "partners",
                [get_language()],
                lambda: localized_list(
                    Organisation.objects.filter(kind=OrganisationKind.PARTNER).order_by("name")
                ),
            )
        return iter(self._items)
