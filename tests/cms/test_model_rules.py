"""Rules the models enforce: dates, coordinates, one document per language, links, citations."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.models import Locale

from cms import factories as f
from cms.blocks import CallToActionBlock
from cms.models import (
    Person,
    PilotActionPage,
    PublicationDocument,
    WhitePaperPage,
)

pytestmark = pytest.mark.django_db


def pilot_action(**fields):
    return PilotActionPage(title="Pilot", slug="pilot", region="Istria", **fields)


class TestPilotActionRules:
    def test_end_date_before_start_date_is_rejected_on_the_end_date(self):
        page = pilot_action(
            start_date=datetime.date(2021, 5, 1), end_date=datetime.date(2021, 4, 30)
        )
        with pytest.raises(ValidationError) as error:
            page.clean()
        assert "end_date" in error.value.message_dict

    def test_same_day_start_and_end_and_open_ended_dates_are_accepted(self):
        pilot_action(
            start_date=datetime.date(2021, 5, 1), end_date=datetime.date(2021, 5, 1)
        ).clean()
        pilot_action(start_date=datetime.date(2021, 5, 1)).clean()
        pilot_action(end_date=datetime.date(2021, 5, 1)).clean()

    @pytest.mark.parametrize(("latitude", "longitude"), [("44.8666", None), (None, "13.8496")])
    def test_a_lone_latitude_or_longitude_is_rejected(self, latitude, longitude):
        with pytest.raises(ValidationError) as error:
            pilot_action(latitude=latitude, longitude=longitude).clean()
        assert "longitude" in error.value.message_dict

    def test_both_coordinates_or_neither_are_accepted(self):
        pilot_action(latitude="44.8666", longitude="13.8496").clean()
        pilot_action().clean()

    @pytest.mark.parametrize(
        ("latitude", "longitude", "field"),
        [("90.5", "13", "latitude"), ("44", "-180.5", "longitude")],
    )
    def test_coordinates_outside_the_globe_are_rejected(self, latitude, longitude, field):
        page = pilot_action(latitude=latitude, longitude=longitude)
        with pytest.raises(ValidationError) as error:
            page.full_clean(exclude=["path", "depth", "content_type", "locale", "country"])
        assert field in error.value.message_dict

    def test_a_page_has_a_location_only_with_both_coordinates(self):
        assert pilot_action(latitude="44.8666", longitude="13.8496").has_location
        assert not pilot_action(latitude="44.8666").has_location


class TestPublicationRules:
    def publication(self, *languages):
        page = WhitePaperPage(title="Paper", slug="paper", abstract="<p>x</p>")
        page.documents = [
            PublicationDocument(language=code, document=Document(title=code)) for code in languages
        ]
        return page

    def test_two_documents_in_the_same_language_are_rejected(self):
        with pytest.raises(ValidationError) as error:
            self.publication("en", "it", "en").clean()
        assert "en" in error.value.messages[0]
        assert "it" not in error.value.messages[0]

    def test_one_document_per_language_is_accepted(self):
        self.publication("en", "it", "ar").clean()
        self.publication().clean()


class TestCallToActionBlock:
    block = CallToActionBlock()

    def value(self, **fields):
        return self.block.to_python({"heading": "Join the network", **fields})

    def test_both_a_page_and_a_url_are_rejected(self, home):
        with pytest.raises(StructBlockValidationError) as error:
            self.block.clean(self.value(page=home.pk, external_url="https://example.org/"))
        assert "page" in error.value.block_errors

    def test_neither_a_page_nor_a_url_is_rejected(self):
        with pytest.raises(StructBlockValidationError) as error:
            self.block.clean(self.value())
        assert "page" in error.value.block_errors

    def test_a_page_alone_links_to_the_page_under_its_title(self, home):
        value = self.block.clean(self.value(page=home.pk, text="Share your pilot action."))
        assert value.url() == "/en/"
        assert value.link_text() == "Home"

    def test_the_editors_button_text_names_the_link(self, home):
        value = self.block.clean(self.value(page=home.pk, button_text="Get involved"))
        assert value.link_text() == "Get involved"

    def test_an_external_url_alone_links_to_it(self):
        value = self.block.clean(self.value(external_url="https://example.org/"))
        assert value.url() == "https://example.org/"

    def test_a_page_link_follows_the_readers_language(self, home):
        about = f.ContentPageFactory(parent=home, title="About", slug="about")
        about_it = about.copy_for_translation(
            Locale.objects.get(language_code="it"), copy_parents=True
        )
        about_it.save_revision().publish()
        value = self.block.to_python({"heading": "", "page": about.pk})
        with translation.override("it"):
            assert value.url() == "/it/about/"
            assert value.link_text() == "About"


class TestCitation:
    @pytest.fixture
    def index(self, home):
        return f.PublicationIndexPageFactory(parent=home)

    def paper(self, index, authors=(), publisher=None):
        return f.WhitePaperPageFactory(
            parent=index,
            title="Social economy in the Adriatic",
            slug="adriatic",
            publication_date=datetime.date(2022, 5, 4),
            authors=list(authors),
            publisher=publisher,
        )

    URL = "http://localhost/en/publications/adriatic/"

    def test_citation_without_authors_starts_with_the_year(self, index):
        assert self.paper(index).citation == (
            f"(2022). Social economy in the Adriatic. White paper. {self.URL}"
        )

    def test_citation_without_authors_names_the_publisher_as_author(self, index):
        publisher = f.OrganisationFactory(name="University of Rijeka")
        assert self.paper(index, publisher=publisher).citation == (
            f"University of Rijeka (2022). Social economy in the Adriatic. White paper. {self.URL}"
        )

    def test_citation_with_one_author_and_a_publisher(self, index):
        author = f.PersonFactory(name="Ana Maria Kovač")
        publisher = f.OrganisationFactory(name="University of Rijeka")
        assert self.paper(index, [author], publisher).citation == (
            "Kovač, A. M. (2022). Social economy in the Adriatic. White paper. "
            f"University of Rijeka. {self.URL}"
        )

    def test_citation_with_three_authors_joins_the_last_with_an_ampersand(self, index):
        authors = [
            f.PersonFactory(name="Ana Kovač"),
            f.PersonFactory(name="Bruno Rossi"),
            f.PersonFactory(name="Chloé Martin"),
        ]
        assert self.paper(index, authors).citation == (
            "Kovač, A., Rossi, B. & Martin, C. (2022). Social economy in the Adriatic. "
            f"White paper. {self.URL}"
        )

    def test_citation_names_the_publication_type(self, index):
        brief = f.PolicyBriefPageFactory(
            parent=index, slug="brief", publication_date=datetime.date(2023, 1, 1)
        )
        assert " Policy brief. " in brief.citation

    def test_single_word_names_are_cited_as_they_are(self):
        assert Person(name="Mehmet").citation_name() == "Mehmet"
        assert Person(name="Jean Paul Sartre").citation_name() == "Sartre, J. P."


def test_documents_are_listed_in_site_language_order_with_their_language_names(home):
    index = f.PublicationIndexPageFactory(parent=home)
    arabic, english, italian = f.DocumentFactory(), f.DocumentFactory(), f.DocumentFactory()
    paper = f.WhitePaperPageFactory(
        parent=index, documents={"ar": arabic, "it": italian, "en": english}
    )
    assert paper.documents_by_language() == [
        ("en", "English", english),
        ("it", "Italiano", italian),
        ("ar", "العربية", arabic),
    ]
