"""`load_demo` never puts the published demo logins on a real site (issue 6, item 7)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from community.members.demo import DEFAULT_DEMO_PASSWORD
from community.members.demo_guard import DemoRefused, check_demo_allowed

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def outside_development(settings, monkeypatch):
    """Settings that do not declare demo data allowed, as production and base settings."""
    settings.DEMO_DATA_ALLOWED = False
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    return settings


@pytest.mark.django_db
@pytest.mark.usefixtures("outside_development")
def test_load_demo_refuses_outside_development_settings_and_creates_nothing():
    with pytest.raises(CommandError, match="not development settings"):
        call_command("load_demo")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("outside_development")
def test_forced_load_demo_refuses_without_a_password_of_its_own():
    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        call_command("load_demo", "--force")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("outside_development")
def test_forced_load_demo_refuses_the_published_default_password(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", DEFAULT_DEMO_PASSWORD)
    with pytest.raises(CommandError, match="default demo password"):
        call_command("load_demo", "--force")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("outside_development")
def test_forced_load_demo_refuses_a_weak_password(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "12345678")
    with pytest.raises(CommandError, match="too weak"):
        call_command("load_demo", "--force")


@pytest.mark.usefixtures("outside_development")
def test_forced_load_demo_is_allowed_with_a_strong_password_of_its_own(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "staging-copy-Xq7!-harbour-lantern")
    check_demo_allowed(force=True)  # no refusal
    with pytest.raises(DemoRefused):
        check_demo_allowed(force=False)


def test_development_and_test_settings_allow_the_demo(settings):
    settings.DEMO_DATA_ALLOWED = True
    check_demo_allowed(force=False)


def test_load_demo_under_production_settings_refuses_before_touching_the_database(tmp_path):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "DEMO_PASSWORD"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="opensocialcluster.settings.production",
        SECRET_KEY="k" * 20 + "-production-like-secret-" + "z9" * 20,
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}",
    )
    result = subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, str(ROOT / "manage.py"), "load_demo"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Refusing to load demo data" in result.stderr
    assert "opensocialcluster.settings.production" in result.stderr
