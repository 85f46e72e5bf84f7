"""Organisations and published ideas as open data: the listings' CSV and JSON exports apply the
listing's filters, parse back to the same rows, keep their documented columns, and hold no
personal data (no e-mails, no names of members, whatever their profile says)."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from cms import factories as cf
from cms.exports import LIST_SEPARATOR
from community.ideas.exports import EXPORT_FIELDS
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.members.factories import UserFactory
from community.organisations.listing import ORGANISATION_COLUMNS
from community.organisations.models import MembershipRole, MembershipStatus, OrganisationMembership

pytestmark = pytest.mark.django_db

COLUMNS = [column.name for column in ORGANISATION_COLUMNS]


def export_url(fmt, query=""):
    return reverse("community:organisations_export", args=[fmt]) + query


def get_csv(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    return list(csv.DictReader(io.StringIO(text))), text.splitlines()[0].split(",")


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return json.loads(response.content)


@pytest.fixture
def organisations(home):
    italy = cf.CountryFactory(name="Italy", code="IT")
    spain = cf.CountryFactory(name="Spain", code="ES")
    veneto = cf.OrganisationFactory(
        name="Veneto Lavoro, regional agency",
        short_name="VL",
        kind="partner",
        helix="public",
        country=italy,
        city="Venice",
        website="https://www.venetolavoro.it/",
        latitude="45.438000",
        longitude="12.327000",
    )
    coop = cf.OrganisationFactory(
        name="Limpiezas Solidarias", kind="social-economy", country=spain, city="Zaragoza"
    )
    for organisation, email, name, visibility in (
        (veneto, "hidden.person@example.org", "Hidden Hilda", "hidden"),
        (veneto, "members.person@example.org", "Members Mario", "members"),
        (coop, "public.person@example.org", "Public Paula", "public"),
    ):
        user = UserFactory(email=email, display_name=name, profile_visibility=visibility)
        OrganisationMembership.objects.create(
            organisation=organisation,
            user=user,
            role=MembershipRole.ADMIN,
            status=MembershipStatus.ACCEPTED,
        )
    return veneto, coop


def test_organisation_csv_has_the_documented_columns_in_order(client, organisations):
    _rows, header = get_csv(client, export_url("csv"))
    assert header == COLUMNS


def test_organisation_csv_and_json_parse_back_to_the_same_rows(client, organisations):
    rows, _header = get_csv(client, export_url("csv"))
    data = get_json(client, export_url("json"))
    assert data["columns"] == COLUMNS and data["count"] == len(rows) == 2
    for row, item in zip(rows, data["items"], strict=True):
        assert list(item) == COLUMNS
        for name, value in item.items():
            expected = LIST_SEPARATOR.join(value) if isinstance(value, list) else value
            assert row[name] == ("" if expected is None else str(expected)), name
    veneto = next(item for item in data["items"] if item["short_name"] == "VL")
    assert veneto["name"] == "Veneto Lavoro, regional agency"
    assert veneto["country_code"] == "IT" and veneto["helix"] == "public"
    assert veneto["latitude"] == 45.438 and veneto["longitude"] == 12.327
    assert veneto["language"] == "en"
    assert veneto["url"] == "http://testserver" + reverse(
        "community:organisation", args=[organisations[0].pk]
    )


def test_organisation_export_applies_the_listing_filters(client, organisations):
    by_kind = get_json(client, export_url("json", "?type=social-economy"))["items"]
    assert [item["name"] for item in by_kind] == ["Limpiezas Solidarias"]
    rows, _header = get_csv(client, export_url("csv", "?country=IT"))
    assert [row["name"] for row in rows] == ["Veneto Lavoro, regional agency"]
    assert get_json(client, export_url("json", "?q=zaragoza"))["count"] == 1
    # The page shows the same filtered list, and links the exports with its filters.
    html = client.get(reverse("community:organisations") + "?country=IT").content.decode()
    assert "Veneto Lavoro" in html and "Limpiezas Solidarias" not in html
    assert f'href="{export_url("csv", "?country=IT")}"' in html


def test_organisation_export_holds_no_personal_data(client, organisations):
    body = client.get(export_url("csv")).content.decode()
    body += client.get(export_url("json")).content.decode()
    for personal in (
        "@example.org",
        "Hidden Hilda",
        "Members Mario",
        "Public Paula",
        "Hilda",
        "Mario",
        "Paula",
    ):
        assert personal not in body, personal


def test_organisation_export_names_organisations_in_the_readers_language(client, organisations):
    italian = Locale.objects.get_or_create(language_code="it")[0]
    veneto = organisations[0]
    copy = veneto.copy_for_translation(italian)
    copy.name = "Veneto Lavoro, ente regionale"
    copy.save()
    # Inside override: the request activates Italian, and override restores the language after.
    with translation.override("it"):
        items = get_json(client, export_url("json"))["items"]
    assert {item["name"] for item in items} == {
        "Veneto Lavoro, ente regionale",
        "Limpiezas Solidarias",
    }
    assert {item["language"] for item in items} == {"it"}


def test_organisation_export_query_count_does_not_grow_with_the_number_of_organisations(
    client, organisations
):
    def measure():
        client.get(export_url("csv"))
        with CaptureQueriesContext(connection) as context:
            client.get(export_url("csv"))
        return len(context.captured_queries)

    before = measure()
    for n in range(10):
        cf.OrganisationFactory(name=f"Cooperative {n}", country=organisations[0].country)
    assert measure() == before


def test_unknown_export_format_is_not_found(client, organisations):
    assert client.get(export_url("xml")).status_code == 404


# -- Published ideas ------------------------------------------------------------------------


def test_idea_export_applies_the_gallery_filters_and_keeps_its_columns(client, home):
    call = IdeaCallPageFactory(parent=home)
    kitchen = IdeaFactory(call=call, title="Community kitchen", language="it")
    kitchen.topics.add(cf.TopicFactory(slug="food"))
    IdeaFactory(call=call, title="Bike repair", summary="Fixing bicycles.", language="en")
    url = reverse("community:ideas_export", args=[call.pk, "json"])
    assert len(json.loads(client.get(url).content)["ideas"]) == 2
    for query in ("?topic=food", "?language=it", "?q=kitchen", "?topic=food&page=3"):
        ideas = json.loads(client.get(url + query).content)["ideas"]
        assert [idea["title"] for idea in ideas] == ["Community kitchen"], query
    csv_url = reverse("community:ideas_export", args=[call.pk, "csv"])
    rows = list(csv.DictReader(io.StringIO(client.get(csv_url + "?language=en").content.decode())))
    assert [row["title"] for row in rows] == ["Bike repair"]
    assert list(rows[0]) == list(EXPORT_FIELDS)
    # The gallery links the exports with its current filters.
    html = client.get(reverse("community:gallery", args=[call.pk]) + "?language=it").content
    assert f'href="{csv_url}?language=it"' in html.decode()
