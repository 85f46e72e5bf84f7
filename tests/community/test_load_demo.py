"""`manage.py load_demo`: the demo site from the network's material, safe to run again."""

import io
import re
from dataclasses import dataclass
from decimal import Decimal

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from PIL import Image as PILImage
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation

from cms.demo.content import translations
from cms.models import (
    ContentPage,
    Country,
    CoursePage,
    FooterText,
    HomePage,
    KnowledgeArticlePage,
    LessonPage,
    NewsPage,
    OpenDataTool,
    OpenDataToolIndexPage,
    Organisation,
    PilotActionIndicator,
    PilotActionPage,
    PolicyBriefPage,
    PublicationPage,
    SiteSettings,
    Topic,
    WhitePaperPage,
)
from community.members.demo import DEMO_ACCOUNTS, ensure_demo_accounts
from community.newsletter.models import NewsletterIndexPage, NewsletterPage
from community.workshops.models import CoDesignWorkshopPage
from tests.community.english_text import english_runs, looks_english, pages_of_every_language_tree
from tests.community.snapshots import content_snapshot

DEMO_EMAILS = [
    "admin@example.org",
    "editor@example.org",
    "moderator@example.org",
    "reviewer@example.org",
    "member@example.org",
    "member2@example.org",
]


@pytest.fixture(autouse=True)
def _media_in_memory():
    """Keep the session's in-memory storage so files made by the module-wide demo survive."""


# Written for other readers than Italian ones: a region's workshop is in English and the
# region's language; a newsletter issue is written for one language's subscribers (and its
# archive lists them). In the Italian tree these are aliases of the English pages.
NOT_IN_ITALIAN = (CoDesignWorkshopPage, NewsletterIndexPage, NewsletterPage)


def run_load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@dataclass(frozen=True)
class FirstRun:
    output: str
    snapshot: dict
    passwords: dict


def _make_sure_of_a_root_page():
    """A transactional test that ran earlier on this worker flushes every table, Wagtail's root
    page and locales included: put back what Wagtail's first migration makes."""
    locale, _ = Locale.objects.get_or_create(language_code=django_settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))


@pytest.fixture(scope="module")
def first_run(django_db_setup, django_db_blocker):
    """One demo build on an empty site, shared by this module's tests, rolled back at the end.

    A first run, not a rerun: the idempotence test below compares a second run with it. Each
    test runs in its own savepoint inside it, so a test that writes (the --scale run, the
    rerun) leaves the shared demo as it found it.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        _make_sure_of_a_root_page()
        assert not HomePage.objects.exists(), (
            "expected an empty site: the first run must be a first"
        )
        output = run_load_demo()
        passwords = dict(get_user_model().objects.values_list("email", "password"))
        yield FirstRun(output, content_snapshot(), passwords)
        transaction.set_rollback(True)


@pytest.fixture
def demo_output(first_run):
    return first_run.output


def en():
    return Locale.objects.get(language_code="en")


def it():
    return Locale.objects.get(language_code="it")


@pytest.mark.django_db
class TestDemoContent:
    def test_home_page_replaces_the_welcome_page_as_default_site_root(self, demo_output):
        site = Site.objects.get(is_default_site=True)
        # The Site follows BASE_URL (test settings: http://testserver), see tests/cms/test_links.py.
        assert (site.hostname, site.port) == ("testserver", 80)
        assert isinstance(site.root_page.specific, HomePage)
        assert not Page.objects.filter(depth=2, content_type__model="page").exists()
        settings = SiteSettings.for_site(site)
        assert settings.contact_email
        assert settings.privacy_page.slug == "privacy-policy"

    def test_footer_text_exists_in_every_site_language(self, demo_output):
        texts = {text.locale.language_code: text for text in FooterText.objects.all()}
        assert set(texts) == {code for code, _name in django_settings.LANGUAGES}
        assert len({text.translation_key for text in texts.values()}) == 1
        assert "Interreg MED" in texts["en"].funding_statement
        assert "cofinanziato" in texts["it"].funding_statement
        assert "Ευρωπαϊκό Ταμείο" in texts["el"].funding_statement
        assert texts["ar"].address.endswith("إيطاليا")

    def test_main_sections_are_children_of_home_shown_in_menus(self, demo_output):
        home = Site.objects.get(is_default_site=True).root_page
        menu = set(home.get_children().filter(show_in_menus=True).values_list("slug", flat=True))
        assert menu == {
            "about",
            "partners",
            "pilot-actions",
            "publications",
            "news",
            "events",  # the events demo's section
            # The open-data sections (cms/demo/open_data.py), in all nine languages.
            "open-data",
            "knowledge",
            "directory",
            "premises",
            "map",
            # The menus' "take part" group (community demos), in all nine languages.
            "calls",
            "workshops",
            "discussions",
        }
        assert home.get_children().filter(slug="privacy-policy", show_in_menus=False).exists()

    def test_about_page_uses_the_editorial_blocks_and_the_real_budget(self, demo_output):
        about = ContentPage.objects.get(slug="about", locale=en())
        block_types = {block.block_type for block in about.body}
        assert {
            "heading",
            "paragraph",
            "key_figures",
            "accordion",
            "quote",
            "call_to_action",
        } <= block_types
        figures = next(block.value for block in about.body if block.block_type == "key_figures")
        values = {figure["value"] for figure in figures["figures"]}
        # Rounded as a reader takes them in at a glance; the exact amounts are in the text.
        assert {"€3.28 million", "€2.67 million", "€119,100"} <= values
        cta = next(block.value for block in about.body if block.block_type == "call_to_action")
        assert cta["page"].specific_class.__name__ == "PilotActionIndexPage"

    def test_builds_the_seven_pilot_actions_with_map_coordinates(self, demo_output):
        pilots = PilotActionPage.objects.live().filter(locale=en()).select_related("country")
        assert pilots.count() == 7
        by_place = {page.place: page for page in pilots}
        assert set(by_place) == {
            "Pula",
            "Maribor",
            "Venice-Mestre",
            "Brindisi",
            "Zaragoza",
            "Marseille",
        }
        for page in pilots:
            assert page.has_location
            assert 35 < page.latitude < 47 and -1 < page.longitude < 18
            assert page.country is not None and page.lead_partner is not None
            assert page.sectors.exists() and page.stakeholders.exists()
        zaragoza = by_place["Zaragoza"]
        assert (zaragoza.latitude, zaragoza.longitude) == (Decimal("41.6488"), Decimal("-0.8891"))
        assert zaragoza.country.code == "ES"
        istria = pilots.get(slug="istria-innovations-for-sustainable-regional-development")
        assert istria.start_date.isoformat() == "2020-02-01"
        assert istria.lead_partner.name == "Region of Istria"

    def test_indicators_only_count_what_the_sources_state(self, demo_output):
        pilots = PilotActionPage.objects.filter(locale=en())
        aragon = pilots.get(slug="aragon-social-clauses-public-procurement")
        assert not aragon.indicators.exists()
        maribor = pilots.get(slug="maribor-social-innovation-hub")
        assert [(row.value, row.unit) for row in maribor.indicators.all()] == [
            (Decimal("3"), "meetings")
        ]
        assert not PilotActionIndicator.objects.filter(is_sroi=True).exists()

    def test_partnership_is_stored_as_partner_organisations(self, demo_output):
        partners = Organisation.objects.filter(locale=en(), kind="partner")
        assert partners.count() == 14
        assert set(partners.values_list("country__code", flat=True)) == {
            "IT",
            "FR",
            "ES",
            "PT",
            "GR",
            "HR",
            "SI",
            "AL",
        }
        assert partners.filter(name="Veneto Region", helix="public").exists()

    def test_news_covers_the_network_events_on_their_dates(self, demo_output):
        dates = set(NewsPage.objects.live().filter(locale=en()).values_list("date", flat=True))
        wanted = {"2021-03-22", "2022-01-17", "2022-03-10", "2022-04-20"}
        assert wanted <= {date.isoformat() for date in dates}

    def test_publications_have_a_pdf_document_per_language(self, demo_output):
        publications = PublicationPage.objects.live().filter(locale=en())
        assert WhitePaperPage.objects.filter(locale=en()).count() >= 1
        assert PolicyBriefPage.objects.filter(locale=en()).count() >= 2
        for page in publications:
            languages = sorted(page.documents.values_list("language", flat=True))
            assert languages == ["en", "it"]
            assert page.author_links.exists() and page.topics.exists() and page.countries.exists()
            document = page.documents.get(language="en").document
            with document.open_file() as handle:
                assert handle.read(5) == b"%PDF-"
        for brief in PolicyBriefPage.objects.filter(locale=en()):
            assert brief.policy_level and len(brief.key_recommendations) >= 2

    def test_listing_images_are_generated_at_1280_by_720(self, demo_output):
        pilot = PilotActionPage.objects.filter(locale=en()).first()
        image = pilot.listing_image
        assert (image.width, image.height) == (1280, 720)
        with image.open_file() as handle:
            assert PILImage.open(handle).size == (1280, 720)

    def test_pages_are_translated_into_italian_and_published(self, demo_output):
        for page in Page.objects.filter(locale=en(), depth__gte=2).specific():
            translation = page.get_translation_or_none(it())
            assert translation is not None, page.url_path
            assert translation.live, page.url_path
            if isinstance(page, NOT_IN_ITALIAN):
                assert translation.alias_of_id == page.pk, page.url_path
            else:
                assert translation.alias_of_id is None, page.url_path
        about_it = ContentPage.objects.get(slug="about", locale=it())
        assert about_it.title == "Il progetto +RESILIENT"
        news_it = NewsPage.objects.get(slug="final-conference-venice", locale=it())
        assert news_it.title == "Conferenza finale a Venezia"

    def test_course_articles_and_tools_are_written_in_italian(self, demo_output):
        course = CoursePage.objects.get(slug="open-data-on-skills", locale=it())
        assert course.title == "Dati aperti sulle competenze: trovare, pulire, mappare"
        assert course.live and course.alias_of_id is None
        # A real wagtail-localize translation: the editor's translation view knows it.
        assert Translation.objects.filter(
            source__object_id=course.translation_key, target_locale=it()
        ).exists()
        english_lessons = {
            page.translation_key: page for page in LessonPage.objects.filter(locale=en())
        }
        lessons = LessonPage.objects.filter(locale=it(), alias_of__isnull=True)
        assert lessons.count() == len(english_lessons) == 3
        for lesson in lessons:
            english = english_lessons[lesson.translation_key]
            assert lesson.title != english.title and lesson.quiz
            for question, source in zip(lesson.quiz, english.quiz, strict=True):
                assert question.value["question"] != source.value["question"]
                answers = list(question.value["answers"])
                source_answers = list(source.value["answers"])
                assert all(a["text"] for a in answers + source_answers)
                # The right answer stays the right one; its feedback is Italian.
                assert [a["is_correct"] for a in answers] == [
                    a["is_correct"] for a in source_answers
                ]
                assert all(
                    a["feedback"] != b["feedback"]
                    for a, b in zip(answers, source_answers, strict=True)
                )
        articles = KnowledgeArticlePage.objects.filter(locale=it(), alias_of__isnull=True)
        assert articles.count() == KnowledgeArticlePage.objects.filter(locale=en()).count() == 4
        assert articles.filter(title="Glossario dei dati aperti").exists()
        tools = OpenDataTool.objects.filter(locale=it())
        assert tools.count() == OpenDataTool.objects.filter(locale=en()).count() == 5
        assert tools.get(name="Datawrapper").licence == "Proprietario, piano gratuito"
        assert OpenDataToolIndexPage.objects.get(locale=it()).title == "Strumenti per i dati aperti"

    def test_italian_pages_point_at_italian_snippets(self, demo_output):
        marseille = PilotActionPage.objects.get(slug="marseille-food-deserts", locale=it())
        assert marseille.place == "Marsiglia"
        assert marseille.country.locale == it() and marseille.country.name == "Francia"
        assert marseille.lead_partner.locale == it()
        assert all(topic.locale == it() for topic in marseille.topics.all())

    def test_snippets_have_italian_translations(self, demo_output):
        for model in (Topic, Country, Organisation):
            english = model.objects.filter(locale=en())
            assert english.exists()
            for obj in english:
                assert obj.has_translation(it()), obj
        assert Country.objects.get(code="IT", locale=it()).name == "Italia"

    def test_demo_accounts_have_verified_emails_and_can_log_in(self, demo_output, client):
        for email in DEMO_EMAILS:
            address = EmailAddress.objects.get(email=email)
            assert address.verified and address.primary
            assert client.login(email=email, password="resilient-demo"), email
            client.logout()
        User = get_user_model()
        admin = User.objects.get(email="admin@example.org")
        assert admin.is_superuser and admin.is_staff
        editor = User.objects.get(email="editor@example.org")
        assert editor.is_staff and editor.groups.filter(name="Editors").exists()
        assert User.objects.get(email="reviewer@example.org").groups.filter(name="Reviewers")
        assert User.objects.get(email="moderator@example.org").groups.filter(name="Moderators")
        assert all(user.display_name for user in User.objects.filter(email__in=DEMO_EMAILS))

    def test_prints_the_admin_url_and_the_demo_logins(self, demo_output):
        assert "/admin/" in demo_output
        for email in DEMO_EMAILS:
            assert email in demo_output


@pytest.mark.django_db
def test_demo_password_can_be_set_with_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "another-secret-pass")
    ensure_demo_accounts()
    user = get_user_model().objects.get(email=DEMO_ACCOUNTS[-1].email)
    assert user.check_password("another-secret-pass")


@pytest.mark.django_db
def test_scale_adds_n_synthetic_items_of_each_kind_once(demo_output):
    english = {"locale__language_code": "en"}
    counts = {
        model: model.objects.filter(**english).count()
        for model in (PilotActionPage, PublicationPage, NewsPage)
    }
    run_load_demo("--scale", "5")
    after = {model: model.objects.filter(**english).count() for model in counts}
    assert all(after[model] == counts[model] + 5 for model in counts)
    assert PilotActionPage.objects.filter(slug="synthetic-pilot-action-5").exists()
    before = content_snapshot()
    run_load_demo("--scale", "5")
    assert content_snapshot() == before


@pytest.mark.django_db
def test_second_run_after_a_fresh_first_run_writes_nothing(first_run):
    """Not a field, not a revision, not a password: content as well as shape (snapshots.py)."""
    assert HomePage.objects.exists() and first_run.passwords
    output = run_load_demo()
    second = content_snapshot()
    changed = sorted(
        label for label in first_run.snapshot if first_run.snapshot[label] != second[label]
    )
    assert changed == [], f"rows changed on the second run: {changed}"
    assert dict(get_user_model().objects.values_list("email", "password")) == first_run.passwords
    changes = [
        line
        for line in output.splitlines()
        if ("created" in line or "updated" in line) and "accounts" not in line
    ]
    assert changes == []


NINE_LANGUAGE_SLUGS = ("about", "pilot-actions")


@pytest.mark.django_db
def test_home_about_and_pilot_actions_are_written_in_all_nine_languages(demo_output):
    english = {
        p.translation_key: p for p in PilotActionPage.objects.filter(locale__language_code="en")
    }
    for code in ("it", "fr", "es", "pt", "el", "hr", "sl", "ar"):
        pilots = PilotActionPage.objects.filter(locale__language_code=code, alias_of__isnull=True)
        assert pilots.count() == 7, code
        for pilot in pilots:
            assert pilot.live
            assert pilot.title != english[pilot.translation_key].title, (code, pilot.title)
            assert pilot.country.locale.language_code == code
        for slug in NINE_LANGUAGE_SLUGS:
            page = Page.objects.get(locale__language_code=code, slug=slug)
            assert page.alias_of_id is None, (code, slug)
        home = HomePage.objects.get(locale__language_code=code)
        assert home.alias_of_id is None


@pytest.mark.django_db
def test_pages_not_written_in_a_language_are_aliases_there_and_workshops_in_their_own(demo_output):
    for code in ("fr", "el", "ar"):
        news = NewsPage.objects.filter(locale__language_code=code)
        assert news.count() == NewsPage.objects.filter(locale__language_code="en").count()
        assert all(page.alias_of_id for page in news)
    # Italian has its own translations, so nothing there is an alias but the pages written for
    # other languages' readers.
    aliases = Page.objects.filter(locale__language_code="it", alias_of__isnull=False).specific()
    assert aliases and all(isinstance(page, NOT_IN_ITALIAN) for page in aliases)
    # The workshops are written in their region's language: a translation there, not an alias.
    for slug, code in (
        ("operation-desert-alimentaire-co-design", "fr"),
        ("maribor-premises-mapping-workshop", "sl"),
    ):
        workshop = CoDesignWorkshopPage.objects.get(locale=en(), slug=slug)
        local = workshop.get_translation(Locale.objects.get(language_code=code))
        assert local.alias_of_id is None and local.title != workshop.title


@pytest.mark.parametrize("code", ["fr", "es", "pt", "el", "hr", "sl", "ar"])
def test_demo_translation_module_covers_every_nine_language_text(code):
    texts = translations.nine_language_texts()
    catalogue = translations.strings(code)
    missing = [text for text in texts if not catalogue.get(text, "").strip()]
    assert not missing, missing[:3]
    for text in texts:
        assert re.findall(r"<[^>]+>", text) == re.findall(r"<[^>]+>", catalogue[text]), text


ENGLISH_SENTENCES = [
    "Join the network and share your ideas with the community.",
    "The call is open to all organisations in the region.",
    "Register in one click, join the waiting list when seats run out, and add any event.",
]
OTHER_SENTENCES = [
    "Partecipa a un incontro in presenza a Venezia con la rete e i partner del progetto.",
    "I risultati della call sono stati pubblicati in questa pagina e nella newsletter.",
    "On peut participer à la rencontre en présence à Marseille avec les partenaires.",
    "Les résultats de l'appel à idées sont publiés sur cette page et dans la lettre.",
    "Participa en el encuentro presencial en Zaragoza con la red y los socios.",
    "La convocatoria está abierta a todas las organizaciones de la región y a la ciudadanía.",
    "A chamada está aberta a todas as organizações da região e aos cidadãos.",
    "On je to rekao a i ona je to potvrdila na sastanku u Puli.",
    "To je bil dogodek v Mariboru in na njem so sodelovali vsi partnerji in občani.",
]


def test_the_english_sentence_check_tells_english_from_the_other_latin_languages():
    assert all(looks_english(sentence) for sentence in ENGLISH_SENTENCES)
    assert not any(looks_english(sentence) for sentence in OTHER_SENTENCES)
    marked = '<main><p lang="en">The call is open to all organisations in the region.</p></main>'
    assert english_runs(marked, "it") == []
    unmarked = (
        '<main><p>The call is open to <a href="#">all organisations</a> in the region.</p></main>'
    )
    assert english_runs(unmarked, "it") == ["The call is open to all organisations in the region."]


@pytest.mark.django_db
def test_no_unmarked_english_on_any_page_of_the_other_language_trees(demo_output, client):
    """Every live page of every language tree but English, and the community routes that show
    members' content: inside `<main>`, no English sentence unless marked `lang="en"` (with the
    visible "in English" label beside it, or the notice of an untranslated page)."""
    pages = pages_of_every_language_tree()
    scanned, found = {}, []
    for code, url in pages:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        scanned[code] = scanned.get(code, 0) + 1
        found += [(url, text[:120]) for text in english_runs(response.content.decode(), code)]
    print(f"scanned {sum(scanned.values())} pages in {len(scanned)} languages: {scanned}")  # noqa: T201
    assert len(scanned) == len(django_settings.LANGUAGES) - 1
    assert not found, "\n".join(f"{url}: {text}" for url, text in found)


@pytest.mark.django_db
def test_demo_open_call_asks_for_consortia_and_suggests_opted_in_partners_to_an_author(
    demo_output,
):
    """The demo shows partner matching at work: the open call asks for consortia, and the
    author of one of its ideas is suggested partners, opted-in members among them."""
    from community.ideas.models import Idea, IdeaCallPage
    from community.partnering.services import idea_suggestions

    call = IdeaCallPage.objects.get(
        slug="ideas-for-resilient-mediterranean-communities", locale=en()
    )
    assert call.asks_for_consortia and call.wanted_helixes
    author = get_user_model().objects.get(email="member@example.org")
    idea = Idea.objects.get(call=call, author=author, title__startswith="Solar roofs")
    keys = [row.candidate.key for row in idea_suggestions(idea, author)]
    assert keys and len(keys) == len(set(keys))
    reviewer = get_user_model().objects.get(email="reviewer@example.org")
    assert f"member:{reviewer.pk}" in keys
    stranger = get_user_model().objects.get(email="member2@example.org")
    assert idea_suggestions(idea, stranger) == []


@pytest.mark.django_db
def test_demo_has_an_adaptation_request_that_both_sides_follow(demo_output):
    from community.transfers.services import member_transfers

    User = get_user_model()
    requester = User.objects.get(email="member@example.org")
    contact = User.objects.get(email="member2@example.org")
    asked, _ = member_transfers(requester)
    _, to_answer = member_transfers(contact)
    assert [t.pilot.slug for t in asked] == ["brindisi-palazzo-guerrieri-urban-lab"]
    assert to_answer == asked
    assert asked[0].conversation is not None
