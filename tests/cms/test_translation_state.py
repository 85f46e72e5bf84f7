"""A page counts as translated only once its translated text is published.

Driven through the admin's translation workflow (wagtail-localize): submit a page for Greek,
translate its strings in the translation editor, publish. Until the last step the Greek page is
a real page holding English: it must say so, keep `lang="en"` on its content, and stay out of
hreflang, the switcher's "translated" languages and the sitemap.
"""

import re
from urllib.parse import urlencode

from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from cms import factories as f
from cms.translation_state import content_language_of, translated_pages
from community.members.factories import UserFactory

GREEK_TITLE = "Εταίροι"
GREEK_TEXT = "Δεκατέσσερις εταίροι από έξι χώρες."


def publish_copy(page, code, **fields):
    copy = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


class TranslationStateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        cls.partners = f.ContentPageFactory(
            parent=cls.home,
            title="Partners",
            slug="partners",
            summary="Fourteen partners from six countries.",
        )
        cls.greek = Locale.objects.get(language_code="el")
        publish_copy(cls.home, "el", title="Αρχική")
        synchronize_tree(Locale.objects.get(language_code="en"), cls.greek)
        cls.editor = UserFactory(email="editor@example.org", is_staff=True, is_superuser=True)

    def setUp(self):
        self.client.force_login(self.editor)

    # The admin's workflow, step by step -------------------------------------------------------

    def submit_for_greek(self):
        # wagtail-localize publishes the new target page when the transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"/admin/localize/submit/page/{self.partners.pk}/", {"locales": [self.greek.pk]}
            )
        assert response.status_code == 302
        return Translation.objects.get(
            source=TranslationSource.objects.get_for_instance(self.partners),
            target_locale=self.greek,
        )

    def translate_strings(self, job):
        texts = {"title": GREEK_TITLE, "summary": GREEK_TEXT}
        for segment in StringSegment.objects.filter(source=job.source).select_related("context"):
            response = self.client.put(
                f"/admin/localize/translate/{job.pk}/strings/{segment.pk}/edit/",
                urlencode({"value": texts.get(segment.context.path, "Κείμενο")}),
                content_type="application/x-www-form-urlencoded",
            )
            assert response.status_code in (200, 201), response.content

    def publish_translation(self, job):
        target = job.get_target_instance()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
        assert response.status_code == 302

    # What a reader and a crawler see -------------------------------------------------------

    def greek_page(self):
        self.client.logout()
        response = self.client.get("/el/partners/")
        assert response.status_code == 200
        return response.content.decode()

    def sitemap(self):
        return self.client.get("/sitemap-pages.xml").content.decode()

    def assert_shown_as_untranslated(self, html):
        assert 'class="notice notice--translation"' in html
        assert re.search(r'class="page-content" lang="en" dir="ltr"', html)
        assert 'hreflang="el"' not in re.sub(r"<nav.*?</nav>", "", html, flags=re.S)
        switcher_greek = re.search(r'<a [^>]*hreflang="el"[^>]*>', html).group(0)
        assert "is-unavailable" in switcher_greek
        assert "/el/partners/</loc>" not in self.sitemap()

    # The tests ------------------------------------------------------------------------------

    def test_submitted_page_holding_english_is_shown_as_untranslated(self):
        job = self.submit_for_greek()
        target = job.get_target_instance()
        assert target.alias_of_id is None and target.live  # a real, live page now
        assert target.title == "Partners"  # still English text
        assert content_language_of(target) == "en"
        self.assert_shown_as_untranslated(self.greek_page())

    def test_translated_strings_not_yet_published_leave_the_page_untranslated(self):
        job = self.submit_for_greek()
        self.translate_strings(job)
        html = self.greek_page()
        assert GREEK_TITLE not in html
        self.assert_shown_as_untranslated(html)

    def test_published_translation_is_greek_everywhere(self):
        job = self.submit_for_greek()
        self.translate_strings(job)
        self.client.force_login(self.editor)
        self.publish_translation(job)

        html = self.greek_page()
        assert GREEK_TITLE in html
        assert 'class="notice notice--translation"' not in html
        assert re.search(r'class="page-content">', html)
        head = html.split("</head>")[0]
        assert re.search(r'<link rel="alternate" hreflang="el" href="[^"]*/el/partners/"', head)
        switcher_greek = re.search(r'<a [^>]*hreflang="el"[^>]*>', html).group(0)
        assert "is-unavailable" not in switcher_greek
        assert "/el/partners/</loc>" in self.sitemap()
        assert content_language_of(job.get_target_instance()) == "el"

    def test_a_page_translated_by_hand_after_stopping_the_workflow_counts_as_translated(self):
        job = self.submit_for_greek()
        response = self.client.post(f"/admin/localize/translate/{job.pk}/disable/")
        assert response.status_code == 302
        target = job.get_target_instance()
        target.title = GREEK_TITLE
        target.save_revision(user=self.editor).publish()
        assert content_language_of(target.__class__.objects.get(pk=target.pk)) == "el"
        assert 'class="notice notice--translation"' not in self.greek_page()

    def test_aliases_and_submitted_copies_are_left_out_of_translated_pages(self):
        english_and_greek_home = {self.home.pk, self.home.get_translation(self.greek).pk}
        self.submit_for_greek()
        both = Page.objects.filter(
            translation_key__in=[self.partners.translation_key, self.home.translation_key]
        )
        listed = set(translated_pages(both).values_list("pk", flat=True))
        assert listed == english_and_greek_home | {self.partners.pk}
