"""The demo's translations are wagtail-localize translations that an editor works with in the
admin: listed in Reports → Translations, opened in the translation editor with their progress,
and updated from the English page with "Sync translated pages"."""

import json

from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms import factories as f
from cms.demo.localize import SegmentMismatchError, sync_localized_page
from cms.demo.sync import CREATED, UNCHANGED, UPDATED
from cms.demo.values import list_items
from cms.models import ContentPage
from cms.roles import ensure_roles
from community.members.factories import UserFactory

ENGLISH_BODY = [
    {"type": "heading", "value": "Why the project"},
    {"type": "paragraph", "value": "<p>Regions and universities.</p><p>Social enterprises.</p>"},
]
FRENCH = {
    "title": "À propos",
    "summary": "Le projet en bref.",
    "body": [
        {"type": "heading", "value": "Pourquoi ce projet"},
        {
            "type": "paragraph",
            "value": "<p>Régions et universités.</p><p>Entreprises sociales.</p>",
        },
    ],
}


def french():
    return Locale.objects.get_or_create(language_code="fr")[0]


class DemoTranslationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_roles()
        cls.home = f.make_site()
        cls.about = f.ContentPageFactory(
            parent=cls.home, title="About", slug="about", summary="The project in short."
        )
        cls.about.body = ENGLISH_BODY
        cls.about.save_revision().publish()
        cls.about_fr, cls.status = sync_localized_page(
            cls.about, french(), FRENCH, source_changed=False
        )
        cls.editor = UserFactory(email="editor@example.org", is_staff=True, two_factor=True)
        cls.editor.groups.add(Group.objects.get(name="Editors"))

    def setUp(self):
        self.client.force_login(self.editor)

    def translation(self):
        return Translation.objects.get(
            source__object_id=self.about.translation_key, target_locale=french()
        )

    def test_translation_is_published_from_its_source_with_every_segment_translated(self):
        page = ContentPage.objects.get(pk=self.about_fr.pk)
        assert self.status == CREATED
        assert page.live and page.alias_of_id is None and page.locale == french()
        assert page.title == "À propos"
        heading, paragraph = (block.value for block in page.body)
        assert heading == "Pourquoi ce projet"
        assert "Régions et universités." in str(paragraph)
        total, translated = self.translation().get_progress()
        assert total == translated == 5  # title, summary, heading, two paragraphs
        assert StringTranslation.objects.filter(locale=french()).count() == 5

    def test_running_again_writes_nothing(self):
        revisions = self.about_fr.revisions.count()
        page, status = sync_localized_page(self.about, french(), FRENCH, source_changed=False)
        assert status == UNCHANGED
        assert page.revisions.count() == revisions

    def test_an_up_to_date_page_whose_translation_was_disabled_goes_the_whole_way(self):
        # The short way (nothing to import) is only for pages wagtail-localize still tracks.
        Translation.objects.filter(pk=self.translation().pk).update(enabled=False)
        page, status = sync_localized_page(self.about, french(), FRENCH, source_changed=False)
        assert status == UNCHANGED
        assert self.translation().enabled

    def test_a_changed_translated_text_is_imported_and_published(self):
        changed = {**FRENCH, "summary": "Le projet, en bref."}
        page, status = sync_localized_page(self.about, french(), changed, source_changed=False)
        assert status == UPDATED
        assert ContentPage.objects.get(pk=page.pk).summary == "Le projet, en bref."

    def test_translated_values_of_another_shape_are_refused(self):
        wrong = {**FRENCH, "body": [{"type": "heading", "value": "Pourquoi ce projet"}]}
        with self.assertRaises(SegmentMismatchError):
            sync_localized_page(self.about, french(), wrong, source_changed=False)

    def test_translations_report_lists_the_demo_translation_as_up_to_date(self):
        assert self.client.get(reverse("wagtail_localize:translations_report")).status_code == 200
        # The report's table is loaded from its results view.
        response = self.client.get(reverse("wagtail_localize:translations_report_results"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "About" in content and "À propos" in content and "Up to date" in content

    def test_translation_editor_opens_with_its_progress(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.about_fr.pk]))
        assert response.status_code == 200
        props = json.loads(response.context["props"])
        strings = [s for s in props["segments"] if s["type"] == "string"]
        assert len(strings) == 5
        translated = {row["segment_id"] for row in props["initialStringTranslations"]}
        assert translated == {segment["id"] for segment in strings}
        assert props["locale"]["code"] == "fr"

    def test_english_page_offers_sync_translated_pages(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.about.pk]))
        assert response.status_code == 200
        source = TranslationSource.objects.get(object_id=self.about.translation_key)
        assert reverse("wagtail_localize:update_translations", args=[source.pk]) in (
            response.content.decode()
        )

    def test_a_change_to_the_english_page_syncs_to_french(self):
        self.about.body = [
            *ENGLISH_BODY,
            {"type": "paragraph", "value": "<p>A new paragraph on open data.</p>"},
        ]
        self.about.save_revision().publish()
        source = TranslationSource.objects.get(object_id=self.about.translation_key)
        url = reverse("wagtail_localize:update_translations", args=[source.pk])
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, {"publish_translations": "on"})
        assert response.status_code == 302
        page = ContentPage.objects.get(pk=self.about_fr.pk)
        html = "".join(str(block.value) for block in page.body)
        # The new English text arrives, to be translated; the French texts stay.
        assert "A new paragraph on open data." in html
        assert "Régions et universités." in html
        total, translated = self.translation().get_progress()
        assert (total, translated) == (6, 5)


class DemoListTranslationTests(TestCase):
    """Key figures and accordions (ListBlocks) are translated like every other text."""

    @classmethod
    def setUpTestData(cls):
        cls.home = f.make_site()
        cls.partners = f.ContentPageFactory(
            parent=cls.home, title="Partners", slug="partners", summary="The partners."
        )
        cls.partners.body = [
            {
                "type": "key_figures",
                "value": {
                    "heading": "",
                    "figures": list_items([{"value": "14", "label": "partners"}]),
                },
            },
            {
                "type": "accordion",
                "value": {
                    "heading": "",
                    "items": list_items([{"question": "Italy", "answer": "<p>Veneto Region</p>"}]),
                },
            },
        ]
        cls.partners.save_revision().publish()

    def test_figures_and_accordion_items_are_translated(self):
        french_body = [
            {
                "type": "key_figures",
                "value": {
                    "heading": "",
                    "figures": list_items([{"value": "14", "label": "partenaires"}]),
                },
            },
            {
                "type": "accordion",
                "value": {
                    "heading": "",
                    "items": list_items(
                        [{"question": "Italie", "answer": "<p>Région Vénétie</p>"}]
                    ),
                },
            },
        ]
        values = {"title": "Partenaires", "summary": "Les partenaires.", "body": french_body}
        page, _status = sync_localized_page(self.partners, french(), values, source_changed=False)
        figures, accordion = (block.value for block in ContentPage.objects.get(pk=page.pk).body)
        assert figures["figures"][0]["label"] == "partenaires"
        assert accordion["items"][0]["question"] == "Italie"
        assert "Région Vénétie" in str(accordion["items"][0]["answer"])
