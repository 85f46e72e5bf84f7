"""The demo workshops: Marseille's food-access co-design (English and French) and the Maribor
premises mapping (English and Slovenian), with the demo members' contributions; a second run
writes nothing."""

import pytest
from wagtail.models import Locale

from cms.factories import DocumentFactory
from community.members.demo import ensure_demo_accounts
from community.workshops.demo import build_workshops_demo
from community.workshops.models import (
    CoDesignWorkshopPage,
    Contribution,
    ContributionComment,
    ContributionGroup,
    ContributionSupport,
    WorkshopSynthesis,
)
from events.listing.factories import EventIndexPageFactory
from events.registrations.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(home):
    for code in ("fr", "sl"):
        Locale.objects.get_or_create(language_code=code)
    EventIndexPageFactory(parent=home)
    DocumentFactory(title="Premises for social innovators, Maribor (CSV)")
    users = {account.email: user for account, user, _created in ensure_demo_accounts()}
    build_workshops_demo()
    return users


def english(slug):
    return CoDesignWorkshopPage.objects.get(slug=slug, locale__language_code="en")


def counts():
    return [
        model.objects.count()
        for model in (
            CoDesignWorkshopPage,
            Contribution,
            ContributionComment,
            ContributionSupport,
            ContributionGroup,
            WorkshopSynthesis,
            Registration,
        )
    ]


def test_both_workshops_exist_in_english_and_their_local_language(demo):
    marseille = english("operation-desert-alimentaire-co-design")
    maribor = english("maribor-premises-mapping-workshop")
    french = marseille.get_translation(Locale.objects.get(language_code="fr")).specific
    slovenian = maribor.get_translation(Locale.objects.get(language_code="sl")).specific
    assert french.alias_of_id is None and french.title.startswith("Opération Désert Alimentaire")
    assert slovenian.alias_of_id is None and slovenian.title.startswith("Kartiranje prostorov")
    assert [p.code for p in marseille.phases.all()] == ["discover", "define", "develop", "deliver"]
    assert french.phases.first().name == "Découvrir : ce que montre la carte"
    material = slovenian.materials[0].value
    assert material["description"].startswith("Doslej popisani prostori")
    assert material["document"].title == "Premises for social innovators, Maribor (CSV)"


def test_the_demo_members_took_part_with_contributions_comments_and_supports(demo):
    marseille = english("operation-desert-alimentaire-co-design")
    assert [u.email for u in marseille.facilitators.all()] == ["moderator@example.org"]
    assert marseille.contributions.count() == 5
    assert ContributionComment.objects.filter(contribution__workshop=marseille).count() == 3
    assert ContributionSupport.objects.filter(contribution__workshop=marseille).count() == 6
    assert marseille.contribution_groups.count() == 2
    assert "Saint-Mauront" in marseille.synthesis().text
    authors = set(marseille.contributions.values_list("author__email", flat=True))
    assert authors <= set(
        Registration.objects.filter(event=marseille).values_list("user__email", flat=True)
    )


def test_a_participant_reads_the_contributions_on_the_french_page(client, demo):
    marseille = english("operation-desert-alimentaire-co-design")
    french = marseille.get_translation(Locale.objects.get(language_code="fr"))
    client.force_login(demo["member@example.org"])
    body = client.get(french.url).content.decode()
    assert "A market van that stops twice a week" in body
    assert "Bring the market to the neighbourhood" in body


def test_a_second_run_writes_nothing(demo):
    before = counts()
    stats = build_workshops_demo()
    assert set(stats) == {"unchanged"}
    assert counts() == before
