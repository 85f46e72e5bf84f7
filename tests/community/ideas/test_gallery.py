"""The public gallery: only public ideas, filters, supports (one per member, withdrawable,
race-safe), constant queries, and open-data exports without personal data."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms import factories as cf
from community.ideas import supports as service
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.gallery import GalleryFilters
from community.ideas.models import IdeaStatus, IdeaSupport
from community.ideas.services import IdeaRefused
from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(home):
    return IdeaCallPageFactory(parent=home)


def titles(response):
    return [idea.title for idea in response.context["results"]]


def test_filters_parse_without_a_database():
    assert GalleryFilters.from_query(
        {"status": "selected", "sort": "supported", "language": "hr"}
    ) == (GalleryFilters(status="selected", sort="supported", language="hr"))
    assert (
        GalleryFilters.from_query({"status": "draft", "sort": "x", "language": "xx"})
        == GalleryFilters()
    )


def test_only_public_ideas_are_listed(client, call):
    IdeaFactory(call=call, title="Submitted")
    IdeaFactory(call=call, title="Draft", status=IdeaStatus.DRAFT)
    IdeaFactory(call=call, title="Withdrawn", status=IdeaStatus.WITHDRAWN)
    response = client.get(reverse("community:gallery", args=[call.pk]))
    assert titles(response) == ["Submitted"]


def test_filters_narrow_the_gallery(client, call):
    topic = cf.TopicFactory(slug="food")
    food = IdeaFactory(
        call=call, title="Community kitchen", language="it", status=IdeaStatus.UNDER_REVIEW
    )
    food.topics.add(topic)
    IdeaFactory(call=call, title="Bike repair", summary="Fixing bicycles together.", language="en")
    url = reverse("community:gallery", args=[call.pk])
    for query in ("topic=food", "language=it", "status=under_review", "q=kitchen"):
        assert titles(client.get(f"{url}?{query}")) == ["Community kitchen"], query


class TestSupports:
    def test_one_support_per_member_and_it_can_be_withdrawn(self, call):
        idea = IdeaFactory(call=call)
        member = UserFactory()
        assert service.support(idea, member) is True
        assert service.support(idea, member) is False  # a second click changes nothing
        idea.refresh_from_db()
        assert idea.support_count == 1 and IdeaSupport.objects.count() == 1
        assert service.withdraw_support(idea, member) is True
        assert service.withdraw_support(idea, member) is False
        idea.refresh_from_db()
        assert idea.support_count == 0

    def test_a_concurrent_duplicate_is_absorbed_by_the_constraint(self, call):
        """Two requests that both passed the checks: the second insert fails on the unique
        constraint and its transaction (count included) rolls back."""
        idea = IdeaFactory(call=call)
        member = UserFactory()
        IdeaSupport.objects.create(idea=idea, user=member)  # the other request's row
        type(idea).objects.filter(pk=idea.pk).update(support_count=1)
        assert service.support(idea, member) is False
        idea.refresh_from_db()
        assert idea.support_count == 1

    def test_authors_drafts_and_calls_without_supports_are_refused(self, home, call):
        idea = IdeaFactory(call=call)
        with pytest.raises(IdeaRefused):
            service.support(idea, idea.author)
        with pytest.raises(IdeaRefused):
            service.support(IdeaFactory(call=call, status=IdeaStatus.DRAFT), UserFactory())
        no_supports = IdeaCallPageFactory(parent=home, supports_enabled=False)
        with pytest.raises(IdeaRefused):
            service.support(IdeaFactory(call=no_supports), UserFactory())

    def test_supporting_from_the_gallery(self, client, call):
        idea = IdeaFactory(call=call)
        client.force_login(UserFactory())
        gallery = reverse("community:gallery", args=[call.pk])
        response = client.post(reverse("community:idea_support", args=[idea.pk]), {"next": gallery})
        assert response["Location"] == gallery
        idea.refresh_from_db()
        assert idea.support_count == 1
        assert "Withdraw my support" in client.get(gallery).content.decode()


def test_the_gallery_renders_in_a_constant_number_of_queries(client, call):
    topics = [cf.TopicFactory(), cf.TopicFactory()]
    organisation = cf.OrganisationFactory()
    member = UserFactory()
    client.force_login(member)

    def add(count):
        for _ in range(count):
            idea = IdeaFactory(call=call, organisation=organisation)
            idea.topics.set(topics)
            service.support(idea, member)

    def measure():
        url = reverse("community:gallery", args=[call.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(context.captured_queries)

    add(2)
    few = measure()
    add(9)
    assert measure() == few


def test_exports_hold_public_ideas_without_personal_data(client, call):
    author = UserFactory(email="author@example.org", display_name="Ana Author")
    IdeaFactory(
        call=call,
        author=author,
        title='=HYPERLINK("http://evil")',
        team="<p>Ana Author and Marko</p>",
    )
    IdeaFactory(call=call, status=IdeaStatus.DRAFT, title="Secret draft")
    body = client.get(reverse("community:ideas_export", args=[call.pk, "json"])).content.decode()
    data = json.loads(body)["ideas"]
    assert [idea["title"] for idea in data] == ['=HYPERLINK("http://evil")']
    for secret in ("author@example.org", "Ana Author", "Marko", "Secret draft"):
        assert secret not in body
    rows = list(
        csv.DictReader(
            io.StringIO(
                client.get(
                    reverse("community:ideas_export", args=[call.pk, "csv"])
                ).content.decode()
            )
        )
    )
    assert rows[0]["title"].startswith("'=")  # a formula is text in a spreadsheet
    assert "author" not in rows[0] and "team" not in rows[0]
