"""Every listing's filter form is built from one select include
(templates/components/filters/select.html): each select has its label, an empty "any" choice
first, the current value selected, and the same markup on every listing."""

import re
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from cms import factories as f
from cms.opendata import factories as od
from events.listing.factories import EventIndexPageFactory
from events.pages.factories import WebinarPageFactory

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    """The filter form's labels (for -> text) and selects (id -> name, options)."""

    def __init__(self):
        super().__init__()
        self.labels, self.selects, self._label, self._select = {}, {}, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self._label = attrs.get("for")
            self.labels[self._label] = ""
        elif tag == "select":
            self._select = attrs["id"]
            self.selects[self._select] = {"name": attrs["name"], "options": []}
        elif tag == "option" and self._select:
            self.selects[self._select]["options"].append(attrs)

    def handle_endtag(self, tag):
        if tag == "label":
            self._label = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._label:
            self.labels[self._label] += data.strip()


def form_fields(html):
    match = re.search(r'<form class="filters".*?</form>', html, re.DOTALL)
    assert match, "no filter form"
    parser = FormFields()
    parser.feed(match.group(0))
    return parser


def test_select_include_labels_marks_the_current_value_and_offers_any_first():
    html = render_to_string(
        "components/filters/select.html",
        {
            "name": "language",
            "label": "Language spoken",
            "any_label": "Any language",
            "choices": [("it", "italiano"), ("sl", "slovenščina")],
            "current": "sl",
            "capitalise": True,
            "lang_options": True,
        },
    )
    assert '<label for="filter-language">Language spoken</label>' in html
    assert '<select id="filter-language" name="language">' in html
    assert '<option value="">Any language</option>' in html
    assert '<option value="it" lang="it">Italiano</option>' in html
    assert '<option value="sl" lang="sl" selected>Slovenščina</option>' in html


@pytest.fixture
def listings(home):
    italy = f.CountryFactory(name="Italy", code="IT")
    topic = f.TopicFactory(name="Open data", slug="open-data")
    pilots = f.PilotActionIndexPageFactory(parent=home)
    f.PilotActionPageFactory(parent=pilots, country=italy, topics=[topic], sectors=["green"])
    datasets = od.DatasetIndexPageFactory(parent=home)
    od.DatasetPageFactory(parent=datasets, themes=["ECON"], countries=[italy])
    knowledge = od.KnowledgeBasePageFactory(parent=home)
    od.KnowledgeArticlePageFactory(parent=knowledge)
    events = EventIndexPageFactory(parent=home)
    WebinarPageFactory(parent=events, countries=[italy], topics=[topic], languages=["it"])
    directory = od.DirectoryPageFactory(parent=home)
    od.SocialEconomyEntityFactory(region="Veneto")
    f.OrganisationFactory(name="Veneto Lavoro", country=italy, kind="partner")
    return {
        "pilot actions": (pilots.url + "?country=IT", {"country": "IT"}),
        "datasets": (datasets.url + "?theme=ECON", {"theme": "ECON"}),
        "knowledge": (knowledge.url + "?level=introductory", {"level": "introductory"}),
        "events": (events.url + "?language=it&mode=online", {"language": "it", "mode": "online"}),
        "directory": (directory.url + "?sector=green", {"sector": "green"}),
        "organisations": (
            reverse("community:organisations") + "?country=IT",
            {"country": "IT"},
        ),
    }


def test_every_listing_filter_select_is_labelled_with_any_first_and_current_selected(
    client, listings
):
    for listing, (url, chosen) in listings.items():
        response = client.get(url)
        assert response.status_code == 200, listing
        fields = form_fields(response.content.decode())
        assert fields.selects, listing
        for select_id, select in fields.selects.items():
            assert fields.labels.get(select_id), (listing, select_id)
            options = select["options"]
            assert options[0]["value"] == "", (listing, select_id)
            selected = [option["value"] for option in options if "selected" in option]
            assert selected == ([chosen[select["name"]]] if select["name"] in chosen else []), (
                listing,
                select_id,
            )
        assert "filters__clear" in response.content.decode(), listing
