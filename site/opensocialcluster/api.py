"""Wagtail API v2 at /api/v2/: pages, images, documents (read-only, public content only)."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.api_filters import BoundedNumbersMixin, with_checked_search
from cms.document_visibility import public_documents
from cms.visibility import hidden_pages_q


class PublicPagesAPIViewSet(BoundedNumbersMixin, PagesAPIViewSet):
    """Only what an anonymous visitor may read, by the site's one rule (cms.visibility).

    Wagtail's own filter checks a page's own ancestors only; an untranslated copy (alias) or a
    translation of a restricted page would be served here with its full body.
    """

    filter_backends = with_checked_search(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        return super().get_base_queryset().exclude(hidden_pages_q(request=None))


class PublicDocumentsAPIViewSet(BoundedNumbersMixin, DocumentsAPIViewSet):
    """Documents outside private collections, the same for every caller (cms.document_visibility).

    Wagtail's own filter lets a signed-in caller list the private collections they may open,
    which a shared cache could then hand to anyone.
    """

    filter_backends = with_checked_search(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_documents(self.model.objects.order_by("id"))


class CheckedImagesAPIViewSet(BoundedNumbersMixin, ImagesAPIViewSet):
    filter_backends = with_checked_search(ImagesAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", CheckedImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
