"""Rate limits as production runs them (real hasher, allauth's limits on, counted in the cache)."""

import pytest
from django.contrib.auth.hashers import make_password
from wagtail.models import PageViewRestriction

from cms.factories import ContentPageFactory
from community.members.factories import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("production_auth")]

PASSWORD = "a-Long-and-unusual-passphrase-42"
LOGIN_URL = "/en/accounts/login/"


@pytest.fixture
def member():
    return UserFactory(email="member@example.org", password=PASSWORD)


def _log_in(client, password, email="member@example.org", **extra):
    return client.post(LOGIN_URL, {"login": email, "password": password}, **extra)


def test_after_five_wrong_passwords_the_right_one_is_refused(client, member):
    for _ in range(5):
        _log_in(client, "wrong-password")
    response = _log_in(client, PASSWORD)
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_the_right_password_works_before_the_limit(client, member):
    for _ in range(4):
        _log_in(client, "wrong-password")
    response = _log_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


def test_changing_the_host_header_does_not_reset_the_count(client, member, settings):
    settings.ALLOWED_HOSTS = ["*"]
    for number in range(5):
        _log_in(client, "wrong-password", HTTP_HOST=f"name{number}.example.org")
    _log_in(client, PASSWORD, HTTP_HOST="fresh.example.org")
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_for_one_address_do_not_lock_out_another(client, member):
    UserFactory(email="neighbour@example.org", password=PASSWORD)
    for _ in range(5):
        _log_in(client, "wrong-password")
    response = _log_in(client, PASSWORD, email="Neighbour@Example.org")
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_wagtail_admin_login_form_cannot_be_used_to_guess(client, member):
    """The admin's own form is gone: posting to it neither logs in nor checks the password."""
    for _ in range(10):
        response = client.post(
            "/admin/login/", {"username": "member@example.org", "password": "wrong"}
        )
        assert response.status_code == 302
    assert _log_in(client, PASSWORD).status_code == 302  # nothing was counted or checked
    assert client.session["_auth_user_id"] == str(member.pk)


@pytest.fixture
def password_page(home):
    page = ContentPageFactory(parent=home, title="Partners' area", slug="partners-area")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="mare-nostrum"
    )
    return page, f"/en/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def _try_page_password(client, url, password, **extra):
    return client.post(url, {"password": password, "return_url": "/en/partners-area/"}, **extra)


def test_page_password_is_refused_after_ten_wrong_guesses_with_a_clear_message(
    client, password_page
):
    page, url = password_page
    for _ in range(10):
        response = _try_page_password(client, url, "guess")
        assert response.status_code == 200
        assert "not correct" in response.content.decode()
    response = _try_page_password(client, url, "mare-nostrum")
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.content.decode()
    passed = client.session.get("passed_page_view_restrictions", [])
    assert page.get_view_restrictions().get().pk not in passed


def test_page_password_limit_counts_per_restriction_across_addresses(client, password_page):
    page, url = password_page
    for number in range(10):
        _try_page_password(client, url, "guess", REMOTE_ADDR=f"198.51.100.{number}")
    response = _try_page_password(client, url, "mare-nostrum", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429


def test_right_page_password_opens_the_page(client, password_page):
    page, url = password_page
    _try_page_password(client, url, "guess")
    response = _try_page_password(client, url, "mare-nostrum")
    assert response.status_code == 302
    assert response["Location"] == "/en/partners-area/"


def test_production_auth_hashes_with_a_slow_hasher():
    assert not make_password("x").startswith("md5$")


def test_page_password_guesses_in_flight_together_are_counted_before_any_is_checked(
    client, password_page, monkeypatch
):
    """While the first guess is being checked, twenty more arrive (run inside its check, as
    a parallel request would): had the first been counted only once found wrong, eleven would be
    checked. The limit is 10 per address."""
    from wagtail.forms import PasswordViewRestrictionForm

    page, url = password_page
    statuses, arrived = [], []
    real_clean_password = PasswordViewRestrictionForm.clean_password

    def clean_password_while_more_guesses_arrive(form):
        if not arrived:
            arrived.append(True)
            for number in range(20):
                statuses.append(_try_page_password(client, url, f"parallel-{number}").status_code)
        return real_clean_password(form)

    monkeypatch.setattr(
        PasswordViewRestrictionForm, "clean_password", clean_password_while_more_guesses_arrive
    )
    statuses.append(_try_page_password(client, url, "first").status_code)
    checked = [status for status in statuses if status != 429]  # 200: "not correct"
    assert len(checked) == 10
