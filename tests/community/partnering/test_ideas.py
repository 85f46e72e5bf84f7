"""Partners for the ideas of a call that asks for consortia: what the idea looks for, who may be
suggested (consent, profile visibility), who sees the suggestions and writes to them (its
authors; the organisers only see), in a fixed number of queries, never showing an email."""

import pytest
from django.urls import reverse

from cms import factories as f
from cms.opendata.factories import SocialEconomyEntityFactory
from community.conversations.models import Conversation, Message
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import CoAuthorStatus, IdeaCoAuthor, IdeaStatus
from community.members.factories import UserFactory
from community.members.models import MessagePolicy, ProfileVisibility
from community.organisations.models import MembershipStatus, OrganisationMembership
from community.partnering import needs, services
from community.partnering.matching import Need
from tests.community.ideas.review_helpers import make_organiser

pytestmark = pytest.mark.django_db

ALL_HELIXES = frozenset({"academia", "business", "public", "civil-society"})


@pytest.fixture
def spain():
    return f.CountryFactory(name="Spain", code="ES")


@pytest.fixture
def call(home):
    return IdeaCallPageFactory(parent=home, asks_for_consortia=True, wanted_helixes=[])


@pytest.fixture
def idea(call):
    author = UserFactory(display_name="Alba Author", stakeholder_type="civil-society")
    return IdeaFactory(call=call, author=author)


def opted_in(name, **fields):
    """A member who agreed to be suggested, seen by signed-in members (the default)."""
    return UserFactory(display_name=name, open_to_partnering=True, **fields)


def suggested_names(idea, reader, limit=10):
    return [s.candidate.name for s in services.idea_suggestions(idea, reader, limit=limit)]


# --- what a call and an idea look for ---


def test_a_call_wants_the_helixes_it_ticks_and_shares_its_themes(home):
    theme = f.TopicFactory(name="Housing", slug="housing")
    call = IdeaCallPageFactory(parent=home, asks_for_consortia=True, wanted_helixes=["public"])
    call.themes.add(theme)
    call.save()
    assert needs.need_for_call(call) == Need(
        missing_helixes=frozenset({"public"}), topics=frozenset({"housing"})
    )


def test_a_call_that_ticks_no_helix_wants_all_four_and_ignores_unknown_ones(home):
    call = IdeaCallPageFactory(parent=home, asks_for_consortia=True, wanted_helixes=["martian"])
    assert needs.need_for_call(call).missing_helixes == ALL_HELIXES
    call.wanted_helixes = []
    assert needs.wanted_helixes(call) == ALL_HELIXES
    call.wanted_helixes = ["academia", "martian"]
    assert needs.wanted_helixes(call) == frozenset({"academia"})


def test_an_idea_misses_the_wanted_helixes_its_team_does_not_bring(call, idea):
    university = f.OrganisationFactory(helix="academia")
    coauthor = UserFactory(organisation=university)
    IdeaCoAuthor.objects.create(idea=idea, user=coauthor, status=CoAuthorStatus.ACCEPTED)
    invited = UserFactory(stakeholder_type="public")  # not yet a co-author: brings nothing
    IdeaCoAuthor.objects.create(idea=idea, user=invited, status=CoAuthorStatus.INVITED)
    idea.organisation = f.OrganisationFactory(helix="business")
    idea.save()
    # The author is civil society, the co-author's university academia, the idea's org business.
    assert needs.need_for_idea(idea).missing_helixes == frozenset({"public"})
    call.wanted_helixes = ["academia", "public"]
    call.save()
    idea.refresh_from_db()
    assert needs.need_for_idea(idea).missing_helixes == frozenset({"public"})


def test_an_idea_is_where_its_organisation_is(idea, spain):
    idea.organisation = f.OrganisationFactory(country=spain, city="Aragon")
    idea.author.country = f.CountryFactory(code="IT")
    idea.author.save()
    idea.save()
    need = needs.need_for_idea(idea)
    assert (need.country, need.region) == ("ES", "Aragon")


def test_an_idea_without_organisation_is_where_its_authors_organisation_then_country_is(
    idea, spain
):
    idea.author.country = f.CountryFactory(code="IT")
    idea.author.save()
    need = needs.need_for_idea(idea)
    assert (need.country, need.region) == ("IT", "")
    idea.author.organisation = f.OrganisationFactory(country=spain, city="Teruel")
    idea.author.save()
    need = needs.need_for_idea(idea)
    assert (need.country, need.region) == ("ES", "Teruel")


def test_an_idea_without_any_place_looks_anywhere(idea):
    need = needs.need_for_idea(idea)
    assert (need.country, need.region) == ("", "")


def test_an_idea_shares_its_topics_and_its_calls_themes(call, idea):
    call.themes.add(f.TopicFactory(slug="housing"))
    call.save()
    idea.topics.add(f.TopicFactory(slug="food"))
    assert needs.need_for_idea(idea).topics == frozenset({"housing", "food"})


# --- who may be suggested ---


def test_a_member_who_did_not_opt_in_is_never_suggested(idea):
    UserFactory(display_name="Quiet Public", stakeholder_type="public")
    keen = opted_in("Keen Public", stakeholder_type="public")
    assert suggested_names(idea, idea.author) == [keen.display_name]


def test_a_hidden_profile_is_never_suggested_even_opted_in(idea):
    opted_in(
        "Hidden Public", stakeholder_type="public", profile_visibility=ProfileVisibility.HIDDEN
    )
    assert suggested_names(idea, idea.author) == []


def test_an_erased_or_closed_account_is_never_suggested(idea):
    from django.utils import timezone

    opted_in("Gone", stakeholder_type="public", is_active=False)
    opted_in("Erased", stakeholder_type="public", erased_at=timezone.now())
    assert suggested_names(idea, idea.author) == []


def test_a_member_carries_their_helix_place_topics_and_events(idea, spain):
    idea.organisation = f.OrganisationFactory(helix="civil-society", country=spain, city="Aragon")
    idea.save()
    food = f.TopicFactory(slug="food")
    idea.topics.add(food)
    council = f.OrganisationFactory(helix="public", country=spain, city="Aragon")
    member = opted_in("Paula Public", organisation=council)
    member.topics.add(food)
    (suggestion,) = services.idea_suggestions(idea, idea.author)
    assert suggestion.candidate.key == f"member:{member.pk}"
    assert [reason.code for reason in suggestion.reasons] == ["helix", "region", "topic"]
    assert services.reason_texts(suggestion, about="idea") == [
        "Public administration",
        "in Aragon",
        "shares the idea's topics",
    ]


def test_a_members_own_stakeholder_type_and_country_come_before_their_organisations(idea, spain):
    council = f.OrganisationFactory(helix="public", country=f.CountryFactory(code="IT"))
    opted_in("Uma", stakeholder_type="academia", country=spain, organisation=council)
    (candidate,) = [c for c in services.candidates(idea.author) if c.key.startswith("member:")]
    assert (candidate.helix, candidate.country) == ("academia", "ES")


def test_the_ideas_own_team_and_organisations_are_never_suggested(idea, spain):
    # Each of them would match: they are in the idea's country.
    idea.author.country = spain
    idea.author.open_to_partnering = True
    idea.author.save()
    council = f.OrganisationFactory(
        name="Own Council", helix="public", country=spain, open_to_partnering=True
    )
    coauthor = opted_in("Cora Coauthor", country=spain, organisation=council)
    IdeaCoAuthor.objects.create(idea=idea, user=coauthor, status=CoAuthorStatus.ACCEPTED)
    other = f.OrganisationFactory(
        name="Other Council", helix="public", country=spain, open_to_partnering=True
    )
    assert suggested_names(idea, idea.author) == [other.name]
    assert suggested_names(idea, coauthor) == [other.name]


def test_organisations_and_directory_entities_opted_in_are_suggested_too(idea):
    f.OrganisationFactory(name="Open Council", helix="public", open_to_partnering=True)
    f.OrganisationFactory(name="Closed Council", helix="public", open_to_partnering=False)
    SocialEconomyEntityFactory(
        name="Coop Opted", open_to_partnering=True, proposed_by=UserFactory()
    )
    SocialEconomyEntityFactory(name="Coop Not", proposed_by=UserFactory())
    assert suggested_names(idea, idea.author) == ["Coop Opted", "Open Council"]


# --- who sees them ---


def page(client, idea, user=None):
    if user is not None:
        client.force_login(user)
    return client.get(reverse("community:idea_detail", args=[idea.pk]))


def test_the_author_sees_suggested_partners_with_reasons_and_a_way_to_write(client, idea):
    opted_in("Paula Public", stakeholder_type="public")
    response = page(client, idea, idea.author)
    html = response.content.decode()
    assert "Suggested partners" in html and "Paula Public" in html
    assert "Public administration" in html
    assert reverse("community:idea_partner_contact", args=[idea.pk]) in html


def test_an_accepted_coauthor_sees_them_an_invited_one_does_not(idea):
    opted_in("Paula Public", stakeholder_type="public")
    accepted, invited = UserFactory(), UserFactory()
    IdeaCoAuthor.objects.create(idea=idea, user=accepted, status=CoAuthorStatus.ACCEPTED)
    IdeaCoAuthor.objects.create(idea=idea, user=invited, status=CoAuthorStatus.INVITED)
    assert suggested_names(idea, accepted) == ["Paula Public"]
    assert suggested_names(idea, invited) == []


def test_the_calls_organiser_sees_them_without_writing(client, home, idea):
    opted_in("Paula Public", stakeholder_type="public")
    organiser = make_organiser(home)
    html = page(client, idea, organiser).content.decode()
    assert "Paula Public" in html
    assert reverse("community:idea_partner_contact", args=[idea.pk]) not in html


def test_the_public_and_other_members_see_no_suggestions(client, idea):
    opted_in("Paula Public", stakeholder_type="public")
    anonymous = page(client, idea)
    assert anonymous.status_code == 200  # a public idea
    assert "Paula Public" not in anonymous.content.decode()
    other = UserFactory()
    member = page(client, idea, other)
    assert member.status_code == 200
    assert "Suggested partners" not in member.content.decode()
    assert services.idea_suggestions(idea, other) == []


def test_no_suggestions_when_the_call_does_not_ask_for_consortia(call, idea):
    opted_in("Paula Public", stakeholder_type="public")
    call.asks_for_consortia = False
    call.save()
    idea.refresh_from_db()
    assert services.idea_suggestions(idea, idea.author) == []


def test_no_suggestions_for_a_withdrawn_idea(idea):
    opted_in("Paula Public", stakeholder_type="public")
    idea.status = IdeaStatus.WITHDRAWN
    idea.save()
    assert services.idea_suggestions(idea, idea.author) == []


def test_the_idea_page_with_suggestions_takes_the_same_queries_whatever_their_number(
    client, idea, django_assert_num_queries
):
    client.force_login(idea.author)
    url = reverse("community:idea_detail", args=[idea.pk])

    def add(n):
        for i in range(n):
            opted_in(f"Member {n}-{i}", stakeholder_type="public").topics.add(f.TopicFactory())
            f.OrganisationFactory(name=f"Org {n}-{i}", helix="public", open_to_partnering=True)
            SocialEconomyEntityFactory(
                open_to_partnering=True, proposed_by=UserFactory(), sectors=["green"]
            )

    add(1)
    client.get(url)  # warm caches (site, locales)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        assert "Member 1-0" in client.get(url).content.decode()
    # Counted now: each request empties the connection's query log.
    baseline = len(one.captured_queries)
    add(6)
    # New organisations and topics start a new generation of the cached chrome: the next
    # request rebuilds it, the one after is measured.
    client.get(url)
    with django_assert_num_queries(baseline):
        assert client.get(url).content.decode().count('class="suggestion card"') == 5


# --- writing to them ---


def contact(client, idea, user, key, body="Shall we build the consortium together?"):
    client.force_login(user)
    return client.post(
        reverse("community:idea_partner_contact", args=[idea.pk]), {"key": key, "body": body}
    )


def test_an_author_writes_to_a_suggested_member_without_seeing_an_email(client, idea):
    paula = opted_in("Paula Public", stakeholder_type="public", email="paula.secret@example.org")
    html = page(client, idea, idea.author).content.decode()
    assert "paula.secret@example.org" not in html
    response = contact(client, idea, idea.author, f"member:{paula.pk}")
    conversation = Conversation.objects.get()
    assert response["Location"] == reverse("community:conversation", args=[conversation.pk])
    assert set(conversation.participants.values_list("user_id", flat=True)) == {
        idea.author.pk,
        paula.pk,
    }
    assert "paula.secret@example.org" not in client.get(response["Location"]).content.decode()


def test_an_organisations_accepted_members_who_accept_messages_receive_it(client, idea):
    council = f.OrganisationFactory(name="Council", helix="public", open_to_partnering=True)
    reachable, closed = UserFactory(), UserFactory(message_policy=MessagePolicy.NOBODY)
    pending = UserFactory()
    for user, status in (
        (reachable, MembershipStatus.ACCEPTED),
        (closed, MembershipStatus.ACCEPTED),
        (pending, MembershipStatus.PENDING),
    ):
        OrganisationMembership.objects.create(organisation=council, user=user, status=status)
    contact(client, idea, idea.author, f"organisation:{council.pk}")
    conversation = Conversation.objects.get()
    assert set(conversation.participants.values_list("user_id", flat=True)) == {
        idea.author.pk,
        reachable.pk,
    }


def test_an_organisations_admins_receive_it_before_its_other_members(client, idea):
    council = f.OrganisationFactory(name="Council", helix="public", open_to_partnering=True)
    admin, member = UserFactory(), UserFactory()
    OrganisationMembership.objects.create(
        organisation=council, user=admin, status=MembershipStatus.ACCEPTED, role="admin"
    )
    OrganisationMembership.objects.create(
        organisation=council, user=member, status=MembershipStatus.ACCEPTED
    )
    contact(client, idea, idea.author, f"organisation:{council.pk}")
    assert set(Conversation.objects.get().participants.values_list("user_id", flat=True)) == {
        idea.author.pk,
        admin.pk,
    }


def test_when_no_admin_accepts_messages_the_other_accepted_members_receive_it(client, idea):
    council = f.OrganisationFactory(name="Council", helix="public", open_to_partnering=True)
    admin = UserFactory(message_policy=MessagePolicy.NOBODY)
    member = UserFactory()
    OrganisationMembership.objects.create(
        organisation=council, user=admin, status=MembershipStatus.ACCEPTED, role="admin"
    )
    OrganisationMembership.objects.create(
        organisation=council, user=member, status=MembershipStatus.ACCEPTED
    )
    contact(client, idea, idea.author, f"organisation:{council.pk}")
    assert set(Conversation.objects.get().participants.values_list("user_id", flat=True)) == {
        idea.author.pk,
        member.pk,
    }


def test_an_organisation_nobody_can_answer_for_is_refused_beside_the_message(client, idea):
    council = f.OrganisationFactory(name="Council", helix="public", open_to_partnering=True)
    closed = UserFactory(message_policy=MessagePolicy.NOBODY)
    OrganisationMembership.objects.create(
        organisation=council, user=closed, status=MembershipStatus.ACCEPTED, role="admin"
    )
    response = contact(client, idea, idea.author, f"organisation:{council.pk}")
    assert response.status_code == 400
    assert "cannot receive your message" in response.content.decode()
    lonely = f.OrganisationFactory(name="Lonely", helix="public", open_to_partnering=True)
    response = contact(client, idea, idea.author, f"organisation:{lonely.pk}")
    assert "Nobody at this organisation can receive messages yet." in response.content.decode()
    assert not Conversation.objects.exists()


def test_a_directory_entity_is_written_to_through_its_registrant(client, idea):
    registrant = UserFactory()
    coop = SocialEconomyEntityFactory(name="Coop", open_to_partnering=True, proposed_by=registrant)
    contact(client, idea, idea.author, f"entity:{coop.pk}")
    assert set(Conversation.objects.get().participants.values_list("user_id", flat=True)) == {
        idea.author.pk,
        registrant.pk,
    }


def test_a_partner_nobody_may_write_to_is_refused_and_the_message_kept(client, idea):
    paula = opted_in("Paula", stakeholder_type="public", message_policy=MessagePolicy.NOBODY)
    response = contact(client, idea, idea.author, f"member:{paula.pk}", body="Kept as typed")
    assert response.status_code == 400
    assert response.context["form"].errors["body"]
    assert "Kept as typed" in response.content.decode()
    assert not Message.objects.exists()


def test_a_member_not_suggested_cannot_be_written_to_this_way(client, idea):
    quiet = UserFactory(stakeholder_type="public")  # never opted in
    response = contact(client, idea, idea.author, f"member:{quiet.pk}")
    assert response.status_code == 400
    assert not Conversation.objects.exists()


def test_only_the_ideas_authors_may_write_to_its_partners(client, home, idea):
    paula = opted_in("Paula Public", stakeholder_type="public")
    key = f"member:{paula.pk}"
    assert contact(client, idea, UserFactory(), key).status_code == 403
    assert contact(client, idea, make_organiser(home), key).status_code == 403
    client.logout()
    anonymous = client.post(
        reverse("community:idea_partner_contact", args=[idea.pk]), {"key": key, "body": "Hi"}
    )
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert not Conversation.objects.exists()


# --- the member's own setting ---


def test_the_profile_form_offers_to_be_suggested_off_by_default(client):
    member = UserFactory()
    assert member.open_to_partnering is False
    client.force_login(member)
    html = client.get(reverse("community:profile_edit")).content.decode()
    assert 'name="open_to_partnering"' in html
    assert "Your email address is never shown." in html


def test_a_member_opts_in_and_out_of_being_suggested_from_their_profile(client, idea):
    from tests.community.members.test_profiles import profile_data

    member = UserFactory(stakeholder_type="public")
    client.force_login(member)
    url = reverse("community:profile_edit")
    client.post(url, profile_data(stakeholder_type="public", open_to_partnering="on"))
    member.refresh_from_db()
    assert member.open_to_partnering is True
    assert [s.candidate.key for s in services.idea_suggestions(idea, idea.author)] == [
        f"member:{member.pk}"
    ]
    client.post(url, profile_data(stakeholder_type="public"))
    member.refresh_from_db()
    assert member.open_to_partnering is False
    assert services.idea_suggestions(idea, idea.author) == []


def test_erasing_an_account_withdraws_its_consent_to_be_suggested(idea):
    from community.privacy.services import erase_member

    member = opted_in("Paula Public", stakeholder_type="public")
    erase_member(member)
    member.refresh_from_db()
    assert member.open_to_partnering is False
