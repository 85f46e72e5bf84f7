"""The dataset catalogue as DCAT-AP (https://semiceu.github.io/DCAT-AP/), built with rdflib.

One graph per catalogue page (each language tree has its own catalogue, titles tagged with
that language). It carries what DCAT-AP marks mandatory -- catalogue: title, description,
publisher, dataset; dataset: title, description; distribution: access URL -- and the
recommended properties we hold (themes, keywords, licence, contact point, coverage, formats).
"""

from django.utils.html import strip_tags
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from cms.document_visibility import private_collection_ids

from .vocabularies import (
    EU_AUTHORITY,
    file_type_uri,
    frequency_uri,
    licence_url,
    media_type_uri,
    theme_uri,
)

__all__ = ["FORMATS", "catalogue_graph"]

LOCN = Namespace("http://www.w3.org/ns/locn#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

# rdflib format name -> (media type, file suffix)
FORMATS = {
    "json-ld": ("application/ld+json", "jsonld"),
    "turtle": ("text/turtle", "ttl"),
    "xml": ("application/rdf+xml", "rdf"),
}

# Site language -> EU language authority code (ISO 639-2/B style, as the table uses).
EU_LANGUAGES = {
    "en": "ENG",
    "it": "ITA",
    "fr": "FRA",
    "es": "SPA",
    "pt": "POR",
    "el": "ELL",
    "hr": "HRV",
    "sl": "SLV",
    "ar": "ARA",
}


def language_uri(code):
    return URIRef(f"{EU_AUTHORITY}language/{EU_LANGUAGES.get(code, 'MUL')}")


def _bind(graph):
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("vcard", VCARD),
        ("locn", LOCN),
    ):
        graph.bind(prefix, namespace)


def _agent(graph, organisation, fallback_name, base_uri):
    """A foaf:Agent for an organisation, identified the same way in every language."""
    if organisation is None:
        node = URIRef(f"{base_uri}#publisher")
        graph.add((node, RDF.type, FOAF.Agent))
        graph.add((node, FOAF.name, Literal(fallback_name)))
        return node
    node = URIRef(f"{base_uri}#organisation-{organisation.translation_key}")
    graph.add((node, RDF.type, FOAF.Agent))
    graph.add((node, FOAF.name, Literal(organisation.name)))
    if organisation.website:
        graph.add((node, FOAF.homepage, URIRef(organisation.website)))
    return node


def _add_distribution(graph, dataset_node, row, absolute, licence):
    node = URIRef(f"{dataset_node}#distribution-{row.pk}")
    graph.add((dataset_node, DCAT.distribution, node))
    graph.add((node, RDF.type, DCAT.Distribution))
    url = URIRef(absolute(row.download_url()))
    graph.add((node, DCAT.accessURL, url))
    if row.is_file:
        graph.add((node, DCAT.downloadURL, url))
    if row.title:
        graph.add((node, DCTERMS.title, Literal(row.title, lang=row.language or None)))
    if row.language:
        graph.add((node, DCTERMS.language, language_uri(row.language)))
    graph.add((node, DCTERMS.format, URIRef(file_type_uri(row.format))))
    if row.media_type:
        graph.add((node, DCAT.mediaType, URIRef(media_type_uri(row.media_type))))
    if row.byte_size is not None:
        graph.add((node, DCAT.byteSize, Literal(row.byte_size, datatype=XSD.nonNegativeInteger)))
    if licence:
        graph.add((node, DCTERMS.license, licence))


def _add_dataset(graph, page, absolute, catalogue_uri, catalogue_publisher, private):
    node = URIRef(absolute(page.url))
    language = page.locale.language_code
    graph.add((node, RDF.type, DCAT.Dataset))
    graph.add((node, DCTERMS.title, Literal(page.title, lang=language)))
    graph.add((node, DCTERMS.description, Literal(page.description, lang=language)))
    graph.add((node, DCTERMS.identifier, Literal(str(node))))
    graph.add((node, DCAT.landingPage, node))
    graph.add((node, DCTERMS.language, language_uri(language)))
    for keyword in page.keyword_list:
        graph.add((node, DCAT.keyword, Literal(keyword, lang=language)))
    for theme in page.theme_values:
        graph.add((node, DCAT.theme, URIRef(theme_uri(theme))))
    # A dataset without its own publisher is published by the catalogue's.
    publisher = catalogue_publisher
    if page.publisher:
        publisher = _agent(graph, page.publisher, "", catalogue_uri)
    graph.add((node, DCTERMS.publisher, publisher))
    graph.add((node, DCTERMS.accrualPeriodicity, URIRef(frequency_uri(page.frequency))))
    if page.issued:
        graph.add((node, DCTERMS.issued, Literal(page.issued, datatype=XSD.date)))
    if page.last_published_at:
        graph.add((node, DCTERMS.modified, Literal(page.last_published_at, datatype=XSD.dateTime)))
    if page.temporal_start or page.temporal_end:
        period = BNode()
        graph.add((node, DCTERMS.temporal, period))
        graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
        if page.temporal_start:
            graph.add((period, DCAT.startDate, Literal(page.temporal_start, datatype=XSD.date)))
        if page.temporal_end:
            graph.add((period, DCAT.endDate, Literal(page.temporal_end, datatype=XSD.date)))
    if page.spatial_coverage:
        location = BNode()
        graph.add((node, DCTERMS.spatial, location))
        graph.add((location, RDF.type, DCTERMS.Location))
        graph.add((location, LOCN.geographicName, Literal(page.spatial_coverage, lang=language)))
    if page.contact_name or page.contact_email:
        contact = BNode()
        graph.add((node, DCAT.contactPoint, contact))
        graph.add((contact, RDF.type, VCARD.Organization))
        graph.add((contact, VCARD.fn, Literal(page.contact_name or page.contact_email)))
        if page.contact_email:
            graph.add((contact, VCARD.hasEmail, URIRef(f"mailto:{page.contact_email}")))
    licence = URIRef(licence_url(page.licence)) if licence_url(page.licence) else None
    for row in page.distributions.all():
        if row.document_id and row.document.collection_id in private:
            continue
        _add_distribution(graph, node, row, absolute, licence)
    return node


def catalogue_graph(index, datasets, request):
    """The DCAT-AP graph of a DatasetIndexPage and its (visible, prefetched) datasets."""
    graph = Graph()
    _bind(graph)

    def absolute(url):
        return request.build_absolute_uri(url)

    catalogue_uri = absolute(index.url)
    catalogue = URIRef(catalogue_uri)
    language = index.locale.language_code
    site = index.get_site()
    site_name = (site.site_name if site else "") or index.title
    description = index.summary or strip_tags(index.introduction or "").strip() or index.title

    graph.add((catalogue, RDF.type, DCAT.Catalog))
    graph.add((catalogue, DCTERMS.title, Literal(index.title, lang=language)))
    graph.add((catalogue, DCTERMS.description, Literal(description, lang=language)))
    graph.add((catalogue, FOAF.homepage, catalogue))
    graph.add((catalogue, DCTERMS.language, language_uri(language)))
    if licence_url(index.licence):
        graph.add((catalogue, DCTERMS.license, URIRef(licence_url(index.licence))))
    publisher = _agent(graph, index.publisher, site_name, catalogue_uri)
    graph.add((catalogue, DCTERMS.publisher, publisher))

    private = private_collection_ids()
    modified = []
    for page in datasets:
        node = _add_dataset(graph, page, absolute, catalogue_uri, publisher, private)
        graph.add((catalogue, DCAT.dataset, node))
        if page.last_published_at:
            modified.append(page.last_published_at)
    if modified:
        graph.add((catalogue, DCTERMS.modified, Literal(max(modified), datatype=XSD.dateTime)))
    return graph
