"""Every way in goes through allauth: Wagtail's own login forms and the Django admin are closed.

Wagtail's front-end login (`/<lang>/_util/login/`) and admin login (`/admin/login/`) used
Django's plain authentication form, and `/django-admin/` had a third: all three let an account
with an unverified email address in, and none was rate limited.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from cms.factories import ContentPageFactory
from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "resilient-demo"  # UserFactory's password


@pytest.fixture
def members_only_page(home):
    page = ContentPageFactory(parent=home, title="Members only", slug="members-only")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


@pytest.fixture
def unverified():
    return UserFactory(email="someone.else@example.org", verified=False)


def _logged_in(client):
    return "_auth_user_id" in client.session


def test_frontend_login_url_redirects_to_allauth_login_keeping_next(client):
    response = client.get("/fr/_util/login/?next=/fr/members-only/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/login/?next=%2Ffr%2Fmembers-only%2F"


def test_admin_login_url_redirects_to_allauth_login_then_back_to_the_admin(client):
    response = client.get("/admin/login/")
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/login/?next=%2Fadmin%2F")
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response["Location"].endswith("/accounts/login/?next=%2Fadmin%2Fpages%2F")


def test_admin_sends_anonymous_visitors_to_allauth_login(client):
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert "/accounts/login/?next=/admin/pages/" in response["Location"]


def test_restricted_page_sends_visitors_to_allauth_login(client, members_only_page):
    response = client.get("/en/members-only/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/members-only/"


def test_django_admin_is_not_served(client, home):
    assert client.get("/django-admin/login/", follow=True).status_code == 404
    assert client.get("/django-admin/", follow=True).status_code == 404


@pytest.mark.parametrize(
    "login_url, data",
    [
        ("/en/_util/login/", {"username": "someone.else@example.org"}),
        ("/admin/login/", {"username": "someone.else@example.org"}),
        ("/django-admin/login/", {"username": "someone.else@example.org"}),
        ("/en/accounts/login/", {"login": "someone.else@example.org"}),
    ],
)
def test_unverified_account_cannot_log_in_or_read_a_members_page_through_any_login_url(
    client, unverified, members_only_page, login_url, data
):
    client.post(login_url, {**data, "password": PASSWORD})
    assert not _logged_in(client)
    response = client.get("/en/members-only/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("login_url", ["/en/_util/login/", "/admin/login/"])
def test_wagtail_login_forms_log_nobody_in_even_with_right_credentials(client, login_url):
    staff = UserFactory(email="editor@example.org", is_staff=True, is_superuser=True)
    client.post(login_url, {"username": staff.email, "password": PASSWORD})
    assert not _logged_in(client)


def test_verified_member_logs_in_through_allauth_and_reads_the_members_page(
    client, members_only_page
):
    UserFactory(email="member@example.org")
    response = client.post(
        "/en/accounts/login/?next=/en/members-only/",
        {"login": "member@example.org", "password": PASSWORD},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/members-only/"
    assert client.get("/en/members-only/").status_code == 200


def test_group_restricted_page_sends_outsiders_to_allauth_login(client, home):
    page = ContentPageFactory(parent=home, title="Reviewers", slug="reviewers")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Panel"))
    response = client.get("/en/reviewers/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("url", ["/admin/", "/en/members-only/"])
def test_member_without_access_is_shown_the_login_form_not_a_redirect_loop(
    client, members_only_page, url
):
    member = UserFactory(email="member@example.org")
    members_only_page.get_view_restrictions().update(restriction_type=PageViewRestriction.GROUPS)
    client.force_login(member)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/en/accounts/login/?next=")


def test_get_on_admin_logout_keeps_the_session(client):
    client.force_login(UserFactory(email="member@example.org"))
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    assert settings_session_cookie_not_deleted(response)
    assert _logged_in(client)


def test_post_on_admin_logout_logs_out(client):
    client.force_login(UserFactory(email="member@example.org"))
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert not _logged_in(client)


def settings_session_cookie_not_deleted(response):
    from django.conf import settings

    cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
    return cookie is None or cookie.value != ""


def test_wagtails_own_password_reset_is_off(client, home):
    """Its links would be built from the request's Host header and skip allauth's limits."""
    assert client.get("/admin/password_reset/").status_code == 404


def test_a_member_logging_in_lands_on_the_same_page_in_their_language_which_is_remembered(
    client, home, settings
):
    UserFactory(email="lucia@example.org", preferred_language="it")
    response = client.post(
        "/en/accounts/login/?next=/en/about/", {"login": "lucia@example.org", "password": PASSWORD}
    )
    assert (response.status_code, response["Location"]) == (302, "/it/about/")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert (cookie.value, cookie["max-age"]) == ("it", settings.LANGUAGE_COOKIE_AGE)


def test_a_member_without_a_preferred_language_stays_in_the_language_they_logged_in_from(
    client, home, settings
):
    UserFactory(email="nolang@example.org", preferred_language="")
    response = client.post(
        "/fr/accounts/login/?next=/fr/about/", {"login": "nolang@example.org", "password": PASSWORD}
    )
    assert (response.status_code, response["Location"]) == (302, "/fr/about/")
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
