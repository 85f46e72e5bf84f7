"""Bad input never makes a server error, on any route the site answers.

Every route of the URLconf (read from the resolver, so a new route is covered the day it is
added) is requested with a control character in its path and with every query parameter the
code reads set to a number no database column holds and to a control character, by a visitor,
a member and an administrator, with DEBUG off as in production. Whatever the answer (a 404, a
400, a redirect to log in), it must not be a 500.
"""

import re
from pathlib import Path

import pytest
import wagtail
import wagtail_localize
from django.conf import settings
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from wagtail.models import PageViewRestriction

from cms import factories as f
from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db

# One more than PostgreSQL's bigint and SQLite's integer hold.
HUGE = str(2**63)
CONTROL = "a%00b%1b"

# The parameters Wagtail's API reads (wagtail/api/v2: views, filters, pagination).
API_PARAMETERS = {
    "offset", "limit", "id", "child_of", "descendant_of", "ancestor_of", "translation_of",
    "type", "locale", "fields", "order", "search", "search_operator", "html_path", "site",
}  # fmt: skip
# Every other parameter name the project reads from a query: request.GET.get("page"),
# filters' query.get("year"), ...
_READ = re.compile(r"""(?:GET|query|query_params)\.get(?:list)?\(\s*["'](\w+)["']""")


def query_parameters():
    names = set(API_PARAMETERS)
    for app in ("cms", "community", "events", "site"):
        for source in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            names.update(_READ.findall(source.read_text()))
    return sorted(names)


def admin_query_parameters():
    """Every parameter name the project or Wagtail (its admin, choosers, snippets, forms,
    wagtail-localize's views) reads from a query."""
    names = set(query_parameters())
    for package in (wagtail, wagtail_localize):
        for source in Path(package.__file__).parent.rglob("*.py"):
            if "tests" not in source.parts and not source.name.startswith("test"):
                names.update(_READ.findall(source.read_text()))
    return sorted(names)


def _concrete(pattern_text, value):
    """A path for a route or regex pattern, every parameter replaced by `value` (HUGE for
    integer parameters)."""
    text = pattern_text.lstrip("^").rstrip("$")
    text = re.sub(r"<int:\w+>", HUGE, text)
    text = re.sub(r"<(?:\w+:)?\w+>", value, text)
    # Regex groups: digits get the huge number, anything else the value.
    text = re.sub(r"\(\?P<\w+>\\d\+\)|\(\\d\+\)", HUGE, text)
    text = re.sub(r"\((?:\?P<\w+>)?(?:[^()]|\([^()]*\))*\)[*+?]?", value, text)
    return text.replace("\\", "")


def routes(patterns=None, prefix=""):
    """Every route of the URLconf as a path with its parameters filled with a control character."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            text = f"{settings.LANGUAGE_CODE}/"
        elif isinstance(pattern, RoutePattern):
            text = pattern._route
        else:
            text = pattern._regex
        if isinstance(entry, URLResolver):
            yield from routes(entry.url_patterns, prefix + _concrete(text, CONTROL))
        else:
            yield "/" + prefix + _concrete(text, CONTROL)


@pytest.fixture
def site_with_a_private_page_in_the_menu():
    """The menu of every page (the 404 page too) asks whether the reader may see this page."""
    home = f.make_site(hostname="testserver")
    private = f.ContentPageFactory(parent=home, title="Members area", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    f.ContentPageFactory(parent=home, title="About", show_in_menus=True)
    return home


def _probe(client, urls):
    """The URLs that answered a server error, with the error, for a readable failure."""
    client.raise_request_exception = False
    failures = []
    for url in urls:
        response = client.get(url)
        if response.status_code >= 500:
            failures.append(f"{url} -> {response.status_code}")
    return failures


def _bad_urls(paths, queries=True):
    huge_query = "&".join(f"{name}={HUGE}" for name in query_parameters())
    control_query = "&".join(f"{name}={CONTROL}" for name in query_parameters())
    for path in paths:
        yield path
        yield f"{path.rstrip('/')}%00/"
        if queries:
            yield f"{path}?{huge_query}"
            yield f"{path}?{control_query}"


@pytest.fixture
def production_like(settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["testserver"]
    return settings


@pytest.mark.usefixtures("production_like", "site_with_a_private_page_in_the_menu")
def test_no_route_answers_a_server_error_to_control_characters_or_huge_numbers(client):
    every_route = list(routes())
    admin = "/admin/"
    public = [url for url in every_route if not url.startswith(admin)]
    assert len(every_route) > 300, "the resolver was not read"

    failures = _probe(client, _bad_urls(every_route))

    client.force_login(UserFactory(email="member@example.org"))
    failures += _probe(client, _bad_urls(public))

    # The administrator gets the admin's paths here, and its queries below.
    # `/admin/failwhale/` is Wagtail's deliberate test of the error page.
    client.force_login(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))
    admin_routes = [url for url in every_route if url.startswith(admin) and "failwhale" not in url]
    failures += _probe(client, _bad_urls(admin_routes, queries=False))

    assert failures == []


@pytest.mark.usefixtures("production_like", "site_with_a_private_page_in_the_menu")
def test_a_control_character_in_the_path_is_the_sites_not_found_page_for_everyone(client):
    # The reviewers' paths: the 404 page's menu asks who the reader is.
    client.raise_request_exception = False
    for url in ("/en%00/", "/admin/%00/", "/documents/11/a%00.txt", "/en/about%00/"):
        for reader in (None, UserFactory()):
            if reader is not None:
                client.force_login(reader)
            response = client.get(url)
            assert response.status_code == 404, url
            assert "Sorry, there is no page at this address" in response.content.decode()
            client.logout()


@pytest.mark.usefixtures("production_like", "site_with_a_private_page_in_the_menu")
def test_no_admin_route_answers_a_server_error_to_junk_or_huge_ids_in_its_query(client):
    """Wagtail's admin views read ids from the query unchecked (choosers' `chosen-multiple/?id=`,
    the link choosers' `parent_page_id`, the pages and forms listings' `site`; the image chooser
    searched within a tag through a filter its index lacks): every admin route
    gets every parameter Wagtail or the project reads, set to a number beyond any key, a negative
    one, a fraction, letters and control characters (cms/request_hygiene.py keeps only possible
    keys in the admin's id parameters; cms/image_chooser.py filters by tag through keys)."""
    names = admin_query_parameters()
    assert {"id", "parent_page_id", "site", "collection_id"} <= set(names)
    client.force_login(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))
    admin_routes = [url for url in routes() if url.startswith("/admin/") and "failwhale" not in url]
    urls = [
        f"{path}?{'&'.join(f'{name}={value}' for name in names)}"
        for path in admin_routes
        for value in (HUGE, "-1", "1.5", "abc", CONTROL)
    ]
    assert _probe(client, urls) == []


def test_the_admin_keeps_only_possible_keys_in_its_id_parameters(rf):
    from cms.request_hygiene import RequestHygieneMiddleware

    request = rf.get(
        "/admin/choose-page/chosen-multiple/",
        {"id": ["3", "abc", HUGE, "-1", "1.5", "0", "7"], "parent_page_id": "x", "q": "abc"},
    )
    RequestHygieneMiddleware(lambda request: None).process_request(request)
    assert request.GET.getlist("id") == ["3", "7"]
    assert "parent_page_id" not in request.GET
    assert request.GET["q"] == "abc"


@pytest.mark.usefixtures("site_with_a_private_page_in_the_menu")
def test_the_image_chooser_searches_within_a_tag(client):
    from cms.factories import ImageFactory

    ImageFactory(title="Harbour at dusk")
    tagged = ImageFactory(title="Harbour at dawn")
    tagged.tags.add("sea")
    client.force_login(UserFactory(email="admin@example.org", is_staff=True, is_superuser=True))
    response = client.get("/admin/images/chooser/results/", {"q": "harbour", "tag": "sea"})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Harbour at dawn" in text
    assert "Harbour at dusk" not in text
