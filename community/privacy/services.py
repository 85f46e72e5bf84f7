"""Download my data and delete my account.

Both walk the one registry (community.privacy.registry), so a model that declares its
personal data there is exported and erased without touching this module.
"""

import io
import json
import posixpath
import secrets
import zipfile
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from community.privacy.models import DataExport
from community.privacy.registry import (
    DELETE,
    DETACH,
    FILES_LEFT_OUT,
    KEEP,
    PROFILE_FILES,
    entries_for_installed_apps,
    file_field,
)

__all__ = [
    "EXPORT_LIFETIME",
    "PROFILE_EXPORT_FIELDS",
    "build_export",
    "erase_member",
    "complete_export",
]

EXPORT_LIFETIME = timedelta(days=7)

PROFILE_EXPORT_FIELDS = (
    "email",
    "first_name",
    "last_name",
    "display_name",
    "preferred_language",
    "stakeholder_type",
    "organisation__name",
    "role",
    "country__code",
    "languages_spoken",
    "bio",
    "time_zone",
    "profile_visibility",
    "message_policy",
    "open_to_partnering",
    "date_joined",
    "last_login",
)


# --- export ---


def _rows(entry, user):
    model = entry.model
    rows = model._default_manager.filter(**{entry.user_field: user})
    if entry.rows is not None:
        data = entry.rows(rows, user)
    else:
        data = list(rows.values(*entry.export)) if entry.export else []
    files = []
    for path in entry.files:
        found = file_field(model, path)
        if f"{found.model._meta.label}.{found.name}" in FILES_LEFT_OUT:
            continue
        for value in rows.values_list(path, flat=True):
            if value:
                files.append((value, found.storage))
    return data, files


def _member_data(user):
    User = get_user_model()
    profile = User.objects.filter(pk=user.pk).values(*PROFILE_EXPORT_FIELDS).get()
    profile["languages"] = user.languages
    del profile["languages_spoken"]
    profile["topics"] = list(user.topics.values_list("name", flat=True))
    return profile


def build_export(user):
    """The bytes of a ZIP: data.json (the profile, then every registered holding) and files/."""
    storage_files = []
    data = {"generated_at": timezone.now(), "profile": _member_data(user)}
    for name in PROFILE_FILES:
        value = getattr(user, name)
        if value:
            storage_files.append(("profile", value.name, value.storage))
    for entry in entries_for_installed_apps():
        rows, files = _rows(entry, user)
        if entry.export:
            data.setdefault(entry.label, {})[entry.user_field] = rows
        storage_files += [(entry.label, name, storage) for name, storage in files]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        for label, name, storage in storage_files:
            if not storage.exists(name):
                continue
            with storage.open(name, "rb") as handle:
                archive.writestr(f"files/{label}/{posixpath.basename(name)}", handle.read())
    return buffer.getvalue()


def complete_export(export):
    """Build and store the archive of `export`, and mark it ready for EXPORT_LIFETIME."""
    content = build_export(export.user)
    export.archive.save(f"{secrets.token_urlsafe(24)}.zip", ContentFile(content), save=False)
    export.size = len(content)
    export.status = DataExport.Status.READY
    export.expires_at = timezone.now() + EXPORT_LIFETIME
    export.save(update_fields=["archive", "size", "status", "expires_at"])
    return export


# --- erasure ---


def _end_sessions(user):
    """Database sessions of this member are deleted. Sessions kept elsewhere (Redis) end at
    their next request: the password is made unusable, which changes the session hash Django
    checks on every request."""
    user_id = str(user.pk)
    stale = [
        session.session_key
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == user_id
    ]
    Session.objects.filter(session_key__in=stale).delete()


def _erase_entry(entry, user, files_to_remove):
    model = entry.model
    if callable(entry.erase):
        entry.erase(user)
        return
    if entry.erase is KEEP:
        return
    if entry.erase is DETACH:
        relation = model._meta.get_field(entry.user_field)
        through = relation.remote_field.through
        through.objects.filter(**{relation.m2m_reverse_field_name(): user.pk}).delete()
        return
    if entry.erase is not DELETE:
        raise ValueError(f"Unknown erasure for {entry.label}.{entry.user_field}")
    rows = model._default_manager.filter(**{entry.user_field: user})
    for name in entry.files:
        storage = file_field(model, name).storage
        files_to_remove += [
            (storage, value) for value in rows.values_list(name, flat=True) if value
        ]
    rows.delete()


def _scrub_logs(user):
    """Admin log entries about this account carry its name as their label."""
    content_type = ContentType.objects.get_for_model(get_user_model())
    ModelLogEntry.objects.filter(content_type=content_type, object_id=str(user.pk)).delete()


def erase_member(user):
    """Delete `user`'s account: personal data erased as the registry says, contributions kept
    under "former member", sessions ended, files removed once the transaction commits."""
    files_to_remove = []
    with transaction.atomic():
        user = get_user_model().objects.select_for_update().get(pk=user.pk)
        for entry in entries_for_installed_apps():
            _erase_entry(entry, user, files_to_remove)
        if user.avatar:
            files_to_remove.append((user.avatar.storage, user.avatar.name))
        _scrub_logs(user)
        _anonymise(user)
        _end_sessions(user)

    def remove_files():
        for storage, name in files_to_remove:
            storage.delete(name)

    transaction.on_commit(remove_files)
    return user


def _anonymise(user):
    token = secrets.token_hex(8)
    user.email = f"former-member-{token}@erased.invalid"
    user.first_name = user.last_name = user.display_name = ""
    user.role = user.bio = ""
    user.avatar = ""
    user.organisation = user.country = None
    user.languages_spoken = ""
    user.stakeholder_type = ""
    user.profile_visibility = "hidden"
    user.message_policy = "nobody"
    user.open_to_partnering = False
    user.is_active = user.is_staff = user.is_superuser = False
    user.erased_at = timezone.now()
    user.set_unusable_password()
    user.save()
    user.topics.clear()
    user.groups.clear()
    user.user_permissions.clear()
