"""Nine languages: lang/dir, fallback notice, switcher, hreflang, sticky choice, translation."""

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from html import unescape

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.http import HttpResponse
from django.test import TestCase, override_settings
from django.utils import translation
from wagtail import hooks
from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from cms import factories as f
from cms.locales import ensure_locales
from cms.templatetags.translation_tags import SHOWN_IN_ENGLISH, SHOWN_IN_ITALIAN, SHOWN_IN_OTHER
from community.members.factories import UserFactory

SITE_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def translate_page(page, code, **fields):
    """An Italian/Greek/... copy of page with the given fields, published."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


def notice_sentence(html):
    """The not-translated notice's sentence, as a reader sees it."""
    notice = re.search(r'<div class="notice notice--translation".*?</div>', html, re.S)
    assert notice, "no translation notice"
    paragraph = re.search(r"<p>(.*?)</p>", notice.group(0), re.S).group(1)
    return " ".join(unescape(paragraph).split())


def shown_in_english(code):
    """The sentence, spaced as `notice_sentence` reads it (French has narrow no-break spaces)."""
    with translation.override(code):
        return " ".join(str(SHOWN_IN_ENGLISH).split())


def synchronise_all_trees():
    english = Locale.objects.get(language_code="en")
    for locale in Locale.objects.exclude(pk=english.pk):
        synchronize_tree(english, locale)


class LanguageTreeTests(TestCase):
    """English home with an About page translated into Italian only; a news item in English only;
    every other language tree synchronised (wagtail-localize aliases)."""

    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        cls.about = f.ContentPageFactory(parent=cls.home, title="About", slug="about")
        cls.news_index = f.NewsIndexPageFactory(parent=cls.home)
        cls.news = f.NewsPageFactory(
            parent=cls.news_index, title="Venice conference", slug="venice"
        )
        cls.home_it = translate_page(cls.home, "it", title="Home IT")
        cls.about_it = translate_page(cls.about, "it", title="Chi siamo")
        synchronise_all_trees()

    def test_every_language_sets_html_lang_and_only_arabic_is_right_to_left(self):
        for code in SITE_LANGUAGES:
            html = self.client.get(f"/{code}/").content.decode()
            direction = "rtl" if code == "ar" else "ltr"
            assert f'<html lang="{code}" dir="{direction}">' in html, code

    def test_untranslated_page_is_served_in_every_language_with_a_translated_notice(self):
        for code in SITE_LANGUAGES:
            response = self.client.get(f"/{code}/news/venice/")
            assert response.status_code == 200, code
            html = response.content.decode()
            assert "Venice conference" in html
            if code == "en":
                assert "notice--translation" not in html
                continue
            assert notice_sentence(html) == shown_in_english(code), code

    def test_notice_says_the_page_is_shown_in_english_in_the_readers_language(self):
        html = self.client.get("/el/news/venice/").content.decode()
        sentence = notice_sentence(html)
        # The Greek reader is told, in Greek, that the page is in English: not in Italian, and
        # not the reader's and the shown language the other way round.
        assert sentence == shown_in_english("el")
        with translation.override("el"):
            assert sentence != str(SHOWN_IN_ITALIAN)
            greek_name = translation.get_language_info("el")["name_translated"]
            assert sentence != str(SHOWN_IN_OTHER) % {"language": greek_name}
        notice = re.search(r'<div class="notice notice--translation".*?</div>', html, re.S).group(0)
        # It links the languages the page really exists in: English only.
        assert 'href="/en/news/venice/"' in notice
        assert 'href="/it/news/venice/"' not in notice

    def test_untranslated_content_keeps_its_own_language_and_direction_on_an_arabic_page(self):
        html = self.client.get("/ar/news/venice/").content.decode()
        assert '<html lang="ar" dir="rtl">' in html
        assert re.search(r'<div class="page-content" lang="en"( dir="ltr")?>', html)

    def test_untranslated_listing_marks_only_its_header_as_english_on_an_arabic_page(self):
        html = self.client.get("/ar/news/").content.decode()
        assert '<div class="page-content container">' in html
        assert re.search(r'<header class="page-header" lang="en" dir="ltr">', html)
        # The filters are interface: they stay Arabic, right to left, like the page.
        filters = html.split('<form class="filters"')[1].split("</form>")[0]
        assert len(re.findall(r' lang="en"', filters)) == 0
        # The English items listed are marked as English (their cards carry lang and dir).

    def test_switcher_goes_to_the_same_page_in_each_language_and_marks_untranslated_ones(self):
        html = self.client.get("/en/about/").content.decode()
        switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
        assert '/language/it/?next=/it/about/"' in switcher
        assert '/language/el/?next=/el/about/"' in switcher
        links = re.findall(r"<a [^>]*hreflang=\"(\w+)\"[^>]*>", switcher)
        assert links == SITE_LANGUAGES
        unavailable = re.findall(r'hreflang="(\w+)"[^>]*class="is-unavailable"', switcher)
        assert set(unavailable) == set(SITE_LANGUAGES) - {"en", "it"}

    def test_hreflang_alternates_list_real_translations_and_x_default(self):
        html = self.client.get("/it/about/").content.decode()
        alternates = dict(
            re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', html)
        )
        assert alternates == {
            "en": "http://testserver/en/about/",
            "it": "http://testserver/it/about/",
            "x-default": "http://testserver/en/about/",
        }

    def test_sitemap_lists_language_alternates_but_not_untranslated_copies(self):
        body = self.client.get("/sitemap-pages.xml").content.decode()
        assert "/el/about/" not in body
        entry = re.search(r"<url><loc>http://localhost/en/about/</loc>.*?</url>", body, re.S)
        assert 'hreflang="it" href="http://localhost/it/about/"' in entry.group(0)


class LanguageChoiceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        translate_page(cls.home, "it")
        translate_page(cls.home, "el")

    def test_first_visit_follows_accept_language(self):
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="el-GR,el;q=0.9,en;q=0.5")
        assert response.status_code == 302
        assert response["Location"] == "/el/"

    def test_choice_in_the_switcher_sticks_over_accept_language(self):
        response = self.client.get("/language/it/", {"next": "/it/"})
        assert response.status_code == 302
        assert response["Location"] == "/it/"
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "it"
        response = self.client.get("/", HTTP_ACCEPT_LANGUAGE="el")
        assert response["Location"] == "/it/"

    def test_switcher_choice_is_remembered_for_a_year_not_just_this_browser_session(self):
        response = self.client.get("/language/it/", {"next": "/it/"})
        cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
        assert settings.LANGUAGE_COOKIE_AGE == 365 * 24 * 3600
        assert cookie["max-age"] == settings.LANGUAGE_COOKIE_AGE
        expires = parsedate_to_datetime(cookie["expires"])
        assert expires - datetime.now(UTC) > timedelta(days=364)
        assert cookie["samesite"] == "Lax"
        assert cookie["path"] == "/"

    @override_settings(
        LANGUAGE_COOKIE_SECURE=True,
        LANGUAGE_COOKIE_HTTPONLY=True,
        LANGUAGE_COOKIE_SAMESITE="Strict",
    )
    def test_language_cookie_follows_the_cookie_settings_production_uses(self):
        for response in (
            self.client.get("/language/it/", {"next": "/it/"}),
            self.client.post("/language/el/", {"next": "/el/"}),
        ):
            cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
            assert (cookie["secure"], cookie["httponly"], cookie["samesite"]) == (
                True,
                True,
                "Strict",
            )

    def test_switcher_returns_to_the_page_named_in_next(self):
        response = self.client.get("/language/it/", {"next": "/it/about/"})
        assert response["Location"] == "/it/about/"
        response = self.client.post("/language/el/", {"next": "/el/about/"})
        assert response["Location"] == "/el/about/"
        # The same site named in full is fine too.
        response = self.client.get("/language/it/", {"next": "http://testserver/it/about/"})
        assert response["Location"] == "http://testserver/it/about/"

    def test_switcher_without_next_goes_to_the_languages_home(self):
        assert self.client.get("/language/el/")["Location"] == "/el/"
        assert self.client.post("/language/it/")["Location"] == "/it/"

    def test_switcher_on_https_refuses_a_next_that_drops_to_http(self):
        response = self.client.get(
            "/language/it/", {"next": "http://testserver/it/about/"}, secure=True
        )
        assert response["Location"] == "/it/"

    def test_switcher_answers_only_get_head_and_post(self):
        response = self.client.put("/language/it/")
        assert response.status_code == 405
        allowed = set(response["Allow"].split(", "))
        assert {"GET", "HEAD", "POST"} <= allowed and "PUT" not in allowed
        assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
        assert self.client.head("/language/it/", {"next": "/it/"}).status_code == 302

    def test_switcher_never_redirects_off_site(self):
        response = self.client.get("/language/fr/", {"next": "https://evil.example/"})
        assert response["Location"] == "/fr/"
        assert self.client.get("/language/xx/").status_code == 404

    def test_members_choice_becomes_their_preferred_language(self):
        member = UserFactory(email="member@example.org", preferred_language="en")
        self.client.force_login(member)
        self.client.post("/language/el/", {"next": "/el/"})  # saved on POST only
        member.refresh_from_db()
        assert member.preferred_language == "el"

    def test_member_logging_in_lands_in_their_language_and_it_is_remembered(self):
        UserFactory(email="member@example.org", password="resilient-demo", preferred_language="it")
        response = self.client.post(
            "/en/accounts/login/", {"login": "member@example.org", "password": "resilient-demo"}
        )
        assert response.status_code == 302
        assert response["Location"].startswith("/it/")
        cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
        assert cookie.value == "it"
        assert cookie["max-age"] == settings.LANGUAGE_COOKIE_AGE


@pytest.mark.django_db
def test_signup_confirmation_email_is_written_in_the_chosen_language(client):
    client.post(
        "/en/accounts/signup/",
        {
            "email": "nuova@example.org",
            "password1": "a-Long-and-unusual-passphrase-42",
            "password2": "a-Long-and-unusual-passphrase-42",
            "preferred_language": "it",
        },
    )
    assert get_user_model().objects.get(email="nuova@example.org").preferred_language == "it"
    with translation.override("it"):
        italian_subject = translation.gettext("Please Confirm Your Email Address")
    assert italian_subject != "Please Confirm Your Email Address"
    assert italian_subject in mail.outbox[0].subject


class TranslationWorkflowTests(TestCase):
    """Editors translate through wagtail-localize: text segments to translate, structure synced."""

    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        cls.index = f.PilotActionIndexPageFactory(parent=cls.home)
        cls.pilot = f.PilotActionPageFactory(
            parent=cls.index,
            title="Innovations for regional development",
            region="Istria",
            latitude="44.866600",
            longitude="13.849600",
        )
        cls.editor = UserFactory(email="editor@example.org", is_staff=True, is_superuser=True)

    def _submit(self, code):
        self.client.force_login(self.editor)
        locale = Locale.objects.get(language_code=code)
        for page in (self.home, self.index):
            if page.get_translation_or_none(locale) is None:
                translate_page(page, code)
        response = self.client.post(
            f"/admin/localize/submit/page/{self.pilot.pk}/", {"locales": [locale.pk]}
        )
        assert response.status_code == 302
        return Translation.objects.get(
            source=TranslationSource.objects.get_for_instance(self.pilot), target_locale=locale
        )

    def test_editor_submits_a_page_and_only_text_is_offered_for_translation(self):
        job = self._submit("fr")
        segments = {segment.context.path for segment in job.source.stringsegment_set.all()}
        assert "title" in segments
        assert "region" in segments
        assert not {"latitude", "longitude", "start_date", "slug"} & segments
        french = self.pilot.get_translation(Locale.objects.get(language_code="fr"))
        assert (french.latitude, french.longitude) == (self.pilot.latitude, self.pilot.longitude)
        assert french.slug == self.pilot.slug

    def test_translated_strings_are_published_into_the_target_page(self):
        job = self._submit("it")
        locale = job.target_locale
        for segment in job.source.stringsegment_set.select_related("string", "context"):
            if segment.context.path == "title":
                StringTranslation.objects.create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    data="Innovazioni per lo sviluppo regionale",
                )
        with self.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes on commit
            job.save_target(publish=True)
        italian = self.pilot.get_translation(locale)
        assert italian.title == "Innovazioni per lo sviluppo regionale"
        assert self.client.get(italian.url).status_code == 200

    def test_editor_translates_a_snippet_through_the_same_workflow(self):
        self.client.force_login(self.editor)
        topic = f.TopicFactory(name="Social economy", slug="social-economy")
        greek = Locale.objects.get(language_code="el")
        response = self.client.post(
            f"/admin/localize/submit/snippet/cms/topic/{topic.pk}/", {"locales": [greek.pk]}
        )
        assert response.status_code == 302
        copy = topic.get_translation(greek)
        assert copy.slug == "social-economy"  # synchronised
        source = TranslationSource.objects.get_for_instance(topic)
        assert [s.context.path for s in source.stringsegment_set.all()] == ["name"]

    def test_translation_editor_shows_progress_for_the_translated_page(self):
        job = self._submit("pt")
        portuguese = self.pilot.get_translation(job.target_locale)
        response = self.client.get(f"/admin/pages/{portuguese.pk}/edit/")
        assert response.status_code == 200
        assert job.get_progress() == (job.source.stringsegment_set.count(), 0)

    def test_no_machine_translator_is_called_unless_one_is_configured(self):
        assert get_machine_translator() is None

    @override_settings(
        WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
            "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
        }
    )
    def test_configured_machine_translator_prefills_a_translation_for_review(self):
        job = self._submit("es")
        response = self.client.post(
            f"/admin/localize/translate/{job.pk}/machine_translate/", {"next": "/admin/"}
        )
        assert response.status_code == 302
        assert StringTranslation.objects.filter(locale=job.target_locale).exists()
        spanish = self.pilot.get_translation(job.target_locale)
        # Pre-filled, not published: an editor reviews first.
        assert spanish.title == self.pilot.title


@pytest.mark.django_db
def test_a_tenth_language_needs_only_a_settings_line_and_a_catalogue(client, tmp_path, settings):
    """Albanian: add ("sq", ...) to LANGUAGES and a catalogue; the site then serves /sq/."""
    f.make_site()
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "sq"}
    catalogue.append(polib.POEntry(msgid="Skip to main content", msgstr="Kalo te përmbajtja"))
    folder = tmp_path / "sq" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue.save_as_mofile(str(folder / "django.mo"))

    languages = [*settings.LANGUAGES, ("sq", "Shqip")]
    settings.LANGUAGES = languages
    settings.WAGTAIL_CONTENT_LANGUAGES = languages
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    ensure_locales()

    assert Locale.objects.filter(language_code="sq").exists()
    html = client.get("/sq/").content.decode()
    assert '<html lang="sq" dir="ltr">' in html
    assert "Kalo te përmbajtja" in html
    assert 'hreflang="sq"' in html


class SourceFallbackTests(TestCase):
    """A page with no place in a language tree (made outside the admin) is still reachable."""

    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        translate_page(cls.home, "el")
        cls.about = f.ContentPageFactory(parent=cls.home, title="About us", slug="about")
        cls.draft = f.ContentPageFactory(parent=cls.home, title="Draft", slug="draft", live=False)

    def test_page_missing_from_a_language_tree_is_served_from_english_with_the_notice(self):
        response = self.client.get("/el/about/")
        assert response.status_code == 200
        html = response.content.decode()
        assert '<html lang="el" dir="ltr">' in html
        assert "About us" in html
        assert "notice--translation" in html

    def test_fallback_asks_for_the_password_of_a_password_protected_page(self):
        secret = f.ContentPageFactory(parent=self.home, title="Board minutes", slug="minutes")
        PageViewRestriction.objects.create(
            page=secret, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
        response = self.client.get("/el/minutes/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "Board minutes" not in html
        assert 'name="password"' in html

    def test_fallback_sends_anonymous_readers_of_a_members_page_to_log_in(self):
        members = f.ContentPageFactory(parent=self.home, title="Members only", slug="members")
        PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
        response = self.client.get("/el/members/")
        assert response.status_code == 302
        assert "login" in response["Location"]
        assert "Members only" not in response.content.decode()

    def test_fallback_runs_the_before_serve_page_hooks(self):
        calls = []

        def refuse(page, request, args, kwargs):
            calls.append((page.slug, request.path, list(args), dict(kwargs)))
            return HttpResponse("refused by a hook", status=403)

        with hooks.register_temporarily("before_serve_page", refuse):
            response = self.client.get("/el/about/")
        assert response.status_code == 403
        assert response.content == b"refused by a hook"
        assert calls == [("about", "/el/about/", [], {})]

    def test_fallback_serves_the_page_when_before_serve_page_hooks_pass(self):
        def look_only(page, request, args, kwargs):
            return None

        with hooks.register_temporarily("before_serve_page", look_only):
            response = self.client.get("/el/about/")
        assert response.status_code == 200
        assert "About us" in response.content.decode()

    def test_fallback_runs_the_on_serve_page_hooks(self):
        def wrap(next_serve_page):
            def serve(page, request, args, kwargs):
                response = next_serve_page(page, request, args, kwargs)
                response["X-Wrapped"] = page.slug
                return response

            return serve

        with hooks.register_temporarily("on_serve_page", wrap):
            response = self.client.get("/el/about/")
        assert response.status_code == 200
        assert response["X-Wrapped"] == "about"

    def test_a_path_without_a_language_prefix_is_not_served_from_the_source_tree(self):
        assert self.client.get("/el/about/").status_code == 200
        for path in ["/xx/about/", "/about/about/"]:
            # Sent on to /en/<path>, where nothing is found: "About us" is never served.
            response = self.client.get(path, follow=True)
            assert response.status_code == 404, path
            assert response.redirect_chain == [(f"/en{path}", 302)], path

    def test_paths_that_exist_nowhere_and_drafts_still_answer_404(self):
        assert self.client.get("/el/nowhere/").status_code == 404
        assert self.client.get("/el/draft/").status_code == 404
        assert self.client.get("/en/nowhere/").status_code == 404


@pytest.mark.django_db
def test_footer_partners_appear_in_the_readers_language_or_else_in_english(client, home):
    partner = f.OrganisationFactory(name="Region of Istria")
    italian = partner.copy_for_translation(Locale.objects.get(language_code="it"))
    italian.name = "Regione Istriana"
    italian.save()
    for code in ("it", "el"):
        translate_page(home, code)
    assert "Regione Istriana" in client.get("/it/").content.decode()
    greek = client.get("/el/").content.decode()
    assert "Region of Istria" in greek
    assert "Regione Istriana" not in greek
