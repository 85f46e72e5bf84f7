"""The site search's match in a form the database can index and plan once (PostgreSQL).

docs/benchmarks.md shows the plans at 50,000 pages, where the indexes are used; these tests hold
the shape of the query that lets them be (on a tiny table PostgreSQL may pick any index).
"""

import pytest
from django.db import connection
from wagtail.models import Locale, Page

from cms import factories as f
from cms.search import ranked_matches

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's plans and indexes"
)


def plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(line for (line,) in cursor.fetchall())


def index_definition(name):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        row = cursor.fetchone()
    return row[0] if row else ""


@pytest.fixture
def matches(home):
    index = f.PilotActionIndexPageFactory(parent=home)
    for n in range(5):
        f.PilotActionPageFactory(parent=index, title=f"Shared workshops {n}")
    f.PilotActionPageFactory(parent=index, title="Tool libraries for neighbours")
    return ranked_matches(Page.objects.live(), "libraries", Locale.get_default())


def test_several_words_ask_the_entries_text_for_a_constant_that_its_gin_index_holds(matches):
    several = ranked_matches(Page.objects.live(), "tool libraries", Locale.get_default())
    assert "USING gin (((title || body)))" in index_definition("cms_search_entry_text_gin")
    # The query stemmed by every configuration, each stemming once, OR-ed: a constant, so the
    # index can answer it.
    stems = "'''librar'' & ''tool'' | ''librari'' & ''tool'' | ''libraries'' & ''tool'''::tsquery"
    assert f"(title || body) @@ {stems}" in plan(several.ranked()[0:10])


def test_one_word_asks_the_title_and_the_body_for_a_constant_their_gin_indexes_hold(matches):
    # Each distinct stem once: repeated, they made PostgreSQL expect several times the rows.
    stems = "'''librar'' | ''librari'' | ''libraries'''::tsquery"
    for column in ("title", "body"):
        assert index_definition_of_column(column)
        assert f"({column} @@ {stems})" in plan(matches.ranked()[0:10])


def index_definition_of_column(column):
    """modelsearch's own GIN index on one column of the search entries."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry'"
            " AND indexdef LIKE %s",
            [f"%USING gin ({column})"],
        )
        row = cursor.fetchone()
    return row[0] if row else ""


def test_a_rows_query_is_a_planned_constant_not_stemmed_again_per_row(matches):
    text = plan(matches.ranked()[0:10])
    # to_tsquery(<the row's configuration>, ...) would stay in the plan, run for every row.
    assert "to_tsquery" not in text, text
    assert "THEN '''librari'''::tsquery" in text, text


def test_the_join_from_entries_to_pages_has_an_index_on_the_page_id_as_text(matches):
    definition = index_definition("cms_page_id_as_text")
    assert "((id)::character varying(50))::text" in definition, definition
    # The join condition as Django writes it for the entries' generic relation: the same text.
    assert "((wagtailcore_page.id)::character varying(50))::text" in plan(matches.ranked())


def search_titles(query):
    found = ranked_matches(Page.objects.live(), query, Locale.get_default())
    return sorted(page.title for page in Page.objects.filter(pk__in=[m.pk for m in found[0:10]]))


def test_one_word_is_found_in_the_title_or_in_the_body_and_the_plan_reads_no_concatenation(
    matches, home
):
    """One word is matched against the title and the body apart (the same rows, without
    building their concatenation for every row); a word only in the body is still found."""
    assert search_titles("libraries") == ["Tool libraries for neighbours"]
    assert search_titles("research") == [f"Shared workshops {n}" for n in range(5)] + [
        "Tool libraries for neighbours"
    ]
    assert "(title || body)" not in plan(matches.ranked()[0:10]).split("Filter:", 1)[-1]


def test_words_split_between_title_and_body_still_find_the_page(matches):
    """Several words are matched against title and body together: one in the title and one in
    the body ("Tool" and "research": the factory's objectives) is a match."""
    assert search_titles("tool research") == ["Tool libraries for neighbours"]
