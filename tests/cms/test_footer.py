"""The footer's address and funding statement are written per language (FooterText)."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from cms.factories import FooterTextFactory
from cms.models import FooterText
from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def footer_text(home):
    return FooterTextFactory(
        address="Piazza Santo Stefano 15\n32100 Belluno\nItaly",
        funding_statement="Co-financed by the European Regional Development Fund.",
    )


def footer(client, path):
    html = client.get(path).content.decode()
    return html[html.index('<footer class="site-footer"') :]


def test_footer_shows_the_readers_language_version_when_translated(client, footer_text):
    greek = footer_text.copy_for_translation(Locale.objects.get(language_code="el"))
    greek.funding_statement = "Συγχρηματοδοτήθηκε από το Ευρωπαϊκό Ταμείο Περιφερειακής Ανάπτυξης."
    greek.address = "Piazza Santo Stefano 15\n32100 Belluno\nΙταλία"
    greek.save()

    html = footer(client, "/el/")
    assert '<p class="site-footer__funding">Συγχρηματοδοτήθηκε' in html
    assert "Ιταλία</address>" in html
    assert "Co-financed" not in html


def test_brand_names_in_the_arabic_funding_statement_and_address_are_isolated(client, home):
    english = FooterTextFactory(address="x", funding_statement="y")
    arabic = english.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.funding_statement = "بتمويل من مشروع +RESILIENT ضمن برنامج Interreg MED."
    arabic.address = "بيلونو، Piazza Santo Stefano 15"
    arabic.save()

    html = footer(client, "/ar/")
    # Without the isolates the bidi algorithm shows "+RESILIENT" as "RESILIENT+".
    brand, programme = '<bdi dir="ltr">+RESILIENT</bdi>', '<bdi dir="ltr">Interreg MED</bdi>'
    assert f"مشروع {brand} ضمن برنامج {programme}." in html
    assert 'بيلونو، <bdi dir="ltr">Piazza Santo Stefano 15</bdi></address>' in html


def test_footer_falls_back_to_english_marked_as_english_on_an_arabic_page(client, footer_text):
    html = footer(client, "/ar/")
    assert '<p class="site-footer__funding" lang="en" dir="ltr">Co-financed' in html
    assert '<address lang="en" dir="ltr">' in html


def test_english_footer_carries_no_language_override(client, footer_text):
    html = footer(client, "/en/")
    assert '<p class="site-footer__funding">Co-financed' in html
    assert "<address>" in html


def test_footer_without_any_text_shows_no_address_or_statement(client, home):
    html = footer(client, "/it/")
    assert "<address" not in html
    assert "site-footer__funding" not in html


def test_footer_text_for_the_active_language_is_found_in_one_query(
    footer_text, django_assert_num_queries
):
    with translation.override("ar"), django_assert_num_queries(1):
        assert FooterText.for_active_language() == footer_text


def test_second_footer_text_in_a_language_is_refused_beside_the_form_and_keeps_the_input(
    client, footer_text
):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_cms_footertext:add")
    response = client.post(
        url + "?locale=en", {"address": "Another address", "funding_statement": "Typed text"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "This language already has a footer text" in html
    assert "Typed text" in html
    assert FooterText.objects.count() == 1


def test_footer_text_offers_its_words_to_wagtail_localize_for_translation(footer_text):
    source, _created = TranslationSource.get_or_create_from_instance(footer_text)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert "Co-financed by the European Regional Development Fund." in strings
    assert any("Piazza Santo Stefano 15" in text for text in strings)
