"""Attachments are judged by their bytes, limited in size and number, stored under generated
names and served only through a permission-checked view."""

import pytest
from django.urls import reverse

from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import Idea, IdeaAttachment, IdeaStatus
from community.members.factories import UserFactory

from .helpers import EXE, HTML, PDF, PNG, docx_bytes, idea_data, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(home):
    return IdeaCallPageFactory(parent=home, max_attachments=2, max_attachment_mb=1)


def post_idea(client, call, *files, **fields):
    client.force_login(UserFactory())
    return client.post(
        reverse("community:idea_new", args=[call.pk]),
        {**idea_data(**fields), "new_attachments": list(files), "submit": ""},
    )


def test_pdf_image_and_office_files_are_accepted_under_generated_names(client, call):
    response = post_idea(
        client, call, upload("Our plan.pdf", PDF), upload("photo.png", PNG, "image/png")
    )
    assert response.status_code == 302
    attachments = list(IdeaAttachment.objects.order_by("pk"))
    assert [a.mime_type for a in attachments] == ["application/pdf", "image/png"]
    assert attachments[0].original_name == "Our_plan.pdf"
    for attachment in attachments:
        assert attachment.file.name.startswith("private/ideas/")
        assert "plan" not in attachment.file.name and "photo" not in attachment.file.name


def test_a_word_document_is_recognised_inside_its_zip(client, home):
    call = IdeaCallPageFactory(parent=home)
    post_idea(client, call, upload("plan.docx", docx_bytes(), "application/octet-stream"))
    assert IdeaAttachment.objects.get().file.name.endswith(".docx")


@pytest.mark.parametrize(
    ("name", "content"),
    [("budget.pdf", EXE), ("report.pdf", HTML), ("image.png", HTML), ("tool.exe", EXE)],
)
def test_a_renamed_executable_or_html_page_is_refused_beside_the_field(client, call, name, content):
    response = post_idea(client, call, upload(name, content))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_new_attachments_error"' in html
    assert "not an accepted file type" in html
    assert 'value="Neighbourhood repair café"' in html
    assert not Idea.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, call):
    response = post_idea(client, call, upload("big.pdf", PDF + b"0" * (1024 * 1024)))
    assert "too large" in response.content.decode()
    assert not IdeaAttachment.objects.exists()


def test_no_more_than_the_calls_number_of_attachments(client, call):
    response = post_idea(
        client, call, upload("a.pdf", PDF), upload("b.pdf", PDF), upload("c.pdf", PDF)
    )
    assert "at most 2 attachments" in response.content.decode()


def test_a_private_attachment_is_served_only_to_those_who_may_see_the_idea(client, home):
    call = IdeaCallPageFactory(parent=home, ideas_public=False)
    post_idea(client, call, upload("plan.pdf", PDF))
    idea = Idea.objects.get()
    author = idea.author
    attachment = idea.attachments.get()
    url = reverse("community:idea_attachment", args=[idea.pk, attachment.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment")
    # Nobody else, and not by the storage URL either (media is not served by the app).
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404
    assert client.get(attachment.file.url).status_code == 404
    # An attachment id under another idea's URL is not a way in.
    other = IdeaFactory(call=IdeaCallPageFactory(parent=home), status=IdeaStatus.SUBMITTED)
    assert (
        client.get(reverse("community:idea_attachment", args=[other.pk, attachment.pk])).status_code
        == 404
    )
    client.force_login(author)
    assert client.get(url).status_code == 200
