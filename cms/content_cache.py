"""Cached machine-readable listings (the sitemap, the map's GeoJSON), never stale.

Each listing has a *generation*: a value stored in the cache that every key of that listing
includes. Any write that can change what a listing shows (a page saved, published,
unpublished, moved or deleted; a view restriction set or removed; a directory entry saved)
replaces the generation, so every old entry becomes unreachable at once, in every language,
without listing the keys. Signals rather than a "latest publish time" key: a deletion or a
restriction changes the listings without changing any publish time, and reading the latest
time costs a query on every hit.

Entries also expire after `TTL` seconds: a safety net for content that has no signal here
(discussion threads in the sitemap are written by an app above cms).

On a hit a listing costs no SQL query: one cache read for the generation, one for the entry.
With local memory (development) a generation lives in one process; production shares it
through Redis.
"""

import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

__all__ = ["GEOJSON", "SITEMAP", "TTL", "cached", "connect_signals", "invalidate"]

SITEMAP = "sitemap"
GEOJSON = "geojson"
TTL = 15 * 60


def _generation_key(listing):
    return f"osc:listing-generation:{listing}"


def generation(listing):
    value = cache.get(_generation_key(listing))
    if value is None:
        value = time.time_ns()
        cache.add(_generation_key(listing), value, None)
        value = cache.get(_generation_key(listing), value)
    return value


def invalidate(*listings):
    """Forget every cached entry of these listings (all of them when none is named)."""
    for listing in listings or (SITEMAP, GEOJSON):
        cache.set(_generation_key(listing), time.time_ns(), None)


def cached(listing, parts, compute, timeout=TTL):
    """The value of `compute()` for this listing and key `parts`, from the cache when the
    listing has not changed since it was stored. `compute` may return None: not stored."""
    key = ":".join(["osc:listing", listing, str(generation(listing)), *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(key, value, timeout)
    return value


def _pages_changed(sender, **kwargs):
    invalidate(SITEMAP, GEOJSON)


def _page_saved_or_deleted(sender, **kwargs):
    # Every Page subclass sends its own signal: listen to all models, keep the pages.
    if issubclass(sender, Page) or sender is PageViewRestriction:
        invalidate(SITEMAP, GEOJSON)


def _entry_saved_or_deleted(sender, **kwargs):
    from cms.models import Premises, SocialEconomyEntity

    if issubclass(sender, (SocialEconomyEntity, Premises)):
        invalidate(GEOJSON)


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_pages_changed, dispatch_uid=f"osc-listings-{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(_page_saved_or_deleted, dispatch_uid=f"osc-listings-pages-{id(signal)}")
        signal.connect(_entry_saved_or_deleted, dispatch_uid=f"osc-listings-entries-{id(signal)}")
