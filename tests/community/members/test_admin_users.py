"""Editors manage members' profile fields in the Wagtail admin."""

import pytest
from django.contrib.auth import get_user_model

from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))
    return client


def test_admin_user_form_shows_display_name_and_preferred_language(admin_client):
    html = admin_client.get("/admin/users/new/").content.decode()
    assert 'name="display_name"' in html
    assert 'name="preferred_language"' in html


def test_admin_creates_a_user_with_profile_fields(admin_client):
    response = admin_client.post(
        "/admin/users/new/",
        {
            "email": "ana@example.org",
            "first_name": "Ana",
            "last_name": "Kovač",
            "display_name": "Ana K.",
            "preferred_language": "hr",
            "password1": "a-Long-and-unusual-passphrase-42",
            "password2": "a-Long-and-unusual-passphrase-42",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    user = get_user_model().objects.get(email="ana@example.org")
    assert (user.display_name, user.preferred_language) == ("Ana K.", "hr")


def test_admin_edit_keeps_typed_values_and_reports_an_invalid_language(admin_client):
    member = UserFactory(email="member@example.org")
    response = admin_client.post(
        f"/admin/users/edit/{member.pk}/",
        {
            "email": "member@example.org",
            "first_name": "Typed",
            "last_name": "Name",
            "display_name": "Kept",
            "preferred_language": "xx",
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "preferred_language" in response.context["form"].errors
    assert 'value="Kept"' in response.content.decode()
    member.refresh_from_db()
    assert member.display_name != "Kept"
