"""Search is language-aware: each language stemmed as itself, the reader's language first.

Stemming needs PostgreSQL's text-search configurations; SQLite matches words as written, so
those tests are skipped there. Ordering, de-duplication and labels hold on both databases.
"""

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms import factories as f
from cms.search import readers_language_first
from tests.cms.trees import ids, searched_pages

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming uses PostgreSQL text-search configurations; SQLite has none",
)


def translate(page, language_code, **fields):
    """Translate a page into a language tree (parents too), with its own text, and publish it."""
    translation = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True
    )
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def alias(page, language_code):
    """An untranslated copy of a page in another language tree, as wagtail-localize syncs it."""
    copy = page.copy_for_translation(
        Locale.objects.get(language_code=language_code), copy_parents=True, alias=True
    )
    copy.refresh_from_db()
    return copy


def search(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return searched_pages(response)


def match(pk, locale, key, alias_of=None):
    return SimpleNamespace(pk=pk, locale_id=locale, translation_key=key, alias_of_id=alias_of)


def test_ordering_puts_the_readers_locale_first_and_lists_each_page_once():
    en, it, fr = 1, 2, 3
    matches = [
        match(10, en, "a"),  # best match, but the reader's Italian version is listed below
        match(11, fr, "b"),
        match(12, it, "c"),
        match(13, en, "b"),  # same page as the better-ranked French match
        match(14, fr, "d", alias_of=15),  # an alias of the English page 15
        match(15, en, "d"),
        match(16, it, "a"),
    ]
    assert [m.pk for m in readers_language_first(matches, it)] == [12, 16, 11, 15]


@postgres_only
class StemmingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_site()
        cls.cooperatives = f.ContentPageFactory(
            parent=home,
            title="Social cooperatives",
            summary="Enterprises owned by their workers.",
        )
        cls.cooperative_it = translate(
            cls.cooperatives,
            "it",
            title="Cooperative sociali",
            summary="Innovazioni nate nei territori del Mediterraneo.",
        )
        cls.gardens = f.ContentPageFactory(
            parent=home, title="Gardening volunteers", summary="Neighbours grow food."
        )

    def test_an_inflected_italian_word_finds_the_italian_page(self):
        # The Italian stemmer reduces "cooperativa" and "cooperative" to "cooper",
        # "innovazione" and "innovazioni" to "innov"; English or simple would not.
        assert ids(search(self.client, "/it/search/?q=cooperativa")) == [self.cooperative_it.pk]
        assert ids(search(self.client, "/it/search/?q=innovazione")) == [self.cooperative_it.pk]

    def test_another_form_of_an_english_word_finds_the_english_page(self):
        assert ids(search(self.client, "/en/search/?q=volunteer+garden")) == [self.gardens.pk]
        assert ids(search(self.client, "/en/search/?q=cooperative")) == [self.cooperatives.pk]

    def test_a_page_in_another_language_is_matched_with_its_own_stemming(self):
        results = search(self.client, "/en/search/?q=cooperativa")
        assert ids(results) == [self.cooperative_it.pk]
        assert results[0].other_language == "it"


class LanguageOrderTests(TestCase):
    """The word "Zagreb" is the same in every language, so this needs no stemming."""

    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        # Very relevant in English only: "Zagreb" in the title, summary and body.
        cls.workshop = f.ContentPageFactory(
            parent=cls.home,
            title="Zagreb workshop",
            summary="A day in Zagreb.",
            body=[("paragraph", "<p>Zagreb hosts the network.</p>")],
        )
        # Mentions Zagreb only in its Italian version.
        cls.meeting = f.ContentPageFactory(
            parent=cls.home, title="Partner meeting", summary="The partners met."
        )
        cls.meeting_it = translate(
            cls.meeting, "it", title="Riunione dei partner", summary="I partner a Zagabria, Zagreb."
        )
        # Translated with its English text still in place: matches in both languages.
        cls.call = f.ContentPageFactory(
            parent=cls.home, title="Open call", summary="Ideas from Zagreb welcome."
        )
        cls.call_it = translate(cls.call, "it")

    def test_results_in_the_readers_language_come_before_other_languages(self):
        results = search(self.client, "/it/search/?q=zagreb")
        assert set(ids(results)[:2]) == {self.meeting_it.pk, self.call_it.pk}
        assert ids(results)[2:] == [self.workshop.pk]
        assert [page.other_language for page in results] == ["", "", "en"]

    def test_a_page_translated_into_the_readers_language_is_listed_once_in_that_language(self):
        assert self.call.pk not in ids(search(self.client, "/it/search/?q=zagreb"))
        results = search(self.client, "/en/search/?q=zagreb")
        assert set(ids(results)) == {self.workshop.pk, self.call.pk, self.meeting_it.pk}
        assert ids(results)[-1] == self.meeting_it.pk

    def test_a_result_in_another_language_says_which_language(self):
        response = self.client.get("/it/search/?q=zagreb")
        content = response.content.decode()
        assert 'class="search-result__language"' in content
        assert "Inglese" in content  # "English", in the reader's Italian
        assert f'<a href="{self.workshop.url}" hreflang="en">' in content
        assert 'lang="en" dir="ltr"' in content

    def test_an_untranslated_alias_in_the_readers_tree_stands_for_its_source(self):
        alias_fr = alias(self.workshop, "fr")
        results = search(self.client, "/fr/search/?q=zagreb")
        assert alias_fr.pk in ids(results)
        assert self.workshop.pk not in ids(results)
        assert next(page for page in results if page.pk == alias_fr.pk).other_language == "en"
        # Elsewhere the alias is left out: its source page is listed.
        assert alias_fr.pk not in ids(search(self.client, "/es/search/?q=zagreb"))

    def test_search_in_a_language_without_a_tree_lists_the_other_languages(self):
        results = search(self.client, "/hr/search/?q=zagreb")
        assert {self.workshop.pk, self.meeting_it.pk} <= set(ids(results))
        # The open call matches in English and Italian alike: listed once, in either.
        assert len(set(ids(results)) & {self.call.pk, self.call_it.pk}) == 1
        assert len(results) == 3
        assert {page.other_language for page in results} == {"en", "it"}


class SearchQueryCountTests(TestCase):
    def test_search_queries_do_not_grow_with_the_number_of_results(self):
        home = f.make_site()

        def add(count):
            for _ in range(count):
                story = f.ContentPageFactory(parent=home, summary="A story from Zagreb.")
                translate(story, "it")  # matches in Italian too, listed once
                f.ContentPageFactory(parent=home, summary="A note on Zagreb.")  # English only

        def measure():
            self.client.get("/it/search/?q=zagreb&kind=pages")  # warm Wagtail's caches
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/it/search/?q=zagreb&kind=pages")
            results = response.context["found"].results
            return len(queries), results.paginator.count, len(results)

        add(1)
        few, count_few, shown_few = measure()
        add(12)
        many, count_many, shown_many = measure()
        assert (count_few, shown_few, count_many, shown_many) == (2, 2, 26, 10)
        assert few == many
