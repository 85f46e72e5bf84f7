"""The admin's page explorer lists only pages its user may see, by the chooser's rule.

Wagtail's explorer (`/admin/pages/`, `/admin/pages/<id>/`, their search and filters, the page
search `/admin/pages/search/`, the explorer menu's API and the breadcrumbs above every page
view) shows the titles of every page under the part of the tree a contributor, reviewer or
moderator may work in: drafts of others and pages restricted to groups they are not in. Here
they see what the page chooser shows them (`cms.admin_chooser.chooser_pages`: what a reader
with their account may see, plus the pages they may publish and those they own).

- The listings and searches ask Wagtail's permission policy for the explorable pages; the views
  here get a policy that narrows that set (`_SeenPagesPolicy`). The page viewset that serves
  them replaces Wagtail's base one (cms/wagtail_hooks.py).
- The page a listing opens on shows its title in the header: refused (404) like a listed one.
- The explorer menu's API goes through `construct_explorer_page_queryset` (cms/wagtail_hooks.py).
- The breadcrumbs leave out the ancestors the user may not see (`install()`, from cms/apps.py:
  Wagtail builds them in a template tag that no hook reaches).
"""

import copy

from django.http import Http404
from django.urls import NoReverseMatch, reverse
from django.utils.functional import cached_property
from wagtail.admin.templatetags import wagtailadmin_tags
from wagtail.admin.ui.tables.pages import ParentPageColumn
from wagtail.admin.views.pages import listing, search
from wagtail.admin.viewsets.pages import PageViewSet as WagtailPageViewSet
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.admin_chooser import chooser_pages

__all__ = ["ExplorableIndexView", "PageViewSet", "SearchView", "install", "seen_breadcrumbs"]


class _SeenPagesPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with the explorable pages narrowed to those the user may see."""

    def __init__(self, request):
        super().__init__()
        self.request = request

    def explorable_instances(self, user):
        return chooser_pages(super().explorable_instances(user), self.request)


class _SeenParentColumn(ParentPageColumn):
    """The parent column, empty where the parent is a page the user may not see."""

    def get_value(self, instance):
        if getattr(instance, "parent_is_hidden", False):
            return None
        return super().get_value(instance)


class _SeenPagesMixin:
    @cached_property
    def permission_policy(self):
        return _SeenPagesPolicy(self.request)

    @cached_property
    def columns(self):
        columns = []
        for column in super().columns:
            if isinstance(column, ParentPageColumn):
                column = copy.copy(column)
                column.__class__ = _SeenParentColumn
            columns.append(column)
        return columns

    def get_context_data(self, **kwargs):
        # Search results name each page's parent (a column, or beside the title): a visible
        # page may sit under a draft or restricted one.
        context = super().get_context_data(**kwargs)
        pages = list(context["object_list"])
        parents = Page.objects.filter(
            path__in={page.path[: -Page.steplen] for page in pages if page.depth > 1}
        )
        seen = set(chooser_pages(parents, self.request).values_list("path", flat=True))
        for page in pages:
            if page.depth > 1 and page.path[: -Page.steplen] not in seen:
                page.parent_is_hidden = True
                page.annotated_parent_page = None
        return context


class ExplorableIndexView(_SeenPagesMixin, listing.ExplorableIndexView):
    def get(self, request, parent_page_id=None):
        if parent_page_id and not chooser_pages(Page.objects.filter(pk=parent_page_id), request):
            raise Http404
        return super().get(request, parent_page_id)


class SearchView(_SeenPagesMixin, search.SearchView):
    pass


class PageViewSet(WagtailPageViewSet):
    index_view_class = ExplorableIndexView
    search_view_class = SearchView


def seen_breadcrumbs(items, page, request, url_name, include_self):
    """`items` (breadcrumbs for `page`) without the ancestors `request.user` may not see."""
    ancestors = page.get_ancestors(inclusive=include_self)
    hidden = ancestors.exclude(pk__in=chooser_pages(ancestors, request).values("pk"))
    hidden_urls = set()
    for pk in hidden.values_list("pk", flat=True):
        try:
            hidden_urls.add(reverse(url_name, args=(pk,)))
        except NoReverseMatch:
            continue
    return [item for item in items if item.get("url", "").split("?")[0] not in hidden_urls]


_wagtail_page_breadcrumbs = wagtailadmin_tags.page_breadcrumbs


def _page_breadcrumbs(
    context,
    page,
    url_name,
    url_root_name=None,
    include_self=True,
    is_expanded=False,
    querystring_value="",
    trailing_breadcrumb_title=None,
    classname=None,
    icon_name=None,
):
    result = _wagtail_page_breadcrumbs(
        context,
        page,
        url_name,
        url_root_name=url_root_name,
        include_self=include_self,
        is_expanded=is_expanded,
        querystring_value=querystring_value,
        trailing_breadcrumb_title=trailing_breadcrumb_title,
        classname=classname,
        icon_name=icon_name,
    )
    result["items"] = seen_breadcrumbs(
        result["items"], page, context["request"], url_name, include_self
    )
    return result


def install():
    """Put the filtered breadcrumbs in place of Wagtail's `page_breadcrumbs` tag (templates
    compile their tags on first use, after the apps are ready)."""
    wagtailadmin_tags.register.inclusion_tag(
        "wagtailadmin/shared/breadcrumbs.html", takes_context=True, name="page_breadcrumbs"
    )(_page_breadcrumbs)
