"""The demo's create-or-update helpers write only what differs, so a rerun changes nothing.

Small objects made here, not the whole demo: each helper's rule is checked in well under a
second (tests/community/test_load_demo*.py cover the full `load_demo` command).
"""

import datetime
import uuid
import zoneinfo
from decimal import Decimal

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from cms import factories as f
from cms.demo import sync
from cms.demo.content.translations import strings
from cms.demo.values import list_items
from cms.models import (
    ContentPage,
    DatasetPage,
    NewsPage,
    PilotActionIndicator,
    PilotActionPage,
    Topic,
    WhitePaperPage,
)

pytestmark = pytest.mark.django_db

PARAGRAPH = [{"type": "paragraph", "value": "<p>Hello</p>"}]


def test_stable_keys_are_the_same_on_every_run_and_differ_by_kind_and_key():
    key = sync.stable_key("page", "about")
    assert key == uuid.uuid5(sync.DEMO_NAMESPACE, "page:about")
    assert key == sync.stable_key("page", "about")
    assert key != sync.stable_key("topic", "about")
    assert key != sync.stable_key("page", "partners")


def test_localize_picks_the_inline_language_and_keeps_other_data():
    data = {
        "title": {"en": "About", "it": "Chi siamo"},
        "items": [{"en": "One", "it": "Uno"}, 3, None],
        "pair": ({"en": "a", "it": "b"},),
        "plain": {"en": "only English key is not a bilingual leaf"},
        "slug": "about",
    }
    assert sync.localize(data, "it") == {
        "title": "Chi siamo",
        "items": ["Uno", 3, None],
        "pair": ["b"],
        "plain": {"en": "only English key is not a bilingual leaf"},
        "slug": "about",
    }
    assert sync.localize(data, "en")["title"] == "About"
    assert sync.localize({}, "it") == {}


def test_localize_takes_other_languages_from_their_translation_file():
    english, french = next(
        (text, translated) for text, translated in strings("fr").items() if text != translated
    )
    leaf = {"en": english, "it": "testo italiano"}
    assert sync.localize(leaf, "fr") == french
    assert sync.localize({"outer": [leaf, {"deep": leaf}]}, "fr") == {
        "outer": [french, {"deep": french}]
    }
    # Text without a translation stays English.
    untranslated = {"en": "No translation exists for this sentence.", "it": "Nessuna."}
    assert sync.localize(untranslated, "fr") == "No translation exists for this sentence."
    assert sync.localize({"en": 7, "it": 8}, "fr") == 7


def test_localize_resolves_leaves_nested_inside_a_chosen_language_in_that_language():
    """A language's own value may hold bilingual leaves of its own (a list of labels)."""
    english, french = next(
        (text, translated) for text, translated in strings("fr").items() if text != translated
    )
    nested = {
        "en": [{"en": english, "it": "uno"}],
        "it": [{"en": "one", "it": "uno"}],
    }
    assert sync.localize(nested, "it") == ["uno"]
    assert sync.localize(nested, "en") == [english]
    # Other languages take the English value, its own leaves read in English, then translated.
    assert sync.localize(nested, "fr") == [french]


def test_localize_translates_every_text_of_an_english_dict_or_list_value():
    english, french = next(
        (text, translated) for text, translated in strings("fr").items() if text != translated
    )
    leaf = {
        "en": {"label": english, "count": 7, "tags": [english, None]},
        "it": {"label": "etichetta", "count": 7, "tags": ["etichetta", None]},
    }
    assert sync.localize(leaf, "fr") == {"label": french, "count": 7, "tags": [french, None]}
    assert sync.localize({"en": [english, 3], "it": ["x", 3]}, "fr") == [french, 3]


def test_in_language_falls_back_to_the_english_object():
    objects = {"en": "english", "it": "italian", "fr": None}
    assert sync.in_language(objects, "it") == "italian"
    assert sync.in_language(objects, "fr") == "english"
    assert sync.in_language(objects, "el") == "english"


@pytest.fixture
def pilot(home):
    index = f.PilotActionIndexPageFactory(parent=home)
    page = f.PilotActionPageFactory(parent=index, sectors=["green", "blue"], topics=[])
    PilotActionIndicator.objects.create(
        page=page, label="Meetings", value=Decimal("3.00"), unit="meetings", sort_order=0
    )
    return PilotActionPage.objects.get(pk=page.pk)


def test_apply_values_reports_no_change_for_equal_values_of_every_kind(pilot):
    unchanged = {
        "title": pilot.title,
        "latitude": "44.866600",  # a string meaning the same decimal
        "end_date": pilot.end_date,
        "country": pilot.country,
        "lead_partner": None,
        "topics": [],
        "sectors": [{"sector": "green"}, {"sector": "blue"}],
        "indicators": [{"label": "Meetings", "value": "3", "unit": "meetings"}],
    }
    assert sync.apply_values(pilot, unchanged) is False


@pytest.mark.parametrize(
    ("name", "wanted"),
    [
        ("title", "Another title"),
        ("latitude", Decimal("45.000000")),
        ("latitude", None),
        ("end_date", None),
        ("sectors", [{"sector": "blue"}, {"sector": "green"}]),  # order matters
        ("sectors", [{"sector": "green"}]),
        ("indicators", [{"label": "Meetings", "value": "4", "unit": "meetings"}]),
        ("indicators", [{"label": "Meetings", "value": "3", "unit": "events"}]),
    ],
)
def test_apply_values_sets_and_reports_a_changed_value(pilot, name, wanted):
    assert sync.apply_values(pilot, {name: wanted}) is True
    if name == "sectors":
        assert [row.sector for row in pilot.sectors.all()] == [row["sector"] for row in wanted]
    elif name == "indicators":
        assert [(r.label, Decimal(str(r.value)), r.unit) for r in pilot.indicators.all()] == [
            (row["label"], Decimal(row["value"]), row["unit"]) for row in wanted
        ]
    else:
        assert getattr(pilot, name) == wanted


def test_apply_values_numbers_orderable_rows_so_they_come_back_in_the_same_order(pilot):
    """Unnumbered rows come back in the database's order (PostgreSQL's moves as rows are
    rewritten), which a rerun of the demo took for a change."""
    wanted = [{"sector": "blue"}, {"sector": "green"}, {"sector": "tourism"}]
    assert sync.apply_values(pilot, {"sectors": wanted}) is True
    pilot.save()
    saved = PilotActionPage.objects.get(pk=pilot.pk)
    rows = list(saved.sectors.values_list("sort_order", "sector"))
    assert rows == [(0, "blue"), (1, "green"), (2, "tourism")]
    assert sync.apply_values(saved, {"sectors": wanted}) is False


def test_apply_values_takes_unnumbered_orderable_rows_for_a_change(pilot):
    # Rows as a form-less writer left them: no sort_order.
    PilotActionPage.objects.get(pk=pilot.pk).sectors.update(sort_order=None)
    stale = PilotActionPage.objects.get(pk=pilot.pk)
    assert sync.apply_values(stale, {"sectors": [{"sector": "green"}, {"sector": "blue"}]}) is True


def test_apply_values_changes_foreign_keys_and_many_to_many(pilot):
    other_country = f.CountryFactory()
    topic = f.TopicFactory()
    assert sync.apply_values(pilot, {"country": other_country}) is True
    assert pilot.country_id == other_country.pk
    assert sync.apply_values(pilot, {"country": other_country}) is False
    assert sync.apply_values(pilot, {"lead_partner": f.OrganisationFactory()}) is True
    assert sync.apply_values(pilot, {"topics": [topic]}) is True
    assert [t.pk for t in pilot.topics.all()] == [topic.pk]
    assert sync.apply_values(pilot, {"topics": [topic]}) is False


def test_apply_values_compares_stream_fields_by_meaning_not_block_ids(home):
    page = f.ContentPageFactory(parent=home, body=PARAGRAPH)
    page = ContentPage.objects.get(pk=page.pk)
    assert sync.apply_values(page, {"body": PARAGRAPH}) is False
    changed = [{"type": "paragraph", "value": "<p>Hello again</p>"}]
    assert sync.apply_values(page, {"body": changed}) is True
    assert page.body[0].value.source == "<p>Hello again</p>"
    assert sync.apply_values(page, {"body": []}) is True


def test_same_scalar_compares_decimals_by_value_and_none_only_with_none():
    assert sync._same_scalar(Decimal("3.00"), "3")
    assert sync._same_scalar(3, Decimal("3.0"))
    assert not sync._same_scalar(Decimal("3"), "3.1")
    assert not sync._same_scalar(None, Decimal("0"))
    assert not sync._same_scalar(Decimal("0"), None)
    assert sync._same_scalar("a", "a") and not sync._same_scalar("a", "b")


def test_sync_page_creates_then_leaves_an_equal_page_alone(home):
    values = {"title": "About", "body": PARAGRAPH}
    page, status = sync.sync_page(home, ContentPage, "about", values, key="about")
    assert status == sync.CREATED
    assert page.live and page.locale_id == home.locale_id
    assert page.translation_key == sync.stable_key("page", "about")
    assert page.get_parent().pk == home.pk
    revisions = page.revisions.count()
    assert revisions == 1

    again, status = sync.sync_page(home, ContentPage, "about", values, key="about")
    assert (again.pk, status) == (page.pk, sync.UNCHANGED)
    assert again.revisions.count() == revisions


def test_sync_page_publishes_a_changed_page_once(home):
    page, _ = sync.sync_page(home, ContentPage, "about", {"title": "About"}, key="about")
    page, status = sync.sync_page(home, ContentPage, "about", {"title": "About us"}, key="about")
    assert status == sync.UPDATED
    assert page.revisions.count() == 2
    assert Page.objects.get(pk=page.pk).title == "About us"
    assert ContentPage.objects.get(pk=page.pk).live


def test_sync_page_republishes_an_unpublished_page_even_when_equal(home):
    page, _ = sync.sync_page(home, ContentPage, "about", {"title": "About"}, key="about")
    page.unpublish()
    page, status = sync.sync_page(home, ContentPage, "about", {"title": "About"}, key="about")
    assert status == sync.UPDATED
    assert Page.objects.get(pk=page.pk).live


def test_sync_page_without_update_keeps_an_existing_page_as_it_is(home):
    sync.sync_page(home, ContentPage, "about", {"title": "About"}, key="about")
    page, status = sync.sync_page(
        home, ContentPage, "about", {"title": "Changed"}, key="about", update=False
    )
    assert status == sync.UNCHANGED
    assert Page.objects.get(pk=page.pk).title == "About"


def test_sync_page_refuses_a_page_of_another_type_at_the_slug(home):
    f.ContentPageFactory(parent=home, slug="news-item")
    with pytest.raises(TypeError, match="is a ContentPage, expected NewsPage"):
        sync.sync_page(home, NewsPage, "news-item", {"title": "News"}, key="news-item")


def test_sync_snippet_creates_updates_and_leaves_alone(db):
    english = Locale.objects.get(language_code="en")
    topic, status = sync.sync_snippet(
        Topic, {"slug": "open-data"}, {"name": "Open data"}, locale=english, key="open-data"
    )
    assert status == sync.CREATED
    assert topic.pk and topic.locale == english
    assert topic.translation_key == sync.stable_key("topic", "open-data")
    assert Topic.objects.get(pk=topic.pk).name == "Open data"

    same, status = sync.sync_snippet(
        Topic, {"slug": "open-data"}, {"name": "Open data"}, locale=english
    )
    assert (same.pk, status) == (topic.pk, sync.UNCHANGED)

    renamed, status = sync.sync_snippet(
        Topic, {"slug": "open-data"}, {"name": "Open data and tools"}, locale=english
    )
    assert (renamed.pk, status) == (topic.pk, sync.UPDATED)
    assert Topic.objects.get(pk=topic.pk).name == "Open data and tools"
    assert Topic.objects.filter(slug="open-data").count() == 1


def test_sync_snippet_without_a_key_gets_a_random_translation_key(db):
    english = Locale.objects.get(language_code="en")
    first, _ = sync.sync_snippet(Topic, {"slug": "a"}, {"name": "A"}, locale=english)
    second, _ = sync.sync_snippet(Topic, {"slug": "b"}, {"name": "B"}, locale=english)
    assert first.translation_key != second.translation_key


def test_sync_snippet_translation_copies_then_updates_the_translation(db):
    english = Locale.objects.get(language_code="en")
    italian = Locale.objects.get(language_code="it")
    topic, _ = sync.sync_snippet(
        Topic, {"slug": "open-data"}, {"name": "Open data"}, locale=english, key="open-data"
    )
    copy, status = sync.sync_snippet_translation(topic, italian, {"name": "Dati aperti"})
    assert status == sync.CREATED
    assert (copy.locale, copy.translation_key) == (italian, topic.translation_key)
    assert Topic.objects.get(pk=copy.pk).name == "Dati aperti"

    same, status = sync.sync_snippet_translation(topic, italian, {"name": "Dati aperti"})
    assert (same.pk, status) == (copy.pk, sync.UNCHANGED)
    renamed, status = sync.sync_snippet_translation(topic, italian, {"name": "Open data (IT)"})
    assert (renamed.pk, status) == (copy.pk, sync.UPDATED)
    assert Topic.objects.get(pk=copy.pk).name == "Open data (IT)"
    assert Topic.objects.filter(translation_key=topic.translation_key).count() == 2


def test_has_plain_lists_finds_list_items_stored_in_the_old_plain_format():
    assert sync._has_plain_lists([{"type": "paragraph", "value": "<p>x</p>"}]) is False
    assert sync._has_plain_lists([{"type": "list", "value": ["a", "b"]}]) is True
    new_format = [{"type": "list", "value": [{"type": "item", "value": "a", "id": "1"}]}]
    assert sync._has_plain_lists(new_format) is False
    assert sync._has_plain_lists({"figures": [{"value": "8"}]}) is True
    assert sync._has_plain_lists({"a": {"b": [{"type": "item", "value": "x"}]}}) is False
    assert sync._has_plain_lists(iter([{"type": "list", "value": ["old"]}])) is True
    assert sync._has_plain_lists("text") is False
    assert sync._has_plain_lists(None) is False
    assert sync._has_plain_lists([1, 2]) is False


def test_strip_ids_drops_block_ids_at_every_depth_and_keeps_the_rest():
    raw = {"id": "x", "type": "a", "value": [{"id": "y", "v": 1}, "text"]}
    assert sync._strip_ids(raw) == {"type": "a", "value": [{"v": 1}, "text"]}
    assert sync._strip_ids("id") == "id"


def test_stream_data_reads_raw_lists_and_stored_values_alike(home):
    field = ContentPage._meta.get_field("body")
    expected = [{"type": "paragraph", "value": "<p>Hello</p>"}]
    assert sync._stream_data(field, PARAGRAPH) == expected
    assert sync._stream_data(field, None) == []
    page = ContentPage.objects.get(pk=f.ContentPageFactory(parent=home, body=PARAGRAPH).pk)
    assert sync._stream_data(field, page.body) == expected


def test_apply_values_compares_child_rows_foreign_keys_by_primary_key(home):
    index = f.PublicationIndexPageFactory(parent=home)
    author, other = f.PersonFactory(), f.PersonFactory()
    paper = f.WhitePaperPageFactory(parent=index)
    assert sync.apply_values(paper, {"author_links": [{"person": author}]}) is True
    paper.save()
    stored = WhitePaperPage.objects.get(pk=paper.pk)
    assert [row.person_id for row in stored.author_links.all()] == [author.pk]
    assert sync.apply_values(stored, {"author_links": [{"person": author}]}) is False
    assert sync.apply_values(stored, {"author_links": [{"person": other}]}) is True
    assert [row.person_id for row in stored.author_links.all()] == [other.pk]


def test_apply_values_accepts_an_empty_optional_foreign_key_in_a_child_row():
    page = DatasetPage(title="Register")
    row = {"title": "Register (CSV)", "document": None, "url": "https://example.org/r.csv"}
    assert sync.apply_values(page, {"distributions": [row]}) is True
    [distribution] = page.distributions.all()
    assert (distribution.document, distribution.url) == (None, row["url"])


def test_apply_values_rewrites_stream_data_stored_in_the_old_plain_list_format():
    """Same meaning, old storage: rewritten so wagtail-localize can extract the list items."""
    old = [
        {
            "type": "key_figures",
            "value": {"heading": "In numbers", "figures": [{"value": "8", "label": "countries"}]},
        }
    ]
    new = [
        {
            "type": "key_figures",
            "value": {
                "heading": "In numbers",
                "figures": list_items([{"value": "8", "label": "countries"}]),
            },
        }
    ]
    field = ContentPage._meta.get_field("body")
    assert sync._stream_data(field, old) == sync._stream_data(field, new)
    page = ContentPage(title="Figures", body=old)
    assert sync.apply_values(page, {"body": new}) is True
    assert not sync._has_plain_lists(page.body.raw_data)
    assert sync.apply_values(page, {"body": new}) is False


def test_sync_page_keeps_the_slug_it_was_given_not_one_made_from_the_title(home):
    page, status = sync.sync_page(home, ContentPage, "who-we-are", {"title": "About"}, key="about")
    assert (status, Page.objects.get(pk=page.pk).slug) == (sync.CREATED, "who-we-are")
    again, status = sync.sync_page(home, ContentPage, "who-we-are", {"title": "About"}, key="about")
    assert (again.pk, status) == (page.pk, sync.UNCHANGED)


def test_sync_page_dates_a_demo_page_from_its_content_not_from_the_load(home):
    page, _ = sync.sync_page(home, ContentPage, "about", {"title": "About"}, key="about")
    stored = Page.objects.get(pk=page.pk)
    moment = datetime.datetime(2022, 4, 20, 10, 0, tzinfo=zoneinfo.ZoneInfo(settings.TIME_ZONE))
    assert stored.first_published_at == moment
    assert stored.last_published_at == moment


def test_sync_snippet_finds_and_creates_in_the_given_locale_only(db):
    english = Locale.objects.get(language_code="en")
    italian = Locale.objects.get(language_code="it")
    italian_topic = f.TopicFactory(locale=italian, slug="open-data", name="Dati aperti")
    topic, status = sync.sync_snippet(
        Topic, {"slug": "open-data"}, {"name": "Open data"}, locale=english, key="open-data"
    )
    assert status == sync.CREATED
    assert topic.pk != italian_topic.pk and topic.locale == english
    assert Topic.objects.get(pk=italian_topic.pk).name == "Dati aperti"

    greek = Locale.objects.get(language_code="el")
    only_greek, status = sync.sync_snippet(Topic, {"slug": "greek"}, {"name": "Ελ"}, locale=greek)
    assert (status, Topic.objects.get(pk=only_greek.pk).locale) == (sync.CREATED, greek)
