"""The community demo: the 3DI call closed with results, an open call with ideas in every
state, disagreeing reviews, a conflict of interest, profiles; safe to run again."""

import pytest
from wagtail.models import Locale

from cms import factories as cf
from cms.demo.sync import stable_key
from community.ideas.demo import build_community_demo
from community.ideas.models import ConflictOfInterest, Idea, IdeaCallPage, IdeaStatus, Review
from community.ideas.permissions import reviewable_ideas
from community.ideas.reviews import ranking
from community.members.demo import ensure_demo_accounts
from community.members.models import Consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home):
    for key in ("foundation-civil-society-istria", "prizma", "uoc", "veneto-region", "amu"):
        cf.OrganisationFactory(translation_key=stable_key("organisation", key))
    cf.CountryFactory(code="HR")
    users = {account.email: user for account, user, _created in ensure_demo_accounts()}
    calls = build_community_demo()
    return users, calls


def test_the_3di_call_is_closed_with_published_results(client, demo):
    _users, calls = demo
    call = IdeaCallPage.objects.get(
        slug="3di-call-for-social-innovation-ideas", locale=Locale.get_default()
    )
    assert call in calls
    assert call.state == "results"
    assert call.opens_at.year == 2019 and call.opens_at.month == 11
    html = client.get(call.url).content.decode()
    assert "Repair cafés in Istrian villages" in html
    assert "Zero-waste school canteens" not in html  # not selected, call keeps ideas private


def test_the_open_call_has_ideas_in_every_state(demo):
    call = IdeaCallPage.objects.get(
        slug="ideas-for-resilient-mediterranean-communities", locale=Locale.get_default()
    )
    assert call.is_open()
    assert set(Idea.objects.filter(call=call).values_list("status", flat=True)) == set(
        IdeaStatus.values
    )


def test_reviewers_disagree_on_one_idea_and_one_conflict_is_declared(demo):
    users, _calls = demo
    call = IdeaCallPage.objects.get(
        slug="ideas-for-resilient-mediterranean-communities", locale=Locale.get_default()
    )
    flagged = [item.idea.title for item in ranking(call) if item.disagreement]
    assert flagged == ["Care cooperatives for home assistance"]
    reviewer = users["reviewer@example.org"]
    conflict = ConflictOfInterest.objects.get(reviewer=reviewer)
    assert conflict.idea not in reviewable_ideas(call, reviewer)
    assert not Review.objects.filter(reviewer=reviewer, idea=conflict.idea).exists()


def test_demo_accounts_have_profiles_and_consents(demo):
    users, _calls = demo
    member = users["member@example.org"]
    member.refresh_from_db()
    assert member.stakeholder_type == "civil-society"
    assert member.country_code == "HR"
    assert member.languages == ["hr", "en", "it"]
    assert Consent.objects.filter(user=member).exists()


def test_running_it_again_changes_nothing(demo):
    counts = (Idea.objects.count(), Review.objects.count(), IdeaCallPage.objects.count())
    build_community_demo()
    assert (Idea.objects.count(), Review.objects.count(), IdeaCallPage.objects.count()) == counts
    assert IdeaCallPage.objects.filter(locale=Locale.get_default()).count() == 2
