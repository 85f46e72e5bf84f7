"""Cached listings (the sitemap, the map's GeoJSON, the higher layers' registered ones: a call's
result filters), never stale.

Each listing has a *generation*: a value stored in the cache that every key of that listing
includes. Forgetting a listing replaces its generation, so every old entry becomes unreachable
at once, in every language, without listing the keys.

What forgets them is the page cache's invalidation (cms/page_cache_invalidation.py), the one
listener for the changes a reader can see: `forget_for(model)` is called for every page saved,
published, unpublished, moved or deleted, every view restriction set or removed, every change
to what a higher layer's visibility rule reads (an idea's status: cms.visibility), and every
directory entry saved or deleted (`SHOWN` says which listing shows which model). A generation
is replaced at once (the same transaction reads the new content) and again when the change
commits (a reader who stored the old content in between is not served it). Signals rather than
a "latest publish time" key: a deletion or a restriction changes the listings without changing
any publish time, and reading the latest time costs a query on every hit.

Entries also expire after `TTL` seconds: a safety net for content that has no signal here
(discussion threads in the sitemap are written by an app above cms). What time alone reveals
(a call's results published at a set date) is never late: an entry expires at the next such
moment (`cms.visibility.next_change`), and is not stored when it comes during its computing.

On a hit a listing costs no SQL query: one cache read for the generation, one for the entry.
With local memory (development) a generation lives in one process; production shares it
through Redis.
"""

import time

from django.apps import apps
from django.core.cache import cache
from django.db import transaction

from cms.visibility import hidden_pages_models, timeout_before_next_change

__all__ = [
    "GEOJSON",
    "SHOWN",
    "SITEMAP",
    "TTL",
    "cached",
    "forget_for",
    "invalidate",
    "listings_showing",
    "register_listing",
]

SITEMAP = "sitemap"
GEOJSON = "geojson"
TTL = 15 * 60

# What each listing shows besides pages: a change to one of these models (or a subclass)
# forgets it. Both list pages, so both are also forgotten by whatever can hide or show a page
# (cms.visibility.hidden_pages_models: pages, view restrictions, what the higher layers' rules
# read). The map's layers show pilot actions (with the origin each was adapted from), events
# (pages) and the directory's entries.
SHOWN = {
    SITEMAP: (),
    GEOJSON: ("cms.SocialEconomyEntity", "cms.Premises"),
}


def register_listing(listing, shows=()):
    """Add a higher layer's listing of pages (a call's result filters) and the labels of the
    models it shows besides pages; from an app's ready(), so every process forgets it."""
    SHOWN[listing] = tuple(shows)


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
    for listing in listings or tuple(SHOWN):
        cache.set(_generation_key(listing), time.time_ns(), None)


def cached(listing, parts, compute, timeout=TTL, pages=None):
    """The value of `compute()` for this listing and key `parts`, from the cache when the
    listing has not changed since it was stored. `compute` may return None: not stored.
    `pages`: the page class it lists (None: any), for the moment time alone changes them."""
    key = ":".join(["osc:listing", listing, str(generation(listing)), *map(str, parts)])
    value = cache.get(key)
    if value is None:
        # Read before computing: a page shown by time alone in between makes the entry stale.
        timeout = timeout_before_next_change(timeout, model=pages)
        value = compute()
        if value is not None and timeout > 0:
            cache.set(key, value, timeout)
    return value


def _label_models(labels):
    return tuple(apps.get_model(label) for label in labels)


def listings_showing(model):
    """The listings that show objects of `model` (a class)."""
    shown_pages = _label_models(hidden_pages_models())
    return [
        listing
        for listing, labels in SHOWN.items()
        if issubclass(model, shown_pages + _label_models(labels))
    ]


def forget_for(model):
    """Forget the listings that show `model`: now, and again when the change commits."""
    listings = listings_showing(model)
    if listings:
        invalidate(*listings)
        transaction.on_commit(lambda: invalidate(*listings))
