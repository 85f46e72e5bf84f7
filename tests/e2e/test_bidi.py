"""Right-to-left text that reads correctly, measured in a real browser on Arabic pages.

Each embedded left-to-right run (the brand "+RESILIENT", a Latin search query, the time and its
zone) is isolated, so its characters keep their own order; dates in an English text shown on an
Arabic page take their own direction; content in another language carries its lang and dir.
Positions are measured with DOM ranges: in an isolated left-to-right run, each character
sits to the right of the one before it.
"""

import datetime

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from cms import factories as f

pytestmark = pytest.mark.django_db(transaction=True)

# x position of each character of the first text node under `selector` containing `text`.
CHARACTER_X = """([selector, text]) => {
    for (const element of document.querySelectorAll(selector)) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            return [...text].map((_, i) => {
                const range = document.createRange();
                range.setStart(node, at + i);
                range.setEnd(node, at + i + 1);
                return range.getBoundingClientRect().left;
            });
        }
    }
    return null;
}"""


def arabic(page, **fields):
    copy = page.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


def build_site():
    home = f.make_site()
    arabic(home, title="الرئيسية")
    about = f.ContentPageFactory(parent=home, title="About +RESILIENT", slug="about")
    about.show_in_menus = True
    about.save_revision().publish()
    arabic(about, title="عن +RESILIENT", summary="مشروع +RESILIENT (Interreg MED) للابتكار.")
    news_index = f.NewsIndexPageFactory(parent=home, show_in_menus=True)
    news = f.NewsPageFactory(
        parent=news_index, title="Final conference", slug="venice", date=datetime.date(2021, 3, 22)
    )
    Page.objects.filter(translation_key=news.translation_key).update(
        last_published_at=datetime.datetime(2026, 1, 15, 14, 35, tzinfo=datetime.UTC)
    )
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ar"))


def assert_left_to_right(xs):
    assert xs is not None
    assert xs == sorted(xs), xs


def test_brand_keeps_its_plus_in_front_in_arabic_headings_and_menu(open_page, live_server):
    build_site()
    page = open_page()
    page.goto(f"{live_server.url}/ar/about/")
    assert page.locator("h1 bdi[dir=ltr]").inner_text() == "+RESILIENT"
    assert page.locator(".primary-nav bdi[dir=ltr]").first.inner_text() == "+RESILIENT"
    for selector in ("h1", ".primary-nav"):
        assert_left_to_right(page.evaluate(CHARACTER_X, [selector, "+RESILIENT"]))
    # The Arabic word comes first, on the right of the brand.
    arabic_word = page.evaluate(CHARACTER_X, ["h1", "عن"])
    brand = page.evaluate(CHARACTER_X, ["h1", "+RESILIENT"])
    assert min(arabic_word) > max(brand)


def test_parentheses_around_a_latin_name_stay_around_it(open_page, live_server):
    build_site()
    page = open_page()
    page.goto(f"{live_server.url}/ar/about/")
    lead = page.locator(".lead")
    assert lead.locator("bdi[dir=ltr]").all_inner_texts() == ["+RESILIENT", "Interreg MED"]
    opening = page.evaluate(CHARACTER_X, [".lead", "("])[0]
    closing = page.evaluate(CHARACTER_X, [".lead", ")"])[0]
    name = page.evaluate(CHARACTER_X, [".lead", "Interreg MED"])
    # Right to left: "(" is read first, on the right of the name; ")" after it, on the left.
    assert closing < min(name) and max(name) < opening


def test_search_query_is_isolated_and_quoted_the_arabic_way(open_page, live_server):
    build_site()
    page = open_page()
    page.goto(f"{live_server.url}/ar/search/?q=RESILIENT+MED")
    heading = page.locator("#search-results-heading")
    assert heading.locator("q bdi").inner_text() == "RESILIENT MED"
    quotes = heading.locator("q").evaluate("(q) => getComputedStyle(q).quotes")
    assert quotes.startswith('"«" "»"')
    assert_left_to_right(page.evaluate(CHARACTER_X, ["#search-results-heading", "RESILIENT MED"]))


def test_english_content_on_an_arabic_page_carries_its_language(open_page, live_server):
    build_site()
    page = open_page()
    page.goto(f"{live_server.url}/ar/news/")
    card = page.locator("article.card").first
    assert (card.get_attribute("lang"), card.get_attribute("dir")) == ("en", "ltr")
    menu_item = page.locator(".primary-nav li", has_text="News")
    assert (menu_item.get_attribute("lang"), menu_item.get_attribute("dir")) == ("en", "ltr")


def test_arabic_date_inside_english_content_reads_right_to_left(open_page, live_server):
    build_site()
    page = open_page()
    page.goto(f"{live_server.url}/ar/news/venice/")
    time = page.locator(".page-header time")
    assert time.evaluate("(t) => getComputedStyle(t).unicodeBidi") == "plaintext"
    day = page.evaluate(CHARACTER_X, [".page-header time", "22"])
    year = page.evaluate(CHARACTER_X, [".page-header time", "2021"])
    assert min(day) > max(year)  # day on the right, year on the left: "22 مارس، 2021"


def test_time_and_zone_stay_together_in_that_order(open_page, live_server):
    build_site()
    page = open_page()
    page.goto(f"{live_server.url}/ar/news/venice/")
    stamp = page.locator(".page-updated bdi[dir=ltr]")
    assert stamp.inner_text() == "15:35 CET"
    assert_left_to_right(page.evaluate(CHARACTER_X, [".page-updated", "15:35 CET"]))
