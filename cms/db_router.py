"""Reads of public pages from a PostgreSQL read replica (DATABASE_REPLICA_URL, docs/deployment.md).

Only an anonymous reader's GET or HEAD reads from the replica: it shows what everyone sees, and a
replica a fraction of a second behind changes nothing for them. Everything else reads from the
primary, so a member always sees their own writes at once (a registration, a post, a setting),
and so does every form, the admin, the task worker and every management command: they run
outside `ReplicaReadsMiddleware`, where the router answers "default". Writes always go to the
primary, and so does any read inside a transaction (Django keeps a transaction on one alias).

https://docs.djangoproject.com/en/5.2/topics/db/multi-db/#automatic-database-routing
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

__all__ = ["REPLICA", "ReplicaReadsMiddleware", "ReplicaRouter", "reading_from_replica"]

REPLICA = "replica"
_public_read = ContextVar("osc_public_read", default=False)


@contextmanager
def reading_from_replica(enabled=True):
    token = _public_read.set(enabled)
    try:
        yield
    finally:
        _public_read.reset(token)


def has_replica():
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _public_read.get() and has_replica():
            return REPLICA
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # One database, copied: an object read from the replica is the primary's row.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica follows the primary by replication, never by migrations.
        return db == "default"


class ReplicaReadsMiddleware:
    """Marks an anonymous GET/HEAD as a public read for the rest of the request (after the
    authentication middleware: who the reader is comes from the primary)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        public = request.method in ("GET", "HEAD") and not request.user.is_authenticated
        with reading_from_replica(public):
            return self.get_response(request)
