"""The home page's "latest discussions" section (cms.home_sections), registered from
CommunityConfig.ready().

The threads are those a visitor may read (`visible_threads(None)`: public spaces, threads with
a published post): the home page is the same for everyone, so a member's private or members-only
threads never show there, even to that member.
"""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from cms.home_sections import HomeSection, first_visible, register
from community.discussions.models import DiscussionIndexPage, Post, PostStatus
from community.discussions.permissions import visible_threads

__all__ = ["latest_threads", "register_sections"]


def latest_threads(request, home, limit):
    section = first_visible(request, home, DiscussionIndexPage)
    if section is None:
        # Threads are routes of a discussions section: none in this tree, nothing to link.
        return None
    opening_language = Subquery(
        Post.objects.filter(thread=OuterRef("pk"), status=PostStatus.PUBLISHED)
        .order_by("created_at", "pk")
        .values("language")[:1]
    )
    threads = list(
        visible_threads(None)
        .annotate(language=opening_language)
        .select_related("space")
        .order_by("-last_activity_at", "-pk")[:limit]
    )
    base = section.get_url(request)
    for thread in threads:
        thread.url = base + section.reverse_subpage("thread", args=[thread.pk])
    return {
        "items": threads,
        "more_url": base,
        "more_label": _("All discussions"),
        "empty_text": _("No public discussion yet."),
    }


def register_sections():
    register(
        HomeSection(
            key="discussions",
            label=_("Latest discussions"),
            context=latest_threads,
            template="community/discussions/home/latest_threads.html",
            position=30,
            # The home page in the page cache is purged when these change.
            shows=("community.Thread", "community.Post", "community.DiscussionSpace"),
        )
    )
