"""On a phone (390 px), in English and in French: a moderator hides a comment on an idea from
the conversation itself, with a reason; members no longer read it, its author sees it hidden
with the reason, and the page does not scroll sideways."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from cms.factories import make_site
from community.discussions.factories import DiscussionIndexPageFactory
from community.discussions.ideas import comment_on_idea, ideas_space
from community.discussions.models import PostStatus
from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.moderation.models import ModerationAction, ModerationActionKind
from tests.e2e.sessions import sign_in
from tests.events.conftest import make_member

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SPAM = "Cheap watches, visit my shop today"


@pytest.fixture
def conversation():
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    home = make_site()
    DiscussionIndexPageFactory(parent=home)
    call = IdeaCallPageFactory(parent=home, ideas_public=True)
    idea = IdeaFactory(call=call, author=make_member("ines@example.org", display_name="Ines"))
    spammer = make_member("spam@example.org", display_name="Sam Seller")
    reader = make_member("reader@example.org", display_name="Rita Reader")
    moderator = make_member("mona@example.org", display_name="Mona Moderator")
    post = comment_on_idea(idea, spammer, body=f"<p>{SPAM}</p>", language="en")
    ideas_space().moderators.add(moderator)
    return idea, post, spammer, reader, moderator


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_moderator_hides_a_comment_from_the_conversation_on_a_phone(
    open_page, live_server, conversation, language
):
    idea, post, spammer, reader, moderator = conversation
    url = f"{live_server.url}/{language}/community/ideas/{idea.pk}/"

    mod = open_page(viewport=PHONE)
    sign_in(mod, live_server, moderator)
    mod.goto(url)
    assert mod.locator("html").get_attribute("lang").startswith(language)
    comment = mod.locator(f"#post-{post.pk}")
    assert SPAM in comment.inner_text()
    assert no_sideways_scroll(mod)
    comment.locator(".moderation-controls summary").click()
    comment.locator(f"#hide-reason-{post.pk}").fill("Advertising is not allowed here.")
    assert no_sideways_scroll(mod)
    hide_form = comment.locator("form[action$='/moderate/hide/']")
    with mod.expect_navigation():
        hide_form.locator("button[type=submit]").click()
    mod.locator(f"#post-{post.pk}.post--hidden").wait_for()
    assert f"/{language}/community/ideas/{idea.pk}/" in mod.url

    post.refresh_from_db()
    assert post.status == PostStatus.HIDDEN
    logged = ModerationAction.objects.get(post=post)
    assert (logged.action, logged.moderator_id) == (ModerationActionKind.HIDE, moderator.pk)

    # Another member no longer reads it.
    other = open_page(viewport=PHONE)
    sign_in(other, live_server, reader)
    other.goto(url)
    assert SPAM not in other.locator("main").inner_text()
    assert other.locator(f"#post-{post.pk}").count() == 0
    assert other.locator(".moderation-controls").count() == 0

    # Its author sees it hidden, with the moderator's reason.
    author = open_page(viewport=PHONE)
    sign_in(author, live_server, spammer)
    author.goto(url)
    hidden = author.locator(f"#post-{post.pk}.post--hidden")
    assert "Advertising is not allowed here." in hidden.inner_text()
    assert no_sideways_scroll(author)
