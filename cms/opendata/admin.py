"""Admin for the open-data section: the tool catalogue, the directory (entities members propose
are checked here, filtered by status) and its CSV imports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import OpenDataTool, Premises, SocialEconomyEntity

from . import admin_views as views


class OpenDataToolViewSet(SnippetViewSet):
    model = OpenDataTool
    icon = "cogs"
    menu_label = _("Open-data tools")
    list_display = ["name", "skill_level", "licence"]
    list_filter = ["skill_level"]
    search_fields = ["name", "purpose"]


register_snippet(OpenDataToolViewSet)


class SocialEconomyEntityViewSet(SnippetViewSet):
    model = SocialEconomyEntity
    icon = "group"
    menu_label = _("Social-economy entities")
    list_display = ["name", "kind", "region", "status", "updated_at"]
    list_filter = ["status", "kind", "region"]
    search_fields = ["name", "city", "region"]


class PremisesViewSet(SnippetViewSet):
    model = Premises
    icon = "home"
    menu_label = _("Premises")
    list_display = ["name", "city", "region", "availability", "status"]
    list_filter = ["status", "availability", "region"]
    search_fields = ["name", "city", "region"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    items = (SocialEconomyEntityViewSet, PremisesViewSet)
    menu_icon = "site"
    menu_label = _("Directory")
    menu_name = "directory"


register_snippet(DirectoryViewSetGroup)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("directory-imports/", views.import_list, name="directory_imports"),
        path("directory-imports/new/", views.import_new, name="directory_import_new"),
        path("directory-imports/<int:pk>/", views.import_detail, name="directory_import"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return views.ImportMenuItem(
        _("Directory imports"),
        reverse("directory_imports"),
        icon_name="upload",
        order=900,
        name="directory-imports",
    )
