"""Small builders shared by the cms tests: vocabularies and the editorial tree of a site."""

import datetime
from types import SimpleNamespace

from wagtail.models import Page

from cms import factories as f


def vocabularies():
    """Three countries and two topics, with stable codes and slugs to filter by."""
    return SimpleNamespace(
        italy=f.CountryFactory(name="Italy", code="IT"),
        croatia=f.CountryFactory(name="Croatia", code="HR"),
        greece=f.CountryFactory(name="Greece", code="GR"),
        social_economy=f.TopicFactory(name="Social economy", slug="social-economy"),
        open_data=f.TopicFactory(name="Open data", slug="open-data"),
    )


def timeline_step(title, date=datetime.date(2020, 2, 1), description=""):
    return ("step", {"date": date, "title": title, "description": description})


def recommendation(title, detail=""):
    return ("recommendation", {"title": title, "detail": detail})


def searched_pages(response):
    """The pages the site search page lists (None when nothing was asked): the chosen kind's
    page of results, else the first results of every kind made of pages."""
    found = response.context["found"]
    if found is None:
        return None
    if found.kind:
        hits = list(found.results)
    else:
        hits = [hit for facet in found.facets for hit in facet.hits]
    return [hit.obj for hit in hits if isinstance(hit.obj, Page)]


def ids(results):
    """Primary keys of a page of results (or any iterable of pages), in order."""
    return [page.pk for page in results]
