"""Headers and limits that hold for every answer (issue 6, items 11 and 13).

Content-Security-Policy (strict on public pages, the admin's own looser one), Permissions-Policy,
405 for HTTP methods the site does not use, and a pixel limit for uploaded images.
"""

import runpy
import struct
import zlib

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images.fields import WagtailImageField

from community.members.factories import UserFactory

BASE_SETTINGS = settings.BASE_DIR / "site" / "opensocialcluster" / "settings" / "base.py"


def policy(response, header="Content-Security-Policy"):
    """The policy header as {directive: [sources]}."""
    directives = {}
    for part in response[header].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.django_db
def test_public_pages_get_a_strict_content_security_policy(client, home):
    csp = policy(client.get("/en/"))
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    # Images: ours, inline icons of the map library, and the map tiles; nothing else external.
    assert csp["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/en/", "/en/search/?q=x", "/api/v2/pages/", "/en/no-such-page/", "/robots.txt"]
)
def test_every_public_answer_carries_both_policies(client, home, url):
    response = client.get(url)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in permissions


@pytest.mark.django_db
def test_the_admin_gets_its_own_policy_that_still_forbids_other_origins(client, home):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get("/admin/login/", follow=False)
    csp = policy(response)
    assert csp["script-src"] == ["'self'", "'unsafe-inline'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["default-src"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]


def settings_from_environment(monkeypatch, **environment):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(BASE_SETTINGS))


def test_the_policy_allows_the_configured_tile_server_instead_of_openstreetmap(monkeypatch):
    values = settings_from_environment(
        monkeypatch, MAP_TILE_URL="https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    )
    img_src = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"]
    assert "https://*.tiles.example.org" in img_src
    assert "https://tile.openstreetmap.org" not in img_src


def test_the_policy_allows_images_from_the_media_storage(monkeypatch):
    values = settings_from_environment(
        monkeypatch, AWS_STORAGE_BUCKET_NAME="osc-media", AWS_S3_CUSTOM_DOMAIN="media.example.org"
    )
    directives = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert "https://media.example.org" in directives["img-src"]
    assert "https://media.example.org" in directives["media-src"]
    assert directives["script-src"] == ["'self'"]


@pytest.mark.django_db
@pytest.mark.parametrize("method", ["trace", "put", "delete", "patch", "connect"])
@pytest.mark.parametrize("url", ["/en/", "/en/search/", "/api/v2/pages/", "/static/css/site.css"])
def test_http_methods_the_public_site_does_not_use_get_a_405(client, home, method, url):
    response = client.generic(method.upper(), url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, POST, OPTIONS"
    assert "Content-Security-Policy" in response


@pytest.mark.django_db
def test_trace_is_refused_in_the_admin_while_its_own_put_and_patch_requests_get_through(
    client, home
):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.generic("TRACE", "/admin/").status_code == 405
    assert client.generic("CONNECT", "/admin/").status_code == 405
    response = client.patch("/admin/dismissibles/", data="{}", content_type="application/json")
    assert response.status_code != 405
    # wagtail-localize's editor saves a translated string with PUT (here: one that does not exist).
    assert client.put("/admin/localize/translate/1/strings/1/edit/").status_code == 404


def png(width, height):
    """A valid black-and-white PNG of any size, a few kilobytes however many pixels it has."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    pixels = zlib.compress(row * height, 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_an_image_of_121_megapixels_is_refused_with_a_clear_message():
    upload = SimpleUploadedFile("poster.png", png(11_000, 11_000), content_type="image/png")
    with pytest.raises(ValidationError) as refusal:
        WagtailImageField().clean(upload)
    assert refusal.value.error_list[0].code == "file_too_many_pixels"
    assert "121000000" in " ".join(refusal.value.messages)


def test_a_photo_of_normal_size_is_accepted():
    upload = SimpleUploadedFile("photo.png", png(4000, 3000), content_type="image/png")
    assert WagtailImageField().clean(upload) is upload


@pytest.mark.django_db
def test_an_embedded_video_is_wrapped_without_an_inline_style_the_policy_would_refuse():
    from wagtail.embeds.embeds import get_embed_hash
    from wagtail.embeds.format import embed_to_frontend_html
    from wagtail.embeds.models import Embed

    url = "https://www.youtube.com/watch?v=abc"
    player = '<iframe src="https://www.youtube.com/embed/abc" title="Webinar"></iframe>'
    Embed.objects.create(
        url=url, hash=get_embed_hash(url), html=player, type="video", width=480, height=270
    )
    html = embed_to_frontend_html(url)
    assert player in html
    assert 'class="responsive-object"' in html
    assert "style=" not in html
