"""A content snapshot of the database: what a rerun of `load_demo` must leave unchanged."""

import hashlib

from django.apps import apps
from django.core import serializers

# Every app whose rows the demo writes: pages and their revisions, snippets, documents, images,
# users, groups, email addresses, sites, settings.
SNAPSHOT_APPS = (
    "cms",
    "community",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
    "auth",
    "account",
    "wagtail_localize",
    "taggit",
)


def content_snapshot():
    """{model label: hash of every row's every field}, in primary-key order.

    Covers content, not only shape: each page's specific fields (title, body, dates, foreign
    keys, latest revision), each snippet, each revision's content, each user's password hash.
    """
    snapshot = {}
    installed = {config.label for config in apps.get_app_configs()}
    for label in SNAPSHOT_APPS:
        if label not in installed:
            continue
        for model in apps.get_app_config(label).get_models():
            if model._meta.proxy:
                continue
            rows = serializers.serialize("json", model._default_manager.order_by("pk"))
            snapshot[model._meta.label] = hashlib.sha256(rows.encode()).hexdigest()
    return snapshot
