"""cms.i18n's helpers on their own: language prefixes of paths, translated vocabularies."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from cms import factories as f
from cms.chrome_cache import invalidate
from cms.i18n import (
    active_and_default_language_codes,
    language_links,
    localized_list,
    path_in_language,
)
from cms.models import Topic
from tests.cms.test_languages import translate_page


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/en/news/", "it", "/it/news/"),
        ("/en/news/venice/?page=2", "ar", "/ar/news/venice/?page=2"),
        ("/el/", "fr", "/fr/"),
        ("/", "it", "/it/"),
        # Not under a language prefix: left alone.
        ("/admin/pages/", "it", "/admin/pages/"),
        ("/api/v2/pages/", "el", "/api/v2/pages/"),
        ("/english/", "it", "/english/"),
        ("/en", "it", "/en"),
        ("", "it", ""),
    ],
)
def test_path_in_language_swaps_only_a_language_prefix(path, language, expected):
    assert path_in_language(path, language) == expected


def test_active_and_default_language_codes_follow_the_active_language():
    with translation.override("it"):
        assert active_and_default_language_codes() == ("it", "en")
    with translation.override("en"):
        assert active_and_default_language_codes() == ("en", "en")


@pytest.mark.django_db
def test_localized_list_gives_each_item_in_the_readers_language_or_in_english(
    django_assert_num_queries,
):
    italian = Locale.objects.get(language_code="it")
    economy = f.TopicFactory(name="Social economy", slug="social-economy")
    data = f.TopicFactory(name="Open data", slug="open-data")
    economy_it = economy.copy_for_translation(italian)
    economy_it.name = "Economia sociale"
    economy_it.save()
    topics = Topic.objects.order_by("name")

    with translation.override("it"), django_assert_num_queries(2):
        items = localized_list(topics)
    # English order, Italian text where there is one.
    assert [(t.pk, t.name) for t in items] == [
        (data.pk, "Open data"),
        (economy_it.pk, "Economia sociale"),
    ]

    with translation.override("en"), django_assert_num_queries(1):
        assert [t.pk for t in localized_list(topics)] == [data.pk, economy.pk]
    with translation.override("it"), django_assert_num_queries(0):
        assert localized_list(topics.none()) == []


def test_language_links_mark_the_readers_language_as_current_and_only_it(rf):
    request = rf.get("/it/news/")
    request.LANGUAGE_CODE = "it"
    links = {link["code"]: link for link in language_links(request)}
    assert [code for code, link in links.items() if link["is_current"]] == ["it"]
    assert links["it"]["name_local"] == "italiano"


def test_language_links_take_the_default_language_as_current_without_locale_middleware(rf):
    links = language_links(rf.get("/en/"))
    assert [link["code"] for link in links if link["is_current"]] == ["en"]


@pytest.mark.django_db
def test_language_links_of_a_page_link_its_own_language_to_it_at_constant_query_count(
    rf,
):
    home = f.make_site()
    page = f.ContentPageFactory(parent=home, slug="about", title="About")
    request = rf.get("/en/about/")
    request.LANGUAGE_CODE = "en"

    def measure():
        # What computing them costs, not the chrome cache's answer (cms.chrome_cache).
        invalidate()
        with CaptureQueriesContext(connection) as queries:
            links = {link["code"]: link for link in language_links(request, page)}
        return links, len(queries)

    translate_page(page, "it", title="Chi siamo")
    measure()  # Wagtail caches the site's root paths on the request
    links, one_translation = measure()
    assert links["en"]["url"] == "/en/about/" and links["en"]["available"]
    assert links["it"]["url"] == "/it/about/" and links["it"]["available"]
    assert links["fr"]["opens_home"] and not links["fr"]["available"]
    assert links["fr"]["url"] == "/fr/"  # no French tree yet: its home's address
    translate_page(page, "fr", title="À propos")
    translate_page(page, "es", title="Quiénes somos")
    links, three_translations = measure()
    assert links["fr"]["available"] and not links["fr"]["opens_home"]
    assert three_translations == one_translation


def test_language_links_outside_pages_keep_the_view_and_its_query(rf):
    request = rf.get("/en/search/?q=cooperative")
    request.LANGUAGE_CODE = "en"
    links = {link["code"]: link for link in language_links(request)}
    assert links["fr"]["url"] == "/fr/search/?q=cooperative"
    assert links["ar"]["url"] == "/ar/search/?q=cooperative"
    # A view exists in every language: nothing is marked missing or sent home.
    assert all(link["available"] and not link["opens_home"] for link in links.values())


def test_language_links_name_each_language_in_itself_and_in_the_readers_language(rf):
    request = rf.get("/en/search/")
    request.LANGUAGE_CODE = "en"
    with translation.override("en"):
        links = {link["code"]: link for link in language_links(request)}
        # Django's translated name is lazy: read it in the language it was asked in.
        assert (links["el"]["name_local"], str(links["el"]["name"])) == ("Ελληνικά", "Greek")
    assert links["ar"]["bidi"] is True and links["el"]["bidi"] is False
