"""Admin wiring: the organiser's registrations desk, its menu item and a button on events."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from events.pages.models import EventPage
from events.registrations import admin_views
from events.registrations.permissions import can_manage_registrations, managed_events

admin_urls = [
    path("", admin_views.event_list, name="event_list"),
    path("<int:page_id>/", admin_views.registrations, name="registrations"),
    path("<int:page_id>/export.csv", admin_views.export_csv, name="export"),
    path("<int:page_id>/email/", admin_views.email_participants, name="email"),
    path(
        "<int:page_id>/<int:registration_id>/attendance/",
        admin_views.attendance,
        name="attendance",
    ),
    path(
        "<int:page_id>/<int:registration_id>/cancel/",
        admin_views.cancel_registration,
        name="cancel",
    ),
    path(
        "<int:page_id>/<int:registration_id>/<str:decision>/",
        admin_views.decide,
        name="decide",
    ),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("events/registrations/", include((admin_urls, "events_admin")))]


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return managed_events(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return RegistrationsMenuItem(
        _("Event registrations"), reverse("events_admin:event_list"), icon_name="group", order=250
    )


@hooks.register("register_page_listing_buttons")
def registrations_button(page, user, next_url=None, **kwargs):
    if isinstance(page.specific_deferred, EventPage) and can_manage_registrations(user, page):
        yield ListingButton(
            _("Registrations"),
            reverse("events_admin:registrations", args=[page.pk]),
            priority=40,
        )
