"""Threads and posts as kinds of result of the site search (cms.search_sources), and the feed
of public threads, all through the one visibility rule (community.discussions.permissions).

The discussions have no search engine of their own: their search box submits to the site
search, filtered to posts (`?kind=posts`, and `&space=<id>` from a space's page); the old
address of the search within discussions redirects there.
"""

from html import unescape
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, Q, Subquery
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.search_sources import (
    SearchHit,
    SearchSource,
    language_config,
    register_search_source,
    text_matches,
)
from community.discussions.models import DiscussionIndexPage, Post
from community.discussions.permissions import readable_spaces, visible_posts, visible_threads

__all__ = ["feed_view", "register", "search_view"]


def _sub_url(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def _space_id(request):
    """The space the reader narrowed the search to (`?space=<id>`), or None."""
    value = request.GET.get("space", "")
    return int(value) if value.isdigit() and len(value) < 12 else None


def _section(locale):
    """The discussions section in the reader's language, else any (routes are the same)."""
    sections = DiscussionIndexPage.objects.live()
    return sections.filter(locale=locale).first() or sections.order_by("pk").first()


def search_threads(query, request, locale):
    threads = visible_threads(request.user).annotate(
        # A thread's title is written in its opening post's language.
        content_language=Subquery(
            Post.objects.filter(thread=OuterRef("pk"))
            .order_by("created_at", "pk")
            .values("language")[:1]
        )
    )
    if (space := _space_id(request)) is not None:
        threads = threads.filter(space_id=space)
    return text_matches(
        threads.select_related("space"),
        query,
        ["title"],
        config=language_config("content_language"),
        first=Q(content_language=locale.language_code),
        then=("-last_activity_at", "-pk"),
    )


def search_posts(query, request, locale):
    """Posts this reader may see whose text holds the words of `query` (a thread's title is
    found as a thread, the other kind)."""
    user = request.user
    posts = visible_posts(user).filter(
        deleted_at__isnull=True, thread__in=visible_threads(user).values("pk")
    )
    if (space := _space_id(request)) is not None:
        posts = posts.filter(thread__space_id=space)
    return text_matches(
        posts.select_related("thread__space"),
        query,
        ["body"],
        config=language_config("language"),
        first=Q(language=locale.language_code),
        then=("-created_at", "-pk"),
    )


def _other(language, locale):
    return "" if not language or language == locale.language_code else language


def thread_hits(threads, request, locale):
    section = _section(locale)
    return [
        SearchHit(
            title=thread.title,
            url=_sub_url(section, "thread", thread.pk) if section else "",
            detail=thread.space.title,
            other_language=_other(thread.content_language, locale),
        )
        for thread in threads
    ]


def post_hits(posts, request, locale):
    section = _section(locale)
    return [
        SearchHit(
            title=post.thread.title,
            url=_sub_url(section, "post", post.thread_id, post.pk) if section else "",
            # The sanitised HTML as plain text (the template escapes it again).
            summary=unescape(strip_tags(post.body)),
            detail=post.thread.space.title,
            other_language=_other(post.language, locale),
        )
        for post in posts
    ]


def describe_space_filter(request):
    space = _space_id(request)
    if space is None:
        return ""
    found = readable_spaces(request.user).filter(pk=space).first()
    if found is None:
        return ""
    return _("Only in the discussion space “%(space)s”") % {"space": found.title}


def register():
    register_search_source(
        SearchSource(
            "threads",
            gettext_lazy("Discussion threads"),
            search_threads,
            thread_hits,
            order=40,
            describe_filter=describe_space_filter,
        )
    )
    register_search_source(
        SearchSource(
            "posts",
            gettext_lazy("Posts"),
            search_posts,
            post_hits,
            order=50,
            describe_filter=describe_space_filter,
        )
    )


def search_view(page, request):
    """The old address of the search within discussions: the site search, filtered to posts
    (the search and the space kept)."""
    params = {"kind": "posts"}
    if query := request.GET.get("q", "").strip():
        params["q"] = query
    if (space := _space_id(request)) is not None:
        params["space"] = space
    return HttpResponsePermanentRedirect(f"{reverse('search')}?{urlencode(params)}")


class LatestThreadsFeed(Feed):
    """The latest threads of the public spaces (a feed reader is a visitor)."""

    def get_object(self, request, page):
        self._page = page
        return page

    def title(self, page):
        return page.title

    def link(self, page):
        return page.url

    def description(self, page):
        return _("Latest threads in the public discussions.")

    def items(self, page):
        return (
            visible_threads(AnonymousUser())
            .select_related("space", "author")
            .order_by("-created_at", "-pk")[:30]
        )

    def item_title(self, thread):
        return thread.title

    def item_description(self, thread):
        return thread.space.title

    def item_link(self, thread):
        return _sub_url(self._page, "thread", thread.pk)

    def item_pubdate(self, thread):
        return thread.created_at


def feed_view(page, request):
    return LatestThreadsFeed()(request, page=page)
