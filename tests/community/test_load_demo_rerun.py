"""Rerunning the demo's parts changes nothing: the snapshot that proves it, and the passwords.

The whole-demo rerun test compares a second run with the fresh first run that
tests/community/test_load_demo.py builds once for its module; these need no demo build.
"""

import pytest
from django.contrib.auth import get_user_model

from cms.models import HomePage
from community.members.demo import ensure_demo_accounts
from tests.community.snapshots import content_snapshot

pytestmark = pytest.mark.django_db


def test_snapshot_notices_a_changed_field_value(home):
    """The whole-demo rerun comparison can fail: one field of one page is enough (a small site
    serves: the snapshot reads every row of every model, whatever built them)."""
    before = content_snapshot()
    page = HomePage.objects.get(pk=home.pk)
    page.seo_title = "Changed"
    page.save(update_fields=["seo_title"])
    after = content_snapshot()
    assert [label for label in before if before[label] != after[label]] == ["wagtailcore.Page"]


def test_rerunning_keeps_demo_passwords_so_nobody_is_logged_out(client):
    ensure_demo_accounts()
    user = get_user_model().objects.get(email="member@example.org")
    client.force_login(user)
    hashed = user.password
    assert client.get("/en/accounts/email/").status_code == 200

    ensure_demo_accounts()
    user.refresh_from_db()
    assert user.password == hashed  # not re-hashed with a new salt
    # The session's auth hash still matches, so the member stays logged in.
    assert client.get("/en/accounts/email/").status_code == 200


def test_a_changed_demo_password_is_set_on_rerun(client):
    ensure_demo_accounts()
    ensure_demo_accounts(password="another-secret-pass")
    user = get_user_model().objects.get(email="member@example.org")
    assert user.check_password("another-secret-pass")
