"""One registry of personal data: every link to a member is declared, exported and erased.

After "delete my account" the member's email address and names appear in no column of any
table; their sessions are over, their files gone, their contributions kept as "former member".
"""

import io
import json
import zipfile
from collections import Counter
from datetime import timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import connection, models
from django.urls import reverse
from django.utils import timezone

from cms import factories as cf
from community.members.consent import record_consent
from community.members.factories import UserFactory
from community.members.models import Consent, PrivacyPolicyVersion
from community.privacy.models import DataExport
from community.privacy.registry import FILES_LEFT_OUT, PROFILE_FILES, REGISTRY, file_field
from community.privacy.services import build_export, erase_member


def relations_to_users():
    """(model label, field name) of every concrete relation to the user model."""
    User = get_user_model()
    found = set()
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
            if field.is_relation and field.related_model is User:
                found.add((model._meta.label, field.name))
    return found


def _links_to_members(model, depth=2):
    """Whether `model` points at the user model through at most `depth` relations."""
    User = get_user_model()
    if model is User:
        return True
    if depth == 0:
        return False
    for field in [*model._meta.local_fields, *model._meta.local_many_to_many]:
        if field.is_relation and field.related_model is not None:
            if field.related_model is User:
                return True
            if depth > 1 and _links_to_members(field.related_model, depth - 1):
                return True
    return False


def files_linked_to_members():
    """ "app_label.Model.field" of every file field on a model linked to a member."""
    found = set()
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.local_fields:
            if isinstance(field, models.FileField) and _links_to_members(model):
                found.add(f"{model._meta.label}.{field.name}")
    return found


class TestTheRegistryIsComplete:
    def test_every_relation_to_a_member_is_declared(self):
        declared = {(entry.label, entry.user_field) for entry in REGISTRY}
        missing = relations_to_users() - declared
        assert not missing, (
            "Declare how these are exported and erased in community/privacy/registry.py: "
            f"{sorted(missing)}"
        )

    def test_every_declaration_names_an_existing_relation(self):
        User = get_user_model()
        for entry in REGISTRY:
            if not entry.is_installed():
                continue
            field = entry.model._meta.get_field(entry.user_field)
            assert field.related_model is User, entry
            for name in entry.files:
                file_field(entry.model, name)

    def test_every_file_linked_to_a_member_is_carried_by_the_archive(self):
        """A file field on a model that points at a member, directly or through the row it
        belongs to (an attachment's idea, an image's rendition), is in the archive: declared
        in `files` of an entry, or left out with a reason. The archive reads the same
        declarations (`file_field`), so a declared file is a carried one."""
        carried = {
            f"{field.model._meta.label}.{field.name}"
            for entry in REGISTRY
            if entry.is_installed()
            for field in (file_field(entry.model, path) for path in entry.files)
        }
        User = get_user_model()
        carried |= {f"{User._meta.label}.{name}" for name in PROFILE_FILES}
        missing = sorted(
            label
            for label in files_linked_to_members()
            if label not in carried and label not in FILES_LEFT_OUT
        )
        assert not missing, (
            "Carry these files in the member's archive (`files` in "
            f"community/privacy/registry.py) or say in FILES_LEFT_OUT why not: {missing}"
        )

    def test_events_registrations_are_declared(self):
        labels = {entry.label for entry in REGISTRY}
        assert "events.Registration" in labels


def archive_of(client, member):
    client.force_login(member)
    client.post(reverse("community:export_request"))
    export = DataExport.objects.get(user=member)
    return export, zipfile.ZipFile(
        io.BytesIO(
            b"".join(
                client.get(
                    reverse("community:export_download", args=[export.token])
                ).streaming_content
            )
        )
    )


@pytest.mark.django_db
class TestDownloadMyData:
    def test_the_archive_holds_the_profile_consents_and_files(
        self, client, mailoutbox, django_capture_on_commit_callbacks
    ):
        PrivacyPolicyVersion.objects.create(version="2026-11")
        member = UserFactory(display_name="Ana Kovač", role="Researcher")
        member.avatar.save("a.png", ContentFile(b"\x89PNG fake"), save=True)
        record_consent(member)
        client.force_login(member)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("community:export_request"))
        export = DataExport.objects.get(user=member)
        assert export.status == DataExport.Status.READY
        assert export.expires_at > timezone.now() + timedelta(days=6)
        # The owner is emailed the link in their language.
        assert mailoutbox[-1].to == [member.email]
        assert export.token in mailoutbox[-1].body
        response = client.get(reverse("community:export_download", args=[export.token]))
        assert response.status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        data = json.loads(archive.read("data.json"))
        assert data["profile"]["display_name"] == "Ana Kovač"
        assert data["profile"]["email"] == member.email
        assert data["community.Consent"]["user"][0]["version"] == "2026-11"
        assert data["account.EmailAddress"]["user"][0]["email"] == member.email
        assert any(name.startswith("files/profile/") for name in archive.namelist())

    def test_the_archive_holds_the_members_idea_attachments_and_uploads(self, home):
        from wagtail.documents import get_document_model

        from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
        from community.ideas.models import IdeaAttachment

        member = UserFactory()
        idea = IdeaFactory(call=IdeaCallPageFactory(parent=home), author=member)
        attachment = IdeaAttachment(
            idea=idea, original_name="plan.pdf", mime_type="application/pdf"
        )
        attachment.file.save("a1b2c3.pdf", ContentFile(b"%PDF-1.4 the member's plan"), save=True)
        document = get_document_model()(title="Minutes", uploaded_by_user=member)
        document.file.save("minutes.txt", ContentFile(b"the member's minutes"), save=True)
        someone_else = IdeaFactory(call=idea.call)
        other = IdeaAttachment(
            idea=someone_else, original_name="x.pdf", mime_type="application/pdf"
        )
        other.file.save("zz9.pdf", ContentFile(b"%PDF-1.4 not theirs"), save=True)

        archive = zipfile.ZipFile(io.BytesIO(build_export(member)))
        contents = {archive.read(name) for name in archive.namelist() if name.startswith("files/")}
        assert b"%PDF-1.4 the member's plan" in contents
        assert b"the member's minutes" in contents
        assert b"%PDF-1.4 not theirs" not in contents

    def test_the_link_opens_only_for_its_owner(self, client, django_capture_on_commit_callbacks):
        member = UserFactory()
        client.force_login(member)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("community:export_request"))
        export = DataExport.objects.get(user=member)
        url = reverse("community:export_download", args=[export.token])
        client.force_login(UserFactory())
        assert client.get(url).status_code == 404
        client.logout()
        assert client.get(url).status_code == 302  # to the login page

    def test_an_expired_archive_is_not_served(self, client, django_capture_on_commit_callbacks):
        member = UserFactory()
        client.force_login(member)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("community:export_request"))
        export = DataExport.objects.get(user=member)
        DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now())
        url = reverse("community:export_download", args=[export.token])
        assert client.get(url).status_code == 404


def text_in_database(*needles):
    """Every (table, row) whose text contains one of `needles`, read straight from SQL."""
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from introspection
            for row in cursor.fetchall():
                text = " ".join(str(value) for value in row if value is not None).lower()
                hits += [(table, needle) for needle in needles if needle.lower() in text]
    return hits


@pytest.mark.django_db
class TestDeleteMyAccount:
    def test_email_and_names_appear_nowhere_in_the_database(self, client, home):
        PrivacyPolicyVersion.objects.create(version="1")
        member = UserFactory(
            email="ana.kovac@example.org",
            display_name="Anakin Kovachev",
            first_name="Anastasija",
            last_name="Kovacheva",
            role="Researcher",
            bio="Anastasija writes about cooperatives.",
            country=cf.CountryFactory(),
        )
        member.topics.add(cf.TopicFactory())
        record_consent(member)
        client.force_login(member)
        client.post(reverse("community:export_request"))
        assert text_in_database("ana.kovac@example.org")  # the scan itself finds them
        response = client.post(
            reverse("community:account_delete"),
            {"password": "resilient-demo", "confirm": "on"},
        )
        assert response.status_code == 302
        assert (
            text_in_database("ana.kovac@example.org", "Anakin Kovachev", "Anastasija", "Kovacheva")
            == []
        )

    def test_sessions_end_and_the_account_cannot_log_in(self, client):
        member = UserFactory(email="gone@example.org")
        other_device = type(client)()
        other_device.force_login(member)
        client.force_login(member)
        client.post(
            reverse("community:account_delete"), {"password": "resilient-demo", "confirm": "on"}
        )
        assert other_device.get(reverse("community:profile_edit")).status_code == 302
        assert not client.login(email="gone@example.org", password="resilient-demo")

    def test_contributions_stay_under_former_member(self, home):
        member = UserFactory()
        page = cf.ContentPageFactory(parent=home, owner=member)
        erased = erase_member(member)
        page.refresh_from_db()
        assert page.owner_id == erased.pk
        assert str(page.owner) == "Former member"
        assert not Consent.objects.filter(user=erased).exists()

    def test_files_are_removed(self, django_capture_on_commit_callbacks):
        member = UserFactory()
        member.avatar.save("a.png", ContentFile(b"image"), save=True)
        name = member.avatar.name
        with django_capture_on_commit_callbacks(execute=True):
            erase_member(member)
        assert not member.avatar.storage.exists(name)

    def test_a_wrong_password_deletes_nothing(self, client):
        member = UserFactory()
        client.force_login(member)
        response = client.post(
            reverse("community:account_delete"), {"password": "nope", "confirm": "on"}
        )
        assert 'id="id_password_error"' in response.content.decode()
        member.refresh_from_db()
        assert member.erased_at is None


@pytest.mark.django_db
class TestConsent:
    def test_sign_up_records_the_policy_version_and_time(self, client):
        PrivacyPolicyVersion.objects.create(
            version="2026-11", effective_at=timezone.now() - timedelta(days=1)
        )
        data = {
            "email": "new@example.org",
            "password1": "a-long-Pass-phrase-9",
            "password2": "a-long-Pass-phrase-9",
            "preferred_language": "en",
        }
        response = client.post(reverse("account_signup"), data)
        assert "id_accept_privacy_policy" in response.content.decode()
        assert not get_user_model().objects.filter(email="new@example.org").exists()
        client.post(reverse("account_signup"), {**data, "accept_privacy_policy": "on"})
        consent = Consent.objects.get(user__email="new@example.org")
        assert consent.version == "2026-11"
        assert abs(consent.accepted_at - timezone.now()) < timedelta(minutes=1)

    def test_a_new_policy_version_must_be_accepted_before_going_on(self, client):
        PrivacyPolicyVersion.objects.create(
            version="1", effective_at=timezone.now() - timedelta(days=10)
        )
        member = UserFactory()
        record_consent(member)
        client.force_login(member)
        profile = reverse("community:profile_edit")
        assert client.get(profile).status_code == 200
        PrivacyPolicyVersion.objects.create(
            version="2", effective_at=timezone.now() - timedelta(seconds=1)
        )
        response = client.get(profile)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("community:policy_accept"))
        accept = client.post(reverse("community:policy_accept"), {"accept": "on", "next": profile})
        assert accept["Location"] == profile
        assert Consent.objects.filter(user=member, version="2").exists()
        assert client.get(profile).status_code == 200

    def test_without_a_published_policy_nobody_is_stopped(self, client):
        client.force_login(UserFactory())
        assert client.get(reverse("community:profile_edit")).status_code == 200

    def test_a_policy_taking_effect_later_is_not_asked_yet(self, client):
        PrivacyPolicyVersion.objects.create(
            version="later", effective_at=timezone.now() + timedelta(days=3)
        )
        client.force_login(UserFactory())
        assert client.get(reverse("community:profile_edit")).status_code == 200


def test_settings_install_the_consent_gate():
    assert "community.members.consent.PolicyConsentMiddleware" in settings.MIDDLEWARE


def test_each_link_to_a_member_is_declared_once():
    """Two entries for one link would export its rows twice and erase them twice."""
    counts = Counter((entry.label, entry.user_field) for entry in REGISTRY)
    assert [key for key, count in counts.items() if count > 1] == []
