"""Wagtail API v2 at /api/v2/: pages, images, documents (read-only, public content only)."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from cms.api_filters import BoundedNumbersMixin, with_checked_search
from cms.document_visibility import public_documents
from cms.visibility import hidden_pages_q

Image = get_image_model()


class PublicPagesAPIViewSet(BoundedNumbersMixin, PagesAPIViewSet):
    """Only what an anonymous visitor may read, by the site's one rule (cms.visibility).

    Wagtail's own filter checks a page's own ancestors only; an untranslated copy (alias) or a
    translation of a restricted page would be served here with its full body.
    """

    filter_backends = with_checked_search(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        # Wagtail asks for it up to three times per request, each costing its restriction and
        # site queries: built once per request (the rule itself is unchanged).
        base = getattr(self.request, "_osc_api_base_queryset", None)
        if base is None:
            base = super().get_base_queryset().exclude(hidden_pages_q(request=None))
            self.request._osc_api_base_queryset = base
        return base.all()

    def get_queryset(self):
        """Wagtail's, reading each item's locale, images, vocabularies and inline rows with the
        list (a fixed number of queries for any `limit`) instead of one query per item each."""
        queryset = super().get_queryset()
        model = queryset.model
        if model is Page:
            return queryset
        api_names = {field.name for field in getattr(model, "api_fields", [])}
        select, prefetch = ["locale"], []
        for field in model._meta.get_fields():
            if field.many_to_one and field.concrete and issubclass(field.related_model, Image):
                select.append(field.name)
            elif field.many_to_many and not field.auto_created and field.name in api_names:
                prefetch.append(field.name)
            elif field.one_to_many and field.auto_created:
                accessor = field.get_accessor_name()
                if accessor in api_names:
                    prefetch.append(accessor)
        return queryset.select_related(*select).prefetch_related(*prefetch)


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
