"""Wagtail API v2 at /api/v2/: pages, images, documents (read-only, public content only)."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.visibility import hidden_pages_q


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """Only what an anonymous visitor may read, by the site's one rule (cms.visibility).

    Wagtail's own filter checks a page's own ancestors only; an untranslated copy (alias) or a
    translation of a restricted page would be served here with its full body.
    """

    def get_base_queryset(self):
        return super().get_base_queryset().exclude(hidden_pages_q(request=None))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
