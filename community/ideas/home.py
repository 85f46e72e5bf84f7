"""The home page's idea sections (cms.home_sections): open calls with their deadline, and the
ideas and results recently made public. Registered from CommunityConfig.ready().

What a visitor may see comes from the ideas' own rules: the call pages' visibility
(`visible_pages`), `public_ideas` for the ideas and `disclose` for the status they show.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.home_sections import HomeSection, first_visible, register
from cms.translation_state import set_content_languages
from cms.visibility import visible_pages
from community.ideas.models import IdeaCallIndexPage, IdeaCallPage
from community.ideas.models.calls import calls_in_tree, open_calls
from community.ideas.permissions import disclose, public_ideas

__all__ = ["ideas_and_results", "open_calls_section", "register_sections"]


def calls_index(home, request):
    """The "all calls" page of this language tree, or None."""
    return first_visible(request, home, IdeaCallIndexPage)


def open_calls_section(request, home, limit, now=None):
    calls = set_content_languages(open_calls(home, request, now)[:limit])
    index = calls_index(home, request)
    if index is None and not calls:
        return None
    return {
        "items": calls,
        "more_url": index.get_url(request) if index else "",
        "more_label": _("All calls"),
        "empty_text": _("No call is open at the moment."),
    }


def ideas_and_results(request, home, limit, now=None):
    """The ideas made public most recently (of calls the reader may see), and the calls of this
    tree whose results came out most recently."""
    now = now or timezone.now()
    visible_calls = visible_pages(IdeaCallPage.objects.all(), request).values("pk")
    ideas = disclose(
        public_ideas(now=now)
        .filter(call__in=visible_calls)
        .select_related("call")
        .order_by("-submitted_at", "-pk")[:limit],
        None,  # what a visitor may know: the home page is the same for everyone
        now=now,
    )
    results = set_content_languages(
        calls_in_tree(home, request)
        .filter(results_published_at__lte=now)
        .order_by("-results_published_at", "pk")[:limit]
    )
    index = calls_index(home, request)
    if index is None and not ideas and not results:
        return None
    return {
        "items": ideas,
        "results": results,
        "more_url": index.get_url(request) if index else "",
        "more_label": _("All calls and their ideas"),
        "empty_text": _("No idea has been published yet."),
    }


def register_sections():
    register(
        HomeSection(
            key="open-calls",
            label=_("Open calls"),
            context=open_calls_section,
            template="community/ideas/home/open_calls.html",
            position=10,
            shows=("community.Idea",),
        )
    )
    register(
        HomeSection(
            key="ideas",
            label=_("Ideas and results"),
            context=ideas_and_results,
            template="community/ideas/home/ideas.html",
            position=40,
            shows=("community.Idea",),
        )
    )
