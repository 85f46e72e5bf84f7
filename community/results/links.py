"""What a result links to (its events, publications and datasets, and its pilot action), each
shown only where the reader may see it: live and not restricted from them (cms.visibility), in
their language when it exists there. One query for any number of results, so every channel
(the page, the call's list, the export, the API) asks the same rule at the same cost.
"""

from dataclasses import dataclass

from django.db.models import Q
from wagtail.models import Page

from cms import translation_state
from cms.i18n import active_and_default_language_codes
from cms.visibility import visible_pages
from community.results.models import IdeaResultPage

__all__ = ["LINK_KINDS", "Link", "attach_links", "linked_page_ids"]

# The kinds of linked page, as the result's `related` StreamField names its blocks.
LINK_KINDS = ("event", "publication", "dataset")


@dataclass(frozen=True)
class Link:
    kind: str  # one of LINK_KINDS
    page: Page  # the readable copy, in the reader's language when it exists there

    @property
    def label(self):
        return IdeaResultPage.related.field.stream_block.child_blocks[self.kind].label


def linked_page_ids(result):
    """(kind, page id) of each linked page, in the editor's order, read without a query."""
    return [
        (block["type"], block["value"])
        for block in result.related.raw_data
        if block and block.get("type") in LINK_KINDS and block.get("value")
    ]


def attach_links(results, request=None):
    """Set on each result `links` (its readable linked pages, as `Link`s, in order) and
    `readable_pilot_action` (its pilot action when readable, else None). `request=None` reads
    as an anonymous visitor (the open-data export). One query; none when nothing is linked."""
    results = list(results)
    wanted = {pk for result in results for _kind, pk in linked_page_ids(result)}
    wanted |= {result.pilot_action_id for result in results if result.pilot_action_id}
    readable, copies = {}, {}
    if wanted:
        language, _default = active_and_default_language_codes()
        same_content = Page.objects.filter(pk__in=wanted).values("translation_key")
        pages = visible_pages(
            Page.objects.filter(
                Q(pk__in=wanted)
                | Q(translation_key__in=same_content, locale__language_code=language)
            ),
            request,
        ).select_related("locale")
        # Each page knows the language its text is in (an alias's is its source's), so the
        # link is marked with it where it is not the reader's: no query of its own.
        pages = translation_state.annotate_content_language(
            pages, name=translation_state._CACHE_ATTRIBUTE
        )
        for page in pages:
            if page.pk in wanted:
                readable[page.pk] = page
            if page.locale.language_code == language:
                copies[page.translation_key] = page

    def shown(pk):
        page = readable.get(pk)
        return copies.get(page.translation_key, page) if page is not None else None

    for result in results:
        result.links = [
            Link(kind, shown(pk)) for kind, pk in linked_page_ids(result) if shown(pk) is not None
        ]
        result.readable_pilot_action = shown(result.pilot_action_id)
    return results
