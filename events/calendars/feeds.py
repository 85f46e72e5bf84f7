"""RSS 2.0 and Atom feeds of an events index, with the same filters as the list."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events.calendars.ical import event_uid

__all__ = ["EventsAtomFeed", "EventsRssFeed"]


class EventsRssFeed(Feed):
    def __init__(self, index, filters):
        super().__init__()
        self.index = index
        self.filters = filters

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.summary or _("Events of the network")

    def items(self, index):
        return index.feed_events(self.request, self.filters)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        when = date_format(item.start_local, "DATETIME_FORMAT")
        text = f"{when} ({item.time_zone})"
        location = item.location_text()
        if location:
            text += f" · {location}"
        if item.summary:
            text += f"\n\n{item.summary}"
        return text

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return event_uid(item)

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class EventsAtomFeed(EventsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
