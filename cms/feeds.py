"""RSS and Atom feeds of news and publications, one per language tree.

Each index page that mixes in `FeedListingMixin` answers `feed/rss/` and `feed/atom/` with its
latest items in its own language, through the listing's visibility rule (cms.visibility).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from wagtail.contrib.routable_page.models import path

__all__ = ["FeedListingMixin", "ListingAtomFeed", "ListingRssFeed"]

FEED_LENGTH = 30


class ListingRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        # Django reads `language` as a plain attribute, not through get_object.
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return self.index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.summary or index.title

    def feed_url(self, index):
        return self.request.build_absolute_uri()

    def items(self, index):
        return index.feed_items(self.request)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_meta_description()

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        day = getattr(item, self.index.feed_date_field)
        moment = datetime.datetime.combine(day, datetime.time(9, 0))
        return timezone.make_aware(moment)

    def item_updateddate(self, item):
        return item.last_published_at


class ListingAtomFeed(ListingRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)


class FeedListingMixin:
    """Adds `feed/rss/` and `feed/atom/` routes to a listing page.

    The page's `listing(None, request)` gives its visible items newest first, and
    `feed_date_field` names the items' date field.
    """

    feed_date_field = "date"

    def feed_items(self, request):
        return self.listing(None, request)

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        return ListingRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        return ListingAtomFeed(self)(request)

    def feed_links(self):
        """(media type, URL, label) of each feed, for <link rel="alternate"> and the page."""
        return [
            ("application/rss+xml", self.url + self.reverse_subpage("feed_rss"), "RSS"),
            ("application/atom+xml", self.url + self.reverse_subpage("feed_atom"), "Atom"),
        ]
