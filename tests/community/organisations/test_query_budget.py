"""The organisations' listing within the public budget (issue "Speed and scale": it cost 41
queries in English and 65 in Italian): the same count with 1 and with 40 organisations, in the
source language and in a translated one (the names shown in the reader's language)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from cms import factories as cf

pytestmark = pytest.mark.django_db

PUBLIC_BUDGET = 12


def add_organisations(count, italian):
    countries = [cf.CountryFactory(), cf.CountryFactory()]
    for n in range(count):
        organisation = cf.OrganisationFactory(
            name=f"Cooperative {n}", description="Shared workshops", country=countries[n % 2]
        )
        if n % 2:  # half of them translated into Italian
            copy = organisation.copy_for_translation(italian)
            copy.name = f"Cooperativa {n}"
            copy.save()


def warm_queries(client, language):
    with translation.override(language):
        url = reverse("community:organisations")
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return response, [query["sql"] for query in context.captured_queries]


@pytest.mark.parametrize("language", ["en", "it"])
def test_the_organisations_listing_costs_the_same_within_budget_for_1_or_40(client, home, language):
    italian = Locale.objects.get_or_create(language_code="it")[0]
    add_organisations(1, italian)
    _response, few = warm_queries(client, language)
    add_organisations(39, italian)
    client.get("/")  # a change of content starts a new chrome generation: warm it once
    response, many = warm_queries(client, language)
    assert len(few) <= PUBLIC_BUDGET, "\n".join(few)
    assert len(many) == len(few), "\n".join(many)
    if language == "it":
        assert "Cooperativa 1" in response.content.decode()
