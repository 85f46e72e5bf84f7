"""Send the daily notification digests; run once a day (cron, a scheduler)."""

from django.core.management.base import BaseCommand

from community.notifications.tasks import send_notification_digests


class Command(BaseCommand):
    help = (
        "Email each member one digest of their unread notifications that wait for it, "
        "grouped by kind. Safe to run twice: nobody gets a notification twice."
    )

    def handle(self, *args, **options):
        sent = send_notification_digests.call()
        self.stdout.write(f"{sent} digest(s) sent.")
