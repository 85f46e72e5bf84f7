"""The bulk-built corpus of `load_demo --scale N` (cms/demo/corpus.py): valid Wagtail pages.

Written without treebeard's add_child, revisions' save or the index signals, so each thing those
would have done is checked here: the tree, the URLs, the revisions, the search entries, the
admin explorer, in every language, at a small N.
"""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from cms import factories
from cms.demo.corpus import build_corpus, codename, corpus_size
from cms.factories import make_site
from cms.models import NewsPage, PilotActionPage, PublicationPage
from community.members.factories import UserFactory

N = 4
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def indexes(db):
    home = make_site()
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    pages = {
        "pilot-actions": factories.PilotActionIndexPageFactory(parent=home),
        "publications": factories.PublicationIndexPageFactory(parent=home),
        "news": factories.NewsIndexPageFactory(parent=home),
    }
    # The other language trees as the demo leaves them: aliases of the English pages.
    for locale in Locale.objects.exclude(language_code="en"):
        for index in pages.values():
            index.copy_for_translation(locale, copy_parents=True, alias=True)
    return pages


@pytest.fixture
def corpus(indexes):
    made = build_corpus(indexes, N)
    assert made == corpus_size(N, len(LANGUAGES))
    return indexes


def _synthetic(model=Page):
    return model.objects.filter(slug__startswith="synthetic-")


def test_every_language_tree_gets_each_item_of_each_kind(corpus):
    for model in (PilotActionPage, PublicationPage, NewsPage):
        pages = _synthetic(model)
        counts = {code: pages.filter(locale__language_code=code).count() for code in LANGUAGES}
        assert counts == dict.fromkeys(LANGUAGES, N), model
    # A share translated, the rest aliases of the English page, sharing its translation key.
    copies = _synthetic().exclude(locale__language_code="en")
    assert copies.filter(alias_of=None).exists() and copies.exclude(alias_of=None).exists()
    english = _synthetic().get(locale__language_code="en", slug="synthetic-news-1")
    assert _synthetic().filter(translation_key=english.translation_key).count() == len(LANGUAGES)


def test_the_tree_has_no_problem(corpus):
    problems = Page.find_problems()
    assert all(not found for found in problems), problems
    # numchild of each index counts its children, the url_path follows the parent's.
    for index in Page.objects.filter(depth=3):
        assert index.numchild == index.get_children().count()
    page = _synthetic().filter(locale__language_code="it").first()
    assert page.url_path == page.get_parent().url_path + page.slug + "/"


def test_non_alias_pages_have_their_live_revision(corpus):
    pages = _synthetic().filter(alias_of=None)
    assert not pages.filter(live_revision=None).exists()
    page = pages.filter(locale__language_code="en").first().specific
    assert page.live_revision_id == page.latest_revision_id
    assert page.latest_revision.as_object().title == page.title
    assert _synthetic().exclude(alias_of=None).filter(live=False).count() == 0


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_kind_renders_in_every_language(corpus, client, code):
    for model in (PilotActionPage, PublicationPage, NewsPage):
        for page in _synthetic(model).filter(locale__language_code=code)[:2]:
            response = client.get(page.url)
            assert response.status_code == 200, (code, page.url)
            assert page.title in response.content.decode()


def test_the_admin_explorer_lists_them(corpus, client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    index = corpus["news"]
    response = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert response.status_code == 200
    assert _synthetic(NewsPage).get(locale__language_code="en", slug="synthetic-news-2").title in (
        response.content.decode()
    )


def test_a_rare_word_finds_its_item_through_the_site_search(corpus, client):
    word = codename(3)
    response = client.get(reverse("search"), {"q": word})
    assert response.status_code == 200
    assert f"1 {word}" not in response.content.decode()  # another item's name is not matched
    assert f"3 {word}" in response.content.decode()


def test_a_translated_copy_is_found_in_its_language(corpus, client):
    page = _synthetic(NewsPage).filter(locale__language_code="it", alias_of=None).first()
    with translation.override("it"):
        url = reverse("search")
    response = client.get(url, {"q": codename(int(page.slug.rsplit("-", 1)[1]))})
    assert page.title in response.content.decode()


def test_a_second_run_with_the_same_n_makes_nothing(corpus):
    before = Page.objects.count()
    assert build_corpus(corpus, N) == 0
    assert Page.objects.count() == before


def test_a_larger_n_adds_only_the_new_numbers(corpus):
    assert build_corpus(corpus, N + 1) == corpus_size(1, len(LANGUAGES))
    assert not any(Page.find_problems())
    assert _synthetic(NewsPage).filter(slug="synthetic-news-5").count() == len(LANGUAGES)
