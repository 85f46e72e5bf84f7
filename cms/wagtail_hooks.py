"""Admin for the shared snippets, grouped in one menu, and the footer text under Settings."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_explorer
from .admin_chooser import chooser_pages
from .models import Country, FooterText, Organisation, Person, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "globe"
    list_display = ["name", "code"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "helix", "country"]
    list_filter = ["kind", "helix"]
    search_fields = ["name", "short_name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "role", "organisation"]
    search_fields = ["name"]


class NetworkViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Network")
    menu_icon = "site"
    menu_order = 300
    items = [OrganisationViewSet, PersonViewSet, TopicViewSet, CountryViewSet]


register_snippet(NetworkViewSetGroup)


class FooterTextViewSet(SnippetViewSet):
    """Beside Site settings: one footer text per language, translated with wagtail-localize."""

    model = FooterText
    icon = "doc-full"
    menu_label = _("Footer text")
    add_to_settings_menu = True
    list_display = ["__str__", "funding_statement"]


register_snippet(FooterTextViewSet)

# The open-data section registers its own snippets (tools, directory).
from .opendata import admin as opendata_admin  # noqa: E402, F401


@hooks.register("register_admin_viewset")
def page_explorer_of_pages_the_user_may_see():
    """Replaces Wagtail's base page viewset (registered with order -1) for every page type
    without its own: the explorer and page search list what the chooser lists
    (cms/admin_explorer.py)."""
    return admin_explorer.PageViewSet()


@hooks.register("construct_explorer_page_queryset")
def only_explorer_pages_the_user_may_see(parent_page, pages, request):
    """The explorer menu's API and the explorer's own search (cms/admin_explorer.py)."""
    return chooser_pages(pages, request)


@hooks.register("construct_page_chooser_queryset")
def only_pages_the_user_may_see(pages, request):
    """The chooser's listings and search (cms/admin_chooser.py says who sees what)."""
    return chooser_pages(pages, request)


@hooks.register("before_serve_page")
def remember_the_served_page(page, request, serve_args, serve_kwargs):
    # The page cache stores only pages' answers, and checks the page's view restrictions.
    from cms.page_cache import mark_page

    mark_page(request, page)
