"""The one site search: a registry of search sources, one per kind of result.

cms cannot import the apps above it (events, community), so each app registers the kinds it
owns from its `AppConfig.ready()`: a key (the `kind` filter's value), a label, a function that
returns the matches this reader may see (visibility is each app's own rule, asked there), and a
function that turns one page of matches into display rows (`SearchHit`).

Pagination stays in the database: `search()` returns a queryset (or an object with `count()`
and slicing, like the page sources' `PageMatches`), so the search page runs one COUNT per kind
and loads only the rows it shows.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, CharField, Q, Value, When
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from cms.models.base import paginate
from cms.search import SEARCH_PAGE_SIZE, ranked_matches, shown_pages, text_search_config
from cms.visibility import visible_pages

__all__ = [
    "PageMatches",
    "SearchHit",
    "SearchSource",
    "language_config",
    "page_hits",
    "page_source",
    "register_search_source",
    "search_sources",
    "site_search",
    "text_matches",
]


@dataclass
class SearchHit:
    """One result as the search page shows it; every text is shown as written (escaped and
    isolated by the template)."""

    title: str
    url: str
    summary: str = ""
    # A short label under the kind: a page's type, an idea's public status, a post's space.
    detail: str = ""
    # The language the texts are written in, when that is not the reader's ("" otherwise).
    other_language: str = ""
    # What was found (a page, an idea, a post...), for templates that need more than text.
    obj: object = None


@dataclass(frozen=True)
class SearchSource:
    key: str
    label: Promise
    # (query, request, locale) -> the matches this reader may see, best first, sliceable and
    # countable in the database.
    search: Callable
    # (matches of one results page, request, locale) -> [SearchHit]
    hits: Callable
    order: int = 100
    # (request) -> a sentence describing an extra filter this source applies (a discussion
    # space), or "".
    describe_filter: Callable = field(default=lambda request: "")
    # For the kinds made of pages: their page types, which the generic "pages" kind leaves out.
    page_types: tuple = ()


_SOURCES = {}


def register_search_source(source):
    """Add (or replace, by key) a kind of result to the site search."""
    _SOURCES[source.key] = source


def search_sources():
    return sorted(_SOURCES.values(), key=lambda source: (source.order, source.key))


# --- matching text in the database ---


def language_config(language_field):
    """SQL expression: the text-search configuration for a row's language code field."""
    by_config = {}
    for code, _name in settings.LANGUAGES:
        by_config.setdefault(text_search_config(code), []).append(code)
    return Case(
        *[
            When(**{f"{language_field}__in": codes}, then=Value(config))
            for config, codes in by_config.items()
            if config != "simple"
        ],
        default=Value("simple"),
        output_field=CharField(),
    )


class _ConfiguredVector(SearchVector):
    """A SearchVector whose configuration is one of its source expressions.

    Django's SearchVector keeps `config` outside them, so when the queryset becomes a subquery
    its table aliases are relabelled everywhere but there: the configuration then named the
    outer query's row (every inner row stemmed in the outer row's language, and the subquery
    run again per outer row: 105 ms for 189 organisations).
    """

    def get_source_expressions(self):
        return [self.config, *super().get_source_expressions()]

    def set_source_expressions(self, expressions):
        self.config, *fields = expressions
        super().set_source_expressions(fields)

    def as_sql(self, compiler, connection, function=None, template=None):
        # Rendered as Django's own, from the (relabelled) configuration and fields.
        fields = super().get_source_expressions()
        vector = SearchVector(*fields, config=self.config)
        return vector.as_sql(compiler, connection, function=function, template=template)


def text_matches(queryset, query, fields, *, config=None, first=None, then=()):
    """`queryset` narrowed to the rows whose `fields` hold every word of `query`, best first.

    On PostgreSQL each row is stemmed and matched with `config` (an SQL expression, e.g. the
    configuration of the row's language: an Italian post is stemmed in Italian) and ranked;
    elsewhere (SQLite, the embedded default) every word must appear as typed, case-insensitive.
    `first`: a Q for the rows listed before the others (the reader's language); `then`: the
    ordering after rank.
    """
    words = query.split()[:12]
    if not words:
        return queryset.none()
    ordering = []
    if first is not None:
        queryset = queryset.annotate(
            search_first=Case(When(first, then=Value(0)), default=Value(1)),
        )
        ordering.append("search_first")
    if connection.vendor == "postgresql":
        if config is None:
            config = Value(text_search_config(settings.LANGUAGE_CODE))
        vector = _ConfiguredVector(*fields, config=config)
        search_query = SearchQuery(" ".join(words), config=config)
        queryset = queryset.annotate(search_vector=vector).filter(search_vector=search_query)
        queryset = queryset.annotate(search_rank=SearchRank(vector, search_query))
        ordering.append("-search_rank")
    else:
        for word in words:
            any_field = Q()
            for name in fields:
                any_field |= Q(**{f"{name}__icontains": word})
            queryset = queryset.filter(any_field)
    return queryset.order_by(*ordering, *then)


# --- pages ---


class PageMatches:
    """The pages of some types matching a query that this reader may see, the reader's
    language first, each page once (`cms.search.ranked_matches`).

    Counted with one COUNT in the database; a slice reads only the rows it shows (LIMIT and
    OFFSET in SQL), then loads those pages in one query plus one per page type on it.
    """

    def __init__(self, queryset, query, locale, request):
        self.queryset, self.query, self.locale, self.request = queryset, query, locale, request
        self._matches = None
        self._count = None

    def matches(self):
        if self._matches is None:
            self._matches = ranked_matches(
                visible_pages(self.queryset, self.request), self.query, self.locale
            )
        return self._matches

    def count(self):
        if self._count is None:
            self._count = self.matches().count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return shown_pages(self.matches()[index], self.locale)
        shown = shown_pages(self.matches()[index : index + 1], self.locale)
        if not shown:
            raise IndexError(index)
        return shown[0]


def page_hits(pages, request, locale):
    hits = []
    for page in pages:
        hits.append(
            SearchHit(
                title=page.title,
                url=page.get_url(request),
                summary=getattr(page, "summary", "") or page.search_description,
                detail=str(page._meta.verbose_name),
                other_language=page.other_language,
                obj=page,
            )
        )
    return hits


def page_source(key, label, page_types, order=100):
    """A kind made of pages of `page_types` (and their subclasses); the generic "pages" kind
    lists every other page type."""

    def search(query, request, locale):
        return PageMatches(Page.objects.type(*page_types), query, locale, request)

    return SearchSource(key, label, search, page_hits, order, page_types=tuple(page_types))


def _other_pages(query, request, locale):
    claimed = [page_type for source in _SOURCES.values() for page_type in source.page_types]
    queryset = Page.objects.not_type(*claimed) if claimed else Page.objects.all()
    return PageMatches(queryset, query, locale, request)


register_search_source(SearchSource("pages", _("Pages"), _other_pages, page_hits, order=10))


# --- the search page ---

GROUP_SIZE = 3  # results shown per kind when no kind is chosen


@dataclass
class Facet:
    key: str
    label: Promise
    count: int
    url: str
    current: bool
    hits: list = field(default_factory=list)  # the first few, when no kind is chosen


@dataclass
class SiteSearch:
    facets: list  # every kind with matches (and the chosen one), in registry order
    total: int
    kind: str  # the chosen kind's key, or ""
    results: object = None  # a paginator page of SearchHit, when a kind is chosen
    filter_note: str = ""
    all_url: str = ""


def _url(params, **changes):
    merged = {**params, **changes}
    return "?" + urlencode({key: value for key, value in merged.items() if value})


def site_search(query, request, locale, kind="", page_number=1, per_page=SEARCH_PAGE_SIZE):
    """The site search for this reader: one count per kind; with a kind chosen, one page of
    its results; without, the first few of each kind. Every source asks its own app's rule of
    who may see what."""
    sources = search_sources()
    if kind not in {source.key for source in sources}:
        kind = ""
    params = {"q": query, "space": request.GET.get("space", "")}
    facets, total, results, filter_note = [], 0, None, ""
    for source in sources:
        matches = source.search(query, request, locale)
        count = matches.count()
        total += count
        if not count and source.key != kind:
            continue
        facet = Facet(
            source.key,
            source.label,
            count,
            _url(params, kind=source.key),
            source.key == kind,
        )
        if source.key == kind:
            results = paginate(matches, page_number, per_page)
            results.object_list = source.hits(list(results.object_list), request, locale)
        elif not kind:
            facet.hits = source.hits(list(matches[:GROUP_SIZE]), request, locale)
        filter_note = filter_note or source.describe_filter(request)
        facets.append(facet)
    return SiteSearch(
        facets=facets,
        total=total,
        kind=kind,
        results=results,
        filter_note=filter_note,
        all_url=_url({"q": query}),
    )
