"""Production settings: refuse to start without a secret, and pass Django's deploy checks."""

import ast
import importlib
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def _manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECRET_KEY",
            "DJANGO_SETTINGS_MODULE",
            "DEBUG",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "ALLOWED_HOSTS",
            "REDIS_URL",
        }
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "opensocialcluster.settings.production", **env})
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = _manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def test_check_deploy_under_production_settings_prints_no_warning():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY="k" * 20 + "-production-like-secret-" + "z9" * 20,
        ALLOWED_HOSTS="opensocialcluster.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


STRONG_KEY = "k" * 20 + "-production-like-secret-" + "z9" * 20


def _printed(result):
    """What the shell command printed last (the shell may announce its automatic imports)."""
    lines = result.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def _production_value(expression, **env):
    """Evaluate `expression` on the production settings in a fresh process."""
    env.setdefault("SECRET_KEY", STRONG_KEY)
    return _manage("shell", "-c", f"from django.conf import settings; print({expression})", **env)


def test_production_settings_refuse_a_short_secret_key():
    result = _manage("check", SECRET_KEY="short-but-set")
    assert result.returncode != 0
    assert "SECRET_KEY is too weak for production" in result.stderr


def test_production_settings_refuse_a_low_entropy_secret_key():
    result = _manage("check", SECRET_KEY="ab" * 40)
    assert result.returncode != 0
    assert "SECRET_KEY is too weak for production" in result.stderr


def test_production_settings_refuse_the_development_secret_key():
    result = _manage("check", SECRET_KEY="dev-only-not-secret")
    assert result.returncode != 0
    assert "SECRET_KEY is too weak for production" in result.stderr


def test_rate_limits_use_a_cache_shared_by_all_app_servers_without_redis():
    result = _production_value("settings.CACHES['default']['BACKEND']")
    assert result.returncode == 0, result.stderr
    assert _printed(result) == "cms.cache.DatabaseCache"


def test_rate_limits_use_redis_when_configured():
    result = _production_value(
        "settings.CACHES['default']['BACKEND']", REDIS_URL="redis://cache.internal:6379/0"
    )
    assert result.returncode == 0, result.stderr
    assert _printed(result) == "django_redis.cache.RedisCache"


@pytest.mark.django_db
def test_migrate_creates_the_table_of_the_production_database_cache(settings):
    """The cache-table migration run on the production cache settings (read from a process
    that loads them), then the cache used: without its table, `add` raises."""
    result = _production_value("dict(settings.CACHES['default'])")
    assert result.returncode == 0, result.stderr
    production_cache = ast.literal_eval(_printed(result))
    assert production_cache["BACKEND"] == "cms.cache.DatabaseCache"
    table = production_cache["LOCATION"]
    assert table not in connection.introspection.table_names()

    settings.CACHES = {"default": production_cache}
    migration = importlib.import_module("cms.migrations.0003_database_cache_table")
    migration.create_cache_tables(django_apps, SimpleNamespace(connection=connection))

    assert table in connection.introspection.table_names()
    assert caches["default"].add("probe", 1) is True
    assert caches["default"].get("probe") == 1


def test_language_cookie_is_secure_in_production():
    result = _production_value("settings.LANGUAGE_COOKIE_SECURE")
    assert _printed(result) == "True", result.stderr


def test_development_settings_allow_only_local_host_names_by_default():
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.ALLOWED_HOSTS)",
        DJANGO_SETTINGS_MODULE="opensocialcluster.settings.dev",
    )
    assert result.returncode == 0, result.stderr
    assert "*" not in result.stdout
    assert "localhost" in result.stdout


def _start_app_server(database):
    """Load the WSGI application, as gunicorn does, under production settings."""
    return subprocess.run(  # noqa: S603 - our own module with fixed arguments
        [sys.executable, "-c", "import opensocialcluster.wsgi"],
        capture_output=True,
        text=True,
        env={
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": f"{ROOT / 'site'}{os.pathsep}{ROOT}",
            "DJANGO_SETTINGS_MODULE": "opensocialcluster.settings.production",
            "SECRET_KEY": STRONG_KEY,
            "DATABASE_URL": f"sqlite:///{database}",
        },
        cwd=ROOT,
        timeout=120,
    )


def test_app_servers_refuse_to_start_without_the_database_cache_table(tmp_path):
    # As when `migrate` ran under other settings: the database exists, the cache table not.
    result = _start_app_server(tmp_path / "db.sqlite3")
    assert result.returncode != 0
    assert "The cache table 'osc_cache' is missing from the database" in result.stderr


def test_app_servers_start_once_the_database_cache_table_exists(tmp_path):
    database = tmp_path / "db.sqlite3"
    made = _manage("createcachetable", SECRET_KEY=STRONG_KEY, DATABASE_URL=f"sqlite:///{database}")
    assert made.returncode == 0, made.stderr
    result = _start_app_server(database)
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_every_migrate_creates_the_database_cache_table_even_after_a_first_one_without_it(
    settings,
):
    # The tables are migrated (under the test settings' local-memory cache); production's
    # database cache then has no table until the next `migrate`.
    settings.CACHES = {"default": {"BACKEND": "cms.cache.DatabaseCache", "LOCATION": "osc_cache_2"}}
    assert "osc_cache_2" not in connection.introspection.table_names()
    call_command("migrate", verbosity=0)
    assert "osc_cache_2" in connection.introspection.table_names()
