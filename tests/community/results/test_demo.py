"""The demo's results: the 3DI call's two selected ideas, followed up with milestones, in
English and Italian; safe to run again."""

import pytest
from wagtail.models import Locale

from cms import factories as cf
from cms.demo.sync import stable_key
from cms.models import Organisation
from community.ideas.demo import build_community_demo
from community.members.demo import ensure_demo_accounts
from community.results.demo import build_results_demo
from community.results.models import IdeaResultPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home):
    italian, _created = Locale.objects.get_or_create(language_code="it")
    home.copy_for_translation(italian).save_revision().publish()
    for key in ("foundation-civil-society-istria", "prizma", "uoc", "veneto-region", "amu"):
        cf.OrganisationFactory(name=key, translation_key=stable_key("organisation", key))
    cf.CountryFactory(code="HR")
    ensure_demo_accounts()
    build_community_demo()
    return build_results_demo()


def test_the_demo_follows_up_the_selected_ideas_with_milestones_in_english_and_italian(
    client, demo
):
    istria = Organisation.objects.get(name="foundation-civil-society-istria")
    assert {result.title for result in demo} == {
        "Repair cafés in Istrian villages",
        "Teenagers teach seniors digital skills",
    }
    repair = next(r for r in demo if r.slug == "repair-cafes-in-istrian-villages")
    assert repair.milestones.count() == 3
    assert [o.name for o in repair.organisations.all()] == [istria.name]
    italian = repair.get_translation(Locale.objects.get(language_code="it")).specific
    assert not italian.alias_of_id
    assert italian.title == "Repair café nei villaggi dell'Istria"
    assert italian.milestones.first().title.startswith("Volontari formati")
    assert italian.status == repair.status and italian.progress == repair.progress
    assert client.get(italian.url).status_code == 200
    assert "Primo repair café a Motovun" in client.get(italian.url).content.decode()


def test_running_the_demo_again_changes_nothing(demo):
    pages = IdeaResultPage.objects.count()
    revisions = {r.pk: r.revisions.count() for r in IdeaResultPage.objects.all()}

    build_results_demo()

    assert IdeaResultPage.objects.count() == pages
    assert {r.pk: r.revisions.count() for r in IdeaResultPage.objects.all()} == revisions
