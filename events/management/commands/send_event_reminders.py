"""`manage.py send_event_reminders`: queue the 24-hour reminders that are due (for cron)."""

from django.core.management.base import BaseCommand

from events.registrations.tasks import send_due_reminders


class Command(BaseCommand):
    help = (
        "Remind confirmed registrants of events starting within 24 hours (each once). Safe to "
        "run every few minutes; with the database task backend the work goes to db_worker."
    )

    def handle(self, *args, **options):
        result = send_due_reminders.enqueue()
        sent = result.return_value if result.is_finished else "queued"
        self.stdout.write(f"Reminders: {sent}")
