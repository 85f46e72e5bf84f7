"""Private pages stay private in every language and through every channel that shows pages.

A restriction (login, password or groups) set on the English page must hide the page, its real
translations and its untranslated copies (wagtail-localize aliases) from readers who do not pass
it: on the page's own URL, in listings and home teasers, the menu, related resources, search,
the API, the sitemap, GeoJSON and the 404 fallback. Each case is tried with the restriction set
before the translations exist and after, and each is checked against a public twin that the
same channel does list, so an empty channel cannot pass for a private one.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client, TestCase
from wagtail.models import Locale, Page, PageViewRestriction

from cms import factories as f
from cms.visibility import hidden_pages_q, is_visible, visible_pages
from community.members.factories import UserFactory
from tests.cms.test_languages import synchronise_all_trees, translate_page

SECRET = "Zanzibarquorum board minutes"
PUBLIC = "Quietharbour open minutes"
RESTRICTIONS = [
    PageViewRestriction.LOGIN,
    PageViewRestriction.PASSWORD,
    PageViewRestriction.GROUPS,
]


def restrict(page, restriction_type, group=None):
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=restriction_type,
        password="open-sesame" if restriction_type == PageViewRestriction.PASSWORD else "",
    )
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.set([group])
    return restriction


def build_site(restriction_type, restrict_before_translations):
    """English tree with a private and a public twin of each listed type, an Italian translation
    of the private news item, and every other language synchronised as aliases."""
    group = Group.objects.create(name="Board")
    home = f.make_site()
    news_index = f.NewsIndexPageFactory(parent=home, slug="news")
    secret_news = f.NewsPageFactory(parent=news_index, title=SECRET, slug="secret")
    public_news = f.NewsPageFactory(parent=news_index, title=PUBLIC, slug="public")
    publications = f.PublicationIndexPageFactory(parent=home, slug="publications")
    secret_paper = f.WhitePaperPageFactory(parent=publications, title=f"{SECRET} paper")
    f.WhitePaperPageFactory(parent=publications, title=f"{PUBLIC} paper")
    pilots = f.PilotActionIndexPageFactory(parent=home, slug="pilot-actions")
    secret_pilot = f.PilotActionPageFactory(
        parent=pilots, title=f"{SECRET} pilot", latitude="45.4", longitude="12.3"
    )
    f.PilotActionPageFactory(
        parent=pilots,
        title=f"{PUBLIC} pilot",
        latitude="44.8",
        longitude="13.8",
        related_pages=[("page", secret_news), ("page", public_news)],
    )
    board = f.ContentPageFactory(parent=home, title="Board room", slug="board", show_in_menus=True)
    f.ContentPageFactory(parent=home, title="Open house", slug="open", show_in_menus=True)
    private = [secret_news, secret_paper, secret_pilot, board]
    if restrict_before_translations:
        for page in private:
            restrict(page, restriction_type, group)
    translate_page(home, "it", title="Home IT")
    translate_page(news_index, "it", title="Notizie")
    secret_news_it = translate_page(secret_news, "it", title=f"{SECRET} IT")
    synchronise_all_trees()
    if not restrict_before_translations:
        for page in private:
            restrict(page, restriction_type, group)
    # Made after the trees were synchronised: missing from them, served by the 404 fallback.
    late = f.NewsPageFactory(parent=news_index, title=f"{SECRET} late", slug="late")
    restrict(late, restriction_type, group)
    return {
        "group": group,
        "secret_news": secret_news,
        "secret_news_it": secret_news_it,
        "public_news": public_news,
        "secret_pilot": secret_pilot,
        "private": [*private, late],
    }


def copies(page):
    """Every language copy of a page: real translations and aliases."""
    return list(Page.objects.filter(translation_key=page.translation_key))


class ChannelPrivacy:
    """Every channel, for one restriction type set before or after the translations exist.

    The tree is built once per class (nine language trees take seconds); concrete classes below
    pick the restriction type and the timing.
    """

    restriction_type = None
    restrict_before_translations = None

    @classmethod
    def setUpTestData(cls):
        cls.site = build_site(cls.restriction_type, cls.restrict_before_translations)

    def test_every_language_copy_of_a_private_page_asks_for_login_or_password(self):
        for page in copies(self.site["secret_news"]):
            response = self.client.get(page.url)
            assert response.status_code in (200, 302), page.url
            assert SECRET not in response.content.decode(), page.url
        # The copies exist in all nine trees, so this was not a vacuous loop.
        assert len(copies(self.site["secret_news"])) == 9

    def test_real_translation_is_covered_by_the_restriction_on_its_source(self):
        response = self.client.get("/it/news/secret/")
        assert response.status_code in (200, 302)
        assert f"{SECRET} IT" not in response.content.decode()
        assert self.site["secret_news_it"].specific.get_view_restrictions().exists()

    def test_page_missing_from_a_tree_is_not_served_by_the_404_fallback(self):
        assert f"{SECRET} late" not in self.client.get("/el/news/late/").content.decode()
        # The public twin is served through the same fallback path.
        f.NewsPageFactory(parent=self.site["public_news"].get_parent(), title="Lp", slug="lp")
        assert "Lp" in self.client.get("/el/news/lp/").content.decode()

    def test_listings_teasers_and_menu_leave_private_pages_out(self):
        for language in ["en", "it", "fr", "ar"]:
            for path in ["news/", "publications/", "pilot-actions/", ""]:
                html = self.client.get(f"/{language}/{path}").content.decode()
                assert SECRET not in html, (language, path)
            assert PUBLIC in self.client.get(f"/{language}/news/").content.decode()
            home = self.client.get(f"/{language}/").content.decode()
            assert "Board room" not in home, language
            assert "Open house" in home, language

    def test_related_resources_leave_private_pages_out(self):
        pilot = Page.objects.get(title=f"{PUBLIC} pilot", locale__language_code="en")
        html = self.client.get(pilot.url).content.decode()
        assert PUBLIC in html.split("related-heading")[-1]
        assert SECRET not in html

    def test_geojson_leaves_private_pilot_actions_out(self):
        for language in ["en", "it", "fr"]:
            data = self.client.get(f"/{language}/pilot-actions/geojson/").json()
            titles = [feature["properties"]["title"] for feature in data["features"]]
            assert f"{PUBLIC} pilot" in titles, language
            assert not any(SECRET in title for title in titles), language

    def test_search_leaves_private_pages_out_in_every_language(self):
        for language in ["en", "it", "fr", "ar"]:
            html = self.client.get(f"/{language}/search/", {"q": "minutes"}).content.decode()
            assert PUBLIC in html, language
            assert SECRET not in html, language

    def test_api_lists_and_serves_no_copy_of_a_private_page(self):
        listed = self.client.get("/api/v2/pages/", {"limit": 100, "fields": "title"}).json()
        titles = [item["title"] for item in listed["items"]]
        assert PUBLIC in titles
        assert not any(SECRET in title for title in titles)
        for page in copies(self.site["secret_news"]):
            response = self.client.get(f"/api/v2/pages/{page.pk}/", {"fields": "body"})
            assert response.status_code == 404, page.locale.language_code
        found = self.client.get("/api/v2/pages/", {"search": "Zanzibarquorum"}).json()
        assert found["items"] == []

    def test_sitemap_lists_no_copy_of_a_private_page(self):
        xml = self.client.get("/sitemap-pages.xml").content.decode()
        assert "/en/news/public/" in xml
        for page in copies(self.site["secret_news"]):
            assert page.url not in xml

    def test_every_copy_of_every_private_page_is_hidden_together(self):
        hidden = Page.objects.filter(hidden_pages_q())
        for page in self.site["private"]:
            for copy in copies(page):
                assert copy in hidden, (page.title, copy.locale.language_code)
        assert not hidden.filter(pk=self.site["public_news"].pk).exists()
        assert Locale.objects.count() == 9

    def test_reader_who_passes_the_restriction_sees_the_page_in_listings(self):
        secret = self.site["secret_news"]
        reader = Client()
        if self.restriction_type == PageViewRestriction.PASSWORD:
            restriction = PageViewRestriction.objects.get(page=secret)
            response = reader.post(
                f"/en/_util/authenticate_with_password/{restriction.pk}/{secret.pk}/",
                {"password": "open-sesame", "return_url": "/en/news/"},
            )
            assert response.status_code == 302
        else:
            member = UserFactory()
            if self.restriction_type == PageViewRestriction.GROUPS:
                member.groups.add(self.site["group"])
            reader.force_login(member)
        assert SECRET in reader.get("/en/news/").content.decode()
        assert SECRET in reader.get("/en/news/secret/").content.decode()


def _privacy_case(restriction_type, before):
    timing = "BeforeTranslations" if before else "AfterTranslations"
    name = f"Test{restriction_type.title()}Restriction{timing}"
    attrs = {"restriction_type": restriction_type, "restrict_before_translations": before}
    return name, type(name, (ChannelPrivacy, TestCase), attrs)


for _type in RESTRICTIONS:
    for _before in (True, False):
        _name, _case = _privacy_case(_type, _before)
        globals()[_name] = _case
del _type, _before, _name, _case  # pytest collects any TestCase left in the module's globals


@pytest.mark.django_db
def test_group_restriction_still_hides_pages_from_members_outside_the_group(client):
    site = build_site(PageViewRestriction.GROUPS, restrict_before_translations=False)
    client.force_login(UserFactory())
    assert SECRET not in client.get("/fr/news/").content.decode()
    assert not is_visible(site["secret_news"])


@pytest.mark.django_db
def test_visible_pages_covers_aliases_of_pages_inside_a_private_section():
    """A plain Wagtail alias (its own translation key) of a page under a private section."""
    home = f.make_site()
    news_index = f.NewsIndexPageFactory(parent=home)
    section = f.ContentPageFactory(parent=home, slug="members")
    inside = f.ContentPageFactory(parent=section, slug="inside", title="Inside")
    alias = inside.create_alias(parent=news_index, update_slug="inside-alias")
    restrict(section, PageViewRestriction.LOGIN)
    assert alias.translation_key != inside.translation_key
    assert not is_visible(alias)
    assert not is_visible(inside)
    assert is_visible(news_index)
    assert set(visible_pages(Page.objects.filter(pk__in=[alias.pk, home.pk]))) == {home.page_ptr}


@pytest.mark.django_db
def test_no_restriction_hides_nothing_and_costs_one_query(django_assert_num_queries):
    f.make_site()
    with django_assert_num_queries(1):
        q = hidden_pages_q()
    assert Page.objects.exclude(q).count() == Page.objects.count()


@pytest.mark.django_db
def test_is_visible_asks_about_the_reader_given_not_an_anonymous_visitor(rf):
    home = f.make_site()
    members = f.ContentPageFactory(parent=home, slug="members")
    restrict(members, PageViewRestriction.LOGIN)
    request = rf.get("/en/members/")
    request.user = UserFactory()
    assert is_visible(members, request)
    assert not is_visible(members)
