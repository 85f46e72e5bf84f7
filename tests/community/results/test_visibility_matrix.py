"""A result is readable only where its idea is (the idea rule every channel asks,
community.ideas.permissions.public_ideas) and its page is (cms.visibility): a result of an idea
that is no longer public, of a call whose results are not out, of a call the reader cannot
see, or an unpublished one, stays private on every channel.

The matrix: channels (page, the call's list, the export, the API, the site search, the
sitemap, a follower's notification) x cases.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from community.ideas.models import IdeaStatus
from community.members.factories import UserFactory
from community.notifications.models import Notification, NotificationKind
from community.results import services
from community.results.models import IdeaResultPage, ResultStatus
from community.results.signals import result_status_changed
from tests.community.results.helpers import make_result

pytestmark = pytest.mark.django_db

TITLE = "Quokkaresult seed library"


def _idea_withdrawn(result, idea):
    idea.status = IdeaStatus.WITHDRAWN
    idea.save()


def _idea_no_longer_selected(result, idea):
    idea.status = IdeaStatus.NOT_SELECTED
    idea.save()


def _results_not_out(result, idea):
    # The call publishes its ideas: the idea stays public, reading "under review".
    idea.call.ideas_public = True
    call = idea.call
    call.results_published_at = timezone.now() + datetime.timedelta(days=5)
    call.save_revision().publish()


def _call_restricted(result, idea):
    PageViewRestriction.objects.create(
        page=idea.call, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )


def _unpublished(result, idea):
    result.unpublish()


CASES = {
    "public": None,
    "idea withdrawn": _idea_withdrawn,
    "idea no longer selected": _idea_no_longer_selected,
    "call's results not out": _results_not_out,
    "call behind a password": _call_restricted,
    "result unpublished": _unpublished,
}


def _channels(client, result, call):
    """What each channel tells a visitor of the result: True when it shows it."""
    page = client.get(result.url)
    listing = client.get(reverse("community:results", args=[call.pk]))
    export = client.get(reverse("community:results_export", args=[call.pk, "json"]))
    api = client.get("/api/v2/pages/", {"type": "community.IdeaResultPage"})
    search = client.get("/en/search/", {"q": "Quokkaresult"})
    sitemap = client.get("/sitemap-pages.xml")
    return {
        # A password form answers 200 too: the result's own content is what counts.
        "page": page.status_code == 200 and 'id="milestones-heading"' in page.content.decode(),
        "list": listing.status_code == 200 and TITLE in listing.content.decode(),
        "export": export.status_code == 200 and TITLE in export.content.decode(),
        "api": result.pk in [item["id"] for item in api.json()["items"]],
        "search": TITLE in search.content.decode(),
        "sitemap": result.url in sitemap.content.decode(),
    }


@pytest.mark.parametrize("case", list(CASES))
def test_every_channel_shows_a_result_only_when_its_idea_and_page_are_readable(
    home, commit, client, case
):
    result, idea, organiser = make_result(home, commit)
    result.title = TITLE
    result.save_revision().publish(skip_permission_checks=True)
    follower = UserFactory()
    services.follow_result(result, follower)
    if CASES[case]:
        CASES[case](result, idea)

    shown = _channels(client, result, idea.call)
    # Told directly (a publish would bring an unpublished result back).
    commit(
        result_status_changed.send,
        sender=IdeaResultPage,
        result=IdeaResultPage.objects.get(pk=result.pk),
        status=ResultStatus.IN_PROGRESS,
        actor=organiser,
    )
    shown["notification"] = Notification.objects.filter(
        recipient=follower, kind=NotificationKind.RESULT_STATUS
    ).exists()

    expected = case == "public"
    assert shown == dict.fromkeys(shown, expected)


@pytest.mark.parametrize(
    "case", ["idea withdrawn", "idea no longer selected", "call's results not out"]
)
def test_a_cached_sitemap_forgets_a_result_as_soon_as_its_idea_is_no_longer_public(
    home, commit, client, case
):
    result, idea, _organiser = make_result(home, commit)
    assert result.url in client.get("/sitemap-pages.xml").content.decode()
    CASES[case](result, idea)
    assert result.url not in client.get("/sitemap-pages.xml").content.decode()
