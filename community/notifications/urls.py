"""The notification centre's routes, under the language prefix (/<lang>/notifications/...)."""

from django.urls import path

from community.notifications import views as notifications

app_name = "notifications"

urlpatterns = [
    path("", notifications.notification_list, name="list"),
    path("read/", notifications.mark_all_read, name="read_all"),
    path("unread-count.json", notifications.unread_count, name="unread_count"),
    path("<int:pk>/", notifications.open_notification, name="open"),
    path("<int:pk>/read/", notifications.mark_read, name="read"),
    path("preferences/", notifications.preferences, name="preferences"),
    path("unsubscribe/<str:token>/", notifications.unsubscribe, name="unsubscribe"),
]
