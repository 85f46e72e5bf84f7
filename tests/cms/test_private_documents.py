"""Documents in private collections reach only readers who pass the collection's restriction.

Issue 6, item 6: with remote storage (S3) Wagtail's default is to redirect to the storage URL,
which anyone can fetch again or pass on. Documents are always streamed through the serve view
(its privacy check runs on every request), the storage hands out signed, short-lived URLs only,
and the API lists public documents only, the same for every caller.
"""

import runpy

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from storages.backends.s3 import S3Storage
from wagtail.models import Collection, CollectionViewRestriction

from cms import factories as f
from community.members.factories import UserFactory

BASE_SETTINGS = settings.BASE_DIR / "site" / "opensocialcluster" / "settings" / "base.py"
PDF = b"%PDF-1.4\n%%EOF\n"


def private_collection(name, restriction_type=CollectionViewRestriction.LOGIN, parent=None, **kw):
    parent = parent or Collection.get_first_root_node()
    collection = parent.add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=restriction_type, **kw
    )
    return collection, restriction


class RemoteStorage(Storage):
    """Like S3: files kept elsewhere, with a URL but no local path, so Wagtail's default for
    such storage was to redirect the reader to that URL."""

    files = {}

    def _save(self, name, content):
        self.files[name] = content.read()
        return name

    def _open(self, name, mode="rb"):
        return ContentFile(self.files[name], name=name)

    def exists(self, name):
        return name in self.files

    def size(self, name):
        return len(self.files[name])

    def delete(self, name):
        self.files.pop(name, None)

    def url(self, name):
        return f"https://osc-media.storage.example/{name}"


@pytest.fixture
def documents(db, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.RemoteStorage"},
    }
    members, _ = private_collection("Members only")
    partners, restriction = private_collection(
        "Partners", CollectionViewRestriction.GROUPS, parent=members
    )
    restriction.groups.add(Group.objects.create(name="Partners"))
    secret, _ = private_collection(
        "Board", CollectionViewRestriction.PASSWORD, password="board-minutes"
    )
    return {
        "public": f.DocumentFactory(title="Annual report"),
        "members": f.DocumentFactory(title="Members' minutes", collection=members),
        "partners": f.DocumentFactory(title="Partner budget", collection=partners),
        "board": f.DocumentFactory(title="Board minutes", collection=secret),
    }


def body(response):
    return b"".join(response.streaming_content)


def test_a_private_document_is_streamed_to_a_reader_who_may_open_it_never_redirected(
    client, documents
):
    client.force_login(UserFactory())
    document = documents["members"]
    response = client.get(document.url)
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_a_public_document_is_streamed_by_the_app_too(client, documents):
    response = client.get(documents["public"].url)
    assert response.status_code == 200
    assert body(response) == PDF


def test_a_private_document_sends_an_anonymous_reader_to_log_in_not_to_the_file(client, documents):
    document = documents["members"]
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] or "login" in response["Location"]
    assert document.file.name not in response["Location"]


def test_a_password_protected_document_asks_for_the_password(client, documents):
    response = client.get(documents["board"].url)
    assert response.status_code == 200
    assert b"board-minutes" not in response.content
    assert b'name="password"' in response.content


def api_titles(client, url="/api/v2/documents/"):
    response = client.get(url)
    assert response.status_code == 200
    return {item["title"] for item in response.json()["items"]}


def test_the_documents_api_lists_only_documents_outside_private_collections(client, documents):
    assert api_titles(client) == {"Annual report"}
    assert api_titles(client, "/api/v2/documents/?search=minutes") == set()


def test_the_documents_api_hides_private_documents_from_a_signed_in_reader_too(client, documents):
    user = UserFactory()
    user.groups.add(Group.objects.get(name="Partners"))
    client.force_login(user)
    assert api_titles(client) == {"Annual report"}


def test_a_private_document_has_no_detail_in_the_api(client, documents):
    for key in ("members", "partners", "board"):
        response = client.get(f"/api/v2/documents/{documents[key].pk}/")
        assert response.status_code == 404, key
    assert client.get(f"/api/v2/documents/{documents['public'].pk}/").status_code == 200


@pytest.fixture
def s3_settings(monkeypatch):
    """settings/base.py as production reads it with the documented S3 variables."""
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "osc-media")
    monkeypatch.setenv("AWS_S3_REGION_NAME", "eu-south-1")
    return runpy.run_path(str(BASE_SETTINGS))


def test_with_s3_documents_are_served_through_the_privacy_check(s3_settings):
    assert s3_settings["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    assert s3_settings["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"


def test_with_s3_every_storage_url_is_signed_and_expires_within_minutes(
    s3_settings, settings, monkeypatch
):
    # Signing is local (botocore): nothing here reaches the network.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-a-real-secret")
    for name in ("AWS_STORAGE_BUCKET_NAME", "AWS_S3_REGION_NAME", "AWS_DEFAULT_ACL"):
        setattr(settings, name, s3_settings[name])
    settings.AWS_QUERYSTRING_AUTH = s3_settings["AWS_QUERYSTRING_AUTH"]
    settings.AWS_QUERYSTRING_EXPIRE = s3_settings["AWS_QUERYSTRING_EXPIRE"]
    assert s3_settings["AWS_QUERYSTRING_EXPIRE"] <= 15 * 60

    url = S3Storage().url("documents/board-minutes.pdf")
    assert "X-Amz-Signature=" in url
    assert f"X-Amz-Expires={s3_settings['AWS_QUERYSTRING_EXPIRE']}" in url

    # Renditions (what public pages show) stay plain URLs a CDN can cache.
    renditions = s3_settings["STORAGES"]["renditions"]
    assert s3_settings["WAGTAILIMAGES_RENDITION_STORAGE"] == "renditions"
    rendition_url = S3Storage(**renditions["OPTIONS"]).url("images/cover.width-800.png")
    assert "X-Amz-Signature=" not in rendition_url


def test_a_document_on_local_storage_is_sent_without_a_content_encoding(
    client, db, settings, tmp_path
):
    # Local files go through Wagtail's sendfile, which set "Content-Encoding: None".
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    document = f.DocumentFactory(title="Annual report")
    response = client.get(document.url)
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "Content-Encoding" not in response
