"""Background work of the newsletter (django-tasks): sending an issue."""

from django_tasks import task

from community.newsletter.services import deliver

__all__ = ["send_newsletter"]


@task()
def send_newsletter(send_id):
    """Send an issue to its recipients; run again, it continues where it stopped."""
    deliver(send_id)
