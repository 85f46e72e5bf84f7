"""A call's results as the public reads them: filters parsed without a database, the listing
in a constant number of queries, each result shown from its reader's-language copy."""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.translation import get_language

from cms import content_cache
from cms.i18n import localized_options
from cms.models import Country, Topic
from cms.visibility import reader_class
from community.results.models import IdeaResultPage, ResultStatus
from community.results.permissions import visible_results

__all__ = ["ResultFilters", "call_results", "filter_options", "in_readers_language", "register"]

_SLUG = re.compile(r"^[-a-z0-9_]{1,120}$")
_CODE = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class ResultFilters:
    status: str = ""
    country: str = ""  # ISO code: the same in every language
    topic: str = ""  # slug: the same in every language

    @classmethod
    def from_query(cls, query: Mapping) -> "ResultFilters":
        status = (query.get("status") or "").strip()
        country = (query.get("country") or "").strip().upper()
        topic = (query.get("topic") or "").strip().lower()
        return cls(
            status=status if status in ResultStatus.values else "",
            country=country if _CODE.match(country) else "",
            topic=topic if _SLUG.match(topic) else "",
        )

    @property
    def is_active(self):
        return bool(self.status or self.country or self.topic)


def _source_results(call, request):
    """The readable results of `call` (any language copy), as source-language pages."""
    source = call.source_page()
    return visible_results(request, IdeaResultPage.objects.child_of(source))


def call_results(call, request, filters=ResultFilters()):
    """The call's results this reader may read, filtered, with what the list shows loaded:
    their country, topics and organisations."""
    results = _source_results(call, request)
    if filters.status:
        results = results.filter(status=filters.status)
    if filters.country:
        results = results.filter(country__code=filters.country)
    if filters.topic:
        results = results.filter(topics__slug=filters.topic)
    return (
        results.select_related("country")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("name")),
            "organisations",
            "milestones",
        )
        .distinct()
        .order_by("title", "pk")
    )


def in_readers_language(results):
    """Each result with `shown`: its live copy in the active language (a translation or an
    alias), else itself. One query for any number of results."""
    results = list(results)
    keys = [result.translation_key for result in results]
    copies = {
        page.translation_key: page
        for page in IdeaResultPage.objects.live()
        .filter(translation_key__in=keys, locale__language_code=get_language())
        .only("pk", "title", "summary", "url_path", "translation_key", "locale_id", "path")
    }
    for result in results:
        result.shown = copies.get(result.translation_key, result)
    return results


# The cached listing of a call's filter choices (cms.content_cache): forgotten by any change of
# a page or of what hides one (a result published, an idea withdrawn), and of the countries and
# topics it names.
FILTERS_LISTING = "result-filters"


def register():
    content_cache.register_listing(FILTERS_LISTING, shows=("cms.Country", "cms.Topic"))


def filter_options(call, request):
    """The statuses, countries and topics of the call's readable results, named in the
    reader's language. The countries and topics are the same for every reader of one class
    (cms.visibility.reader_class) in one language: cached, no query on a hit."""

    def compute():
        results = _source_results(call, request)
        return {
            "countries": localized_options(
                Country.objects.filter(pk__in=results.values("country_id")), "code"
            ),
            "topics": localized_options(
                Topic.objects.filter(pk__in=results.values("topics")), "slug"
            ),
        }

    key = [call.pk, get_language(), reader_class(request)]
    shown = content_cache.cached(FILTERS_LISTING, key, compute, pages=IdeaResultPage)
    return {"statuses": ResultStatus.choices, **shown}
