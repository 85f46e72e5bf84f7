"""Member-facing event URLs, under the language prefix: /<lang>/events/..."""

from django.urls import path

from events.listing import views as listing_views
from events.registrations import views

app_name = "events"

urlpatterns = [
    path("mine/", views.my_events, name="mine"),
    # The map page's "upcoming events" layer (settings.MAP_EVENTS_GEOJSON_URL_NAME).
    path("upcoming.geojson", listing_views.upcoming_geojson, name="upcoming_geojson"),
    path("register/<int:page_id>/", views.register, name="register"),
    path("registrations/<int:registration_id>/cancel/", views.cancel, name="cancel"),
    path("guest/<str:token>/confirm/", views.guest_confirm, name="guest_confirm"),
    path("guest/<str:token>/cancel/", views.guest_cancel, name="guest_cancel"),
]
