"""What a change purges from the page cache and from any CDN: the pages that show it.

A page's change (published, unpublished, moved, its slug changed, translated, deleted) purges
the page and every language copy of it (translations, wagtail-localize aliases), its ancestors
(the index pages that list it, their feeds and the home page), the pages whose content points
at it (Wagtail's reference index: links, choosers) and the pages that list pages of its type
elsewhere (`page_cache_lists` on a page class). A page in the main menu changes every page's
header: everything is purged. A snippet's change purges the pages that point at it (foreign
keys, many-to-many, orderables, StreamField and rich text) with their ancestors; the snippets and
settings every page shows (footer text, site settings: `page_cache_everywhere`) purge everything.
A change of another model (a registration) purges the pages that list its kind
(`page_cache_lists`: the events index, the home page) and the pages it names itself
(`page_cache_pages()`: its event, in every language): those URLs only, since their ancestors and
the pages linking to them show nothing of it, and each once per transaction.  An idea names its
result; a deleted object's are read before it goes (its deletion may unlink them). A page may
name pages too (`page_cache_pages()`: a call its results, which its results date hides or shows),
purged with their copies besides its own ancestors.

Every URL goes in one `PurgeBatch` per transaction, sent when it commits: a purge before the
commit would let a reader cache the old content again. Our own backend runs at once, so the
next request on any app server sees the change; the other backends (a CDN) get the same batch
as Wagtail's background task. Wagtail's task rewrites every URL into every site language.

A view restriction set on a page or removed from it purges that page like a change of it: a
page cached while public must not be served once it is private.

The same signals forget the cached machine-readable listings (the sitemap, the map's GeoJSON:
cms/content_cache.py) that show what changed, whether or not a page cache or CDN is on.
"""

import functools
import threading
import types

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import connection, transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.models import Page, PageViewRestriction, ReferenceIndex
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms import content_cache
from cms.page_cache import PageCacheBackend, page_cache_seconds, purge_everything

__all__ = ["connect", "purge_for_objects", "purge_for_pages", "urls_to_purge"]

_local = threading.local()


# -- the batch of one transaction ---------------------------------------------------------------


class _Batch(PurgeBatch):
    def __init__(self):
        super().__init__()
        self.everything = False
        self.sent = False
        # What this transaction's changes already put in (a kind's listings, a page's copies).
        self.done = set()
        # What to work out when the transaction commits, before sending (`_add(at_commit=True)`).
        self.at_commit = []

    def send(self):
        backends = get_backends()
        own = [name for name, backend in backends.items() if isinstance(backend, PageCacheBackend)]
        others = [name for name in backends if name not in own]
        if self.everything:
            purge_everything()
        if self.urls and own:
            # At once, here: the next request on any app server must see the change.
            purge_urls_from_cache_task.call(sorted(self.urls), None, own)
        if self.urls and others:
            self.purge(backends=others)


def _current_batch():
    """The batch still to send: one per transaction, sent by the first of its on-commit
    callbacks to run (the others find it sent). A rolled-back transaction's batch goes out with
    the next one (purging more than needed is harmless; less never happens)."""
    batch = getattr(_local, "batch", None)
    if batch is None or batch.sent:
        batch = _local.batch = _Batch()

    def flush():
        if not batch.sent:
            batch.sent = True
            for function in batch.at_commit:
                function(batch)
            batch.send()

    transaction.on_commit(flush)
    return batch


def _purging():
    """Whether anything is to be purged: our page cache is on, or a CDN is configured."""
    if page_cache_seconds():
        return True
    return any(not isinstance(b, PageCacheBackend) for b in get_backends().values())


def _add(function, at_commit=False):
    """Run `function(batch)` on the transaction's batch (outside a transaction: send at once);
    `at_commit`: when the transaction commits, just before the batch is sent, so that what it
    reads is not read while the transaction holds its locks (a registration holds its event's)."""
    if not _purging():
        return
    if connection.in_atomic_block:
        batch = _current_batch()
        if at_commit:
            batch.at_commit.append(function)
        else:
            function(batch)
        return
    batch = _Batch()
    function(batch)
    batch.send()


# -- what a page's change purges ----------------------------------------------------------------


def _in_menu(page):
    # The main menu is the home page's children shown in menus (cms/navigation.py).
    return page.show_in_menus and page.depth <= 3


def _live_pages(ids):
    return Page.objects.live().filter(pk__in=ids)


def _copies(page):
    """Every language copy of the page: translations and aliases (and their aliases)."""
    sources = [page.pk, page.alias_of_id or page.pk]
    return Page.objects.filter(
        Q(translation_key=page.translation_key) | Q(alias_of_id__in=sources)
    ).exclude(pk=page.pk)


def _referencing_pages(objects):
    """Pages whose content points at these objects (links, choosers, StreamField)."""
    from django.contrib.contenttypes.models import ContentType

    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to_in_bulk(objects)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return _live_pages([int(pk) for pk in ids if str(pk).isdigit()])


def _listed(model):
    """Labels ("app_label.Model") that a page class lists (`page_cache_lists`: a tuple, or a
    class method for the home page, whose sections the apps register)."""
    labels = getattr(model, "page_cache_lists", ())
    return labels() if callable(labels) else labels


@functools.cache
def _page_classes_that_list():
    """The page classes that declare `page_cache_lists` (every model is loaded by the first
    save: asked once per process, not at each save)."""
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, Page) and getattr(model, "page_cache_lists", ())
    )


def _listing_classes(changed):
    """Page classes that list things of class `changed` wherever they sit in the tree."""
    if changed is None:
        return []
    found = []
    for model in _page_classes_that_list():
        for label in _listed(model):
            try:
                listed = apps.get_model(label)
            except (LookupError, ValueError):
                continue
            if issubclass(changed, listed):
                found.append(model)
                break
    # A subclass's pages are among its parent's: keep the most general class only.
    return [m for m in found if not any(m is not o and issubclass(m, o) for o in found)]


def _listing_pages(changed):
    return [page for model in _listing_classes(changed) for page in model.objects.live()]


def _named_pages_of_page(page):
    """The pages a page says its change shows (`page_cache_pages()` on its class), else none;
    asked of the specific page only when its class says so (no query for the others)."""
    if not hasattr(page.specific_class or Page, "page_cache_pages"):
        return []
    return _named_pages(page if hasattr(page, "page_cache_pages") else page.specific)


def urls_to_purge(pages, batch=None):
    """Add to `batch` (a PurgeBatch) the URLs of everything that shows these pages."""
    batch = batch if batch is not None else _Batch()
    shown = set()
    for page in pages:
        if getattr(batch, "everything", False) is False and _in_menu(page):
            batch.everything = True
        for copy in [page, *_copies(page)]:
            shown.add(copy.pk)
            shown.update(copy.get_ancestors().filter(depth__gt=1).values_list("pk", flat=True))
        # Pages its change shows on besides its ancestors (a call's results, which its results
        # date makes public or private), in every language.
        for named in _named_pages_of_page(page):
            shown.update(copy.pk for copy in [named, *_copies(named)])
        shown.update(p.pk for p in _referencing_pages([page]))
        shown.update(p.pk for p in _listing_pages(page.specific_class))
    # A fresh cache of the sites' root paths for each change: the batch may outlive a change of
    # the sites (PurgeBatch keeps them on its `cache_object`).
    batch.cache_object = types.SimpleNamespace()
    batch.add_pages(Page.objects.filter(pk__in=shown).specific(defer=True))
    return batch


def purge_for_pages(pages):
    pages = list(pages)
    if pages:
        _add(lambda batch: urls_to_purge(pages, batch))


# -- what a snippet's change purges ------------------------------------------------------------


def _pages_related_to(instance):
    """Live pages that point at `instance` through a relation: a foreign key or many-to-many on
    the page, or on an orderable of the page (a parental key), or in its content."""
    ids = set()
    for relation in instance._meta.related_objects:
        model = relation.related_model
        field = relation.field
        if not getattr(model, "_meta", None):
            continue
        lookup = {f"{field.name}": instance}
        if issubclass(model, Page):
            ids.update(model.objects.filter(**lookup).values_list("pk", flat=True))
            continue
        parental = [
            f
            for f in model._meta.get_fields()
            if getattr(f, "remote_field", None) is not None
            and f.is_relation
            and f.many_to_one
            and isinstance(f.related_model, type)
            and issubclass(f.related_model, Page)
        ]
        for parent in parental:
            ids.update(model.objects.filter(**lookup).values_list(f"{parent.name}_id", flat=True))
    ids.update(p.pk for p in _referencing_pages([instance]))
    return _live_pages(ids)


def purge_for_objects(objects):
    """Purge what shows these snippets (or everything, for what every page shows)."""
    objects = list(objects)

    def add(batch):
        if any(getattr(obj, "page_cache_everywhere", False) for obj in objects):
            batch.everything = True
            return
        pages = {page.pk: page for obj in objects for page in _pages_related_to(obj)}
        for obj in objects:
            pages.update((page.pk, page) for page in _listing_pages(type(obj)))
        urls_to_purge(pages.values(), batch)

    if objects:
        _add(add)


# -- signals -------------------------------------------------------------------------------------


def _on_page_change(sender, instance, **kwargs):
    content_cache.forget_for(Page)
    purge_for_pages([instance])


def _on_page_delete(sender, instance, **kwargs):
    # Before the row goes: its URLs, ancestors and copies are still there to be found.
    content_cache.forget_for(Page)
    purge_for_pages([instance])


def _on_page_move(sender, instance, url_path_before, url_path_after, **kwargs):
    # Every URL under the old place changed: the old URLs must stop answering from the cache.
    content_cache.forget_for(Page)
    _add(lambda batch: setattr(batch, "everything", True))
    purge_for_pages([instance])


def _on_slug_change(sender, instance, instance_before, **kwargs):
    _on_page_move(sender, instance, instance_before.url_path, instance.url_path)


def _is_snippet(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    return issubclass(model, (BaseSiteSetting, BaseGenericSetting)) or model in get_snippet_models()


def _named_pages(instance):
    """The pages `instance` says it is shown on (`page_cache_pages()`), else none."""
    named = getattr(instance, "page_cache_pages", None)
    if named is None:
        return []
    try:
        return [page for page in named() if page is not None]
    except ObjectDoesNotExist:  # its page is being deleted: that deletion purges it
        return []


def _purge_shown(sender, instance, named=None):
    """Purge the pages that list things of `sender` and the pages `instance` names, with every
    language copy of those: their URLs only, each once per transaction however many changes
    of the kind it makes (a cancellation that seats three people waiting purges once).
    `named`: the pages it names, when read already (before its deletion)."""

    def add(batch):
        shown_on = _named_pages(instance) if named is None else named
        fresh = {("lists", sender), *(("shows", page.translation_key) for page in shown_on)}
        fresh -= batch.done
        if not fresh:
            return
        batch.done |= fresh
        shown = Q(pk__in=[])
        if ("lists", sender) in fresh:
            for model in _listing_classes(sender):
                shown |= Q(content_type__in=_content_types(model))
        for page in shown_on:
            if ("shows", page.translation_key) in fresh:
                shown |= (
                    Q(translation_key=page.translation_key) | Q(pk=page.pk) | Q(alias_of=page.pk)
                )
        batch.cache_object = types.SimpleNamespace()
        batch.add_pages(Page.objects.live().filter(shown).specific(defer=True))

    # Worked out at the commit: a registration's transaction holds its event's row lock, which
    # the other registrations wait for; the pages to purge need no lock.
    _add(add, at_commit=True)


@functools.cache
def _with_subclasses(model):
    return tuple(m for m in apps.get_models() if issubclass(m, model))


def _content_types(model):
    """The content types of `model` and of its subclasses (from ContentType's own cache)."""
    from django.contrib.contenttypes.models import ContentType

    return list(ContentType.objects.get_for_models(*_with_subclasses(model)).values())


def _on_model_change(sender, instance, **kwargs):
    # A page saved (a live page edited in code, a tree synchronised, a fixture loaded), a
    # restriction, an entry: no query, so fixtures too.
    content_cache.forget_for(sender)
    if kwargs.get("raw"):
        return  # fixtures
    if issubclass(sender, Page):
        return  # pages are purged when published, unpublished, moved or deleted
    if issubclass(sender, PageViewRestriction):
        # The page turned private (or public): its cached copies must go.
        if _purging():
            purge_for_pages(Page.objects.filter(pk=instance.page_id))
        return
    if _is_snippet(sender):
        purge_for_objects([instance])
    elif _listing_classes(sender) or hasattr(instance, "page_cache_pages"):
        _purge_shown(sender, instance)


def _on_model_delete(sender, instance, **kwargs):
    # What a deleted object names must be read before it goes: its deletion may unlink them
    # first (an idea's result keeps its page, its `idea` set to null, and turns private).
    if kwargs.get("raw") or isinstance(instance, Page) or not hasattr(instance, "page_cache_pages"):
        return
    if _purging():
        _purge_shown(sender, instance, named=_named_pages(instance))


def connect():
    """Listen for every change that a cached page may show (from CmsConfig.ready)."""
    page_published.connect(_on_page_change, dispatch_uid="page_cache_published")
    page_unpublished.connect(_on_page_change, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_on_page_move, dispatch_uid="page_cache_moved")
    page_slug_changed.connect(_on_slug_change, dispatch_uid="page_cache_slug_changed")
    pre_delete.connect(_on_page_delete, sender=Page, dispatch_uid="page_cache_deleted")
    # Snippets are registered by the apps' wagtail_hooks after ready(), and the home page's
    # sections by the apps: asked at each save.
    post_save.connect(_on_model_change, dispatch_uid="page_cache_snippet_saved")
    post_delete.connect(_on_model_change, dispatch_uid="page_cache_snippet_deleted")
    pre_delete.connect(_on_model_delete, dispatch_uid="page_cache_named_deleted")
