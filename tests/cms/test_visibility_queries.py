"""`restrictions_for`: a fixed number of queries at any depth, and the copy it keeps.

Every page view of a restricted section asks it, so a field it reads lazily (one query per
ancestor) would multiply its cost by the page's depth.
"""

import pytest
from wagtail.models import Locale, PageViewRestriction

from cms.factories import ContentPageFactory
from cms.visibility import restrictions_for

pytestmark = pytest.mark.django_db


def _chain(parent, depth):
    for level in range(depth):
        parent = ContentPageFactory(parent=parent, title=f"Level {level}", slug=f"level-{level}")
    return parent


@pytest.mark.parametrize("depth", [1, 6])
def test_restrictions_for_costs_the_same_queries_at_any_depth(
    home, depth, django_assert_num_queries
):
    section = ContentPageFactory(parent=home, title="Members", slug="members")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    page = _chain(section, depth)
    with django_assert_num_queries(4):
        found = list(restrictions_for(page))
    assert [restriction.page_id for restriction in found] == [section.pk]


def test_of_two_language_copies_of_a_restriction_the_one_on_the_pages_own_ancestry_is_kept(home):
    section = ContentPageFactory(parent=home, title="Members", slug="members")
    page = ContentPageFactory(parent=section, title="Minutes", slug="minutes")
    italian = Locale.objects.get(language_code="it")
    italian_page = page.copy_for_translation(italian, copy_parents=True)
    italian_section = italian_page.get_parent()
    # The Italian copy's restriction is the older one: the choice must not fall to age.
    for copy in (italian_section, section):
        PageViewRestriction.objects.get_or_create(
            page=copy, restriction_type=PageViewRestriction.LOGIN
        )
    assert [r.page_id for r in restrictions_for(page)] == [section.pk]
    assert [r.page_id for r in restrictions_for(italian_page)] == [italian_section.pk]
