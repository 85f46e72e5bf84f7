"""Every rule of cms/search.py, fast: a few pages in two or three language trees at most.

For mutation testing (tests/mutation/run.py) these replace the slower journeys of
test_search_languages.py and test_sitemap_and_search.py, which build whole language trees.
The indexing and matching rules of the PostgreSQL backend need PostgreSQL's text-search
configurations and are skipped on SQLite; everything else runs on both databases.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import CharField, Value
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import PostgresSearchAtomicRebuilder
from modelsearch.conf import get_app_config
from wagtail.images.models import Image
from wagtail.models import Locale, Page, PageViewRestriction

from cms import factories as f
from cms import search
from cms.models import ContentPage
from cms.search import (
    LocalisedPostgresIndex,
    LocalisedPostgresSearchBackend,
    LocalisedPostgresSearchQueryCompiler,
    SearchBackend,
    locale_text_search_config,
    readers_language_first,
    search_pages,
    text_search_config,
)
from tests.cms.test_search_languages import alias, translate
from tests.cms.trees import ids

pytestmark = pytest.mark.django_db

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the localised index and its matching need PostgreSQL text-search configurations",
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the SQLite backend is only built on SQLite"
)


def locale(code):
    return Locale.objects.get(language_code=code)


# text_search_config


def test_each_mapped_language_gets_its_own_configuration():
    codes = ["en", "it", "fr", "es", "pt", "el"]
    assert [text_search_config(code) for code in codes] == [
        "english",
        "italian",
        "french",
        "spanish",
        "portuguese",
        "greek",
    ]


def test_a_region_suffix_and_upper_case_are_ignored():
    assert [text_search_config(code) for code in ["PT-br", "pt-BR", "EN", "it-IT", "el-GR"]] == [
        "portuguese",
        "portuguese",
        "english",
        "italian",
        "greek",
    ]


def test_a_language_without_a_configuration_gets_simple():
    assert [text_search_config(code) for code in ["hr", "sl", "ar", "de", "HR-hr", ""]] == [
        "simple"
    ] * 6


# locale_text_search_config


def test_the_locale_expression_has_one_branch_per_stemmed_configuration_and_simple_by_default():
    expression = locale_text_search_config()
    branches = [(branch.condition.children, branch.result.value) for branch in expression.cases]
    assert branches == [
        ([("locale__language_code__in", ["en"])], "english"),
        ([("locale__language_code__in", ["it"])], "italian"),
        ([("locale__language_code__in", ["fr"])], "french"),
        ([("locale__language_code__in", ["es"])], "spanish"),
        ([("locale__language_code__in", ["pt"])], "portuguese"),
        ([("locale__language_code__in", ["el"])], "greek"),
    ]
    assert isinstance(expression.default, Value)
    assert expression.default.value == "simple"
    assert type(expression.output_field) is CharField


def test_languages_sharing_a_configuration_share_one_branch(settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("pt", "Português"),
        ("hr", "Hrvatski"),
        ("pt-br", "Português do Brasil"),
        ("en", "English"),
        ("sl", "Slovenščina"),
    ]
    branches = [
        (branch.condition.children, branch.result.value)
        for branch in locale_text_search_config().cases
    ]
    assert branches == [
        ([("locale__language_code__in", ["pt", "pt-br"])], "portuguese"),
        ([("locale__language_code__in", ["en"])], "english"),
    ]


def test_each_row_gets_the_configuration_of_its_locale():
    for code in ["en", "it", "fr", "es", "pt", "el", "hr", "sl", "ar"]:
        f.FooterTextFactory(locale=locale(code))
    rows = (
        f.models.FooterText.objects.annotate(config=locale_text_search_config())
        .order_by("locale__language_code")
        .values_list("locale__language_code", "config")
    )
    assert list(rows) == [
        ("ar", "simple"),
        ("el", "greek"),
        ("en", "english"),
        ("es", "spanish"),
        ("fr", "french"),
        ("hr", "simple"),
        ("it", "italian"),
        ("pt", "portuguese"),
        ("sl", "simple"),
    ]


# The backend and its query compiler


def test_the_backend_config_defaults_to_the_site_languages_configuration(settings):
    assert LocalisedPostgresSearchBackend({}).config == "english"
    assert LocalisedPostgresSearchBackend({"SEARCH_CONFIG": None}).config == "english"
    settings.LANGUAGE_CODE = "it"
    assert LocalisedPostgresSearchBackend({}).config == "italian"
    settings.LANGUAGE_CODE = "hr"
    assert LocalisedPostgresSearchBackend({}).config == "simple"


def test_an_explicit_backend_config_is_kept():
    assert LocalisedPostgresSearchBackend({"SEARCH_CONFIG": "german"}).config == "german"


def test_the_backend_keeps_modelsearchs_other_settings():
    backend = LocalisedPostgresSearchBackend({"ATOMIC_REBUILD": True})
    assert backend.autocomplete_config == "simple"
    assert backend.rebuilder_class is PostgresSearchAtomicRebuilder
    assert backend.index_class is LocalisedPostgresIndex
    assert backend.query_compiler_class is LocalisedPostgresSearchQueryCompiler


def test_with_config_returns_a_copy_with_the_new_configuration_and_leaves_the_original():
    backend = LocalisedPostgresSearchBackend({"FUZZY_SIMILARITY_THRESHOLD": 0.7})
    italian = backend.with_config("italian")
    assert type(italian) is LocalisedPostgresSearchBackend
    assert italian is not backend
    assert (italian.config, backend.config) == ("italian", "english")
    assert italian.fuzzy_similarity_threshold == 0.7
    assert italian.autocomplete_config == "simple"


def test_translatable_querysets_are_matched_with_their_rows_locale_configuration():
    backend = LocalisedPostgresSearchBackend({"SEARCH_CONFIG": "german"})
    compiler = LocalisedPostgresSearchQueryCompiler(Page.objects.all(), "word")
    assert compiler.get_config(backend) == locale_text_search_config()
    subclass = LocalisedPostgresSearchQueryCompiler(ContentPage.objects.all(), "word")
    assert subclass.get_config(backend) == locale_text_search_config()


def test_other_querysets_are_matched_with_the_backends_configuration():
    backend = LocalisedPostgresSearchBackend({"SEARCH_CONFIG": "german"})
    compiler = LocalisedPostgresSearchQueryCompiler(Image.objects.all(), "word")
    assert compiler.get_config(backend) == "german"
    assert compiler.get_config(backend.with_config("italian")) == "italian"


# SearchBackend: the class for the database in use


@sqlite_only
def test_on_sqlite_the_backend_is_the_safe_fts5_one():
    from cms.search_sqlite import SafeSQLiteSearchBackend

    assert type(SearchBackend({})) is SafeSQLiteSearchBackend
    assert type(get_search_backend()) is SafeSQLiteSearchBackend


@postgres_only
def test_on_postgresql_the_backend_is_the_localised_one():
    assert type(SearchBackend({})) is LocalisedPostgresSearchBackend
    assert type(get_search_backend()) is LocalisedPostgresSearchBackend


def test_a_postgresql_connection_gets_the_localised_backend_with_its_params(monkeypatch):
    monkeypatch.setattr(search, "connection", SimpleNamespace(vendor="postgresql"))
    backend = SearchBackend({"SEARCH_CONFIG": "french"})
    assert type(backend) is LocalisedPostgresSearchBackend
    assert backend.config == "french"


def test_another_database_gets_modelsearchs_own_choice(monkeypatch):
    from modelsearch.backends import database

    expected = type(database.SearchBackend({}))
    monkeypatch.setattr(search, "connection", SimpleNamespace(vendor="mysql"))
    assert type(SearchBackend({})) is expected
    assert expected.__module__.startswith("modelsearch.")


# readers_language_first

EN, IT, FR = 1, 2, 3


def match(pk, locale_id, key, alias_of=None):
    return SimpleNamespace(pk=pk, locale_id=locale_id, translation_key=key, alias_of_id=alias_of)


def test_the_readers_locale_comes_first_in_rank_order_then_the_others_in_rank_order():
    matches = [
        match(1, EN, "a"),
        match(2, IT, "b"),
        match(3, FR, "c"),
        match(4, IT, "d"),
        match(5, EN, "e"),
    ]
    assert [m.pk for m in readers_language_first(matches, IT)] == [2, 4, 1, 3, 5]
    assert [m.pk for m in readers_language_first(matches, EN)] == [1, 5, 2, 3, 4]


def test_a_page_in_the_readers_language_is_not_listed_again_in_another():
    matches = [match(1, EN, "a"), match(2, FR, "a"), match(3, IT, "a"), match(4, EN, "b")]
    assert [m.pk for m in readers_language_first(matches, IT)] == [3, 4]


def test_of_a_pages_other_languages_only_the_best_ranked_is_listed():
    matches = [match(1, FR, "a"), match(2, EN, "b"), match(3, EN, "a"), match(4, FR, "b")]
    assert [m.pk for m in readers_language_first(matches, IT)] == [1, 2]


def test_an_alias_outside_the_readers_tree_is_left_out_but_not_its_source():
    matches = [match(1, FR, "a", alias_of=2), match(2, EN, "a"), match(3, FR, "b", alias_of=9)]
    assert [m.pk for m in readers_language_first(matches, IT)] == [2]


def test_an_alias_in_the_readers_tree_is_listed_as_the_readers_page():
    matches = [match(2, EN, "a"), match(1, FR, "a", alias_of=2), match(3, EN, "b")]
    assert [m.pk for m in readers_language_first(matches, FR)] == [1, 3]


def test_no_matches_make_an_empty_list():
    assert readers_language_first([], IT) == []


# search_pages (FTS5 on SQLite, the localised backend on PostgreSQL)


@pytest.fixture
def pages(home):
    """ "Zagreb" in English only (workshop), in both languages (call), in Italian only (meeting)."""
    workshop = f.ContentPageFactory(
        parent=home, title="Zagreb workshop", summary="A day in Zagreb, Zagreb."
    )
    call = f.ContentPageFactory(parent=home, title="Open call", summary="Ideas from Zagreb.")
    call_it = translate(call, "it", title="Bando aperto")
    meeting = f.ContentPageFactory(parent=home, title="Partner meeting", summary="Partners met.")
    meeting_it = translate(meeting, "it", title="Riunione", summary="I partner a Zagreb.")
    return SimpleNamespace(
        home=home,
        workshop=workshop,
        call=call,
        call_it=call_it,
        meeting=meeting,
        meeting_it=meeting_it,
    )


def labelled(results):
    return [(page.pk, page.other_language) for page in results]


def test_search_lists_the_readers_language_first_and_labels_the_others(pages):
    results = search_pages("zagreb", locale("it"))
    assert sorted(labelled(results)[:2]) == sorted(
        [(pages.call_it.pk, ""), (pages.meeting_it.pk, "")]
    )
    assert labelled(results)[2:] == [(pages.workshop.pk, "en")]
    assert results.paginator.count == 3


def test_search_labels_a_page_in_another_tree_with_its_language(pages):
    results = search_pages("zagreb", locale("en"))
    assert sorted(labelled(results)[:2]) == sorted([(pages.workshop.pk, ""), (pages.call.pk, "")])
    assert labelled(results)[2:] == [(pages.meeting_it.pk, "it")]
    assert [type(page) for page in results] == [ContentPage] * 3


def test_an_alias_in_the_readers_tree_is_labelled_with_its_sources_language(pages):
    workshop_fr = alias(pages.workshop, "fr")
    results = search_pages("workshop", locale("fr"))
    assert labelled(results) == [(workshop_fr.pk, "en")]
    # Elsewhere the alias is left out: its source is listed.
    assert labelled(search_pages("workshop", locale("it"))) == [(pages.workshop.pk, "en")]
    assert labelled(search_pages("workshop", locale("en"))) == [(pages.workshop.pk, "")]


def test_search_leaves_out_a_private_page_and_its_copies(pages):
    secret = f.ContentPageFactory(parent=pages.home, title="Zagreb secret", summary="Zagreb.")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    secret_it = translate(secret, "it")
    results = search_pages("secret", locale("it"))
    assert labelled(results) == []
    assert results.paginator.count == 0
    # A signed-in reader passes the restriction, in either language.
    request = RequestFactory().get("/it/search/")
    request.user = get_user_model().objects.create_user("reader", password="x")
    assert labelled(search_pages("secret", locale("it"), request=request)) == [(secret_it.pk, "")]
    assert labelled(search_pages("secret", locale("en"), request=request)) == [(secret.pk, "")]


def test_search_leaves_out_drafts(pages):
    f.ContentPageFactory(parent=pages.home, title="Zagreb draft", live=False)
    assert labelled(search_pages("draft", locale("en"))) == []


def test_search_returns_the_requested_page_of_results(pages):
    everything = ids(search_pages("zagreb", locale("it")))
    second = search_pages("zagreb", locale("it"), page_number=2, per_page=2)
    assert ids(second) == everything[2:]
    assert (second.number, second.paginator.count, second.paginator.num_pages) == (2, 3, 2)
    first = search_pages("zagreb", locale("it"), per_page=2)
    assert ids(first) == everything[:2]
    assert first.number == 1
    assert search.SEARCH_PAGE_SIZE == 10


def test_search_pages_are_ten_results_long_by_default(home):
    for _ in range(11):
        f.ContentPageFactory(parent=home, summary="Zagreb.")
    results = search_pages("zagreb", locale("en"))
    assert (len(results), results.paginator.count, results.paginator.num_pages) == (10, 11, 2)


@pytest.mark.parametrize("change", ["delete", "unpublish"])
def test_a_page_deleted_or_unpublished_between_match_and_load_is_skipped(
    pages, monkeypatch, change
):
    load = search.shown_pages

    def then_delete(matches, locale):
        matches = list(matches)  # the results page's rows, read before the change
        getattr(Page.objects.get(pk=pages.workshop.pk), change)()
        return load(matches, locale)

    monkeypatch.setattr(search, "shown_pages", then_delete)
    results = search_pages("zagreb", locale("it"))
    assert sorted(ids(results)) == sorted([pages.call_it.pk, pages.meeting_it.pk])
    assert results.paginator.count == 3


def test_search_queries_do_not_grow_with_the_number_of_matches(pages, django_assert_num_queries):
    def add(count):
        for _ in range(count):
            story = f.ContentPageFactory(parent=pages.home, summary="A story from Zagreb.")
            translate(story, "it")

    search_pages("zagreb", locale("it"))  # warm Wagtail's caches
    italian = locale("it")
    with CaptureQueriesContext(connection) as few:
        results = search_pages("zagreb", italian)
    assert results.paginator.count == 3
    add(8)
    search_pages("zagreb", italian)  # the chrome cache, forgotten by the new pages (warm again)
    with django_assert_num_queries(len(few)):
        results = search_pages("zagreb", italian)
    assert (results.paginator.count, len(results)) == (11, 10)


# The localised index (PostgreSQL)


def index_entry(obj):
    return IndexEntry.objects.get(object_id=str(obj.pk), content_type__model=obj._meta.model_name)


@pytest.fixture
def cooperatives(home):
    english = f.ContentPageFactory(parent=home, title="Cooperative sociali", summary="")
    italian = translate(english, "it")
    croatian = translate(english, "hr")
    return SimpleNamespace(en=english, it=italian, hr=croatian)


# "Cooperative sociali" as English, Italian and Croatian ("simple") index it.
STEMMED_TITLES = [
    "'cooper':1B 'sociali':2B",
    "'cooper':1B 'social':2B",
    "'cooperative':1B 'sociali':2B",
]


@postgres_only
def test_each_page_is_indexed_with_its_locales_configuration(cooperatives):
    assert [
        index_entry(page).title for page in [cooperatives.en, cooperatives.it, cooperatives.hr]
    ] == STEMMED_TITLES


@postgres_only
def test_one_batch_of_pages_in_several_locales_is_indexed_per_locale(cooperatives):
    IndexEntry.objects.all().delete()
    pages = ContentPage.objects.filter(
        pk__in=[cooperatives.hr.pk, cooperatives.en.pk, cooperatives.it.pk]
    )
    get_search_backend().get_index_for_model(ContentPage).add_items(ContentPage, list(pages))
    assert [
        index_entry(page).title for page in [cooperatives.en, cooperatives.it, cooperatives.hr]
    ] == STEMMED_TITLES


@postgres_only
def test_an_object_whose_locale_is_unknown_is_indexed_with_simple(cooperatives):
    page = ContentPage.objects.get(pk=cooperatives.it.pk)
    page.locale_id = max(Locale.objects.values_list("pk", flat=True)) + 1
    get_search_backend().get_index_for_model(ContentPage).add_items(ContentPage, [page])
    assert index_entry(page).title == "'cooperative':1B 'sociali':2B"


@postgres_only
def test_an_object_without_a_locale_is_indexed_with_the_backends_configuration(db):
    image = f.ImageFactory(title="Cooperative sociali")
    assert index_entry(image).title == "'cooper':1A 'sociali':2A"


def matching(query):
    """The live content pages matching `query`, each row with its own configuration."""
    return sorted(page.pk for page in ContentPage.objects.live().search(query))


@postgres_only
def test_each_row_is_matched_with_its_locales_stemming(cooperatives):
    # English stems "cooperatives" and "cooperative" to "cooper" and keeps "sociali"; Italian
    # stems "cooperativa", "cooperative" to "cooper" and "social", "sociali" to "social";
    # simple (Croatian) keeps every word as written.
    assert matching("cooperativa") == [cooperatives.it.pk]
    assert matching("cooperatives") == [cooperatives.en.pk]
    assert matching("social") == [cooperatives.it.pk]
    assert matching("cooperative") == sorted(page.pk for page in vars(cooperatives).values())


@postgres_only
def test_a_page_in_another_language_is_found_with_its_own_stemming(cooperatives):
    assert labelled(search_pages("cooperativa", locale("en"))) == [(cooperatives.it.pk, "it")]
    assert labelled(search_pages("cooperativa", locale("it"))) == [(cooperatives.it.pk, "")]


@postgres_only
def test_images_are_matched_with_the_backends_configuration(db):
    image = f.ImageFactory(title="Gardening volunteers")
    # English stemming: "volunteer" finds "volunteers", "garden" finds "gardening".
    assert list(Image.objects.search("volunteer garden")) == [image]
