"""Pages of the social-economy directory, the premises register and the map of them all."""

from django.conf import settings
from django.contrib import messages
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import redirect, resolve_url
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Locale

from cms.geojson import geojson_view
from cms.i18n import with_localized_labels
from cms.opendata.filters import MAP_LAYERS, DirectoryFilters
from cms.opendata.forms import EntityProposalForm, PremisesProposalForm
from cms.opendata.vocabularies import EntityKind, ReviewStatus
from cms.visibility import visible_pages

from .base import BasePage, paginate
from .choices import Sector
from .directory import EntityCpvCode, EntitySector, Premises, SocialEconomyEntity
from .pilot_actions import PilotActionPage, pilot_features
from .snippets import Country

__all__ = ["DirectoryPage", "MapPage", "PremisesRegisterPage"]

INTRO_FEATURES = ["bold", "italic", "link"]
SECTION_PARENTS = ["cms.HomePage", "cms.ContentPage"]
# The map's list view shows at most this many items per layer (the map shows them all).
MAP_LIST_LIMIT = 500


def country_choices(locale):
    """(ISO code, name in this language) of every country, for proposal forms."""
    rows = Country.objects.filter(locale=locale).order_by("name").values_list("code", "name")
    return list(rows) or list(
        Country.objects.filter(locale=Locale.get_default())
        .order_by("name")
        .values_list("code", "name")
    )


def login_redirect(request):
    return redirect(
        f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}"
    )


class DirectoryListingMixin(RoutablePageMixin):
    """A listing of published directory entries (filters, pagination) and a proposal form."""

    entry_model = None
    proposal_form = None

    def parse_filters(self, request):
        return DirectoryFilters.from_query(request.GET)

    def listing(self, filters):
        return self.entry_model.objects.published().filtered(filters).for_listing()

    def filter_options(self):
        published = self.entry_model.objects.published()
        return {
            "regions": published.regions(),
            "countries": list(
                Country.objects.filter(
                    locale=self.locale, code__in=published.values("country__code")
                )
                .order_by("name")
                .values_list("code", "name")
            ),
        }

    def cached_filter_options(self):
        """`filter_options`, the same for every reader in one language: kept in the chrome cache
        (cms.chrome_cache), which forgets it when an entry or a country changes."""
        from cms.chrome_cache import cached

        return cached(None, "directory-options", [self.pk], self.filter_options)

    @path("")
    def index_route(self, request):
        filters = self.parse_filters(request)
        results = paginate(self.listing(filters), filters.page)
        # Each entry's country in the reader's language: one query for the whole page.
        with_localized_labels(entry.country for entry in results if entry.country_id)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "results": results,
                "options": self.cached_filter_options(),
            },
        )

    def form_kwargs(self):
        return {"countries": country_choices(self.locale)}

    @path("propose/", name="propose")
    def propose_route(self, request):
        if not request.user.is_authenticated:
            return login_redirect(request)
        form = self.proposal_form(request.POST or None, **self.form_kwargs())
        if request.method == "POST" and form.is_valid():
            self.save_proposal(form.cleaned_data, request.user)
            messages.success(
                request, _("Thank you. An editor will check your proposal before it is published.")
            )
            return redirect(self.get_url(request))
        return self.render(
            request,
            template="pages/directory_propose.html",
            context_overrides={"form": form},
        )


class DirectoryPage(DirectoryListingMixin, BasePage):
    # What the page cache purges this page for (cms/page_cache_invalidation.py).
    page_cache_lists = ("cms.SocialEconomyEntity",)
    """The directory of social-economy entities: filters (CPV prefix, region, sector, kind)
    and a form for members to propose an entity."""

    menu_group = "social-economy"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = SECTION_PARENTS
    subpage_types = []
    max_count_per_parent = 1
    entry_model = SocialEconomyEntity
    proposal_form = EntityProposalForm

    class Meta:
        verbose_name = _("social-economy directory")

    def filter_options(self):
        return {**super().filter_options(), "kinds": EntityKind.choices, "sectors": Sector.choices}

    def form_kwargs(self):
        return {**super().form_kwargs(), "kinds": EntityKind.choices}

    def save_proposal(self, data, user):
        """A proposed entity waits for an editor (status "proposed")."""
        with transaction.atomic():
            entity = SocialEconomyEntity.objects.create(
                name=data["name"],
                kind=data["kind"],
                offer=data["offer"],
                # The proposer writes in the language of the page they propose from.
                content_language=get_language(),
                address=data["address"],
                postcode=data["postcode"],
                city=data["city"],
                region=data["region"],
                country=Country.objects.filter(code=data["country"]).order_by("locale_id").first(),
                website=data["website"],
                email=data["email"],
                status=ReviewStatus.PROPOSED,
                proposed_by=user,
            )
            EntitySector.objects.bulk_create(
                EntitySector(entity=entity, sector=sector) for sector in data["sectors"]
            )
            EntityCpvCode.objects.bulk_create(
                EntityCpvCode(entity=entity, code=code) for code in data["cpv_codes"]
            )
        return entity


class PremisesRegisterPage(DirectoryListingMixin, BasePage):
    page_cache_lists = ("cms.Premises",)
    """The register of premises available to social innovators."""

    menu_group = "social-economy"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = SECTION_PARENTS
    subpage_types = []
    max_count_per_parent = 1
    entry_model = Premises
    proposal_form = PremisesProposalForm

    class Meta:
        verbose_name = _("premises register")

    def save_proposal(self, data, user):
        return Premises.objects.create(
            **{
                name: data[name]
                for name in (
                    "name",
                    "description",
                    "size_m2",
                    "conditions",
                    "address",
                    "postcode",
                    "city",
                    "region",
                    "email",
                )
            },
            country=Country.objects.filter(code=data["country"]).order_by("locale_id").first(),
            status=ReviewStatus.PROPOSED,
            proposed_by=user,
        )


class MapPage(RoutablePageMixin, BasePage):
    # Its layers and list show these wherever they sit in the tree (cms/page_cache_invalidation.py).
    page_cache_lists = ("cms.PilotActionPage", "cms.SocialEconomyEntity", "cms.Premises")
    """One map with switchable layers (pilot actions, entities, premises, upcoming events),
    each also a GeoJSON endpoint, and a list of the same results."""

    menu_group = "social-economy"  # cms.navigation

    introduction = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    show_events = models.BooleanField(
        _("offer the upcoming-events layer"),
        default=True,
        help_text=_("Shown only when the events application provides its GeoJSON feed."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("show_events"),
    ]
    api_fields = [*BasePage.api_fields, APIField("introduction")]
    parent_page_types = SECTION_PARENTS
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("map")

    LAYER_LABELS = {
        "pilot-actions": _("Pilot actions"),
        "entities": _("Social-economy entities"),
        "premises": _("Premises for social innovators"),
        "events": _("Upcoming events"),
    }

    def events_geojson_url(self):
        """The events app's GeoJSON of upcoming events, when it provides one (cms cannot
        import events: the URL name comes from settings.MAP_EVENTS_GEOJSON_URL_NAME)."""
        name = getattr(settings, "MAP_EVENTS_GEOJSON_URL_NAME", "")
        if not (self.show_events and name):
            return ""
        try:
            return reverse(name)
        except NoReverseMatch:
            return ""

    def events_list(self, request):
        """The events layer's items for the list under the map, from the events app's
        function named in settings.MAP_EVENTS_LIST (the same as its GeoJSON), or None."""
        name = getattr(settings, "MAP_EVENTS_LIST", "")
        if not name or request is None:
            return None
        return list(import_string(name)(request)[:MAP_LIST_LIMIT])

    def available_layers(self):
        layers = ["pilot-actions", "entities", "premises"]
        if self.events_geojson_url():
            layers.append("events")
        return layers

    def parse_filters(self, request):
        filters = DirectoryFilters.from_query(request.GET, layers=self.available_layers())
        # A first visit (no layer choice in the query yet) shows every layer.
        if "layers-set" not in request.GET:
            filters = DirectoryFilters(
                **{**filters.__dict__, "layers": tuple(self.available_layers())}
            )
        return filters

    def layer_items(self, layer, filters, request=None):
        """The results of one of our own layers, as model instances."""
        if layer == "pilot-actions":
            qs = (
                visible_pages(PilotActionPage.objects.all(), request)
                .select_related("country")
                .order_by("title")
            )
            if filters.country:
                qs = qs.filter(country__code=filters.country)
            if filters.region:
                qs = qs.filter(region__iexact=filters.region)
            if filters.sector:
                qs = qs.filter(sectors__sector=filters.sector).distinct()
            if filters.q:
                qs = qs.filter(title__icontains=filters.q)
            # Pilot actions have no kind or CPV code: those filters leave none.
            if filters.kind or filters.cpv:
                qs = qs.none()
            return qs.filter(locale=self.locale)
        if layer == "entities":
            return SocialEconomyEntity.objects.published().filtered(filters).for_listing()
        if layer == "premises":
            # Premises have no kind, sector or CPV code: those filters leave none.
            if filters.kind or filters.sector or filters.cpv:
                return Premises.objects.none()
            return Premises.objects.published().filtered(filters).for_listing()
        raise Http404

    def layer_url(self, layer):
        if layer == "events":
            return self.events_geojson_url()
        return self.url + self.reverse_subpage("layer", kwargs={"layer": layer})

    @path("layers/<str:layer>/", name="layer")
    def layer_route(self, request, layer):
        if layer not in MAP_LAYERS or layer == "events":
            raise Http404
        # A bounding box and a limit, filtered in the database and cached (cms.geojson).
        filters = self.parse_filters(request)
        if layer == "pilot-actions":
            # Each pilot with the origin it was adapted from (its lineage on the map).
            def features(pages):
                return pilot_features(pages, request)
        else:

            def features(items):
                return [item.as_geojson_feature() for item in items]

        return geojson_view(
            request,
            f"map:{self.pk}:{layer}",
            lambda: self.layer_items(layer, filters, request),
            features,
        )

    def layers_for(self, filters, request=None):
        """(key, label, GeoJSON URL, on, items or None) per layer, for the map and the list."""
        rows = []
        for key in self.available_layers():
            on = key in filters.layers
            items = None
            if on and key == "events":
                items = self.events_list(request)
            elif on:
                items = list(self.layer_items(key, filters, request)[:MAP_LIST_LIMIT])
            rows.append((key, self.LAYER_LABELS[key], self.layer_url(key), on, items))
        return rows

    @path("")
    def index_route(self, request):
        filters = self.parse_filters(request)
        published = SocialEconomyEntity.objects.published()
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "layers": self.layers_for(filters, request),
                "options": {
                    "regions": sorted(
                        set(published.regions()) | set(Premises.objects.published().regions())
                    ),
                    "kinds": EntityKind.choices,
                    "sectors": Sector.choices,
                },
                "list_limit": MAP_LIST_LIMIT,
            },
        )
