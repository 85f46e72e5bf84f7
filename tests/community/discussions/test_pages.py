"""The discussion pages read through the one permission module: what a reader may not see is
a 404 like something that does not exist, in every language prefix."""

import pytest
from django.test import Client
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from community.discussions import services
from community.discussions.factories import PostFactory, ThreadFactory

from .helpers import ROLES, build_world

pytestmark = pytest.mark.django_db

READERS = {
    "visitor": {"public"},
    "member": {"public", "members"},
    "group_member": {"public", "members", "private"},
    "moderator": {"public", "members", "private"},
    "staff": {"public", "members", "private"},
}


@pytest.fixture
def world(home):
    return build_world(home)


def client_for(world, role):
    client = Client()
    if role != "visitor":
        client.force_login(world.people[role])
    return client


def url(world, name, *args):
    section = world.section
    return section.url + section.reverse_subpage(name, args=args)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_the_spaces_threads_and_posts_it_may_read(world, role):
    client = client_for(world, role)
    index = client.get(url(world, "index")).content.decode()
    for kind in ("public", "members", "private"):
        allowed = kind in READERS[role]
        thread, post = world.threads[kind], world.posts[kind]
        assert (f"{kind} space" in index) is allowed
        expected = 200 if allowed else 404
        assert client.get(url(world, "space", world.spaces[kind].slug)).status_code == expected
        response = client.get(url(world, "thread", thread.pk))
        assert response.status_code == expected
        if allowed:
            assert f"Zanzibar{kind}" in response.content.decode()
        link = client.get(url(world, "post", thread.pk, post.pk))
        assert link.status_code == (302 if allowed else 404)


@pytest.mark.parametrize("language", ["it", "ar"])
def test_a_guessed_private_thread_url_is_a_404_in_every_language(world, language):
    thread = world.threads["private"]
    client = client_for(world, "member")
    path = url(world, "thread", thread.pk).replace("/en/", f"/{language}/", 1)
    assert client.get(path).status_code == 404
    assert client.get(path.replace("threads", "threads", 1) + "reply/").status_code == 404


def test_guessed_post_actions_on_private_posts_are_404_for_outsiders(world):
    post = world.posts["private"]
    client = client_for(world, "member")
    for name in ("post_edit", "post_delete", "post_revisions"):
        assert client.get(url(world, name, post.pk)).status_code == 404
    assert client.post(url(world, "post_helpful", post.pk)).status_code == 404
    assert client.post(url(world, "follow", post.thread_id), {"follow": "1"}).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_search_within_discussions_finds_only_readable_posts(world, role):
    client = client_for(world, role)
    for kind in ("public", "members", "private"):
        # Whole words: on PostgreSQL the site search matches words (stemmed), not substrings.
        response = client.get(url(world, "search"), {"q": f"Zanzibar{kind}"}, follow=True)
        content = response.content.decode()
        assert response.status_code == 200
        assert (f"Zanzibar{kind} notes" in content) is (kind in READERS[role])
        assert (f"Secret plans of the {kind} space" in content) is (kind in READERS[role])


def test_feed_lists_public_threads_only(world):
    content = Client().get(url(world, "feed")).content.decode()
    assert "Secret plans of the public space" in content
    assert "members space" not in content
    assert "Secret plans of the private space" not in content


def test_sitemap_lists_public_threads_only(world):
    content = Client().get("/sitemap-pages.xml").content.decode()
    assert url(world, "thread", world.threads["public"].pk) in content
    for kind in ("members", "private"):
        assert url(world, "thread", world.threads[kind].pk) not in content


def test_api_exposes_the_section_but_no_thread_or_post(world):
    client = Client()
    listing = client.get("/api/v2/pages/", {"type": "community.DiscussionIndexPage"})
    assert listing.status_code == 200
    items = listing.json()["items"]
    assert [item["id"] for item in items] == [world.section.pk]
    detail = client.get(f"/api/v2/pages/{world.section.pk}/").content.decode()
    for kind in ("public", "members", "private"):
        assert f"Zanzibar{kind}" not in detail
        assert f"Secret plans of the {kind}" not in detail


def test_site_search_does_not_return_private_discussions(world):
    content = Client().get("/en/search/", {"query": "Zanzibarprivate"}).content.decode()
    assert "Zanzibarprivate notes" not in content
    assert "Secret plans of the private space" not in content


@pytest.mark.parametrize("status", ["pending", "hidden"])
def test_search_does_not_find_waiting_or_hidden_posts_of_others(world, status):
    PostFactory(thread=world.threads["public"], status=status, body="<p>Quetzalword inside</p>")
    for role in ("visitor", "member"):
        content = client_for(world, role).get(url(world, "search"), {"q": "Quetzalword"})
        assert "Quetzalword inside" not in content.content.decode()
    staff = client_for(world, "staff").get(url(world, "search"), {"q": "Quetzalword"}, follow=True)
    assert "Quetzalword inside" in staff.content.decode()


def test_only_moderators_see_the_history_of_an_edited_post(world):
    author = world.people["member"]
    post = services.reply(world.threads["members"], author, body="<p>First draft</p>")
    services.edit_post(post, author, body="<p>Second draft</p>")
    history = url(world, "post_revisions", post.pk)
    moderator = client_for(world, "moderator").get(history)
    assert moderator.status_code == 200
    assert "First draft" in moderator.content.decode()
    for role in ("member", "group_member"):
        assert client_for(world, role).get(history).status_code == 404
    thread = client_for(world, "group_member").get(url(world, "thread", post.thread_id))
    assert "edited" in thread.content.decode()
    assert "First draft" not in thread.content.decode()


def test_sitemap_lists_each_public_thread_once_under_its_own_language(world):
    italian, _created = Locale.objects.get_or_create(language_code="it")
    synchronize_tree(Locale.get_default(), italian)
    # A real Italian section (not an alias), so the section itself is listed in both languages.
    world.section.get_translation(italian).delete()
    world.section.copy_for_translation(italian).save_revision().publish()
    english_thread = world.threads["public"]
    english_thread.posts.update(language="en")
    italian_thread = ThreadFactory(space=world.spaces["public"], title="Orti condivisi")
    PostFactory(thread=italian_thread, language="it", body="<p>Chi coltiva?</p>")
    content = Client().get("/sitemap-pages.xml").content.decode()
    english = world.section.reverse_subpage("thread", args=[english_thread.pk])
    italian_route = world.section.reverse_subpage("thread", args=[italian_thread.pk])
    assert content.count(f"/discussions/{english}<") == 1
    assert f"<loc>http://localhost/en/discussions/{english}</loc>" in content
    assert f"<loc>http://localhost/it/discussions/{italian_route}</loc>" in content
    assert content.count(f"/discussions/{italian_route}<") == 1
    # Same text at one address: no hreflang alternates for a thread.
    assert f'href="http://localhost/it/discussions/{english}"' not in content
    assert f'href="http://localhost/en/discussions/{english}"' not in content
    # The section itself keeps its alternates.
    assert 'hreflang="it" href="http://localhost/it/discussions/"' in content
