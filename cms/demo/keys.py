"""Stable keys of demo objects: the same translation key on every database and every run."""

import uuid

__all__ = ["DEMO_NAMESPACE", "stable_key"]

DEMO_NAMESPACE = uuid.UUID("6f1c3c0e-2b8a-4c52-9d0e-5e7a1f0c2b11")


def stable_key(kind, key):
    """The deterministic translation key of a demo object, e.g. stable_key("page", "about")."""
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}")
