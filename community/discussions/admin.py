"""Discussion spaces in the Wagtail admin (a snippet): editors open spaces, choose who reads
them and name their moderators. A focus group's or workshop's private space is created when
the event is published, and edited here too."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community.discussions.models import DiscussionSpace


class DiscussionSpaceViewSet(SnippetViewSet):
    model = DiscussionSpace
    icon = "group"
    menu_label = _("Discussion spaces")
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "visibility", "event"]
    list_filter = ["visibility"]
    search_fields = ["title", "description"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("content_language"),
        FieldPanel("visibility"),
        FieldPanel("event"),
        FieldPanel("moderators"),
        FieldPanel("sort_order"),
    ]


register_snippet(DiscussionSpaceViewSet)
