"""Language-aware site search: each language stemmed as itself, the reader's language first.

Two parts:

- A search backend (`WAGTAILSEARCH_BACKENDS` points at this module). On PostgreSQL it indexes
  every translatable object with the text-search configuration of its locale and matches each
  row with that same configuration, so an Italian page is stemmed in Italian ("cooperativa"
  finds "cooperative") and an English one in English. On SQLite (the embedded default) it is
  Wagtail's database backend unchanged: FTS5 matches words as written, without stemming.
- `search_pages()`: the site search, with the reader's locale first, then the matches in other
  languages, each page once, ordered, counted and paginated in the database
  (`ranked_matches`).
"""

import copy
import re
from collections import defaultdict

from django.conf import settings
from django.contrib.postgres.search import SearchQueryField, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    F,
    Func,
    Q,
    TextField,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from modelsearch.backends import database
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from wagtail.models import Locale, Page, TranslatableMixin

from cms.models.base import paginate
from cms.visibility import visible_pages

__all__ = [
    "SEARCH_PAGE_SIZE",
    "SearchBackend",
    "ranked_matches",
    "readers_language_first",
    "search_pages",
    "shown_pages",
]

SEARCH_PAGE_SIZE = 10

# PostgreSQL text-search configurations by language (`SELECT cfgname FROM pg_ts_config`).
# Any other language (Croatian, Slovenian and Arabic today) is indexed with "simple": words
# lower-cased, not stemmed.
TEXT_SEARCH_CONFIGS = {
    "en": "english",
    "it": "italian",
    "fr": "french",
    "es": "spanish",
    "pt": "portuguese",
    "el": "greek",
}


def text_search_config(language_code):
    """The PostgreSQL text-search configuration for a language code ("pt-br" -> "portuguese")."""
    return TEXT_SEARCH_CONFIGS.get(language_code.lower().split("-")[0], "simple")


def locale_text_search_config():
    """SQL expression: the configuration of the row's locale, as `text_search_config` gives it."""
    by_config = defaultdict(list)
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        by_config[text_search_config(code)].append(code)
    return Case(
        *[
            When(locale__language_code__in=codes, then=Value(config))
            for config, codes in by_config.items()
            if config != "simple"
        ],
        default=Value("simple"),
        output_field=CharField(),
    )


class LocalisedPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        """Index translatable objects in groups, each with its locale's configuration."""
        if not issubclass(model, TranslatableMixin):
            return super().add_items(model, objs)
        configs = {
            pk: text_search_config(code)
            for pk, code in Locale.objects.values_list("pk", "language_code")
        }
        groups = defaultdict(list)
        for obj in objs:
            groups[configs.get(obj.locale_id, "simple")].append(obj)
        for config, group in groups.items():
            PostgresIndex(self.backend.with_config(config)).add_items(model, group)


def stemmed(compiler, query, configs):
    """{configuration: the query stemmed by it, as tsquery text ('' for only stop words)}, asked
    of PostgreSQL once per query text and kept (stemming depends on nothing else)."""
    key = (type(query).__name__, repr(vars(query)), tuple(configs))
    if key not in _STEMMED:
        from django.db.models.functions import Cast

        columns = {
            f"q{n}": Cast(compiler.build_tsquery(query, config=Value(config)), TextField())
            for n, config in enumerate(configs)
        }
        row = Locale.objects.order_by().annotate(**columns).values_list(*columns)[:1]
        texts = next(iter(row), None) or [""] * len(configs)
        if len(_STEMMED) >= 1024:
            _STEMMED.clear()
        _STEMMED[key] = dict(zip(configs, texts, strict=True))
    return _STEMMED[key]


_STEMMED = {}


def tsquery(text):
    """A constant tsquery written out (`'...'::tsquery`): the planner estimates its matches
    from the column's statistics, and folds it once."""
    return Func(Value(text), template="%(expressions)s::tsquery", output_field=SearchQueryField())


def _locales_by_config():
    """{text-search configuration: [ids of the locales indexed with it]}."""
    from cms.chrome_cache import locale_codes  # the locales, cached; cms.chrome_cache needs apps

    by_config = defaultdict(list)
    for pk, code in locale_codes():
        by_config[text_search_config(code)].append(pk)
    return by_config


def any_language_query(compiler, query):
    """The query stemmed by every configuration in use, each distinct stemming once, OR-ed: a
    constant tsquery that every row matching with its own locale's configuration also matches,
    so PostgreSQL finds the candidates through a GIN index (cms migration 0014) before checking
    each row with its own configuration, which no index can do (it differs per row).

    Each distinct stemming once: the same stem OR-ed seven times ('youth' is 'youth' in most
    configurations) made PostgreSQL estimate four times the rows that match and read the whole
    table instead of the index."""
    by_config = _locales_by_config()
    stemmings = stemmed(compiler, query, sorted({*by_config, "simple"})).values()
    texts = sorted({text for text in stemmings if text})
    if not texts:
        return None
    return tsquery(" | ".join(f"({text})" for text in texts))


def per_locale_query(compiler, query):
    """The query stemmed once per configuration, each row's picked by its locale id.

    to_tsquery(<the row's configuration>, q) parsed and stemmed the query again for every row
    (three times with the ranking), and named the locale's table, which PostgreSQL then joined
    once per language (nine index scans); each row now picks one of a handful of constants.
    """
    by_config = _locales_by_config()
    texts = stemmed(compiler, query, sorted({*by_config, "simple"}))
    return Case(
        *[
            When(locale_id__in=pks, then=tsquery(texts[config]))
            for config, pks in by_config.items()
            if config != "simple"
        ],
        default=tsquery(texts["simple"]),
        output_field=SearchQueryField(),
    )


def one_word(query):
    """Whether `query` is a single word of letters and digits: one lexeme in every
    configuration (a hyphen or an apostrophe can make a word several)."""
    return isinstance(query, PlainText) and re.fullmatch(r"\w+", query.query_string.strip())


class Matches(Func):
    """`vector @@ query` as a condition, for a query that is an expression (a CASE) rather than
    the SearchQuery Django's lookup expects."""

    arg_joiner = " @@ "
    template = "(%(expressions)s)"
    output_field = BooleanField()


class LocalisedPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        """modelsearch's search, with the row's locale's query as a planned constant
        (`per_locale_query`) and a condition the GIN index can answer (`any_language_query`),
        when the match uses each row's configuration."""
        if not (
            isinstance(config, Case)
            and self.fields is None
            and isinstance(self.query, (PlainText, Phrase))
        ):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        candidates = any_language_query(self, self.query)
        search_query = per_locale_query(self, self.query)
        if candidates is None or search_query is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        vectors = self.get_search_vectors(search_query)
        # modelsearch's ranking (build_tsrank of a plain text or phrase), on the same query.
        rank_expression = None
        for vector, boost in vectors:
            term = SearchRank(vector, search_query, weights=self.sql_weights) * boost
            rank_expression = term if rank_expression is None else rank_expression + term
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = combined_vector._combine(vector, "||", False)
        if one_word(self.query) and len(vectors) == 2:
            # One word matches the title or the body: the same rows as their concatenation,
            # which PostgreSQL builds anew for every row it checks (a third of a common word's
            # time), and modelsearch's own GIN indexes on each answer the constant condition.
            queryset = self.queryset.annotate(_title_=vectors[0][0], _body_=vectors[1][0]).filter(
                Q(Matches(F("_title_"), candidates)) | Q(Matches(F("_body_"), candidates)),
                Q(Matches(F("_title_"), search_query)) | Q(Matches(F("_body_"), search_query)),
            )
        else:
            queryset = (
                self.queryset.annotate(_vector_=combined_vector)
                .filter(Matches(F("_vector_"), candidates))
                .filter(Matches(F("_vector_"), search_query))
            )
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    def get_config(self, backend):
        """Match each row with the configuration it was indexed with: its locale's.

        Rows in the reader's locale are matched with the reader's language; rows in other
        languages with theirs, so "cooperativa" also finds an Italian page for an English reader.
        """
        if issubclass(self.queryset.model, TranslatableMixin):
            return locale_text_search_config()
        return super().get_config(backend)


class LocalisedPostgresSearchBackend(PostgresSearchBackend):
    """PostgreSQL full-text search with a text-search configuration per locale.

    Autocomplete keeps modelsearch's "simple" configuration (partial words are not stemmed).
    """

    index_class = LocalisedPostgresIndex
    query_compiler_class = LocalisedPostgresSearchQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        # Objects without a locale (images, documents, users) are in the source language.
        self.config = self.config or text_search_config(settings.LANGUAGE_CODE)

    def with_config(self, config):
        """This backend with another configuration, to index one locale's objects."""
        backend = copy.copy(self)
        backend.config = config
        return backend


def SearchBackend(params):
    """The backend for the default database, as `modelsearch.backends.database` picks it."""
    if connection.vendor == "postgresql":
        return LocalisedPostgresSearchBackend(params)
    # SQLite FTS5 (or the plain fallback): no stemming in any language.
    if connection.vendor == "sqlite":
        # Imported here: its models exist only on SQLite. Any typed text is a valid query there.
        from cms.search_sqlite import sqlite_search_backend

        return sqlite_search_backend(params)
    return database.SearchBackend(params)


def readers_language_first(matches, locale_id):
    """Order matches (best first) for a reader: their locale first, then other languages.

    The rule, in Python; `ranked_matches` runs the same in the database.

    Each page once: a match in another language is left out when the same page (same
    translation key) is already listed, in the reader's language or a better-ranked other one.
    An alias outside the reader's tree is an untranslated copy of its source page, which
    matches on its own, so it is left out too.
    """
    own = [match for match in matches if match.locale_id == locale_id]
    listed = {match.translation_key for match in own}
    others = []
    for match in matches:
        if match.locale_id == locale_id or match.alias_of_id is not None:
            continue
        if match.translation_key not in listed:
            listed.add(match.translation_key)
            others.append(match)
    return own + others


def ranked_matches(queryset, query, locale):
    """The pages of `queryset` matching `query`, for a reader in `locale`, as one queryset
    ordered and deduplicated in the database: the rule of `readers_language_first` in SQL.

    The backend matches and scores (stemmed per language on PostgreSQL, through the GIN index
    of its index entries); a window function numbers the matches of each translation key, the
    reader's locale first, then best score, and only the first of each is kept. Counting and
    slicing the result run COUNT and LIMIT/OFFSET in the database: a results page reads only
    the rows it shows, whatever the number of matches. Rows carry `content_language`.
    """
    # SQLite's bm25 scores are better when lower; PostgreSQL's ts_rank when higher.
    score = F("search_score").asc() if connection.vendor == "sqlite" else F("search_score").desc()
    own_first = Case(When(locale_id=locale.pk, then=Value(0)), default=Value(1))
    matches = (
        queryset.only("pk", "locale_id", "translation_key", "alias_of_id")
        # An alias shows its source page's content, in its source's language.
        .annotate(
            content_language=Coalesce("alias_of__locale__language_code", "locale__language_code")
        )
        .search(query)
        .annotate_score("search_score")
        # The backend's own queryset: matched and scored, still open to SQL.
        .get_queryset()
    )
    # An alias outside the reader's tree is an untranslated copy of its source page, which
    # matches on its own.
    matches = matches.exclude(Q(alias_of__isnull=False) & ~Q(locale_id=locale.pk))
    return RankedMatches(matches, own_first, score)


class RankedMatches:
    """What `ranked_matches` returns: countable and sliceable like a queryset, both in SQL.

    Counting needs neither scores nor the window: each translation key gives one result, so
    the count is the number of distinct keys (scoring every row, as SQLite does with one FTS
    subquery per row, made the count as costly as reading everything).
    """

    def __init__(self, matches, own_first, score):
        self.matches, self.own_first, self.score = matches, own_first, score
        self._count = None

    def ranked(self):
        own_first, score = self.own_first, self.score
        return (
            self.matches.annotate(
                search_own_first=own_first,
                search_position=Window(
                    RowNumber(),
                    partition_by=[F("translation_key")],
                    order_by=[own_first.asc(), score, F("pk").desc()],
                ),
            )
            .filter(search_position=1)
            .order_by("search_own_first", score, "-pk")
        )

    def count(self):
        if self._count is None:
            self._count = self.matches.order_by().values("translation_key").distinct().count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        return self.ranked()[index]


def shown_pages(matches, locale):
    """The specific pages of one results page of `ranked_matches`, in its order, each with
    `other_language`: the code of the language it is written in when that is not the
    reader's (a page in another tree, or an untranslated alias), else ""."""
    matches = list(matches)
    pages = Page.objects.live().filter(pk__in=[m.pk for m in matches]).specific().in_bulk()
    shown = []
    for match in matches:
        page = pages.get(match.pk)
        if page is not None:  # deleted or unpublished since the search query ran
            language = match.content_language
            page.other_language = "" if language == locale.language_code else language
            shown.append(page)
    return shown


def search_pages(query, locale, page_number=1, per_page=SEARCH_PAGE_SIZE, request=None):
    """One page of the pages this reader may see (cms.visibility) matching `query`, for a reader
    in `locale`, the reader's language first and each page once (`ranked_matches`).

    One COUNT and one query for the results page's rows, then one query plus one per page type
    on it, whatever the number of matches.
    """
    matches = ranked_matches(visible_pages(Page.objects.all(), request), query, locale)
    results = paginate(matches, page_number, per_page)
    results.object_list = shown_pages(results.object_list, locale)
    return results
