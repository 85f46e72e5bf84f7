"""A member's profile: the attributes other apps read, editing, avatars and who sees what."""

import io
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from cms import factories as cf
from community.members.factories import UserFactory
from community.members.models import ProfileVisibility

pytestmark = pytest.mark.django_db


def image_bytes(fmt="PNG", size=(800, 600), color=(200, 30, 30), **save):
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format=fmt, **save)
    return out.getvalue()


def profile_data(**overrides):
    data = {
        "display_name": "Ana Kovač",
        "stakeholder_type": "academia",
        "role": "Researcher",
        "languages": ["hr", "en"],
        "bio": "I study cooperatives.",
        "time_zone": "Europe/Zagreb",
        "preferred_language": "hr",
        "profile_visibility": "public",
    }
    data.update(overrides)
    return data


class TestContractAttributes:
    def test_a_new_member_has_the_site_time_zone_and_empty_profile_values(self):
        member = UserFactory()
        assert member.time_zone == settings.TIME_ZONE
        assert member.stakeholder_type == ""
        assert member.country_code == ""
        assert member.languages == []

    def test_country_code_and_languages_read_the_profile(self):
        member = UserFactory(country=cf.CountryFactory(code="hr"))
        member.languages = ["hr", "en", "hr", "xx"]
        member.save()
        member.refresh_from_db()
        assert member.country_code == "HR"
        assert member.languages == ["hr", "en"]  # duplicates and unknown codes dropped


class TestEditingTheProfile:
    def test_a_valid_profile_is_saved(self, client):
        member = UserFactory()
        country = cf.CountryFactory(code="HR")
        topic = cf.TopicFactory()
        client.force_login(member)
        response = client.post(
            reverse("community:profile_edit"),
            profile_data(country=country.pk, topics=[topic.pk]),
        )
        assert response.status_code == 302
        member.refresh_from_db()
        assert member.display_name == "Ana Kovač"
        assert member.country_code == "HR"
        assert member.languages == ["hr", "en"]
        assert member.time_zone == "Europe/Zagreb"
        assert list(member.topics.all()) == [topic]

    def test_an_error_is_shown_beside_the_field_and_keeps_everything_typed(self, client):
        member = UserFactory()
        client.force_login(member)
        response = client.post(
            reverse("community:profile_edit"),
            profile_data(time_zone="Mars/Olympus", role="Coordinator of things"),
        )
        assert response.status_code == 200
        html = response.content.decode()
        assert 'id="id_time_zone_error"' in html
        assert 'value="Coordinator of things"' in html
        assert "I study cooperatives." in html
        assert re.search(r'name="languages" value="hr"[^>]*checked', html)
        member.refresh_from_db()
        assert member.role == ""

    def test_markup_in_the_bio_is_kept_as_typed_and_shown_as_text(self, client):
        member = UserFactory()
        client.force_login(member)
        typed = '<script>alert(1)</script><b onclick="x()">Hello</b>'
        client.post(reverse("community:profile_edit"), profile_data(bio=typed))
        member.refresh_from_db()
        assert member.bio == typed  # plain text, stored as typed
        html = client.get(reverse("community:profile", args=[member.pk])).content.decode()
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "<script>alert(1)" not in html

    def test_only_signed_in_members_edit_a_profile(self, client):
        response = client.get(reverse("community:profile_edit"))
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]


class TestAvatar:
    def post_avatar(self, client, member, upload):
        client.force_login(member)
        return client.post(reverse("community:profile_edit"), {**profile_data(), "avatar": upload})

    def test_an_image_is_reencoded_smaller_and_stored_under_a_generated_name(self, client):
        member = UserFactory()
        exif = Image.Exif()
        exif[0x010E] = "secret location"  # ImageDescription
        upload = SimpleUploadedFile(
            "my photo.jpg", image_bytes("JPEG", exif=exif.tobytes()), "image/jpeg"
        )
        assert self.post_avatar(client, member, upload).status_code == 302
        member.refresh_from_db()
        assert "my photo" not in member.avatar.name
        member.avatar.open()
        with Image.open(member.avatar) as stored:
            assert max(stored.size) == 512
            assert not stored.getexif()

    def test_a_file_that_is_not_an_image_is_refused_beside_the_field(self, client):
        member = UserFactory()
        upload = SimpleUploadedFile("avatar.png", b"MZ\x90\x00" + b"\x00" * 200, "image/png")
        response = self.post_avatar(client, member, upload)
        assert response.status_code == 200
        assert 'id="id_avatar_error"' in response.content.decode()
        member.refresh_from_db()
        assert not member.avatar

    def test_an_svg_avatar_is_refused(self, client):
        member = UserFactory()
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        response = self.post_avatar(
            client, member, SimpleUploadedFile("a.png", svg, "image/svg+xml")
        )
        assert 'id="id_avatar_error"' in response.content.decode()

    def test_replacing_an_avatar_removes_the_old_file(
        self, client, django_capture_on_commit_callbacks
    ):
        member = UserFactory()
        with django_capture_on_commit_callbacks(execute=True):
            self.post_avatar(
                client, member, SimpleUploadedFile("a.png", image_bytes(), "image/png")
            )
        member.refresh_from_db()
        first = member.avatar.name
        with django_capture_on_commit_callbacks(execute=True):
            self.post_avatar(
                client,
                member,
                SimpleUploadedFile("b.png", image_bytes(color=(0, 0, 0)), "image/png"),
            )
        member.refresh_from_db()
        assert member.avatar.name != first
        assert not member.avatar.storage.exists(first)


class TestProfilePage:
    @pytest.mark.parametrize(
        ("visibility", "anonymous", "signed_in"),
        [
            (ProfileVisibility.PUBLIC, 200, 200),
            (ProfileVisibility.MEMBERS, 404, 200),
            (ProfileVisibility.HIDDEN, 404, 404),
        ],
    )
    def test_a_profile_is_shown_only_as_its_visibility_allows(
        self, client, visibility, anonymous, signed_in
    ):
        member = UserFactory(profile_visibility=visibility)
        url = reverse("community:profile", args=[member.pk])
        assert client.get(url).status_code == anonymous
        client.force_login(UserFactory())
        assert client.get(url).status_code == signed_in

    def test_a_member_always_sees_their_own_hidden_profile(self, client):
        member = UserFactory(profile_visibility=ProfileVisibility.HIDDEN)
        client.force_login(member)
        assert client.get(reverse("community:profile", args=[member.pk])).status_code == 200
