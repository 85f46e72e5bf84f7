"""Background work of privacy (django-tasks): building a member's data archive."""

from django_tasks import task

from cms.mail import send_templated_mail
from community.privacy.models import DataExport
from community.privacy.services import complete_export

__all__ = ["build_data_export"]


@task()
def build_data_export(export_id):
    """Build a member's archive and email them the (owner-only) link."""
    export = DataExport.objects.select_related("user").filter(pk=export_id).first()
    if export is None or export.status != DataExport.Status.PENDING:
        return
    try:
        complete_export(export)
    except Exception:
        export.status = DataExport.Status.FAILED
        export.save(update_fields=["status"])
        raise
    send_templated_mail("community_data_export_ready", export.user, {"export": export})
