"""Which documents are public: those outside every private collection.

A collection made private in the admin (login, password or groups) covers its documents and
every collection below it. The document itself is only ever served through Wagtail's serve
view, which checks that privacy for each request (WAGTAILDOCS_SERVE_METHOD = "serve_view" in
settings); machine-readable channels (the API, exports, feeds) list public documents only, the
same for every caller, so an answer can be cached and shared.
"""

from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction

__all__ = ["private_collection_ids", "public_documents"]


def private_collection_ids():
    """Ids of every collection under a view restriction, its own or an ancestor's."""
    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ).values_list("path", flat=True)
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    if not under:
        return set()
    return set(Collection.objects.filter(under).values_list("pk", flat=True))


def public_documents(queryset):
    """`queryset` (of documents) without those in private collections."""
    return queryset.exclude(collection_id__in=private_collection_ids())
