"""On an Arabic page, editors' and members' Latin names come out as isolates in the HTML, so a
brand ending in a neutral character ("RESILIENT+") keeps the "+" at its end.

The template scan (test_editor_text_is_isolated.py) proves every output goes through a filter;
these render real pages and look at the HTML a reader gets.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from cms import factories as cf
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db

BRAND = '<bdi dir="ltr">RESILIENT+</bdi>'


def arabic(page):
    copy = page.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    copy.save_revision().publish()
    return copy


def test_a_brand_ending_in_plus_in_the_arabic_funding_statement_is_an_isolate(client, home):
    english = cf.FooterTextFactory(address="x", funding_statement="Funded by RESILIENT+.")
    statement = english.copy_for_translation(Locale.objects.get(language_code="ar"))
    statement.funding_statement = "بتمويل من مشروع RESILIENT+ ضمن برنامج Interreg MED."
    statement.save()

    html = client.get("/ar/").content.decode()
    funding = html.split('<p class="site-footer__funding"')[1].split("</p>")[0]
    assert f"مشروع {BRAND} ضمن" in funding
    assert '<bdi dir="ltr">Interreg MED</bdi>.' in funding


def test_pilot_action_cards_on_an_arabic_listing_isolate_title_place_and_region(client, home):
    index = cf.PilotActionIndexPageFactory(parent=home)
    pilot = cf.PilotActionPageFactory(
        parent=index, title="RESILIENT+", place="Pula", region="Istria"
    )
    arabic(pilot)  # the Arabic version keeps the Latin name, as translators often do

    html = client.get(f"/ar/{index.slug}/").content.decode()
    card = html.split('class="card"')[1].split("</article>")[0]
    assert f">{BRAND}</a>" in card
    assert '<bdi dir="ltr">Pula</bdi>' in card
    assert '<bdi dir="ltr">Istria</bdi>' in card


def test_an_ideas_title_summary_and_author_are_isolated_on_an_arabic_page(client, home):
    call = IdeaCallPageFactory(parent=home, title="Open call 2026+")
    idea = IdeaFactory(
        call=call,
        title="Repair café RESILIENT+",
        summary="مقهى إصلاح يديره RESILIENT+ مع الجيران.",
        author=UserFactory(display_name="Anna B."),
    )
    with translation.override("ar"):
        url = reverse("community:idea_detail", args=[idea.pk])

    html = client.get(url).content.decode()
    assert "<h1><bdi>Repair café RESILIENT+</bdi></h1>" in html
    assert f'<p class="lead">مقهى إصلاح يديره {BRAND} مع الجيران.</p>' in html
    assert '<bdi dir="ltr">Anna B.</bdi>' in html  # "By …" keeps the full stop after the name


def test_an_organisations_description_keeps_its_latin_names_whole_on_an_arabic_page(client, home):
    organisation = cf.OrganisationFactory(
        name="Cooperativa Sole S.p.A.", description="شريك في مشروع RESILIENT+ منذ 2021."
    )
    with translation.override("ar"):
        url = reverse("community:organisation", args=[organisation.pk])

    html = client.get(url).content.decode()
    assert f"شريك في مشروع {BRAND} منذ 2021." in html
