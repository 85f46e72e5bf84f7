"""The one site search: every kind of content a reader may see, and nothing else, each kind
counted in the `kind` filter; each kind's visibility is its own app's rule.

A matrix: readers (visitor, member, member of a private space's group, its moderator, staff)
x kinds of content, each item holding the word "quokka"; every item is looked for in the
results and in the counts of its kind.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms import factories as f
from cms.opendata.factories import (
    DatasetIndexPageFactory,
    DatasetPageFactory,
    DirectoryPageFactory,
    PremisesFactory,
    PremisesRegisterPageFactory,
    SocialEconomyEntityFactory,
)
from cms.search_sources import search_sources
from community.discussions.factories import PostFactory, ThreadFactory
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import IdeaStatus
from community.members.factories import UserFactory
from community.members.models import ProfileVisibility
from events.pages.factories import WebinarPageFactory
from tests.community.discussions.helpers import ROLES, build_world

pytestmark = pytest.mark.django_db

EVERYONE = set(ROLES)
SIGNED_IN = EVERYONE - {"visitor"}
SPACE_READERS = {"group_member", "moderator", "staff"}
NOBODY = set()

# item: (kind, text shown in its result, readers who find it)
MATRIX = {
    "page": ("pages", "Quokka page", EVERYONE),
    "restricted page": ("pages", "Quokka restricted page", SIGNED_IN),
    "event": ("events", "Quokka webinar", EVERYONE),
    "public idea": ("ideas", "Quokka public idea", EVERYONE),
    "draft idea": ("ideas", "Quokka draft idea", NOBODY),
    "withdrawn idea": ("ideas", "Quokka withdrawn idea", NOBODY),
    "idea of a call for members": ("ideas", "Quokka members-call idea", SIGNED_IN),
    "public thread": ("threads", "Quokka public thread", EVERYONE),
    "private-space thread": ("threads", "Quokka private thread", SPACE_READERS),
    "public post": ("posts", "Quokka public post", EVERYONE),
    "private-space post": ("posts", "Quokka private post", SPACE_READERS),
    "organisation": ("organisations", "Quokka Cooperative Network", EVERYONE),
    "visible profile": ("members", "Quokka Visible", EVERYONE),
    "members-only profile": ("members", "Quokka Members", SIGNED_IN),
    "hidden profile": ("members", "Quokka Hidden", NOBODY),
    "dataset": ("datasets", "Quokka dataset", EVERYONE),
    "directory entry": ("directory", "Quokka Social Coop", EVERYONE),
    "unpublished directory entry": ("directory", "Quokka Proposed Coop", NOBODY),
    "premises": ("premises", "Quokka Hall", EVERYONE),
}


def build_content(home, world):
    f.ContentPageFactory(parent=home, title="Quokka page")
    restricted = f.ContentPageFactory(parent=home, title="Quokka restricted page")
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    WebinarPageFactory(parent=world.focus_group.get_parent(), title="Quokka webinar")
    call = IdeaCallPageFactory(parent=home, ideas_public=True)
    IdeaFactory(call=call, title="Quokka public idea", status=IdeaStatus.SUBMITTED)
    IdeaFactory(call=call, title="Quokka draft idea", status=IdeaStatus.DRAFT)
    IdeaFactory(call=call, title="Quokka withdrawn idea", status=IdeaStatus.WITHDRAWN)
    members_call = IdeaCallPageFactory(parent=home, ideas_public=True)
    PageViewRestriction.objects.create(
        page=members_call, restriction_type=PageViewRestriction.LOGIN
    )
    IdeaFactory(call=members_call, title="Quokka members-call idea")
    author = world.posts["public"].author
    for kind in ("public", "private"):
        space = world.spaces[kind]
        thread = ThreadFactory(space=space, author=author, title=f"Quokka {kind} thread")
        PostFactory(thread=thread, author=author, body="<p>A first word.</p>")
        PostFactory(thread=world.threads[kind], author=author, body=f"<p>Quokka {kind} post</p>")
    f.OrganisationFactory(name="Quokka Cooperative Network")
    UserFactory(display_name="Quokka Visible", profile_visibility=ProfileVisibility.PUBLIC)
    UserFactory(display_name="Quokka Members", profile_visibility=ProfileVisibility.MEMBERS)
    UserFactory(display_name="Quokka Hidden", profile_visibility=ProfileVisibility.HIDDEN)
    DatasetPageFactory(parent=DatasetIndexPageFactory(parent=home), title="Quokka dataset")
    DirectoryPageFactory(parent=home)
    PremisesRegisterPageFactory(parent=home)
    SocialEconomyEntityFactory(name="Quokka Social Coop")
    SocialEconomyEntityFactory(name="Quokka Proposed Coop", status="proposed")
    PremisesFactory(name="Quokka Hall")


@pytest.fixture
def world(home):
    world = build_world(home)
    build_content(home, world)
    return world


def client_for(world, role):
    client = Client()
    if role != "visitor":
        client.force_login(world.people[role])
    return client


def results_html(response):
    """The results section of the search page (the header names the signed-in member, the
    footer the partners)."""
    content = response.content.decode()
    start = content.index('<section aria-labelledby="search-results-heading">')
    return content[start : content.index("</main>", start)]


def counts(response):
    return {facet.key: facet.count for facet in response.context["found"].facets}


def expected_counts(role):
    expected = {}
    for kind, _text, readers in MATRIX.values():
        if role in readers:
            expected[kind] = expected.get(kind, 0) + 1
    return expected


@pytest.mark.parametrize("role", ROLES)
def test_each_reader_finds_exactly_what_they_may_see_and_the_kind_counts_agree(world, role):
    response = client_for(world, role).get("/en/search/", {"q": "quokka"})
    assert response.status_code == 200
    content = results_html(response)
    for item, (_kind, text, readers) in MATRIX.items():
        assert (text in content) is (role in readers), item
    assert counts(response) == expected_counts(role)
    assert response.context["found"].total == sum(expected_counts(role).values())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", sorted({kind for kind, _t, _r in MATRIX.values()}))
def test_filtering_by_kind_lists_only_that_kind_and_what_the_reader_may_see(world, role, kind):
    response = client_for(world, role).get("/en/search/", {"q": "quokka", "kind": kind})
    content = results_html(response)
    found = response.context["found"]
    assert found.kind == kind
    for item, (item_kind, text, readers) in MATRIX.items():
        shown = item_kind == kind and role in readers
        assert (text in content) is shown, item
    assert found.results.paginator.count == expected_counts(role).get(kind, 0)
    # The other kinds are still counted, to switch to them.
    assert counts(response) == expected_counts(role)


def test_every_kind_of_the_matrix_is_a_registered_kind():
    kinds = {source.key for source in search_sources()}
    assert {kind for kind, _t, _r in MATRIX.values()} <= kinds


def test_an_unknown_kind_shows_every_kind(world):
    response = Client().get("/en/search/", {"q": "quokka", "kind": "passwords"})
    assert response.context["found"].kind == ""
    assert counts(response) == expected_counts("visitor")


def test_a_hidden_profile_is_not_found_by_its_owner_either(world):
    hidden = UserFactory(display_name="Quokka Ownhidden", profile_visibility="hidden")
    client = Client()
    client.force_login(hidden)
    assert "Quokka Ownhidden" not in results_html(client.get("/en/search/", {"q": "quokka"}))


def test_a_first_name_a_member_does_not_show_is_not_searchable(world):
    UserFactory(display_name="Shown Name", first_name="Quokkasecret", profile_visibility="public")
    assert counts(Client().get("/en/search/", {"q": "quokkasecret"})) == {}


def test_an_idea_shows_the_status_the_public_may_know(world):
    call = IdeaCallPageFactory(parent=world.section.get_parent(), ideas_public=True)
    IdeaFactory(call=call, title="Quokka shortlisted idea", status=IdeaStatus.SHORTLISTED)
    response = Client().get("/en/search/", {"q": "shortlisted", "kind": "ideas"})
    content = results_html(response)
    assert "Quokka shortlisted idea" in content
    assert "Under review" in content
    assert "Shortlisted" not in content.replace("Quokka shortlisted idea", "")


def test_the_space_filter_narrows_posts_to_one_space(world):
    client = client_for(world, "group_member")
    space = world.spaces["private"]
    response = client.get("/en/search/", {"q": "quokka", "kind": "posts", "space": space.pk})
    content = results_html(response)
    assert "Quokka private post" in content
    assert "Quokka public post" not in content
    assert "private space" in response.context["found"].filter_note


def test_the_space_filter_of_a_space_the_reader_may_not_read_finds_nothing_and_names_nothing(
    world,
):
    space = world.spaces["private"]
    response = Client().get("/en/search/", {"q": "quokka", "kind": "posts", "space": space.pk})
    assert response.context["found"].results.paginator.count == 0
    assert response.context["found"].filter_note == ""
    assert "private space" not in response.content.decode()


def test_the_old_discussion_search_redirects_to_the_site_search_filtered_to_posts(world):
    section = world.section
    old = section.url + section.reverse_subpage("search")
    response = Client().get(old, {"q": "quokka", "space": world.spaces["public"].pk})
    assert response.status_code == 301
    assert response["Location"] == (
        f"/en/search/?kind=posts&q=quokka&space={world.spaces['public'].pk}"
    )


def test_the_discussions_search_box_submits_to_the_site_search_filtered_to_posts(world):
    section = world.section
    space = world.spaces["public"]
    content = Client().get(section.url + section.reverse_subpage("space", args=[space.slug]))
    html = content.content.decode()
    assert 'action="/en/search/"' in html
    assert 'name="kind" value="posts"' in html
    assert f'name="space" value="{space.pk}"' in html


def test_a_post_in_the_readers_language_comes_first(world):
    thread = world.threads["public"]
    author = world.posts["public"].author
    PostFactory(thread=thread, author=author, body="<p>Wombatword uno</p>", language="it")
    PostFactory(thread=thread, author=author, body="<p>Wombatword two</p>", language="en")
    response = Client().get("/it/search/", {"q": "wombatword", "kind": "posts"})
    hits = list(response.context["found"].results)
    assert [hit.summary for hit in hits] == ["Wombatword uno", "Wombatword two"]
    assert [hit.other_language for hit in hits] == ["", "en"]


def test_a_posts_text_is_shown_once_escaped(world):
    thread = world.threads["public"]
    author = world.posts["public"].author
    PostFactory(thread=thread, author=author, body="<p>Tea &amp; quokkacake</p>")
    content = results_html(Client().get("/en/search/", {"q": "quokkacake"}))
    assert "Tea &amp; quokkacake" in content
    assert "&amp;amp;" not in content


# --- query counts: constant whatever the number of matches ---


def add_matches(home, world, count, start=0):
    call = IdeaCallPageFactory(parent=home, ideas_public=True)
    author = world.posts["public"].author
    for n in range(start, start + count):
        f.ContentPageFactory(parent=home, title=f"Numbat page {n}")
        IdeaFactory(call=call, title=f"Numbat idea {n}")
        thread = ThreadFactory(space=world.spaces["public"], author=author, title=f"Numbat {n}")
        PostFactory(thread=thread, author=author, body=f"<p>Numbat post {n}</p>")
        f.OrganisationFactory(name=f"Numbat Organisation {n}")
        UserFactory(display_name=f"Numbat Member {n}", profile_visibility="public")
        SocialEconomyEntityFactory(name=f"Numbat Coop {n}")


def queries_for(client, params):
    client.get("/en/search/", params)  # warm Wagtail's caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/search/", params)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("kind", ["", "pages", "ideas", "posts", "members", "organisations"])
def test_a_search_page_runs_as_many_queries_for_1_match_as_for_30(home, kind):
    world = build_world(home)
    client = client_for(world, "group_member")
    params = {"q": "numbat", "kind": kind}
    add_matches(home, world, 1)
    few, response = queries_for(client, params)
    assert response.context["found"].total > 0
    add_matches(home, world, 29, start=1)
    many, response = queries_for(client, params)
    if kind:
        assert response.context["found"].results.paginator.count >= 30
    assert few == many


# --- stemming per language (PostgreSQL's text-search configurations) ---

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming needs PostgreSQL's text-search configurations (SQLite matches as typed)",
)


@on_postgresql
def test_a_post_is_stemmed_in_its_own_language(world):
    thread = world.threads["public"]
    author = world.posts["public"].author
    PostFactory(thread=thread, author=author, body="<p>Le cooperative sociali</p>", language="it")
    response = Client().get("/en/search/", {"q": "cooperativa", "kind": "posts"})
    assert [hit.summary for hit in response.context["found"].results] == ["Le cooperative sociali"]


@on_postgresql
def test_an_idea_is_stemmed_in_its_own_language(world):
    call = IdeaCallPageFactory(parent=world.section.get_parent(), ideas_public=True)
    IdeaFactory(call=call, title="Orti condivisi", summary="Orti urbani", language="it")
    IdeaFactory(call=call, title="Tool libraries", summary="Lending tools", language="en")
    found = Client().get("/en/search/", {"q": "condiviso", "kind": "ideas"}).context["found"]
    assert [hit.title for hit in found.results] == ["Orti condivisi"]
    found = Client().get("/en/search/", {"q": "library", "kind": "ideas"}).context["found"]
    assert [hit.title for hit in found.results] == ["Tool libraries"]


@on_postgresql
def test_an_organisations_translation_is_stemmed_in_its_own_language(world):
    """The organisation is found through its Italian copy, stemmed in Italian: the copies are
    matched in a subquery, whose configuration once named the outer (English) row instead."""
    from wagtail.models import Locale

    source = f.OrganisationFactory(name="Rete Sud", description="Shared workshops")
    italian = source.copy_for_translation(Locale.objects.get_or_create(language_code="it")[0])
    italian.description = "Laboratori condivisi"
    italian.save()
    found = Client().get("/en/search/", {"q": "condiviso", "kind": "organisations"})
    assert [hit.title for hit in found.context["found"].results] == ["Rete Sud"]
