"""The main menu: flat while short, in named groups once it is long (cms.navigation)."""

import pytest
from django.utils import translation

from cms import factories as f
from cms.navigation import FLAT_MENU_LIMIT, MENU_GROUPS, group_menu, menu_group_of
from events.listing.factories import EventIndexPageFactory

pytestmark = pytest.mark.django_db


def long_menu(home):
    """Eight menu sections of four kinds, in the editors' order (mixed on purpose)."""
    return [
        f.NewsIndexPageFactory(parent=home, title="News", slug="news", show_in_menus=True),
        f.ContentPageFactory(parent=home, title="About", slug="about", show_in_menus=True),
        EventIndexPageFactory(parent=home, title="Events", slug="events", show_in_menus=True),
        f.PublicationIndexPageFactory(
            parent=home, title="Publications", slug="publications", show_in_menus=True
        ),
        f.PilotActionIndexPageFactory(
            parent=home, title="Pilot actions", slug="pilot-actions", show_in_menus=True
        ),
        f.ContentPageFactory(parent=home, title="Partners", slug="partners", show_in_menus=True),
        f.ContentPageFactory(parent=home, title="Contact", slug="contact", show_in_menus=True),
        f.ContentPageFactory(parent=home, title="Team", slug="team", show_in_menus=True),
    ]


def titles(group):
    return [item.title for item in group.items]


def test_a_short_menu_stays_flat(home):
    pages = long_menu(home)[:FLAT_MENU_LIMIT]
    assert group_menu(pages) is None


def test_a_long_menu_groups_pages_by_their_type_in_the_fixed_group_order(home):
    groups = group_menu(long_menu(home))
    assert [group.key for group in groups] == ["project", "resources", "take-part"]
    project, resources, take_part = groups
    # Within a group the editors' menu order is kept.
    assert titles(project) == ["About", "Pilot actions", "Partners", "Contact", "Team"]
    assert titles(resources) == ["News", "Publications"]
    assert titles(take_part) == ["Events"]
    assert take_part.single and not resources.single


def test_a_generic_page_row_is_grouped_by_its_specific_type(home):
    news = f.NewsIndexPageFactory(parent=home)
    generic = home.get_children().get(pk=news.pk)  # a plain Page, as the menu query returns
    assert type(generic).__name__ == "Page"
    assert menu_group_of(generic) == "resources"


def test_an_unknown_group_falls_back_to_the_project_group(home):
    page = f.ContentPageFactory(parent=home)
    page.menu_group = "no-such-group"
    assert menu_group_of(page) == "project"
    assert list(MENU_GROUPS)[0] == "project"


def menu_html(client, path="/en/"):
    html = client.get(path).content.decode()
    return html[
        html.index('<nav class="primary-nav') : html.index("</nav>", html.index("primary-nav"))
    ]


def test_the_long_menu_renders_groups_as_disclosures_with_single_groups_as_links(client, home):
    long_menu(home)
    nav = menu_html(client)
    assert "primary-nav--grouped" in nav
    assert nav.count("<details>") == 2
    assert "<summary>Project</summary>" in nav and "<summary>Resources</summary>" in nav
    # The take-part group holds one page: shown as its link, no disclosure.
    assert '<li><a href="/en/events/">Events</a></li>' in nav
    assert "Take part" not in nav


def test_the_group_holding_the_current_section_is_marked(client, home):
    pages = long_menu(home)
    publications = pages[3]
    f.WhitePaperPageFactory(parent=publications, title="A paper", slug="a-paper")
    nav = menu_html(client, "/en/publications/a-paper/")
    assert '<summary class="is-current">Resources</summary>' in nav
    assert "<summary>Project</summary>" in nav
    assert '<a href="/en/publications/" aria-current="true">' in nav


def test_group_names_are_translated(client, home):
    long_menu(home)
    with translation.override("it"):
        labels = [str(label) for label in MENU_GROUPS.values()]
    assert labels[:2] == ["Progetto", "Risorse"]


def test_a_short_menu_renders_flat_without_groups(client, home):
    f.ContentPageFactory(parent=home, title="About", slug="about", show_in_menus=True)
    nav = menu_html(client)
    assert "<details>" not in nav and "primary-nav--grouped" not in nav
    assert '<li><a href="/en/about/">About</a></li>' in nav
