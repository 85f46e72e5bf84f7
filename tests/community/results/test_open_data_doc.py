"""The results export as documented in docs/open-data.md ("Results of idea calls"): the
documented columns are the exporter's, in its order, each with a type; and the export
names no member, even when the idea's authors, co-authors, followers and organiser are
members with names and addresses."""

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse

from cms.factories import OrganisationFactory
from community.ideas.models import IdeaCoAuthor
from community.ideas.models.choices import CoAuthorStatus
from community.members.factories import UserFactory
from community.results import services
from community.results.exports import EXPORT_FIELDS
from community.results.factories import published_call, selected_idea
from tests.community.ideas.review_helpers import make_organiser

DOC = Path(__file__).resolve().parents[3] / "docs" / "open-data.md"
HEADING = "### Results of idea calls"


def section():
    """The section's text, from its heading to the next heading."""
    text = DOC.read_text(encoding="utf-8")
    start = text.index(HEADING)
    following = re.search(r"^#{2,3} ", text[start + len(HEADING) :], re.MULTILINE)
    return text[start : start + len(HEADING) + following.start()] if following else text[start:]


def documented_columns():
    """(column, type, meaning) of each row of the section's table, in the document's order."""
    return re.findall(r"^\| `([a-z_]+)` \| ([^|]*?) \| ([^|]*?) \|$", section(), re.MULTILINE)


def test_the_documented_columns_are_the_exporters_in_its_order():
    rows = documented_columns()

    assert [name for name, _kind, _meaning in rows] == list(EXPORT_FIELDS)
    assert all(kind and meaning for _name, kind, meaning in rows)


def test_the_document_gives_both_export_urls_and_says_there_is_no_personal_data():
    heading = section().splitlines()[0]

    assert "/calls/<call id>/results.csv" in heading and "results.json" in heading
    assert "**No personal data.**" in section()


@pytest.mark.django_db
def test_the_export_names_no_member_even_when_the_ideas_people_are_members(home, client, commit):
    call = published_call(parent=home)
    author = UserFactory(
        display_name="Zora Privatename",
        first_name="Zora",
        last_name="Privatename",
        email="zora.private@example.org",
    )
    coauthor = UserFactory(display_name="Ivo Coauthorson", email="ivo.co@example.org")
    follower = UserFactory(display_name="Fenna Followerly", email="fenna.f@example.org")
    idea = selected_idea(
        call,
        author=author,
        organisation=OrganisationFactory(name="Cooperativa Riva"),
        team="<p>Zora Privatename and Ivo Coauthorson</p>",
    )
    IdeaCoAuthor.objects.create(idea=idea, user=coauthor, status=CoAuthorStatus.ACCEPTED)
    organiser = make_organiser(home)
    organiser.display_name, organiser.email = "Olga Organiserova", "olga.o@example.org"
    organiser.save()
    result = commit(services.create_result, idea, organiser)
    services.follow_result(result, follower)

    csv_text = client.get(reverse("community:results_export", args=[call.pk, "csv"])).content
    json_text = client.get(reverse("community:results_export", args=[call.pk, "json"])).content
    everything = csv_text.decode() + json_text.decode()

    [record] = json.loads(json_text)["results"]
    assert record["organisations"] == ["Cooperativa Riva"]
    for person in (author, coauthor, follower, organiser):
        for trace in (person.display_name, person.email, *person.display_name.split()):
            assert trace not in everything, trace
