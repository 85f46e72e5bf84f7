"""The "Take part" group in the header and the footer, in every language tree: events, open
calls, co-design workshops, discussions (cms.navigation; the pages declare their group)."""

import pytest
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cms import factories as f
from community.discussions.factories import DiscussionIndexPageFactory
from community.ideas.factories import IdeaCallIndexPageFactory
from community.workshops.factories import WorkshopIndexPageFactory
from events.listing.factories import EventIndexPageFactory

pytestmark = pytest.mark.django_db

TAKE_PART = ["events", "calls", "workshops", "discussions"]


def build_site(home):
    """A long menu (grouped): three project pages, news, and the four "take part" sections."""
    for title, slug in [("About", "about"), ("Partners", "partners"), ("Contact", "contact")]:
        f.ContentPageFactory(parent=home, title=title, slug=slug, show_in_menus=True)
    f.NewsIndexPageFactory(parent=home, title="News", slug="news", show_in_menus=True)
    EventIndexPageFactory(parent=home, title="Events", slug="events", show_in_menus=True)
    IdeaCallIndexPageFactory(parent=home, show_in_menus=True)
    WorkshopIndexPageFactory(parent=home, show_in_menus=True)
    DiscussionIndexPageFactory(parent=home, show_in_menus=True)


def between(html, start, end):
    begin = html.index(start)
    return html[begin : html.index(end, begin)]


def take_part_hrefs(fragment, language):
    return [slug for slug in TAKE_PART if f'<a href="/{language}/{slug}/"' in fragment]


@pytest.mark.parametrize("language", ["en", "it"])
def test_the_header_has_a_take_part_group_linking_events_calls_workshops_and_discussions(
    client, home, language
):
    build_site(home)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="it"))
    html = client.get(f"/{language}/").content.decode()
    nav = between(html, '<nav class="primary-nav', "</nav>")
    label = {"en": "Take part", "it": "Partecipa"}[language]
    group = between(nav, f"<summary>{label}</summary>", "</details>")
    assert take_part_hrefs(group, language) == TAKE_PART


@pytest.mark.parametrize("language", ["en", "it"])
def test_the_footer_lists_the_take_part_pages_in_the_editors_order(client, home, language):
    build_site(home)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="it"))
    html = client.get(f"/{language}/").content.decode()
    footer = between(html, "<footer", "</footer>")
    take_part = between(footer, 'class="site-footer__take-part"', "</nav>")
    assert take_part_hrefs(take_part, language) == TAKE_PART
    # Only that group: the project's pages are not repeated there.
    assert f'href="/{language}/about/"' not in take_part


def test_a_take_part_page_left_out_of_the_menus_leaves_header_and_footer(client, home):
    build_site(home)
    home.get_children().filter(slug="workshops").update(show_in_menus=False)
    html = client.get("/en/").content.decode()
    assert 'href="/en/workshops/"' not in html
    assert 'href="/en/calls/"' in between(html, "<footer", "</footer>")
