"""Asking for a "download my data" archive: queued for the background worker."""

from django.db import transaction

from community.privacy.models import DataExport
from community.privacy.tasks import build_data_export

__all__ = ["request_export"]


def request_export(user):
    """Queue a new archive for `user`; a request still being prepared is reused rather than
    queued twice. Returns the DataExport."""
    with transaction.atomic():
        pending = (
            DataExport.objects.select_for_update()
            .filter(user=user, status=DataExport.Status.PENDING)
            .first()
        )
        if pending is not None:
            return pending
        export = DataExport.objects.create(user=user)
        transaction.on_commit(lambda: build_data_export.enqueue(export.pk))
    return export
