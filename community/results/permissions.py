"""Who may see or do what with results: each rule in one function, asked by every channel
(the page, the call's results list, the export, the API, the search, the sitemap and the
notifications).

A result is readable when three things hold: its page is live and visible to the reader
(cms.visibility: a restricted call hides its results too), and its idea is public by the idea
rule (community.ideas.permissions.public_ideas) and known to be selected (`disclosed_status`:
once the call's results are published). A result whose idea is private, withdrawn, no
longer selected, or gone stays private.
"""

from django.db.models import Min, Q
from django.utils.translation import gettext as _

from cms.visibility import register_hidden_pages_rule, visible_pages
from community.ideas.models import IdeaCallPage, IdeaStatus
from community.ideas.permissions import (
    disclosed_status,
    is_call_organiser,
    is_public_idea,
    public_ideas,
    public_status,
    results_published,
)
from community.results.models import IdeaResultPage

__all__ = [
    "call_results_refusal",
    "can_manage_result",
    "can_view_result",
    "make_result_refusal",
    "register",
    "visible_results",
]


def public_result_ideas():
    """Ideas whose result anyone may read: public ideas (`public_ideas`) that the public knows
    are selected (`public_status`, the expression form of `disclosed_status`). A result tells
    the decision, so it waits for the call's results like the decision does."""
    return (
        public_ideas()
        .annotate(known_status=public_status())
        .filter(known_status=IdeaStatus.SELECTED)
    )


def hidden_results_q(request=None):
    """The result pages hidden from every reader by the idea rule, as a Q over pages, for
    cms.visibility: so the sitemap, the API, the menus and the page search, which ask
    `visible_pages`, keep them out too. One subquery, no query of its own."""
    private = IdeaResultPage.objects.exclude(idea__in=public_result_ideas().values("pk"))
    return Q(pk__in=private.values("pk"))


def next_results_date(now):
    """When a call's results next come out: its selected ideas' results turn public then, with
    no save to say so (the sitemap and the page cache expire at that moment)."""
    return IdeaCallPage.objects.filter(results_published_at__gt=now).aggregate(
        first=Min("results_published_at")
    )["first"]


def register():
    # The rule hides result pages only, reads ideas (their status) besides pages, and changes
    # when a call's results come out.
    register_hidden_pages_rule(
        hidden_results_q,
        models=("community.Idea",),
        page_classes=[IdeaResultPage],
        changes_at=next_results_date,
    )


def visible_results(request=None, queryset=None):
    """The results this reader may read, in one database query (anonymous without request)."""
    queryset = queryset if queryset is not None else IdeaResultPage.objects.all()
    return visible_pages(queryset, request).filter(idea__in=public_result_ideas().values("pk"))


def can_view_result(result, request=None):
    """`visible_results` for one result already loaded; its call's organisers read it too."""
    user = getattr(request, "user", None)
    if user is not None and can_manage_result(result, user):
        return True
    idea = result.idea
    if idea is None or not is_public_idea(idea) or disclosed_status(idea) != IdeaStatus.SELECTED:
        return False
    return visible_results(request, IdeaResultPage.objects.filter(pk=result.pk)).exists()


def _call_of(result):
    return result.get_parent().specific.source_page()


def can_manage_result(result, user):
    """Whoever may change the idea's status for the call (its organisers) runs its result."""
    if not user.is_authenticated:
        return False
    call = result.idea.call if result.idea_id else _call_of(result)
    return is_call_organiser(call, user)


def call_results_refusal(call):
    """Why no idea of `call` may become a result yet (a sentence), or "" once its results are
    published: before then, a result would tell the decision."""
    if not results_published(call):
        return _("Publish the call's results first: the result would tell the decision.")
    return ""


def make_result_refusal(idea, user):
    """Why `user` may not turn `idea` into a result (a sentence), or "" when they may.

    Offered only to the call's organisers, for an idea they know is selected, once the call's
    results are published (`disclosed_status`); an idea has one result."""
    if not is_call_organiser(idea.call, user):
        return _("Only the call's organisers can follow up an idea with a result.")
    if disclosed_status(idea, user) != IdeaStatus.SELECTED:
        return _("Only a selected idea can become a result.")
    if refusal := call_results_refusal(idea.call):
        return refusal
    if idea.result_pages.exists():
        return _("This idea already has a result.")
    return ""
