"""Background work of the open-data section (django-tasks)."""

from django.apps import apps
from django_tasks import task

from .imports import run_import

__all__ = ["run_directory_import"]


@task()
def run_directory_import(import_id):
    """Run a queued CSV import of entities or premises and store its row-by-row report."""
    job = apps.get_model("cms", "DirectoryImport").objects.filter(pk=import_id).first()
    if job is None or job.state != job.State.QUEUED:
        return
    run_import(job)
