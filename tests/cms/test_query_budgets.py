"""Query budgets of the public pages (issue "Speed and scale"), and the cached chrome.

A warm request (the second of the same URL: renditions made, caches filled) of a public page
costs at most `PUBLIC_BUDGET` queries, with one item listed or a hundred, in English and in Arabic
(a tree of untranslated wagtail-localize aliases). The whole-response page cache plays no part
here: these figures are what a request costs when it is off.

The chrome (menus, footer, settings, language links, translation state, restrictions) is cached
per site and language (cms.chrome_cache); the tests at the end prove that an editor's change
shows on the very next request.
"""

import datetime
import re
from contextlib import ExitStack

from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site
from wagtail_localize.synctree import synchronize_tree

from cms import factories as f
from cms.models import FooterText, PilotStatus, SiteSettings
from tests.cms.trees import vocabularies

PUBLIC_BUDGET = 12

# Pages not yet within the budget: their measured ceiling, lowered as they are trimmed. Every
# other page is held to PUBLIC_BUDGET.
OVER_BUDGET = {}


# The listings are measured with one item of each kind, then with a hundred: each a card with
# its image, topics (and, for publications, authors and a document), and its Arabic alias
# (a locale alternate the language links name).
FEW, MANY = 1, 100


def warm_queries(client, url):
    """(status, SQL) of the second request of `url`."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    return response.status_code, [query["sql"] for query in context.captured_queries]


def add_items(pilots, publications, news, count, v, publication_count=None):
    """`count` pilot actions and news articles, and `publication_count` (default `count`)
    publications, white papers and policy briefs in turn."""
    authors = [f.PersonFactory(), f.PersonFactory()]
    for _n in range(count):
        f.PilotActionPageFactory(
            parent=pilots,
            country=v.italy,
            topics=[v.social_economy, v.open_data],
            sectors=["green"],
            status=PilotStatus.RUNNING,
            listing_image=f.ImageFactory(),
        )
    for n in range(count if publication_count is None else publication_count):
        factory = f.WhitePaperPageFactory if n % 2 else f.PolicyBriefPageFactory
        factory(
            parent=publications,
            publication_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n),
            authors=authors,
            topics=[v.social_economy],
            countries=[v.italy],
            listing_image=f.ImageFactory(),
            documents={"en": f.DocumentFactory()},
        )
    for n in range(count):
        f.NewsPageFactory(
            parent=news,
            date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
            topics=[v.open_data],
            listing_image=f.ImageFactory(),
        )


def without_indexing():
    """Building a hundred pages of each kind, the search and reference indexes are not kept:
    no page measured reads them, and they are a third of the build's time."""
    from django.test import override_settings
    from wagtail.signal_handlers import disable_reference_index_auto_update

    no_search_updates = {"default": {"BACKEND": "cms.search", "AUTO_UPDATE": False}}
    stack = ExitStack()
    stack.enter_context(override_settings(WAGTAILSEARCH_BACKENDS=no_search_updates))
    stack.enter_context(disable_reference_index_auto_update())
    return stack


class PublicPageBudgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        v = vocabularies()
        home = f.make_site()
        pilots = f.PilotActionIndexPageFactory(parent=home)
        publications = f.PublicationIndexPageFactory(parent=home)
        news = f.NewsIndexPageFactory(parent=home)
        arabic = Locale.objects.get(language_code="ar")
        # One item of each kind: a white paper and a policy brief are two kinds.
        add_items(pilots, publications, news, FEW, v, publication_count=2 * FEW)
        pilot = pilots.get_children().first()
        paper = publications.get_children().type(f.WhitePaperPageFactory._meta.model).first()
        brief = publications.get_children().type(f.PolicyBriefPageFactory._meta.model).first()
        article = news.get_children().first()
        paths = {
            "home page": home.url,
            "pilot action index": pilots.url,
            "pilot action page": pilot.url,
            "publication index": publications.url,
            "white paper": paper.url,
            "policy brief": brief.url,
            "news index": news.url,
            "news article": article.url,
        }
        cls.urls = {}
        for name, path in paths.items():
            cls.urls[("en", name)] = path
            cls.urls[("ar", name)] = "/ar/" + path.split("/", 2)[2]
        client = Client()

        def measure():
            synchronize_tree(home.locale, arabic)
            return {key: warm_queries(client, url) for key, url in cls.urls.items()}

        cls.with_few = measure()
        with without_indexing():
            add_items(pilots, publications, news, MANY - FEW, v, publication_count=MANY - 2 * FEW)
        cls.with_many = measure()
        cls.listed = {
            "pilot action index": pilots.get_children().live().count(),
            "publication index": publications.get_children().live().count(),
            "news index": news.get_children().live().count(),
        }

    def budget(self, name):
        return OVER_BUDGET.get(name, PUBLIC_BUDGET)

    def assert_within_budget(self, name):
        for language in ("en", "ar"):
            url = self.urls[(language, name)]
            (status_few, few), (status_many, many) = (
                self.with_few[(language, name)],
                self.with_many[(language, name)],
            )
            assert (status_few, status_many) == (200, 200), url
            listing = "\n".join(many)
            assert len(many) <= self.budget(name), (
                f"{url}: {len(many)} queries, budget {self.budget(name)}:\n{listing}"
            )
            assert len(few) == len(many), f"{url}: {len(few)} -> {len(many)} queries"
            # No image rendition is made on a warm request.
            assert not [q for q in many if re.match(r'INSERT INTO "wagtailimages_rendition"', q)]

    def test_the_listings_were_measured_with_a_hundred_items(self):
        assert self.listed == {
            "pilot action index": MANY,
            "publication index": MANY,
            "news index": MANY,
        }

    def test_home_page_is_within_its_budget_with_few_or_many_items_in_any_language(self):
        self.assert_within_budget("home page")

    def test_pilot_action_index_is_within_its_budget(self):
        self.assert_within_budget("pilot action index")

    def test_pilot_action_page_is_within_its_budget(self):
        self.assert_within_budget("pilot action page")

    def test_publication_index_is_within_its_budget(self):
        self.assert_within_budget("publication index")

    def test_white_paper_is_within_the_public_budget(self):
        self.assert_within_budget("white paper")

    def test_policy_brief_is_within_the_public_budget(self):
        self.assert_within_budget("policy brief")

    def test_news_index_is_within_its_budget(self):
        self.assert_within_budget("news index")

    def test_news_article_is_within_the_public_budget(self):
        self.assert_within_budget("news article")


class CachedChromeIsNeverStaleTests(TestCase):
    """What the cached chrome shows changes on the request after an editor's change."""

    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        cls.news = f.NewsIndexPageFactory(parent=cls.home, title="Network news", show_in_menus=True)
        # The page read: it shows the chrome, not the pages changed.
        cls.about = f.ContentPageFactory(parent=cls.home, title="About us")

    def setUp(self):
        self.client = Client()
        # Fill the caches.
        self.client.get(self.about.url)
        self.client.get(self.about.url)

    def test_a_page_published_into_the_menu_shows_on_the_next_request(self):
        f.ContentPageFactory(parent=self.home, title="Brand new section", show_in_menus=True)
        assert "Brand new section" in self.client.get(self.about.url).content.decode()

    def test_a_page_unpublished_leaves_the_menu_on_the_next_request(self):
        section = f.ContentPageFactory(parent=self.home, title="Short-lived", show_in_menus=True)
        assert "Short-lived" in self.client.get(self.about.url).content.decode()
        section.unpublish()
        assert "Short-lived" not in self.client.get(self.about.url).content.decode()

    def test_a_renamed_menu_page_shows_its_new_title_on_the_next_request(self):
        self.news.title = "Latest from the network"
        self.news.save_revision().publish()
        body = self.client.get(self.about.url).content.decode()
        assert "Latest from the network" in body

    def test_a_renamed_parent_shows_its_new_title_in_the_breadcrumbs_on_the_next_request(self):
        article = f.NewsPageFactory(parent=self.news, title="Harbour opens")
        self.client.get(article.url)
        self.news.title = "Stories from the harbour"
        self.news.save_revision().publish()
        body = self.client.get(article.url).content.decode()
        breadcrumbs = body.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
        assert "Stories from the harbour" in breadcrumbs

    def test_the_home_page_edited_shows_on_the_next_request_in_every_language(self):
        # The root page every request is routed from is cached too (cached_root_page_lookups).
        arabic = Locale.objects.get(language_code="ar")
        synchronize_tree(self.home.locale, arabic)
        for url in ("/en/", "/ar/"):
            self.client.get(url)
        self.home.hero_heading = "A harbour of ideas"
        self.home.save_revision().publish()
        for url in ("/en/", "/ar/"):
            assert "A harbour of ideas" in self.client.get(url).content.decode(), url

    def test_a_translated_home_page_replaces_its_alias_on_the_next_request(self):
        arabic = Locale.objects.get(language_code="ar")
        synchronize_tree(self.home.locale, arabic)
        self.client.get("/ar/")
        alias = self.home.get_translation(arabic)
        alias.alias_of = None
        alias.hero_heading = "ميناء الأفكار"
        alias.save_revision().publish()
        assert "ميناء الأفكار" in self.client.get("/ar/").content.decode()

    def test_footer_text_edited_shows_on_the_next_request(self):
        english = Locale.objects.get(language_code="en")
        text, _created = FooterText.objects.update_or_create(
            locale=english, defaults={"address": "1 Harbour Street"}
        )
        assert "1 Harbour Street" in self.client.get(self.about.url).content.decode()
        text.address = "2 Lighthouse Road"
        text.save()
        body = self.client.get(self.about.url).content.decode()
        assert "2 Lighthouse Road" in body
        assert "1 Harbour Street" not in body

    def test_site_settings_saved_show_on_the_next_request(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.contact_email = "hello@example.org"
        settings.save()
        assert "hello@example.org" in self.client.get(self.about.url).content.decode()

    def test_a_restriction_added_hides_the_page_from_the_menu_on_the_next_request(self):
        from wagtail.models import PageViewRestriction

        section = f.ContentPageFactory(parent=self.home, title="Members corner", show_in_menus=True)
        assert "Members corner" in self.client.get(self.about.url).content.decode()
        PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
        assert "Members corner" not in self.client.get(self.about.url).content.decode()
        assert self.client.get(section.url).status_code == 302


API_BUDGET = 15


class ApiBudgetTests(TestCase):
    def test_api_list_of_20_news_items_with_every_field_is_within_its_budget(self):
        v = vocabularies()
        news = f.NewsIndexPageFactory(parent=f.make_site())
        add_news = [
            f.NewsPageFactory(
                parent=news,
                topics=[v.social_economy, v.open_data],
                countries=[v.italy],
                listing_image=f.ImageFactory(),
            )
            for _ in range(20)
        ]
        assert len(add_news) == 20
        status, sql = warm_queries(Client(), "/api/v2/pages/?type=cms.NewsPage&fields=*&limit=20")
        assert status == 200
        assert len(sql) <= API_BUDGET, "\n".join(sql)


class ChromeInvalidationTests(TestCase):
    """What starts a new generation of the cached chrome, and what does not."""

    def test_a_members_lesson_progress_keeps_the_cached_chrome(self):
        import uuid

        from cms.chrome_cache import generation
        from cms.models import LessonProgress
        from community.members.factories import UserFactory

        member = UserFactory()
        before = generation()
        LessonProgress.objects.create(user=member, course_key=uuid.uuid4(), lesson_key=uuid.uuid4())
        assert generation() == before

    def test_a_directory_entry_published_shows_its_region_in_the_filters_on_the_next_request(self):
        from cms.opendata import factories as od

        page = od.DirectoryPageFactory(parent=f.make_site())
        od.SocialEconomyEntityFactory(region="Aragon")
        client = Client()
        client.get(page.url)
        assert '<option value="Aragon"' in client.get(page.url).content.decode()
        od.SocialEconomyEntityFactory(region="Tarragona")
        assert '<option value="Tarragona"' in client.get(page.url).content.decode()

    def test_a_topic_added_is_offered_by_the_newsletter_form_at_once(self):
        from community.newsletter.forms import topic_queryset

        f.TopicFactory(name="Blue economy")
        assert [topic.name for topic in topic_queryset()] == ["Blue economy"]
        f.TopicFactory(name="Circular economy")
        assert [topic.name for topic in topic_queryset()] == ["Blue economy", "Circular economy"]

    def test_a_site_moved_to_another_root_page_is_found_at_once(self):
        from django.test import RequestFactory

        home = f.make_site()
        other = f.ContentPageFactory(parent=home.get_parent(), title="Another home")
        request = RequestFactory().get("/")
        assert Site.find_for_request(request).root_page.pk == home.pk
        site = Site.objects.get(is_default_site=True)
        site.root_page = other
        site.save()
        assert Site.find_for_request(RequestFactory().get("/")).root_page.pk == other.pk
