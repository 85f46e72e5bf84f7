"""Publishing a focus group or a co-design workshop gives it a private space, once, moderated
by its organisers and readable by its confirmed participants."""

import pytest

from community.discussions.models import DiscussionSpace, SpaceVisibility
from community.discussions.permissions import can_read_space
from community.discussions.services import ensure_event_space
from community.members.factories import UserFactory
from community.workshops.factories import CoDesignWorkshopPageFactory
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import FocusGroupPageFactory, WebinarPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(home):
    return EventIndexPageFactory(parent=home)


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


@pytest.mark.parametrize("factory", [FocusGroupPageFactory, CoDesignWorkshopPageFactory])
def test_publishing_a_group_event_creates_its_private_space_once(
    events, factory, django_capture_on_commit_callbacks
):
    organiser = UserFactory()
    page = factory(parent=events, organisers=[organiser])
    publish(page, django_capture_on_commit_callbacks)
    publish(page, django_capture_on_commit_callbacks)
    space = DiscussionSpace.objects.get(event=page)
    assert space.visibility == SpaceVisibility.PRIVATE
    assert list(space.moderators.all()) == [organiser]


def test_a_webinar_gets_no_space(events, django_capture_on_commit_callbacks):
    page = WebinarPageFactory(parent=events)
    publish(page, django_capture_on_commit_callbacks)
    assert not DiscussionSpace.objects.exists()


def test_approved_applicants_read_the_focus_group_space_and_applicants_do_not(events):
    group = FocusGroupPageFactory(parent=events)
    space = ensure_event_space(group)
    approved, applicant = UserFactory(), UserFactory()
    Registration.objects.create(event=group, user=approved, status=RegistrationStatus.CONFIRMED)
    Registration.objects.create(event=group, user=applicant, status=RegistrationStatus.APPLIED)
    assert can_read_space(approved, space) is True
    assert can_read_space(applicant, space) is False


def test_editors_open_a_space_in_the_admin(home, client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    moderator = UserFactory()
    response = client.post(
        "/admin/snippets/community/discussionspace/add/",
        {
            "title": "Green jobs",
            "slug": "green-jobs",
            "description": "Skills for the transition.",
            "visibility": "members",
            "content_language": "it",
            "moderators": [moderator.pk],
            "sort_order": 10,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    space = DiscussionSpace.objects.get(slug="green-jobs")
    assert list(space.moderators.all()) == [moderator]
    assert space.content_language == "it"
