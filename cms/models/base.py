"""What every page of ours shares: a summary and image for listings, cards and social sharing."""

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.filters import ListingFilters
from cms.roles import SitePagePermissionTester
from cms.text import validate_single_line
from cms.translation_state import content_language_of, set_content_languages
from cms.visibility import restrictions_for

__all__ = ["BasePage", "ListingPageMixin", "paginate"]

LISTING_PAGE_SIZE = 12


def paginate(items, page_number, per_page=LISTING_PAGE_SIZE):
    """A page of results; an out-of-range or malformed number falls back to first/last page."""
    paginator = Paginator(items, per_page)
    try:
        return paginator.page(page_number)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


class BasePage(Page):
    """Abstract base: summary + listing image, used for cards, meta description and Open Graph."""

    # The main menu's group for a page of this type, when the menu is long (cms.navigation).
    menu_group = "project"
    # What the page's own template reads through a foreign key, loaded with the page when it is
    # routed to (`route`): the listing image is every page's Open Graph image.
    route_select_related = ("listing_image",)
    # What it reads several times through a reverse relation (inline rows its template and
    # helpers each ask for), fetched once with the page when it is routed to.
    route_prefetch_related = ()

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences shown in listings, search results and link previews."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards and when the page is shared."),
    )

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("listing_image")], heading=_("Listings and sharing")
        ),
        *Page.promote_panels,
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    api_fields = [
        APIField("summary"),
        APIField(
            "listing_image_thumbnail",
            serializer=ImageRenditionField("fill-640x360", source="listing_image"),
        ),
    ]

    # wagtail-localize: slugs stay the same in every language (language-neutral URLs and
    # filter links); dates, numbers, coordinates, images and documents are synchronised by
    # default, text is translatable.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta:
        abstract = True

    # Wagtail's own one-line fields: their validators belong to wagtailcore's Page, so ours are
    # checked here, where the admin's page form shows the error beside the field.
    single_line_page_fields = ("title", "seo_title")

    def clean_fields(self, exclude=None):
        errors = {}
        try:
            super().clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name in self.single_line_page_fields:
            if exclude and name in exclude or name in errors:
                continue
            try:
                validate_single_line(getattr(self, name))
            except ValidationError as error:
                errors[name] = error.error_list
        if errors:
            raise ValidationError(errors)

    def get_meta_description(self):
        return self.search_description or self.summary

    def content_language(self):
        """The language code this page's live content is written in.

        Usually the page's own locale; its source's for an untranslated page (a wagtail-localize
        alias, or a page submitted for translation whose translated text is not published yet):
        see cms.translation_state. Templates compare it with the reader's language for the
        notice, `lang`/`dir`, hreflang and the switcher.
        """
        return content_language_of(self)

    def permissions_for_user(self, user):
        # Only administrators change privacy (cms.roles); Wagtail lets every publisher do it.
        return SitePagePermissionTester(user, self)

    def get_view_restrictions(self):
        # A restriction set on any language copy covers this page too (cms.visibility).
        return restrictions_for(self)

    @cached_property
    def breadcrumb_ancestors(self):
        """The page's ancestors below the tree's invisible root, nearest last (breadcrumbs, the
        "back to the index" links). They change only when an editor changes pages: kept in the
        chrome cache (cms.chrome_cache), so a warm request reads none of them."""
        from cms.chrome_cache import cached

        if not self.pk:
            return list(self.get_ancestors()[1:])
        return cached(None, "ancestors", [self.pk], lambda: list(self.get_ancestors()[1:]))

    @property
    def parent_page(self):
        """The page's parent (`get_parent`), from the cached ancestors."""
        ancestors = self.breadcrumb_ancestors
        return ancestors[-1] if ancestors else self.get_parent()

    def route(self, request, path_components):
        """Wagtail's routing, reaching a deep page in two queries instead of two per level.

        Wagtail asks for each level's child by slug, then for its specific page. Here every
        level's page is found in one query on `url_path`, and the deepest reached is loaded
        specific. The outcome is Wagtail's: the walk stops at an index whose own sub-routes
        (RoutablePageMixin) take the rest of the path, as Wagtail would, and the page found
        routes the rest itself (its live check, its sub-routes, a 404 for an unknown slug).
        """
        if path_components and self.url_path:
            target, remaining = self._deepest_on_path(path_components)
            if target is not None:
                return target.route(request, remaining)
        return super().route(request, path_components)

    def _deepest_on_path(self, path_components):
        from django.contrib.contenttypes.models import ContentType

        prefixes = [
            self.url_path + "".join(f"{slug}/" for slug in path_components[: n + 1])
            for n in range(len(path_components))
        ]
        found = {
            row["url_path"]: row
            for row in Page.objects.filter(
                url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth
            ).values("pk", "url_path", "content_type_id", "live")
        }
        chosen, consumed = None, 0
        for n, prefix in enumerate(prefixes):
            row = found.get(prefix)
            if row is None:
                break
            chosen, consumed = row, n + 1
            rest = path_components[consumed:]
            model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
            if model is None:
                return None, path_components
            row["model"] = model
            if rest and row["live"] and issubclass(model, RoutablePageMixin):
                # Its own sub-routes come before its children (Wagtail's order).
                try:
                    model.get_resolver().resolve("/" + "/".join(rest) + "/")
                    break
                except Http404:
                    pass
        if chosen is None:
            return None, path_components
        model = chosen["model"]
        if issubclass(model, BasePage):
            queryset = model.route_queryset()
        else:
            queryset = model.objects.select_related(*getattr(model, "route_select_related", ()))
        page = queryset.get(pk=chosen["pk"])
        return page, path_components[consumed:]

    @classmethod
    def route_queryset(cls):
        """Where the page routed to is loaded from: with what its template reads."""
        return cls.objects.select_related(*cls.route_select_related).prefetch_related(
            *cls.route_prefetch_related
        )

    def get_template(self, request, *args, **kwargs):
        # Templates live in a templates/pages/ folder (the top-level one, or a capability's
        # own), named after the model.
        return f"pages/{self._meta.model_name}.html"


class ListingPageMixin(RoutablePageMixin):
    """An index page that lists its children, filtered from the URL's query and paginated.

    Subclasses define `listing(filters, request)` (the queryset of what this reader may see) and
    `filter_options(request)` (the choices the filter form offers), and override `parse_filters`
    to accept more than the shared filters.
    """

    def parse_filters(self, request):
        return ListingFilters.from_query(request.GET)

    def cached_filter_options(self, request):
        """`filter_options`, kept in the chrome cache per language and kind of reader: they
        change only when an editor changes the pages or the vocabularies (cms.chrome_cache)."""
        from django.utils.translation import get_language

        from cms.chrome_cache import cached
        from cms.visibility import reader_class

        return cached(
            request,
            "filter-options",
            [self.pk, get_language(), reader_class(request)],
            lambda: self.filter_options(request),
        )

    @path("")
    def index_route(self, request):
        filters = self.parse_filters(request)
        results = paginate(self.listing(filters, request), filters.page)
        # Cards mark an item shown in another language (cms.translation_state): one query.
        results.object_list = set_content_languages(results.object_list)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "results": results,
                "options": self.cached_filter_options(request),
            },
        )
