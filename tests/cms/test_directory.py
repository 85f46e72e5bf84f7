"""Social-economy directory and premises register: published entries only, filters by CPV code
prefix, region and sector, members' proposals checked by editors, constant query count."""

from django.db import connection
from django.http import QueryDict
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from cms import factories as f
from cms.models import Premises, SocialEconomyEntity
from cms.opendata import factories as od
from cms.opendata.filters import DirectoryFilters
from cms.opendata.forms import parse_cpv_codes
from community.members.factories import UserFactory
from tests.cms.trees import vocabularies


def filters(query):
    return DirectoryFilters.from_query(QueryDict(query))


class DirectoryFilterParsingTests(TestCase):
    def test_cpv_prefix_keeps_digits_and_drops_separators(self):
        assert filters("cpv=9091").cpv == "9091"
        assert filters("cpv=90910000-9").cpv == "90910000"
        assert filters("cpv=90 91").cpv == "9091"
        assert filters("cpv=abc").cpv == ""

    def test_unknown_kind_and_sector_are_ignored(self):
        parsed = filters("kind=bank&sector=mining&region=Aragon")
        assert (parsed.kind, parsed.sector, parsed.region) == ("", "", "Aragon")

    def test_cpv_codes_in_a_proposal_are_read_and_bad_ones_named(self):
        assert parse_cpv_codes("90910000-9, 55520000;90910000") == ["90910000", "55520000"]
        try:
            parse_cpv_codes("9091, 55520000")
        except Exception as error:  # noqa: BLE001
            assert "9091" in str(error)
        else:
            raise AssertionError("a short code was accepted")


class DirectoryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.v = vocabularies()
        home = f.make_site()
        cls.page = od.DirectoryPageFactory(parent=home)
        cls.cleaning = od.SocialEconomyEntityFactory(
            name="Limpiezas Solidarias",
            region="Aragon",
            country=cls.v.italy,
            sectors=["social-services"],
            cpv_codes=["90910000", "90911000"],
        )
        cls.catering = od.SocialEconomyEntityFactory(
            name="Cocina Social",
            kind="work-integration",
            region="Aragon",
            sectors=["agrifood"],
            cpv_codes=["55520000"],
        )
        cls.veneto = od.SocialEconomyEntityFactory(
            name="Cooperativa Verde",
            region="Veneto",
            sectors=["green"],
            cpv_codes=["77310000"],
        )
        cls.proposed = od.SocialEconomyEntityFactory(
            name="Not checked yet", status="proposed", cpv_codes=["90910000"]
        )

    def names(self, query):
        return [e.name for e in self.page.listing(filters(query))]

    def test_only_published_entities_are_listed(self):
        assert "Not checked yet" not in self.names("")
        assert len(self.names("")) == 3

    def test_cpv_prefix_finds_suppliers_for_a_contract(self):
        assert self.names("cpv=909") == ["Limpiezas Solidarias"]
        assert self.names("cpv=9") == ["Limpiezas Solidarias"]
        assert self.names("cpv=5552") == ["Cocina Social"]

    def test_region_sector_and_kind_filters_combine(self):
        assert self.names("region=aragon") == ["Cocina Social", "Limpiezas Solidarias"]
        assert self.names("region=Aragon&sector=agrifood") == ["Cocina Social"]
        assert self.names("kind=work-integration") == ["Cocina Social"]
        assert self.names("region=Veneto&cpv=909") == []

    def test_page_lists_filtered_entities_with_their_cpv_codes(self):
        html = self.client.get(self.page.url + "?cpv=909").content.decode()
        assert "Limpiezas Solidarias" in html
        assert "<code>90911000</code>" in html
        assert "Cocina Social" not in html

    def test_directory_query_count_does_not_grow_with_its_size(self):
        def measure():
            self.client.get(self.page.url)
            with CaptureQueriesContext(connection) as context:
                self.client.get(self.page.url)
            return len(context.captured_queries)

        before = measure()
        for n in range(10):
            od.SocialEconomyEntityFactory(
                sectors=["green"], cpv_codes=[f"7731000{n}"], country=self.v.italy
            )
        assert measure() == before


class ProposalTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        cls.italy = v.italy
        cls.page = od.DirectoryPageFactory(parent=home)
        cls.premises_page = od.PremisesRegisterPageFactory(parent=home)
        cls.member = UserFactory()

    def propose_url(self, page=None):
        return (page or self.page).url + "propose/"

    def test_proposal_needs_a_signed_in_member(self):
        response = self.client.get(self.propose_url())
        assert response.status_code == 302 and "next=" in response["Location"]

    def test_members_proposal_waits_for_an_editor(self):
        self.client.force_login(self.member)
        response = self.client.post(
            self.propose_url(),
            {
                "name": "Lavanderia Sociale",
                "kind": "social-enterprise",
                "offer": "Laundry for hospitals.",
                "sectors": ["health"],
                "cpv_codes": "98310000-9",
                "city": "Padova",
                "region": "Veneto",
                "country": "IT",
            },
        )
        assert response.status_code == 302
        entity = SocialEconomyEntity.objects.get(name="Lavanderia Sociale")
        assert entity.status == "proposed" and entity.proposed_by == self.member
        assert entity.cpv_values() == ["98310000"] and entity.sector_values() == ["health"]
        assert entity.country.code == "IT"
        assert "Lavanderia Sociale" not in self.client.get(self.page.url).content.decode()
        entity.status = "published"
        entity.save()
        assert "Lavanderia Sociale" in self.client.get(self.page.url).content.decode()

    def test_bad_proposal_keeps_what_was_typed_and_says_why_beside_the_field(self):
        self.client.force_login(self.member)
        response = self.client.post(
            self.propose_url(),
            {"name": "Typed name", "kind": "cooperative", "cpv_codes": "12", "region": "Veneto"},
        )
        html = response.content.decode()
        assert response.status_code == 200
        assert 'value="Typed name"' in html
        assert "Not CPV codes: 12." in html
        assert not SocialEconomyEntity.objects.exists()

    def test_premises_proposal_is_saved_unpublished(self):
        self.client.force_login(self.member)
        response = self.client.post(
            self.propose_url(self.premises_page),
            {
                "name": "Old school gym",
                "description": "Large hall.",
                "size_m2": "300",
                "address": "Partizanska 5",
                "city": "Maribor",
                "region": "Podravje",
                "country": "",
            },
        )
        assert response.status_code == 302
        premises = Premises.objects.get(name="Old school gym")
        assert premises.status == "proposed" and premises.size_m2 == 300


class PremisesAvailabilityTests(TestCase):
    def test_a_date_of_availability_reads_as_one_phrase_in_the_card_and_on_the_map(self):
        from datetime import date

        from django.template.loader import render_to_string
        from django.utils.formats import date_format

        from cms.models import Premises

        premises = Premises(
            name="Ex-tobacco factory",
            city="Maribor",
            region="Podravje",
            availability="from-date",
            available_from=date(2026, 3, 1),
        )
        html = render_to_string("components/opendata/premises.html", {"premises": premises})
        expected = f"Available from {date_format(date(2026, 3, 1), 'DATE_FORMAT')}"
        assert f'<time datetime="2026-03-01">{expected}</time>' in html
        assert "Available from a date" not in html
        assert premises.geojson_properties()["availability_label"] == expected
        premises.availability = "occupied"
        assert premises.availability_label == "Occupied"
