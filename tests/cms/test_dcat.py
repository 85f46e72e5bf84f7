"""The dataset catalogue is published as DCAT-AP that parses back with rdflib and carries the
classes and properties DCAT-AP marks mandatory for catalogue, dataset and distribution."""

import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms import factories as f
from cms.opendata import factories as od
from cms.opendata.vocabularies import FileFormat
from tests.cms.trees import vocabularies

ROUTES = {
    "json-ld": ("catalogue/jsonld/", "application/ld+json"),
    "turtle": ("catalogue/turtle/", "text/turtle"),
    "xml": ("catalogue/rdfxml/", "application/rdf+xml"),
}

# Mandatory in DCAT-AP (2.1 and 3.0): class -> properties every instance must carry.
MANDATORY = {
    DCAT.Catalog: [DCTERMS.title, DCTERMS.description, DCTERMS.publisher, DCAT.dataset],
    DCAT.Dataset: [DCTERMS.title, DCTERMS.description],
    DCAT.Distribution: [DCAT.accessURL],
}


def parse(client, index, rdf_format):
    route, media_type = ROUTES[rdf_format]
    response = client.get(index.url + route)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(media_type)
    graph = Graph()
    graph.parse(data=response.content, format=rdf_format)
    return graph


class CatalogueTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        cls.publisher = f.OrganisationFactory(name="Government of Aragon", country=v.italy)
        cls.index = od.DatasetIndexPageFactory(parent=home, publisher=cls.publisher)
        cls.register = od.DatasetPageFactory(
            parent=cls.index,
            title="Register of social-economy suppliers",
            publisher=cls.publisher,
            themes=["ECON", "SOCI"],
            distributions=[
                {"document": od.CsvDocumentFactory(), "format": FileFormat.CSV},
                {"url": "https://example.org/register.json", "format": FileFormat.JSON},
            ],
        )
        cls.unpublished_by_anyone = od.DatasetPageFactory(
            parent=cls.index, title="Premises", publisher=None, distributions=[]
        )
        cls.draft = od.DatasetPageFactory(parent=cls.index, title="Draft data", live=False)
        cls.private = od.DatasetPageFactory(parent=cls.index, title="Members-only data")
        PageViewRestriction.objects.create(
            page=cls.private, restriction_type=PageViewRestriction.LOGIN
        )

    def test_every_serialisation_parses_back_to_the_same_graph_size(self):
        sizes = {name: len(parse(self.client, self.index, name)) for name in ROUTES}
        assert len(set(sizes.values())) == 1, sizes
        assert sizes["turtle"] > 30

    def test_catalogue_dataset_and_distribution_carry_dcat_ap_mandatory_properties(self):
        for rdf_format in ROUTES:
            graph = parse(self.client, self.index, rdf_format)
            for rdf_class, properties in MANDATORY.items():
                instances = list(graph.subjects(RDF.type, rdf_class))
                assert instances, f"no {rdf_class} in {rdf_format}"
                for subject in instances:
                    for prop in properties:
                        assert graph.value(subject, prop) is not None, (rdf_format, subject, prop)

    def test_catalogue_lists_only_live_public_datasets(self):
        graph = parse(self.client, self.index, "turtle")
        titles = {
            str(graph.value(d, DCTERMS.title)) for d in graph.subjects(RDF.type, DCAT.Dataset)
        }
        assert titles == {"Register of social-economy suppliers", "Premises"}

    def test_publisher_is_an_agent_with_a_name_and_datasets_without_one_inherit_it(self):
        graph = parse(self.client, self.index, "turtle")
        catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
        agent = graph.value(catalogue, DCTERMS.publisher)
        assert (agent, RDF.type, FOAF.Agent) in graph
        assert str(graph.value(agent, FOAF.name)) == "Government of Aragon"
        premises = URIRef("http://testserver" + self.unpublished_by_anyone.url)
        assert graph.value(premises, DCTERMS.publisher) == agent

    def test_dataset_uses_eu_vocabularies_for_themes_frequency_and_formats(self):
        graph = parse(self.client, self.index, "turtle")
        dataset = URIRef("http://testserver" + self.register.url)
        themes = {str(t) for t in graph.objects(dataset, DCAT.theme)}
        assert themes == {
            "http://publications.europa.eu/resource/authority/data-theme/ECON",
            "http://publications.europa.eu/resource/authority/data-theme/SOCI",
        }
        assert str(graph.value(dataset, DCTERMS.accrualPeriodicity)).endswith("/frequency/ANNUAL")
        formats = {
            str(graph.value(d, DCTERMS.format)).rsplit("/", 1)[-1]
            for d in graph.objects(dataset, DCAT.distribution)
        }
        assert formats == {"CSV", "JSON"}
        assert str(graph.value(dataset, DCTERMS.title)) == "Register of social-economy suppliers"
        assert graph.value(dataset, DCTERMS.title).language == "en"

    def test_file_distribution_has_download_url_media_type_and_size_link_has_access_url_only(self):
        graph = parse(self.client, self.index, "xml")
        dataset = URIRef("http://testserver" + self.register.url)
        by_format = {
            str(graph.value(d, DCTERMS.format)).rsplit("/", 1)[-1]: d
            for d in graph.objects(dataset, DCAT.distribution)
        }
        csv = by_format["CSV"]
        assert str(graph.value(csv, DCAT.downloadURL)).startswith("http://testserver/documents/")
        assert str(graph.value(csv, DCAT.mediaType)).endswith("/media-types/text/csv")
        assert int(graph.value(csv, DCAT.byteSize)) > 0
        link = by_format["JSON"]
        assert str(graph.value(link, DCAT.accessURL)) == "https://example.org/register.json"
        assert graph.value(link, DCAT.downloadURL) is None
        assert (
            str(graph.value(csv, DCTERMS.license)) == "https://creativecommons.org/licenses/by/4.0/"
        )

    def test_file_in_a_private_collection_is_left_out_of_the_catalogue(self):
        private = Collection.get_first_root_node().add_child(name="Internal")
        CollectionViewRestriction.objects.create(
            collection=private, restriction_type=CollectionViewRestriction.LOGIN
        )
        od.DatasetPageFactory(
            parent=self.index,
            title="Half-private",
            distributions=[
                {"document": od.CsvDocumentFactory(collection=private), "format": FileFormat.CSV}
            ],
        )
        graph = parse(self.client, self.index, "turtle")
        dataset = next(
            d
            for d in graph.subjects(RDF.type, DCAT.Dataset)
            if str(graph.value(d, DCTERMS.title)) == "Half-private"
        )
        assert list(graph.objects(dataset, DCAT.distribution)) == []

    def test_index_links_every_serialisation_as_alternate(self):
        response = self.client.get(self.index.url)
        html = response.content.decode()
        for route, media_type in ROUTES.values():
            url = re.escape(self.index.url + route)
            link = rf'<link rel="alternate" type="{re.escape(media_type)}" href="{url}"'
            assert re.search(link, html), media_type


class CatalogueQueryCountTests(TestCase):
    """The catalogue costs the same number of queries with 3 datasets as with 30."""

    EXPECTED = 9  # measured with 3 and 30 datasets (the chrome from cms.chrome_cache)

    def measure(self, url):
        self.client.get(url)
        with CaptureQueriesContext(connection) as context:
            response = self.client.get(url)
        assert response.status_code == 200
        return len(context.captured_queries)

    def test_catalogue_query_count_does_not_grow_with_its_size(self):
        home = f.make_site()
        index = od.DatasetIndexPageFactory(parent=home, publisher=f.OrganisationFactory())
        publisher = f.OrganisationFactory()

        def add(count):
            for _n in range(count):
                od.DatasetPageFactory(
                    parent=index,
                    publisher=publisher,
                    themes=["ECON", "SOCI"],
                    distributions=[
                        {"document": od.CsvDocumentFactory(), "format": FileFormat.CSV},
                        {"url": "https://example.org/x.json", "format": FileFormat.JSON},
                    ],
                )

        add(3)
        small = self.measure(index.url + "catalogue/turtle/")
        add(27)
        large = self.measure(index.url + "catalogue/turtle/")
        assert small == large == self.EXPECTED, (small, large)
