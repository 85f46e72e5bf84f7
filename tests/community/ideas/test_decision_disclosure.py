"""What the public and the authors may know of an idea, and when: a review decision
(shortlisted, selected, not selected) reads "under review" to everyone but the call's
organisers and the idea's reviewers until the organiser publishes the results; then everyone
reads it. Every channel asks the one rule (community.ideas.permissions.disclosed_status):
the idea's page, the gallery and its filter, the CSV and JSON exports, "my ideas", the
organisation page, notifications, emails, the member's data archive, the API and search.

The matrix: channels x decision x before/after results x reader (visitor, author, co-author,
other member, organiser, reviewer).
"""

import csv
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.search.index import get_indexed_models

from community.ideas import reviews as review_service
from community.ideas import services as idea_service
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import CoAuthorStatus, Idea, IdeaCoAuthor, IdeaStatus
from community.ideas.permissions import disclosed_status
from community.members.factories import UserFactory
from community.notifications.models import Notification, NotificationKind
from community.privacy.services import build_export
from tests.community.ideas.review_helpers import make_organiser, make_reviewer

pytestmark = pytest.mark.django_db

DECISIONS = (IdeaStatus.SHORTLISTED, IdeaStatus.SELECTED, IdeaStatus.NOT_SELECTED)
READERS = ("visitor", "author", "coauthor", "other", "organiser", "reviewer")
TITLE = "Seed library in the old station"


def told(status, published, reader):
    """What `reader` may read of an idea whose status is `status`."""
    if published or reader in ("organiser", "reviewer"):
        return status
    return IdeaStatus.UNDER_REVIEW


@pytest.fixture
def people(home):
    return {
        "author": UserFactory(),
        "coauthor": UserFactory(),
        "other": UserFactory(),
        "organiser": make_organiser(home),
        "reviewer": make_reviewer(),
    }


def make_idea(home, people, status, published):
    """An idea of an open call whose submitted ideas are public."""
    call = IdeaCallPageFactory(parent=home, ideas_public=True, reviewers=[people["reviewer"]])
    if published:
        call.results_published_at = timezone.now() - timedelta(minutes=1)
        call.save()
    idea = IdeaFactory(call=call, author=people["author"], title=TITLE, status=status)
    IdeaCoAuthor.objects.create(idea=idea, user=people["coauthor"], status=CoAuthorStatus.ACCEPTED)
    return idea


def as_reader(client, people, reader):
    if reader != "visitor":
        client.force_login(people[reader])
    return client


def assert_reads(html, shown, hidden):
    """The page shows `shown` as the idea's status, and nothing of `hidden` when it differs."""
    assert f'idea__status--{shown.value}"' in html
    if hidden != shown:
        assert f"idea__status--{hidden.value}" not in html
        assert f">{hidden.label}<" not in html


@pytest.mark.parametrize("published", [False, True], ids=["before-results", "after-results"])
@pytest.mark.parametrize("status", DECISIONS, ids=lambda s: s.value)
@pytest.mark.parametrize("reader", READERS)
class TestEveryReaderOnEveryPage:
    def test_the_ideas_page_shows_what_the_reader_may_know(
        self, client, home, people, status, published, reader
    ):
        idea = make_idea(home, people, status, published)
        as_reader(client, people, reader)
        html = client.get(reverse("community:idea_detail", args=[idea.pk])).content.decode()
        assert TITLE in html
        assert_reads(html, told(status, published, reader), status)

    def test_the_gallery_and_its_filter_show_the_public_status(
        self, client, home, people, status, published, reader
    ):
        """The gallery is the call's public face: every reader sees what the public may."""
        idea = make_idea(home, people, status, published)
        as_reader(client, people, reader)
        url = reverse("community:gallery", args=[idea.call.pk])
        html = client.get(url).content.decode()
        assert TITLE in html
        assert_reads(html, told(status, published, "visitor"), status)
        # Filtering by the decision finds the idea only once the decision is public.
        filtered = client.get(url, {"status": status.value}).content.decode()
        assert (TITLE in filtered) is published
        assert (f'<option value="{status.value}"' in html) is published

    def test_the_csv_and_json_exports_carry_the_public_status(
        self, client, home, people, status, published, reader
    ):
        idea = make_idea(home, people, status, published)
        as_reader(client, people, reader)
        public = told(status, published, "visitor").value
        csv_url = reverse("community:ideas_export", args=[idea.call.pk, "csv"])
        rows = list(csv.DictReader(io.StringIO(client.get(csv_url).content.decode())))
        assert [(row["title"], row["status"]) for row in rows] == [(TITLE, public)]
        json_url = reverse("community:ideas_export", args=[idea.call.pk, "json"])
        records = json.loads(client.get(json_url).content)["ideas"]
        assert [(record["title"], record["status"]) for record in records] == [(TITLE, public)]
        by_decision = client.get(csv_url, {"status": status.value}).content.decode()
        assert (TITLE in by_decision) is published

    def test_the_organisation_page_lists_the_public_status(
        self, client, home, people, status, published, reader
    ):
        from cms.factories import OrganisationFactory

        idea = make_idea(home, people, status, published)
        organisation = OrganisationFactory()
        Idea.objects.filter(pk=idea.pk).update(organisation=organisation)
        as_reader(client, people, reader)
        html = client.get(
            reverse("community:organisation", args=[organisation.pk])
        ).content.decode()
        assert TITLE in html
        expected = told(status, published, reader)
        assert f"</a> — {expected.label}</li>" in html
        if expected != status:
            assert f"</a> — {status.label}</li>" not in html


@pytest.mark.parametrize("published", [False, True], ids=["before-results", "after-results"])
@pytest.mark.parametrize("status", DECISIONS, ids=lambda s: s.value)
class TestTheAuthorsOwnViews:
    @pytest.mark.parametrize("reader", ["author", "coauthor"])
    def test_my_ideas_lists_what_the_author_may_know(
        self, client, home, people, status, published, reader
    ):
        make_idea(home, people, status, published)
        client.force_login(people[reader])
        html = client.get(reverse("community:my_ideas")).content.decode()
        expected = told(status, published, reader)
        assert f"{TITLE}</bdi></a> — {expected.label} (" in html
        if expected != status:
            assert f"— {status.label} (" not in html

    def test_the_call_page_and_history_tell_the_author_no_decision(
        self, client, home, people, status, published
    ):
        idea = make_idea(home, people, status, published)
        idea_service._record(idea, IdeaStatus.UNDER_REVIEW, status, people["organiser"])
        client.force_login(people["author"])
        expected = told(status, published, "author")
        call_page = client.get(idea.call.url).content.decode()
        assert f"{TITLE}</bdi></a> — {expected.label}</li>" in call_page
        detail = client.get(reverse("community:idea_detail", args=[idea.pk])).content.decode()
        history = detail[detail.index('class="idea-history"') :]
        assert (f": {status.label}</li>" in history) is published

    def test_the_data_archive_holds_what_the_author_may_know(self, home, people, status, published):
        make_idea(home, people, status, published)
        archive = zipfile.ZipFile(io.BytesIO(build_export(people["author"])))
        data = json.loads(archive.read("data.json"))
        assert [row["status"] for row in data["community.Idea"]["author"]] == [
            told(status, published, "author").value
        ]


PATHS = {
    IdeaStatus.SHORTLISTED: (IdeaStatus.UNDER_REVIEW, IdeaStatus.SHORTLISTED),
    IdeaStatus.SELECTED: (IdeaStatus.UNDER_REVIEW, IdeaStatus.SELECTED),
    IdeaStatus.NOT_SELECTED: (IdeaStatus.NOT_SELECTED,),
}


@pytest.mark.parametrize("status", DECISIONS, ids=lambda s: s.value)
def test_notifications_and_emails_tell_the_decision_when_results_are_published(
    home, people, status, commit, mailoutbox
):
    idea = make_idea(home, people, IdeaStatus.SUBMITTED, published=False)
    organiser = people["organiser"]
    for step in PATHS[status]:
        commit(idea_service.change_status, [idea], step, organiser)

    def heard(reader):
        notes = Notification.objects.filter(
            recipient=people[reader], kind=NotificationKind.IDEA_STATUS, target_id=idea.pk
        )
        mails = [m.body for m in mailoutbox if m.to == [people[reader].email]]
        return [n.data["status"] for n in notes.order_by("pk")], mails

    # Before: the authors hear at most "under review"; nobody else hears anything.
    for reader in ("author", "coauthor"):
        statuses, mails = heard(reader)
        assert set(statuses) <= {IdeaStatus.UNDER_REVIEW.value}
        assert statuses, "the move into review is news to the authors"
        assert not any(f"is now: {status.label}." in body for body in mails)
    for reader in ("other", "organiser", "reviewer"):
        assert heard(reader) == ([], [])

    # The call closes and the organiser publishes the results: now the authors hear it.
    type(idea.call).objects.filter(pk=idea.call.pk).update(
        closes_at=timezone.now() - timedelta(minutes=1)
    )
    commit(review_service.publish_results, idea.call.specific, organiser)
    for reader in ("author", "coauthor"):
        statuses, mails = heard(reader)
        assert statuses[-1] == status.value
        assert any(f"is now: {status.label}." in body for body in mails)
    for reader in ("other", "organiser", "reviewer"):
        assert heard(reader) == ([], [])


@pytest.mark.parametrize("published", [False, True], ids=["before-results", "after-results"])
@pytest.mark.parametrize("status", DECISIONS, ids=lambda s: s.value)
def test_the_api_and_search_carry_no_idea_status(client, home, people, status, published):
    """Ideas are not in the pages API. The site search lists public ideas with the status a
    visitor may know (`disclosed_status`), so it tells a decision only once results are out."""
    idea = make_idea(home, people, status, published)
    assert Idea not in get_indexed_models()
    api = client.get(f"/api/v2/pages/{idea.call.pk}/")
    assert api.status_code == 200
    assert api.json()["id"] == idea.call.pk
    assert status.value not in api.content.decode()
    found = client.get(reverse("search"), {"q": "Seed library"}).content.decode()
    if disclosed_status(idea) != status:
        assert f">{status.label}<" not in found
