"""Dataset pages and the catalogue listing: filters, distributions, the CSV preview."""

import pytest
from django.core.exceptions import ValidationError
from django.test import TestCase
from wagtail.models import Locale

from cms import factories as f
from cms.models import DatasetDistribution
from cms.opendata import factories as od
from cms.opendata.filters import DatasetFilters
from cms.opendata.preview import csv_preview
from cms.opendata.vocabularies import FileFormat, Licence
from tests.cms.trees import ids, vocabularies


class CsvPreviewTests(TestCase):
    def test_preview_shows_header_and_first_rows(self):
        preview = csv_preview(b"a,b\n1,2\n3,4\n", complete=True)
        assert preview.header == ["a", "b"]
        assert preview.rows == [["1", "2"], ["3", "4"]]
        assert not preview.truncated

    def test_preview_detects_semicolons_and_a_utf8_bom(self):
        preview = csv_preview("\ufeffnombre;ciudad\nCoop;Zaragoza\n".encode(), complete=True)
        assert preview.header == ["nombre", "ciudad"]
        assert preview.rows == [["Coop", "Zaragoza"]]

    def test_preview_stops_at_max_rows_and_says_so(self):
        raw = b"n\n" + b"".join(f"{i}\n".encode() for i in range(50))
        preview = csv_preview(raw, complete=True, max_rows=10)
        assert len(preview.rows) == 10
        assert preview.truncated

    def test_a_row_cut_by_the_size_cap_is_dropped_not_shown_half(self):
        preview = csv_preview(b"name,city\nAlpha,Zaragoza\nBeta,Hue", complete=False)
        assert preview.rows == [["Alpha", "Zaragoza"]]
        assert preview.truncated

    def test_short_rows_are_padded_to_the_header(self):
        preview = csv_preview(b"a,b,c\n1\n", complete=True)
        assert preview.rows == [["1", "", ""]]

    def test_empty_file_has_no_preview(self):
        assert csv_preview(b"\n\n", complete=True) is None


class DatasetFilterParsingTests(TestCase):
    def test_known_theme_format_and_licence_are_kept_unknown_ignored(self):
        filters = DatasetFilters.from_query(
            {"theme": "econ", "format": "csv", "licence": "CC0-1.0", "country": "es"}
        )
        assert (filters.theme, filters.format, filters.licence) == ("ECON", "CSV", "CC0-1.0")
        assert filters.country == "ES"
        bad = DatasetFilters.from_query({"theme": "XXX", "format": "exe", "licence": "mine"})
        assert (bad.theme, bad.format, bad.licence) == ("", "", "")
        assert not bad.is_active

    def test_filters_round_trip_through_the_query_string(self):
        filters = DatasetFilters.from_query({"theme": "SOCI", "format": "JSON"})
        assert filters.as_query() == "theme=SOCI&format=JSON"


class DatasetListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        cls.index = od.DatasetIndexPageFactory(parent=home)
        cls.register = od.DatasetPageFactory(
            parent=cls.index,
            title="Aragon suppliers",
            themes=["ECON"],
            countries=[v.italy],
            keywords="reserved contracts, suppliers",
        )
        cls.premises = od.DatasetPageFactory(
            parent=cls.index,
            title="Maribor premises",
            themes=["REGI"],
            licence=Licence.CC0,
            distributions=[{"url": "https://example.org/p.json", "format": FileFormat.JSON}],
        )
        cls.draft = od.DatasetPageFactory(parent=cls.index, title="Draft", live=False)

    def listing(self, **query):
        return ids(self.index.listing(DatasetFilters.from_query(query)))

    def test_listing_shows_live_datasets_only(self):
        assert set(self.listing()) == {self.register.pk, self.premises.pk}

    def test_listing_filters_by_theme_format_licence_country_and_keyword(self):
        assert self.listing(theme="ECON") == [self.register.pk]
        assert self.listing(format="JSON") == [self.premises.pk]
        assert self.listing(licence="CC0-1.0") == [self.premises.pk]
        assert self.listing(country="IT") == [self.register.pk]
        assert self.listing(q="reserved") == [self.register.pk]

    def test_filter_form_offers_only_values_in_use(self):
        options = self.index.filter_options()
        assert [value for value, _label in options["themes"]] == ["ECON", "REGI"]
        assert [value for value, _label in options["formats"]] == ["CSV", "JSON"]

    def test_index_page_renders_filters_cards_and_catalogue_links(self):
        response = self.client.get(self.index.url + "?theme=ECON")
        html = response.content.decode()
        assert response.status_code == 200
        assert "Aragon suppliers" in html
        assert "Maribor premises" not in html
        assert 'name="theme"' in html
        assert self.index.url + "catalogue/turtle/" in html


class DatasetPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = f.make_site()
        cls.index = od.DatasetIndexPageFactory(parent=home)
        cls.dataset = od.DatasetPageFactory(
            parent=cls.index,
            title="Aragon suppliers",
            distributions=[
                {
                    "document": od.CsvDocumentFactory(),
                    "format": FileFormat.CSV,
                    "title": "Register",
                },
                {"url": "https://example.org/r.json", "format": FileFormat.JSON, "title": "API"},
            ],
        )

    def test_dataset_page_shows_a_preview_table_of_the_csv(self):
        html = self.client.get(self.dataset.url).content.decode()
        assert "<caption" in html and "Preview of" in html
        assert '<th scope="col"><bdi>name</bdi></th>' in html
        assert "<td><bdi>Zaragoza</bdi></td>" in html

    def test_the_preview_on_a_translated_page_is_marked_with_the_language_of_the_data(self):
        italian = self.dataset.copy_for_translation(
            Locale.objects.get(language_code="it"), copy_parents=True
        )
        italian.save_revision().publish()
        html = self.client.get(italian.url).content.decode()
        table = html[html.index('<table class="data-table">') : html.index("</table>")]
        # The language only: the columns and the scroll start keep the reader's direction.
        assert '<tbody lang="en">' in table and '<thead lang="en">' in table
        assert '<span class="content-language" lang="it" dir="ltr">' in table  # "in English"
        # The English page's own preview needs no mark.
        english = self.client.get(self.dataset.url).content.decode()
        assert "<tbody>" in english and "content-language" not in english

    def test_dataset_page_links_download_and_external_url_and_licence(self):
        html = self.client.get(self.dataset.url).content.decode()
        csv_row = self.dataset.distributions.get(format=FileFormat.CSV)
        assert f'href="{csv_row.document.url}" download' in html
        assert 'href="https://example.org/r.json"' in html
        assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html

    def test_distribution_fills_media_type_and_size_from_format_and_file(self):
        row = self.dataset.distributions.get(format=FileFormat.CSV)
        assert row.media_type == "text/csv"
        assert row.byte_size == row.document.file.size > 0

    def test_distribution_needs_exactly_one_of_file_or_url(self):
        neither = DatasetDistribution(page=self.dataset, format=FileFormat.CSV)
        with pytest.raises(ValidationError) as error:
            neither.clean()
        assert "document" in error.value.message_dict
        both = DatasetDistribution(
            page=self.dataset,
            format=FileFormat.CSV,
            document=od.CsvDocumentFactory(),
            url="https://example.org/",
        )
        with pytest.raises(ValidationError) as error:
            both.clean()
        assert "url" in error.value.message_dict

    def test_coverage_cannot_end_before_it_starts(self):
        import datetime

        self.dataset.temporal_start = datetime.date(2022, 1, 1)
        self.dataset.temporal_end = datetime.date(2021, 1, 1)
        with pytest.raises(ValidationError) as error:
            self.dataset.clean()
        assert "temporal_end" in error.value.message_dict


class DownloadButtonTests(TestCase):
    def test_download_button_names_the_format_once(self):
        home = f.make_site()
        index = od.DatasetIndexPageFactory(parent=home)
        dataset = od.DatasetPageFactory(
            parent=index,
            title="Aragon suppliers",
            distributions=[
                {"document": od.CsvDocumentFactory(), "format": FileFormat.CSV, "title": ""}
            ],
        )
        html = self.client.get(dataset.url).content.decode()
        # A title left empty falls back to the format: the button must not say it twice.
        assert "Download the CSV file" in html
        assert "(CSV) (CSV)" not in html and "CSV (CSV)" not in html
        row = dataset.distributions.get()
        assert f'aria-describedby="distribution-{row.pk}"' in html


class TranslatedDistributionTests(TestCase):
    """A distribution's title is translated with its page, through wagtail-localize as the demo
    and the translation editor do; the file, format and the data's language stay the same."""

    @classmethod
    def setUpTestData(cls):
        from cms.demo.localize import sync_localized_page

        home = f.make_site()
        index = od.DatasetIndexPageFactory(parent=home)
        italian = Locale.objects.get(language_code="it")
        it_home = home.copy_for_translation(italian)
        it_home.save_revision().publish()
        index.copy_for_translation(italian).save_revision().publish()
        document = od.CsvDocumentFactory()
        row = {"document": document, "format": FileFormat.CSV, "title": "Register of suppliers"}
        cls.dataset = od.DatasetPageFactory(
            parent=index, title="Aragon suppliers", distributions=[row]
        )
        cls.italian, _ = sync_localized_page(
            cls.dataset,
            italian,
            {
                "title": "Fornitori aragonesi",
                "distributions": [{**row, "title": "Registro dei fornitori"}],
            },
            source_changed=True,
        )

    def test_a_translated_dataset_shows_the_translated_distribution_title(self):
        html = self.client.get(self.italian.url).content.decode()
        assert "Registro dei fornitori" in html
        assert "Register of suppliers" not in html
        english = self.client.get(self.dataset.url).content.decode()
        assert "Register of suppliers" in english

    def test_the_download_button_speaks_the_pages_language(self):
        html = self.client.get(self.italian.url).content.decode()
        assert "Scarica il file CSV" in html
        assert "Download the CSV file" not in html

    def test_the_file_and_the_datas_language_are_the_same_in_every_language(self):
        english_row = self.dataset.distributions.get()
        italian_row = self.italian.distributions.get()
        assert italian_row.locale.language_code == "it"
        assert italian_row.translation_key == english_row.translation_key
        assert (italian_row.document_id, italian_row.format, italian_row.language) == (
            english_row.document_id,
            english_row.format,
            english_row.language,
        )
