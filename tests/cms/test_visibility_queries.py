"""What `restrictions_for` costs: a fixed number of queries, however deep the page sits.

Every page view of a restricted section asks it, so a field it reads lazily (one query per
ancestor) would multiply its cost by the page's depth.
"""

import pytest
from wagtail.models import PageViewRestriction

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
