"""Running `load_demo` again changes nothing: not the tree, not a field, not a password.

Its own module, so no module-wide demo (tests/community/test_load_demo.py) is active: the first
run here is a first run on an empty site.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cms.models import HomePage
from community.demo import ensure_demo_accounts
from tests.community.snapshots import content_snapshot

pytestmark = pytest.mark.django_db


def run_load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_second_run_after_a_fresh_first_run_writes_nothing():
    assert not HomePage.objects.exists(), "expected an empty site: the first run must be a first"
    run_load_demo()
    first = content_snapshot()
    users = dict(get_user_model().objects.values_list("email", "password"))
    assert HomePage.objects.exists() and users

    output = run_load_demo()
    second = content_snapshot()
    changed = sorted(label for label in first if first[label] != second[label])
    assert changed == [], f"rows changed on the second run: {changed}"
    assert dict(get_user_model().objects.values_list("email", "password")) == users
    changes = [
        line
        for line in output.splitlines()
        if ("created" in line or "updated" in line) and "accounts" not in line
    ]
    assert changes == []


def test_snapshot_notices_a_changed_field_value(home):
    """The comparison above can fail: one field of one page is enough (a small site serves:
    the snapshot reads every row of every model, whatever built them)."""
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
