"""A visitor on a phone (390 px) types in the header's search box and finds, with the one site
search, a public discussion post, an idea and an organisation, in English and in Italian."""

import pytest

from cms.factories import OrganisationFactory
from community.discussions.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpaceFactory,
    PostFactory,
    ThreadFactory,
)
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.members.factories import UserFactory

# Transactional: the live server thread must see the data the test makes.
pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
THREAD = "Bando per la manutenzione del verde"
IDEA = "Tool libraries in every district"
ORGANISATION = "Cooperativa Orti Urbani"


@pytest.fixture
def community(home):
    DiscussionIndexPageFactory(parent=home)
    author = UserFactory(display_name="Giulia Bianchi")
    thread = ThreadFactory(space=DiscussionSpaceFactory(), author=author, title=THREAD)
    PostFactory(thread=thread, author=author, body="<p>Il capitolato è pronto.</p>", language="it")
    call = IdeaCallPageFactory(parent=home, ideas_public=True)
    IdeaFactory(call=call, title=IDEA, summary="Lend tools, not buy them.", language="en")
    OrganisationFactory(name=ORGANISATION)


def search_from_header(page, words):
    box = page.locator("#site-search-q")
    box.fill(words)
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    return page.locator("main")


@pytest.mark.parametrize("language", ["en", "it"])
def test_a_visitor_finds_a_post_an_idea_and_an_organisation_from_the_header_search(
    open_page, live_server, community, language
):
    page = open_page(viewport=PHONE)
    page.goto(f"{live_server.url}/{language}/")

    main = search_from_header(page, "capitolato")
    post = main.locator(".search-result", has_text="Il capitolato è pronto")
    assert post.count() == 1
    assert THREAD in post.inner_text()
    # Written in Italian: marked so for an English reader, not for an Italian one.
    assert post.locator("[lang=it]").count() == (1 if language == "en" else 0)
    # The page fits the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    main = search_from_header(page, "tool libraries")
    main.get_by_role("link", name=IDEA).click()
    page.wait_for_url("**/ideas/*/")
    assert IDEA in page.locator("h1").inner_text()

    page.go_back()
    main = search_from_header(page, "orti urbani")
    main.get_by_role("link", name=ORGANISATION).click()
    page.wait_for_url("**/organisations/*/")
    assert ORGANISATION in page.locator("h1").inner_text()
    assert page.blocked_requests == []
