"""The search within discussions and the feed of public threads, both through the one
visibility rule (community.discussions.permissions)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from cms.models.base import paginate
from community.discussions.forms import SearchForm
from community.discussions.models import Post
from community.discussions.permissions import visible_posts, visible_threads

SEARCH_PER_PAGE = 20


def _sub_url(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args)


def search_posts(user, query):
    """Posts this reader may see whose text or thread title holds every word of `query`."""
    words = query.split()[:8]
    if not words:
        return Post.objects.none()
    posts = visible_posts(user).filter(
        deleted_at__isnull=True,
        thread__in=visible_threads(user).values("pk"),
    )
    for word in words:
        posts = posts.filter(Q(body__icontains=word) | Q(thread__title__icontains=word))
    return posts.select_related("thread__space", "author").order_by("-created_at", "-pk")


def search_view(page, request):
    form = SearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    results = paginate(search_posts(request.user, query), request.GET.get("page"), SEARCH_PER_PAGE)
    context = {"page": page, "self": page, "form": form, "query": query, "results": results}
    return TemplateResponse(request, "community/discussions/search.html", context)


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
