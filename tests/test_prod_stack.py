"""`make prod`'s pieces (.ci/prod.py, site/gunicorn.conf.py): configured from the environment,
secrets kept out of git."""

import importlib.util
import runpy
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _prod_module(tmp_path, monkeypatch):
    spec = importlib.util.spec_from_file_location("prod_under_test", ROOT / ".ci" / "prod.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "STATE", tmp_path)
    monkeypatch.setattr(module, "SECRETS", tmp_path / "secrets.env")
    return module


def test_local_secrets_are_generated_once_and_git_ignores_their_folder(tmp_path, monkeypatch):
    prod = _prod_module(tmp_path, monkeypatch)
    first = prod.local_secrets()
    assert len(first["SECRET_KEY"]) >= 50
    assert first["DEMO_PASSWORD"]
    assert prod.local_secrets() == first
    ignored = subprocess.run(  # noqa: S603 - git with fixed arguments
        ["git", "check-ignore", "-q", ".prod/secrets.env"],  # noqa: S607
        cwd=ROOT,
        check=False,
    )
    assert ignored.returncode == 0


def test_the_callers_settings_win_but_the_settings_module_is_always_production(
    tmp_path, monkeypatch
):
    prod = _prod_module(tmp_path, monkeypatch)
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "opensocialcluster.settings.dev")
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@db.internal:5432/osc")
    monkeypatch.delenv("REDIS_URL", raising=False)
    env = prod.environment()
    assert env["DATABASE_URL"] == "postgres://postgres@db.internal:5432/osc"
    assert env["REDIS_URL"] == prod.DEFAULT_REDIS_URL
    assert env["DJANGO_SETTINGS_MODULE"] == "opensocialcluster.settings.production"
    assert env["TASKS_BACKEND"] == "database"


def test_gunicorn_takes_its_workers_and_class_from_the_environment(monkeypatch):
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    monkeypatch.setenv("GUNICORN_WORKER_CLASS", "gthread")
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:9001")
    config = runpy.run_path(str(ROOT / "site" / "gunicorn.conf.py"))
    assert config["workers"] == 3
    assert config["worker_class"] == "gthread"
    assert config["bind"] == ["127.0.0.1:9001"]
    assert config["wsgi_app"] == "opensocialcluster.wsgi:application"
