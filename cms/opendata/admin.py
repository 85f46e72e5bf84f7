"""Admin for the open-data section: the tool catalogue (and, below, the directory)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import OpenDataTool


class OpenDataToolViewSet(SnippetViewSet):
    model = OpenDataTool
    icon = "cogs"
    menu_label = _("Open-data tools")
    list_display = ["name", "skill_level", "licence"]
    list_filter = ["skill_level"]
    search_fields = ["name", "purpose"]


register_snippet(OpenDataToolViewSet)
