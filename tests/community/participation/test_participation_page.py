""" "My participation": the member's own events, followed threads, ideas and invitations,
workshops, organisation requests and latest notifications, on one page that costs the same
number of queries whatever the member does; another member's things never show."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from cms.factories import OrganisationFactory
from cms.models.choices import OrganisationKind
from community.discussions.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpaceFactory,
    PostFactory,
    ThreadFactory,
)
from community.discussions.models import MemberBlock, Post, ThreadFollow
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import IdeaCoAuthor, IdeaStatus
from community.members.factories import UserFactory
from community.notifications.models import NotificationKind
from community.notifications.services import notify
from community.organisations.models import OrganisationMembership, OrganisationProposal
from community.participation.views import participation_context
from community.workshops.factories import CoDesignWorkshopPageFactory, ContributionFactory
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import WebinarPageFactory, in_days
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration

pytestmark = pytest.mark.django_db

PATH = "/en/community/participation/"


@pytest.fixture
def places(home):
    """Where things happen: an events index, a call, a discussions section and its space."""
    section = DiscussionIndexPageFactory(parent=home)
    return {
        "events": EventIndexPageFactory(parent=home),
        "call": IdeaCallPageFactory(parent=home),
        "section": section,
        "space": DiscussionSpaceFactory(),
    }


def take_part(member, places, count, tag):
    """`count` of each thing a member does, named with `tag` so the page can be searched."""
    someone = UserFactory()
    for index in range(count):
        event = WebinarPageFactory(
            parent=places["events"], title=f"{tag} webinar {index}", start=in_days(index + 1)
        )
        Registration.objects.create(event=event, user=member, status=RegistrationStatus.CONFIRMED)
        IdeaFactory(call=places["call"], author=member, title=f"{tag} idea {index}")
        invited = IdeaFactory(call=places["call"], author=someone, title=f"{tag} invite {index}")
        IdeaCoAuthor.objects.create(idea=invited, user=member)
        thread = ThreadFactory(space=places["space"], author=someone, title=f"{tag} thread {index}")
        PostFactory(thread=thread, author=someone)
        ThreadFollow.objects.create(thread=thread, user=member)
        workshop = CoDesignWorkshopPageFactory(
            parent=places["events"], title=f"{tag} workshop {index}"
        )
        ContributionFactory(workshop=workshop, author=member)
        OrganisationMembership.objects.create(
            # Not a partner: partners are listed in every page's footer.
            organisation=OrganisationFactory(
                name=f"{tag} organisation {index}", kind=OrganisationKind.STAKEHOLDER
            ),
            user=member,
        )
        OrganisationProposal.objects.create(proposed_by=member, name=f"{tag} proposal {index}")
        notify(
            [member],
            NotificationKind.MENTION,
            target=thread,
            actor=someone,
            subject=f"{tag} mention {index}",
            url="/",
        )


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_participation_is_for_members_only(home):
    response = Client().get(PATH)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_participation_url_is_named():
    assert reverse("community:participation") == PATH


def test_participation_shows_the_members_own_things_and_not_anothers(places):
    member, other = UserFactory(), UserFactory()
    take_part(member, places, 1, "Mine")
    take_part(other, places, 1, "Theirs")
    html = signed_in(member).get(PATH).content.decode()
    for thing in (
        "webinar",
        "idea",
        "invite",
        "thread",
        "workshop",
        "organisation",
        "proposal",
        "mention",
    ):
        assert f"Mine {thing} 0" in html, thing
        assert f"Theirs {thing} 0" not in html, thing


def test_participation_puts_the_next_event_first_with_its_status(places):
    member = UserFactory()
    later = WebinarPageFactory(parent=places["events"], title="Later", start=in_days(20))
    sooner = WebinarPageFactory(parent=places["events"], title="Sooner", start=in_days(2))
    Registration.objects.create(event=later, user=member, status=RegistrationStatus.CONFIRMED)
    Registration.objects.create(event=sooner, user=member, status=RegistrationStatus.WAITLISTED)
    html = signed_in(member).get(PATH).content.decode()
    assert html.index("Sooner") < html.index("Later")
    assert str(RegistrationStatus.WAITLISTED.label) in html


def test_participation_shows_followed_threads_with_new_posts_and_a_link_to_the_first(places):
    member, other = UserFactory(), UserFactory()
    thread = ThreadFactory(space=places["space"], author=other, title="Rooftops")
    PostFactory(thread=thread, author=other)
    PostFactory(thread=thread, author=other)
    ThreadFollow.objects.create(thread=thread, user=member)
    html = signed_in(member).get(PATH).content.decode()
    section = places["section"]
    first_unread = section.url + section.reverse_subpage("first_unread", args=[thread.pk])
    reply = section.url + section.reverse_subpage("reply", args=[thread.pk])
    assert "2 new posts" in html
    assert f'href="{first_unread}"' in html
    assert f'action="{reply}"' in html


def test_a_reply_from_participation_posts_to_the_thread(places):
    member, other = UserFactory(), UserFactory()
    thread = ThreadFactory(space=places["space"], author=other, title="Rooftops")
    PostFactory(thread=thread, author=other)
    ThreadFollow.objects.create(thread=thread, user=member)
    client = signed_in(member)
    client.get(PATH)
    section = places["section"]
    reply = section.url + section.reverse_subpage("reply", args=[thread.pk])
    response = client.post(reply, {"body": "Count me in.", "language": "en"})
    assert response.status_code == 302
    assert Post.objects.filter(thread=thread, author=member, body__contains="Count me in").exists()


def test_a_locked_thread_offers_no_quick_reply_and_says_why(places):
    member, other = UserFactory(), UserFactory()
    thread = ThreadFactory(space=places["space"], author=other, title="Closed", locked=True)
    PostFactory(thread=thread, author=other)
    ThreadFollow.objects.create(thread=thread, user=member)
    html = signed_in(member).get(PATH).content.decode()
    assert "Quick reply" not in html
    assert "This thread is locked" in html


def test_participation_costs_the_same_queries_for_1_and_30_of_each_thing(places):
    one, many = UserFactory(), UserFactory()
    take_part(one, places, 1, "One")
    take_part(many, places, 30, "Many")
    page, gathered = {}, {}
    for member in (one, many):
        client = signed_in(member)
        client.get(PATH)  # warm per-process caches (locales, site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(PATH)
        page[member] = len(queries)
        assert response.status_code == 200
        # What the page gathers from the capabilities, without the site's header and footer
        # (the same on every page).
        with translation.override("en"), CaptureQueriesContext(connection) as queries:
            participation_context(member)
        gathered[member] = len(queries)
    html = response.content.decode()
    assert html.count("Many webinar ") == 30
    assert html.count("Many thread ") >= 30
    assert page[one] == page[many]
    assert gathered[one] == gathered[many]
    assert gathered[many] <= 20


def test_a_blocked_member_gets_no_quick_reply_and_reads_why(places):
    member, other = UserFactory(), UserFactory()
    thread = ThreadFactory(space=places["space"], author=other, title="Rooftops")
    PostFactory(thread=thread, author=other)
    ThreadFollow.objects.create(thread=thread, user=member)
    MemberBlock.objects.create(member=member, space=places["space"], reason="Spam")
    html = signed_in(member).get(PATH).content.decode()
    assert "Quick reply" not in html
    assert "A moderator has blocked you from posting here." in html


def test_an_idea_under_review_reads_so_to_its_author(places):
    member = UserFactory()
    IdeaFactory(call=places["call"], author=member, status=IdeaStatus.SELECTED, title="Kitchen")
    html = signed_in(member).get(PATH).content.decode()
    # Results not published: the decision stays with the organisers.
    assert str(IdeaStatus.UNDER_REVIEW.label) in html
    assert str(IdeaStatus.SELECTED.label) not in html


def test_old_events_are_listed_as_past(places):
    member = UserFactory()
    past = WebinarPageFactory(
        parent=places["events"],
        title="Last spring",
        start=timezone.now() - datetime.timedelta(days=60),
    )
    Registration.objects.create(event=past, user=member, status=RegistrationStatus.ATTENDED)
    html = signed_in(member).get(PATH).content.decode()
    assert html.index("Past events") < html.index("Last spring")
