"""The demo's bulk-load helpers: index updates once at the end, the language trees mirrored
from one page index, and the progress messages of the build steps."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from wagtail.models import Locale, Page
from wagtail.search.models import IndexEntry
from wagtail_localize.synctree import PageIndex

from cms import factories as f
from cms.demo.builder import (
    DemoContext,
    _trees_have_every_page,
    page_index,
    synchronise_language_trees,
)
from cms.demo.bulk import deferred_indexing
from cms.demo.progress import step
from cms.models import NewsPage

pytestmark = pytest.mark.django_db


def _indexed(page):
    content_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
    return IndexEntry.objects.filter(content_type=content_type, object_id=str(page.pk)).exists()


def _receivers():
    return len(post_save.receivers)


def test_deferred_indexing_indexes_each_saved_object_once_when_the_block_ends(home):
    index = f.NewsIndexPageFactory(parent=home)
    messages = []
    receivers = _receivers()
    with deferred_indexing(messages.append):
        page = f.NewsPageFactory(parent=index)
        page.save_revision().publish()
        gone = f.NewsPageFactory(parent=index)
        gone.delete()
        assert not _indexed(page)
    assert _indexed(page)
    assert not IndexEntry.objects.filter(object_id=str(gone.pk)).exists()
    assert _receivers() == receivers  # the apps' own handlers are back
    assert messages and messages[-1].startswith("index updates: ")
    # After the block, saves are indexed at once again.
    page.title = "Indexed at once"
    page.save()
    assert IndexEntry.objects.filter(object_id=str(page.pk), title="Indexed at once").exists()


def test_nested_deferred_indexing_leaves_the_work_to_the_outer_block(home):
    index = f.NewsIndexPageFactory(parent=home)
    with deferred_indexing():
        with deferred_indexing():
            page = f.NewsPageFactory(parent=index)
        assert not _indexed(page)
    assert _indexed(page)


def test_an_error_in_the_block_indexes_nothing_and_restores_the_handlers(home):
    receivers = _receivers()
    with pytest.raises(RuntimeError), deferred_indexing():
        raise RuntimeError
    assert _receivers() == receivers


def _entries(index):
    return [
        (
            entry.content_type,
            entry.translation_key,
            entry.source_locale,
            entry.parent_translation_key,
            sorted(entry.locales),
            sorted(entry.aliased_locales),
        )
        for entry in index
    ]


def _lacking_somewhere(index, locales):
    """wagtail-localize's own index, less the pages every language tree already has."""
    everywhere = {locale.pk for locale in locales.values()}
    return [entry for entry in index if {*entry.locales, *entry.aliased_locales} != everywhere]


def test_page_index_is_the_one_wagtail_localize_builds_and_trees_get_mirrored(home):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    index = f.NewsIndexPageFactory(parent=home)
    f.NewsPageFactory(parent=index)
    home.copy_for_translation(locales["it"])
    assert not _trees_have_every_page(locales)
    full = PageIndex.from_database().sort_by_tree_position()
    assert _entries(page_index()) == _entries(_lacking_somewhere(full, locales))
    assert page_index().pages  # the news page and the index lack their copies

    messages = []
    assert synchronise_language_trees(locales, messages.append)
    assert _trees_have_every_page(locales)
    assert NewsPage.objects.filter(alias_of__isnull=False).count() == len(locales) - 1
    assert "language trees: fr" in messages
    assert page_index().pages == []  # every tree has every page: nothing to read again
    assert not synchronise_language_trees(locales)  # nothing left to mirror
    assert Page.objects.filter(depth__gte=2).count() == 3 * len(locales)


def test_step_reports_what_was_counted_inside_it():
    ctx = DemoContext(locales={})
    ctx.count("pages", "unchanged")
    messages = []
    with step(ctx, messages.append, "pilot actions"):
        for _ in range(7):
            ctx.count("pilot_actions", "created")
        ctx.count("pilot_actions", "unchanged")
    with step(ctx, messages.append, "site settings"):
        pass
    with step(ctx, None, "nobody listens"):
        ctx.count("pages", "created")
    assert messages[0].startswith("pilot actions: 7 created, 1 unchanged (")
    assert messages[1].startswith("site settings: nothing to write (")
