"""cms.visibility's rules one at a time, on trees of a few pages in two or three languages.

`test_visibility.py` proves every channel (page, listings, search, API, sitemap...) on nine
language trees; these tests pin each rule of the one definition those channels share, exactly
and quickly enough for mutation testing to run them once per mutant.
"""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db.models import Q
from wagtail.models import Locale, Page, PageViewRestriction

from cms.factories import ContentPageFactory
from cms.visibility import (
    _hidden_roots,
    hidden_pages_q,
    is_visible,
    restrictions_for,
    visible_pages,
)
from community.members.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = PageViewRestriction.LOGIN
PASSWORD = PageViewRestriction.PASSWORD
GROUPS = PageViewRestriction.GROUPS


def restrict(page, restriction_type=LOGIN, password="", groups=()):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction_type, password=password
    )
    restriction.groups.set(groups)
    return restriction


def translation(page, code):
    return page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)


def language_alias(page, code):
    """An untranslated copy in another tree, as wagtail-localize makes it (same translation key)."""
    return page.copy_for_translation(
        Locale.objects.get(language_code=code), copy_parents=True, alias=True
    )


def page(parent, slug):
    return ContentPageFactory(parent=parent, title=slug.title(), slug=slug)


def reader(rf, user=None, passed=()):
    """A request from a reader logged in as `user` (anonymous when None) who has typed the
    passwords of the `passed` restrictions."""
    request = rf.get("/")
    request.user = user or AnonymousUser()
    request.session = {PageViewRestriction.passed_view_restrictions_session_key: list(passed)}
    return request


def found(page_):
    return sorted(restriction.pk for restriction in restrictions_for(page_))


def hidden(request=None):
    return set(Page.objects.filter(hidden_pages_q(request)).values_list("pk", flat=True))


# restrictions_for: what applies to one page


def test_a_restriction_on_the_page_itself_and_on_its_ancestor_both_apply(home):
    section = page(home, "members")
    minutes = page(section, "minutes")
    on_section = restrict(section)
    on_minutes = restrict(minutes)
    assert found(minutes) == sorted([on_section.pk, on_minutes.pk])
    assert found(section) == [on_section.pk]
    assert found(home) == []


def test_a_restriction_on_a_sibling_or_a_child_does_not_apply(home):
    section = page(home, "members")
    restrict(page(home, "board"))
    restrict(page(section, "minutes"))
    assert found(section) == []


def test_a_restriction_on_a_translation_of_an_ancestor_applies(home):
    section = page(home, "members")
    minutes = page(section, "minutes")
    on_italian = restrict(translation(minutes, "it").get_parent())
    assert found(minutes) == [on_italian.pk]


def test_a_restriction_on_the_source_of_a_plain_alias_applies_to_the_alias(home):
    """A plain Wagtail alias has its own translation key: only its alias_of link leads back."""
    minutes = page(home, "minutes")
    elsewhere = page(home, "news")
    alias = minutes.create_alias(parent=elsewhere, update_slug="minutes-alias")
    assert alias.translation_key != minutes.translation_key
    on_minutes = restrict(minutes)
    assert found(alias) == [on_minutes.pk]


def test_a_restriction_above_the_source_of_a_plain_alias_applies_to_the_alias(home):
    section = page(home, "members")
    minutes = page(section, "minutes")
    alias = minutes.create_alias(parent=page(home, "news"), update_slug="minutes-alias")
    on_section = restrict(section)
    assert found(alias) == [on_section.pk]


def test_a_restriction_on_a_translation_of_the_source_of_a_plain_alias_applies(home):
    section = page(home, "members")
    minutes = page(section, "minutes")
    alias = minutes.create_alias(parent=page(home, "news"), update_slug="minutes-alias")
    italian_section = translation(minutes, "it").get_parent()
    on_italian_section = restrict(italian_section)
    assert found(alias) == [on_italian_section.pk]


def test_a_restriction_on_a_translation_of_the_source_itself_applies_to_a_plain_alias(home):
    minutes = page(home, "minutes")
    alias = minutes.create_alias(parent=page(home, "news"), update_slug="minutes-alias")
    on_italian_minutes = restrict(translation(minutes, "it"))
    assert found(alias) == [on_italian_minutes.pk]


def test_for_a_plain_alias_the_copy_on_its_sources_ancestry_is_kept_not_the_older_one(home):
    section = page(home, "members")
    minutes = page(section, "minutes")
    alias = minutes.create_alias(parent=page(home, "news"), update_slug="minutes-alias")
    restrict(translation(minutes, "it").get_parent())  # the older copy
    on_section = restrict(section)
    assert found(alias) == [on_section.pk]


def test_restrictions_for_reads_each_restrictions_page_and_groups_in_fixed_queries(
    home, django_assert_num_queries
):
    """Ancestors, candidates, their groups, the answer: Wagtail's privacy view reads `.page`."""
    section = page(home, "members")
    minutes = page(section, "minutes")
    restrict(section)
    restrict(minutes, GROUPS, groups=[Group.objects.create(name="board")])
    with django_assert_num_queries(4):
        assert sorted(r.page.pk for r in restrictions_for(minutes)) == [section.pk, minutes.pk]


def test_restrictions_for_a_plain_alias_costs_fixed_queries_at_any_depth(
    home, django_assert_num_queries
):
    """Two more than for a page: the alias sources, then their ancestors."""
    section = page(home, "members")
    deep = page(page(page(section, "a"), "b"), "c")
    alias = deep.create_alias(parent=page(home, "news"), update_slug="deep-alias")
    restrict(section)
    restrict(deep)
    with django_assert_num_queries(6):
        assert sorted(r.page.pk for r in restrictions_for(alias)) == [section.pk, deep.pk]


@pytest.mark.parametrize(
    "english, italian",
    [
        ({"restriction_type": LOGIN}, {"restriction_type": PASSWORD, "password": "x"}),
        (
            {"restriction_type": PASSWORD, "password": "x"},
            {"restriction_type": PASSWORD, "password": "y"},
        ),
        ("board", "staff"),
    ],
    ids=["other type", "other password", "other groups"],
)
def test_copies_of_a_page_with_different_restrictions_keep_both(home, english, italian):
    section = page(home, "members")
    italian_section = translation(section, "it")
    if english == "board":
        english = {"restriction_type": GROUPS, "groups": [Group.objects.create(name=english)]}
        italian = {"restriction_type": GROUPS, "groups": [Group.objects.create(name=italian)]}
    both = [restrict(section, **english).pk, restrict(italian_section, **italian).pk]
    assert found(section) == sorted(both)


def test_copies_of_one_restriction_count_once_with_the_same_groups(home):
    board = Group.objects.create(name="board")
    section = page(home, "members")
    italian_section = translation(section, "it")
    on_section = restrict(section, GROUPS, groups=[board])
    restrict(italian_section, GROUPS, groups=[board])
    assert found(section) == [on_section.pk]


def test_the_same_restriction_on_a_section_and_on_a_page_inside_it_counts_twice(home):
    section = page(home, "members")
    minutes = page(section, "minutes")
    both = [restrict(section).pk, restrict(minutes).pk]
    assert found(minutes) == sorted(both)


# hidden_pages_q, visible_pages, is_visible: what a reader may see


def test_every_language_copy_of_a_private_page_and_everything_under_them_is_hidden(home):
    section = page(home, "members")
    minutes = page(section, "minutes")
    public = page(home, "open")
    italian_minutes = translation(minutes, "it")
    greek_section = language_alias(section, "el")
    greek_minutes = language_alias(minutes, "el")
    restrict(section)
    expected = {
        section.pk,
        minutes.pk,
        italian_minutes.pk,
        italian_minutes.get_parent().pk,
        greek_section.pk,
        greek_minutes.pk,
    }
    assert hidden() == expected
    assert public.pk not in hidden()


def test_nothing_is_hidden_without_restrictions_and_it_costs_one_query(
    home, django_assert_num_queries
):
    page(home, "members")
    with django_assert_num_queries(1):
        q = hidden_pages_q()
    assert hidden() == set()
    assert Page.objects.exclude(q).count() == Page.objects.count()


def test_an_alias_of_a_page_inside_a_private_section_is_hidden_with_it(home):
    section = page(home, "members")
    minutes = page(section, "minutes")
    news = page(home, "news")
    alias = minutes.create_alias(parent=news, update_slug="minutes-alias")
    restrict(section)
    assert hidden() == {section.pk, minutes.pk, alias.pk}


def test_aliases_of_pages_in_two_private_sections_are_hidden_with_each(home):
    """One round of the search looks under several hidden roots at once."""
    members, board = page(home, "members"), page(home, "board")
    minutes, agenda = page(members, "minutes"), page(board, "agenda")
    news = page(home, "news")
    aliases = [
        minutes.create_alias(parent=news, update_slug="minutes-alias").pk,
        agenda.create_alias(parent=news, update_slug="agenda-alias").pk,
    ]
    restrict(members)
    restrict(board)
    assert hidden() == {members.pk, board.pk, minutes.pk, agenda.pk, *aliases}


def test_aliases_of_aliases_are_followed_until_nothing_new_is_found(home):
    """A page made under an alias of a private page, and then aliased elsewhere, is found only
    on the second round."""
    section = page(home, "members")
    minutes = page(section, "minutes")
    news = page(home, "news")
    first = minutes.create_alias(parent=news, update_slug="minutes-alias")
    under_first = page(Page.objects.get(pk=first.pk).specific, "annex")
    second = under_first.create_alias(parent=page(home, "archive"), update_slug="annex-alias")
    restrict(section)
    assert hidden() == {section.pk, minutes.pk, first.pk, under_first.pk, second.pk}


def test_hidden_roots_keep_only_the_outermost_paths(home):
    section = page(home, "members")
    minutes = page(section, "minutes")
    board = page(home, "board")
    refused = [restrict(section), restrict(minutes), restrict(board)]
    assert _hidden_roots(refused) == sorted([section.path, board.path])


def test_a_logged_in_reader_sees_a_login_restricted_page_and_a_visitor_does_not(home, rf):
    section = page(home, "members")
    restrict(section)
    assert hidden(reader(rf, UserFactory())) == set()
    assert hidden(reader(rf)) == {section.pk}
    assert is_visible(section, reader(rf, UserFactory()))
    assert not is_visible(section)


def test_a_reader_who_typed_the_password_of_one_copy_has_passed_its_twin(home, rf):
    section = page(home, "members")
    italian_section = translation(section, "it")
    english = restrict(section, PASSWORD, password="open-sesame")
    restrict(italian_section, PASSWORD, password="open-sesame")
    assert hidden(reader(rf, passed=[english.pk])) == set()
    assert hidden(reader(rf)) == {section.pk, italian_section.pk}


def test_a_password_passed_on_one_copy_does_not_open_another_copys_different_password(home, rf):
    section = page(home, "members")
    italian_section = translation(section, "it")
    english = restrict(section, PASSWORD, password="open-sesame")
    restrict(italian_section, PASSWORD, password="apriti-sesamo")
    assert hidden(reader(rf, passed=[english.pk])) == {section.pk, italian_section.pk}


def test_group_restrictions_open_to_members_of_the_group_only(home, rf):
    board = Group.objects.create(name="board")
    section = page(home, "members")
    restrict(section, GROUPS, groups=[board])
    member = UserFactory()
    member.groups.add(board)
    assert hidden(reader(rf, member)) == set()
    assert hidden(reader(rf, UserFactory())) == {section.pk}


def test_copies_restricted_to_different_groups_need_both_groups(home, rf):
    board, staff = Group.objects.create(name="board"), Group.objects.create(name="staff")
    section = page(home, "members")
    italian_section = translation(section, "it")
    restrict(section, GROUPS, groups=[board])
    restrict(italian_section, GROUPS, groups=[staff])
    member = UserFactory()
    member.groups.add(board)
    assert hidden(reader(rf, member)) == {section.pk, italian_section.pk}
    member.groups.add(staff)
    assert hidden(reader(rf, member)) == set()


@pytest.mark.parametrize("count", [1, 3])
def test_hiding_costs_the_same_queries_for_one_or_many_restrictions(
    home, rf, count, django_assert_num_queries
):
    """Restrictions with their pages and groups, the copies' paths, the aliases under them;
    a logged-in reader adds nothing for login restrictions."""
    for number in range(count):
        restrict(page(home, f"section-{number}"))
    with django_assert_num_queries(4):
        q = hidden_pages_q()
    assert Page.objects.filter(q).count() == count
    request = reader(rf, UserFactory())
    with django_assert_num_queries(2):
        q = hidden_pages_q(request)
    assert not Page.objects.filter(q).exists()


def test_the_answer_is_computed_once_per_request(home, rf, django_assert_num_queries):
    restrict(page(home, "members"))
    request = reader(rf, UserFactory())
    first = hidden_pages_q(request)
    with django_assert_num_queries(0):
        assert hidden_pages_q(request) is first


def test_visible_pages_leaves_out_drafts_and_private_pages(home, rf):
    section = page(home, "members")
    public = page(home, "open")
    draft = page(home, "draft")
    draft.unpublish()
    restrict(section)
    shown = visible_pages(Page.objects.child_of(home))
    assert sorted(shown.values_list("pk", flat=True)) == [public.pk]
    assert is_visible(public)
    assert not is_visible(draft)
    assert not is_visible(section)


def test_a_hiding_rule_for_some_page_classes_is_asked_only_for_them(home, rf, monkeypatch):
    """A rule registered with its page classes costs nothing to the listings of other classes
    (an events listing never builds the results' subquery), and still hides its pages."""
    from cms import visibility
    from cms.models import ContentPage, NewsPage

    hidden = page(home, "hidden")
    asked = []

    def rule(request):
        asked.append(request)
        return Q(pk=hidden.pk)

    monkeypatch.setattr(visibility, "_RULES", list(visibility._RULES))
    monkeypatch.setattr(visibility, "_RULE_MODELS", set(visibility._RULE_MODELS))
    monkeypatch.setattr(visibility, "_RULE_PAGE_CLASSES", dict(visibility._RULE_PAGE_CLASSES))
    visibility.register_hidden_pages_rule(rule, page_classes=[ContentPage])
    assert not visible_pages(NewsPage.objects.all()).exists() and asked == []
    assert hidden.pk not in visible_pages(ContentPage.objects.all()).values_list("pk", flat=True)
    assert hidden.pk not in visible_pages(Page.objects.all()).values_list("pk", flat=True)
    assert len(asked) == 2
