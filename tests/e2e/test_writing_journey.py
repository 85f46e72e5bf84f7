"""A member replies on a phone: types "@Mat", picks "Mateo Ruiz" from the suggestions, posts,
and the post links to his profile; the text typed survives a closed tab as a draft until sent.
In English and in Arabic (right to left)."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from cms.factories import make_site
from community.discussions.factories import (
    DiscussionIndexPageFactory,
    DiscussionSpaceFactory,
    PostFactory,
    ThreadFactory,
)
from community.discussions.models import Post, SpaceVisibility
from tests.e2e.sessions import sign_in
from tests.e2e.test_accessibility import axe_violations
from tests.events.conftest import make_member

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def thread():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    home = make_site()
    section = DiscussionIndexPageFactory(parent=home)
    space = DiscussionSpaceFactory(visibility=SpaceVisibility.MEMBERS, title="Urban gardens")
    author = make_member("amina@example.org", display_name="Amina Haddad")
    thread = ThreadFactory(space=space, author=author, title="Rooftops we could use")
    PostFactory(thread=thread, author=author, body="<p>Who knows a flat roof?</p>")
    return section, thread


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_reply_names_a_member_from_the_suggestions_and_links_to_the_profile(
    open_page, live_server, thread, language
):
    section, thread = thread
    bruno = make_member("bruno@example.org", display_name="Bruno Rossi")
    mateo = make_member("mateo@example.org", display_name="Mateo Ruiz")
    make_member("hidden@example.org", display_name="Mathilde Hidden", profile_visibility="hidden")
    thread_url = f"{live_server.url}/{language}{section.url[3:]}threads/{thread.pk}/"

    page = open_page(**PHONE)
    sign_in(page, live_server, bruno)
    page.goto(thread_url)
    assert page.locator("html").get_attribute("lang") == language
    message = page.locator("textarea[name=body]")
    # The editor's tabs and toolbar come with the script.
    page.locator(".editor__toolbar").wait_for()

    # A draft outlives a closed tab.
    message.click()
    message.press_sequentially("Ask ")
    page.wait_for_timeout(500)
    page.goto(thread_url)
    page.locator(".editor__draft").wait_for()
    message = page.locator("textarea[name=body]")
    assert message.input_value() == "Ask "
    message.focus()
    page.keyboard.press("End")

    # "@Mat" offers Mateo (not the hidden Mathilde); picking him inserts his mention.
    message.press_sequentially("@Mat")
    suggestions = page.locator(".editor__mentions")
    option = suggestions.get_by_role("option", name="Mateo Ruiz")
    option.wait_for()
    assert suggestions.get_by_role("option").count() == 1
    # The editor, its toolbar and the open suggestions pass WCAG 2.1 AA.
    violations = axe_violations(page)
    assert violations == [], [(v["id"], [n["html"][:70] for n in v["nodes"]]) for v in violations]
    option.click()
    message.press_sequentially("about the library roof.")
    assert message.input_value() == (
        f"Ask @[Mateo Ruiz](member:{mateo.pk}) about the library roof."
    )

    # The preview shows what will be posted.
    page.locator(".editor__tab").nth(1).click()
    preview_link = page.locator(".editor__preview a.mention")
    preview_link.wait_for()
    assert preview_link.inner_text() == "@Mateo Ruiz"

    page.locator(".editor__tab").nth(0).click()
    page.locator(".post-form button[type=submit]").click()
    page.wait_for_url("**#post-*")
    reply = Post.objects.get(thread=thread, author=bruno)
    # (The section exists in the English tree only: the post's link lands there; back to the
    # reader's language.)
    page.goto(f"{thread_url}#post-{reply.pk}")
    assert page.locator("html").get_attribute("lang") == language
    link = page.locator(f"#post-{reply.pk} a.mention")
    link.wait_for()
    assert link.inner_text() == "@Mateo Ruiz"
    with translation.override(language):
        profile = reverse("community:profile", args=[mateo.pk])
    assert link.get_attribute("href") == profile
    # Sent and saved: the draft is gone.
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('osc-draft:'))") == []
    # Nothing wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    link.click()
    page.get_by_role("heading", name="Mateo Ruiz").wait_for()


def test_without_javascript_a_plain_textarea_takes_markdown_and_a_typed_name(
    open_page, live_server, thread
):
    section, thread = thread
    bruno = make_member("bruno@example.org", display_name="Bruno Rossi")
    mateo = make_member("mateo@example.org", display_name="Mateo Ruiz")
    page = open_page(java_script_enabled=False, **PHONE)
    sign_in(page, live_server, bruno)
    page.goto(f"{live_server.url}{section.url}threads/{thread.pk}/")
    assert page.locator(".editor__toolbar").count() == 0
    page.locator("textarea[name=body]").fill("**Yes**: ask @Mateo Ruiz about it.")
    page.locator(".post-form button[type=submit]").click()
    reply = Post.objects.get(thread=thread, author=bruno)
    body = page.locator(f"#post-{reply.pk} .post__body")
    body.wait_for()
    assert body.locator("strong").inner_text() == "Yes"
    link = body.locator("a.mention")
    assert link.inner_text() == "@Mateo Ruiz"
    assert link.get_attribute("href") == reverse("community:profile", args=[mateo.pk])
