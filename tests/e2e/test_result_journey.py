"""On a phone (390 px), in English and in Italian: an organiser turns a selected idea into a
result from the idea's page and sets a dated milestone; the idea's author finds both in their
notifications and opens the result."""

import pytest
from wagtail.models import Locale, Page

from cms.factories import make_site
from community.members.factories import UserFactory
from community.results.factories import published_call, selected_idea
from community.results.models import IdeaResultPage
from tests.community.ideas.review_helpers import make_organiser
from tests.e2e.sessions import sign_in

# Transactional: the live server thread must see the data the test makes.
pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def selected(settings):
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    home = make_site()
    call = published_call(parent=home, title="3DI call")
    author = UserFactory(display_name="Ana Kovač")
    idea = selected_idea(call, title="Repair cafés in Istrian villages", author=author)
    return home, idea, make_organiser(home)


@pytest.mark.parametrize("language", ["en", "it"])
def test_an_organiser_turns_a_selected_idea_into_a_result_and_its_author_is_notified(
    open_page, live_server, selected, language
):
    home, idea, organiser = selected
    for person in (organiser, idea.author):
        person.preferred_language = language
        person.save(update_fields=["preferred_language"])

    # The organiser, on the idea's page, turns it into a result.
    page = open_page(viewport=PHONE)
    sign_in(page, live_server, organiser)
    page.goto(f"{live_server.url}/{language}/community/ideas/{idea.pk}/")
    page.locator(".idea-result__make button[type=submit]").click()
    page.wait_for_url("**/community/results/*/update/")
    result = IdeaResultPage.objects.get(idea=idea)

    # ... and sets its status, progress and a dated milestone.
    page.locator("#id_status").select_option("in_progress")
    page.locator("#id_progress").fill("25")
    page.locator("#id_milestone_title").fill("First repair café in Motovun")
    page.locator("#id_milestone_date").fill("2027-03-20")
    page.locator("form button[type=submit].button--primary").click()
    page.wait_for_url(f"**{result.url_path.split('/', 2)[-1]}")
    page.locator(".timeline__item", has_text="First repair café in Motovun").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # The author reads the notifications and opens the result.
    page = open_page(viewport=PHONE)
    sign_in(page, live_server, idea.author)
    page.goto(f"{live_server.url}/{language}/notifications/")
    entries = page.locator("main li", has_text="Repair cafés in Istrian villages")
    assert entries.filter(has_text="First repair café in Motovun").count() == 1
    assert entries.count() >= 2  # the new result, its status change, its milestone
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    entries.filter(has_text="First repair café in Motovun").locator("a").first.click()
    page.locator(".timeline__item", has_text="First repair café in Motovun").wait_for()
    assert "25" in page.locator(".result-progress__figure").inner_text()
