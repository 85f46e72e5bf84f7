"""A migrated SQLite template shared by test sessions, so a run skips the ~15 s of migrations.

Migrating an empty database costs more than most test files. The first session migrates once
into a template file named after a hash of every installed app's migrations; each session
(each xdist worker, each process mutmut forks) then copies that file and works on its own copy,
so sessions never share rows or locks, and a new or edited migration makes a new template.
`--create-db` (CI) rebuilds the template. PostgreSQL runs keep pytest-django's own set-up.
"""

import fcntl
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.db import connections

# Shared by every checkout on the machine (working trees, CI's clone, mutation copies): a
# template is named after the migrations it holds, so equal names mean equal databases.
_FOLDER = Path(tempfile.gettempdir()) / "osc-test-db"
_RUN_STARTED = "OSC_TEST_RUN_STARTED"


def is_sqlite():
    return all(connections[alias].vendor == "sqlite" for alias in connections)


def _migrations_hash():
    """Hash of every installed app's migration files (contents, not dates) and Django's version."""
    digest = hashlib.sha256(django.get_version().encode())
    for app in sorted(apps.get_app_configs(), key=lambda app: app.label):
        folder = Path(app.path) / "migrations"
        for path in sorted(folder.glob("*.py")) if folder.is_dir() else ():
            digest.update(f"{app.label}/{path.name}".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _point_default_at(path):
    connections["default"].close()
    settings.DATABASES["default"]["NAME"] = str(path)
    connections["default"].settings_dict["NAME"] = str(path)


def session_database(rebuild=False):
    """This process's own copy of the migrated template; the template is built when missing.

    Building and copying happen under one lock, so a session never copies a half-built file
    and a rebuild never deletes the template another session is copying.
    """
    _FOLDER.mkdir(exist_ok=True)
    template = _FOLDER / f"template-{_migrations_hash()}.sqlite3"
    copy = _FOLDER / f"session-{os.getpid()}.sqlite3"
    with open(_FOLDER / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists() or (rebuild and not _built_during_this_run(template)):
            building = _FOLDER / f"building-{os.getpid()}.sqlite3"
            settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = str(building)
            connections["default"].settings_dict.setdefault("TEST", {})["NAME"] = str(building)
            connections["default"].creation.create_test_db(
                verbosity=0, autoclobber=True, serialize=False, keepdb=False
            )
            connections["default"].close()
            os.replace(building, template)
        shutil.copyfile(template, copy)
        _forget_old_files(keep=template)
    _point_default_at(copy)
    return copy


def mark_run_start():
    """Called once by the controlling process; xdist workers inherit it through the environment."""
    os.environ.setdefault(_RUN_STARTED, str(time.time()))


def _built_during_this_run(template):
    """With `--create-db` and several workers, the first one rebuilds and the others reuse it."""
    started = float(os.environ.get(_RUN_STARTED, "inf"))
    return template.stat().st_mtime >= started


def _forget_old_files(keep):
    """Templates of other migration states stay for a day (branches, settings being compared);
    copies left by killed sessions go after a day as well."""
    day_ago = time.time() - 24 * 3600
    for path in _FOLDER.glob("*.sqlite3*"):
        try:
            if path != keep and path.stat().st_mtime < day_ago:
                path.unlink()
        except FileNotFoundError:  # another session cleaned it up first
            pass


def drop(copy):
    connections["default"].close()
    Path(copy).unlink(missing_ok=True)
