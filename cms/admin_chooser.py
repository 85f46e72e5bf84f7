"""The admin's page chooser lists only pages its user may see.

Wagtail's chooser (`/admin/choose-page/`, its search and the "chosen" answer) shows the titles of
every page in every language to anyone who enters the admin: reviewers, moderators and
contributors read the titles of drafts and of pages restricted to groups they are not in. Here
a member of the admin sees the pages a reader with their account may see (`cms.visibility`:
live, and not hidden by a restriction on any language copy), plus the pages they may publish
and those they own (a contributor's own drafts). Superusers see everything.

The listings go through Wagtail's `construct_page_chooser_queryset` hook (cms/wagtail_hooks.py);
the page a listing opens on and the "chosen" answer are not filtered by that hook, so their
views are replaced here and routed before Wagtail's (site/opensocialcluster/urls.py).
"""

from django.db.models import Q
from django.http import Http404
from wagtail.admin.views import chooser
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.visibility import hidden_pages_q

__all__ = ["BrowseView", "ChosenMultipleView", "chooser_pages"]


def chooser_pages(pages, request):
    """`pages` narrowed to those `request.user` may see listed in the admin."""
    user = request.user
    if user.is_active and user.is_superuser:
        return pages
    publishable = PagePermissionPolicy().instances_user_has_any_permission_for(user, ["publish"])
    readable = Q(live=True) & ~hidden_pages_q(request)
    return pages.filter(readable | Q(pk__in=publishable.values("pk")) | Q(owner_id=user.pk))


class BrowseView(chooser.BrowseView):
    def get_object_list(self):
        # The page the listing opens on shows its title too: refused like a listed one.
        parent = self.parent_page
        if (
            not parent.is_root()
            and not chooser_pages(Page.objects.filter(pk=parent.pk), self.request).exists()
        ):
            raise Http404
        return super().get_object_list()


class ChosenMultipleView(chooser.ChosenMultipleView):
    def get(self, request):
        asked = [value for value in request.GET.getlist("id") if value.isdigit()]
        allowed = chooser_pages(Page.objects.filter(pk__in=asked), request)
        query = request.GET.copy()
        query.setlist("id", [str(pk) for pk in allowed.values_list("pk", flat=True)])
        request.GET = query
        return super().get(request)
