"""Partners for a call that asks for consortia, before any idea: its organisers see who could
join, with the reasons; nobody else does; the page says to everyone that it asks for
consortia."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms import factories as f
from community.ideas.factories import IdeaCallPageFactory
from community.members.factories import UserFactory
from community.partnering import services
from tests.community.ideas.review_helpers import make_organiser

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(home):
    call = IdeaCallPageFactory(parent=home, asks_for_consortia=True, wanted_helixes=["public"])
    call.themes.add(f.TopicFactory(slug="housing"))
    call.save()
    return call


def opted_in(name, **fields):
    return UserFactory(display_name=name, open_to_partnering=True, **fields)


def test_the_organisers_see_partners_of_the_wanted_helixes_and_themes(client, home, call):
    opted_in("Paula Public", stakeholder_type="public")
    opted_in("Andrea Academic", stakeholder_type="academia")  # not a wanted helix
    housing = opted_in("Hana Housing")
    housing.topics.add(call.themes.get())
    organiser = make_organiser(home)
    suggestions = services.call_suggestions(call, organiser)
    assert [s.candidate.name for s in suggestions] == ["Paula Public", "Hana Housing"]
    client.force_login(organiser)
    html = client.get(call.url).content.decode()
    assert "Partners who could join the consortia" in html
    assert "Paula Public" in html and "Andrea Academic" not in html
    assert 'name="body"' not in html  # organisers see; authors write, from their idea


def test_members_and_the_public_see_that_it_asks_for_consortia_not_the_partners(client, call):
    opted_in("Paula Public", stakeholder_type="public")
    public = client.get(call.url).content.decode()
    assert "This call asks for consortia" in public
    assert "Paula Public" not in public
    member = UserFactory()
    client.force_login(member)
    html = client.get(call.url).content.decode()
    assert "Paula Public" not in html and "Partners who could join" not in html
    assert services.call_suggestions(call, member) == []


def test_a_call_that_does_not_ask_for_consortia_shows_no_partners(client, home, call):
    opted_in("Paula Public", stakeholder_type="public")
    call.asks_for_consortia = False
    call.save()
    organiser = make_organiser(home)
    assert services.call_suggestions(call, organiser) == []
    client.force_login(organiser)
    html = client.get(call.url).content.decode()
    assert "Paula Public" not in html and "This call asks for consortia" not in html


def test_the_call_page_with_partners_takes_the_same_queries_whatever_their_number(
    client, home, call, django_assert_num_queries
):
    client.force_login(make_organiser(home))

    def add(n):
        for i in range(n):
            opted_in(f"Member {n}-{i}", stakeholder_type="public").topics.add(f.TopicFactory())
            f.OrganisationFactory(name=f"Org {n}-{i}", helix="public", open_to_partnering=True)

    add(1)
    client.get(call.url)
    with CaptureQueriesContext(connection) as one:
        assert "Member 1-0" in client.get(call.url).content.decode()
    # Counted now: each request empties the connection's query log.
    baseline = len(one.captured_queries)
    add(6)
    # New organisations and topics start a new generation of the cached chrome: the next
    # request rebuilds it, the one after is measured.
    client.get(call.url)
    with django_assert_num_queries(baseline):
        assert client.get(call.url).content.decode().count('class="suggestion card"') == 5
