"""Who may start a conversation with whom: each member's choice (any member / members of their
groups / nobody) against every relation the site knows, and blocks, which work both ways."""

import pytest

from cms.factories import OrganisationFactory
from community.conversations import permissions
from community.conversations.factories import ContactBlockFactory
from community.discussions.factories import DiscussionSpaceFactory
from community.discussions.models import SpaceVisibility
from community.members.factories import UserFactory
from community.members.models import MessagePolicy
from community.organisations.models import MembershipStatus, OrganisationMembership
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import FocusGroupPageFactory
from events.pages.models import RegistrationStatus
from events.registrations.models import Registration

pytestmark = pytest.mark.django_db

RELATIONS = (
    "none",
    "organisation",
    "focus_group",
    "space_moderators",
    "pending_organisation",
    "waitlisted_focus_group",
)
# Relations that make two members share a group; the others do not.
SHARED = {"organisation", "focus_group", "space_moderators"}


def relate(sender, recipient, relation, home):
    if relation in ("organisation", "pending_organisation"):
        organisation = OrganisationFactory()
        status = (
            MembershipStatus.ACCEPTED if relation == "organisation" else MembershipStatus.PENDING
        )
        OrganisationMembership.objects.create(
            organisation=organisation, user=sender, status=MembershipStatus.ACCEPTED
        )
        OrganisationMembership.objects.create(
            organisation=organisation, user=recipient, status=status
        )
    elif relation in ("focus_group", "waitlisted_focus_group"):
        focus_group = FocusGroupPageFactory(parent=EventIndexPageFactory(parent=home))
        DiscussionSpaceFactory(visibility=SpaceVisibility.PRIVATE, event=focus_group)
        Registration.objects.create(
            event=focus_group, user=sender, status=RegistrationStatus.CONFIRMED
        )
        Registration.objects.create(
            event=focus_group,
            user=recipient,
            status=RegistrationStatus.CONFIRMED
            if relation == "focus_group"
            else RegistrationStatus.WAITLISTED,
        )
    elif relation == "space_moderators":
        DiscussionSpaceFactory(moderators=[sender, recipient])


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("policy", MessagePolicy.values)
def test_the_recipients_choice_against_every_relation(home, policy, relation):
    sender = UserFactory()
    recipient = UserFactory(message_policy=policy)
    relate(sender, recipient, relation, home)

    allowed = policy == MessagePolicy.MEMBERS or (
        policy == MessagePolicy.GROUPS and relation in SHARED
    )
    refusal = permissions.contact_refusal(sender, recipient)
    assert (refusal is None) is allowed
    if not allowed:
        assert refusal  # a reason to show beside the field or the button
    # The bulk question the form asks says the same.
    assert (recipient.pk in permissions.recipient_refusals(sender, [recipient])) is not allowed


def test_members_of_their_groups_is_the_default():
    assert UserFactory().message_policy == MessagePolicy.GROUPS


@pytest.mark.parametrize("who_blocks", ["sender", "recipient"])
def test_a_block_works_both_ways_whatever_the_choice(who_blocks):
    sender = UserFactory()
    recipient = UserFactory(message_policy=MessagePolicy.MEMBERS)
    if who_blocks == "sender":
        ContactBlockFactory(blocker=sender, blocked=recipient)
    else:
        ContactBlockFactory(blocker=recipient, blocked=sender)

    assert permissions.contact_refusal(sender, recipient)
    assert permissions.contact_refusal(recipient, sender)
    assert permissions.reply_refusal(sender, [recipient])
    assert permissions.reply_refusal(recipient, [sender])


def test_nobody_writes_to_themselves_or_to_a_closed_account():
    sender = UserFactory()
    closed = UserFactory(message_policy=MessagePolicy.MEMBERS, is_active=False)
    assert permissions.contact_refusal(sender, sender)
    assert permissions.contact_refusal(sender, closed)


def test_sharing_a_group_costs_one_query_however_many_candidates(django_assert_num_queries):
    sender = UserFactory()
    organisation = OrganisationFactory()
    OrganisationMembership.objects.create(
        organisation=organisation, user=sender, status=MembershipStatus.ACCEPTED
    )
    others = [UserFactory() for _ in range(5)]
    for other in others[:3]:
        OrganisationMembership.objects.create(
            organisation=organisation, user=other, status=MembershipStatus.ACCEPTED
        )
    with django_assert_num_queries(1):
        sharing = permissions.members_sharing_a_group(sender, [o.pk for o in others])
    assert sharing == {o.pk for o in others[:3]}
