"""The kinds of search results the content layer owns: datasets (pages) and the entries of
the social-economy directory and the premises register (published ones only, the listings' own
rule: `DirectoryQuerySet.published`)."""

from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms.models import (
    DatasetPage,
    DirectoryPage,
    Premises,
    PremisesRegisterPage,
    SocialEconomyEntity,
)
from cms.search_sources import (
    SearchHit,
    SearchSource,
    language_config,
    page_source,
    register_search_source,
    text_matches,
)
from cms.visibility import visible_pages

__all__ = ["register"]


def _entry_search(model, fields):
    def search(query, request, locale):
        return text_matches(
            model.objects.published(),
            query,
            fields,
            config=language_config("content_language"),
            first=Q(content_language=locale.language_code),
            then=("name", "pk"),
        )

    return search


def _entry_hits(listing_page_model):
    def hits(entries, request, locale):
        # Entries have no page of their own: a result opens the listing in the reader's
        # language, filtered by the entry's name.
        listing = (
            visible_pages(listing_page_model.objects.filter(locale=locale), request)
            .order_by("pk")
            .first()
        ) or visible_pages(listing_page_model.objects.all(), request).order_by("pk").first()
        base = listing.get_url(request) if listing is not None else ""
        return [
            SearchHit(
                title=entry.name,
                url=f"{base}?{urlencode({'q': entry.name})}" if base else "",
                summary=entry.description,
                detail=", ".join(part for part in (entry.city, entry.region) if part),
                other_language=(
                    "" if entry.content_language == locale.language_code else entry.content_language
                ),
            )
            for entry in entries
        ]

    return hits


def register():
    register_search_source(page_source("datasets", _("Datasets"), [DatasetPage], order=70))
    register_search_source(
        SearchSource(
            "directory",
            _("Social-economy directory"),
            _entry_search(SocialEconomyEntity, ["name", "description", "offer", "city", "region"]),
            _entry_hits(DirectoryPage),
            order=80,
        )
    )
    register_search_source(
        SearchSource(
            "premises",
            _("Premises"),
            _entry_search(Premises, ["name", "description", "conditions", "city", "region"]),
            _entry_hits(PremisesRegisterPage),
            order=90,
        )
    )
