"""Every rich-text field of an idea goes through cms.sanitiser: scripts, event handlers,
javascript: URLs, SVG and broken markup are removed from what is shown; ordinary formatting
stays. The sections are kept as the authors typed them (Markdown, HTML allowed) and rendered
on save (cms.writing)."""

import pytest

from community.ideas.factories import IdeaCallPageFactory, IdeaFactory
from community.ideas.models import RICH_TEXT_FIELDS, Review

ATTACKS = [
    '<script>alert("x")</script>',
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<svg onload="alert(1)"><circle r="5"/></svg>',
    "<p onclick='steal()'>text",
    "<div><b>unclosed <i>tags",
    "<iframe src='https://evil.example'></iframe>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
]
FORMATTING = (
    "<p>Plain <strong>bold</strong> <em>italic</em></p><ul><li>one</li></ul>"
    '<a href="https://example.org/">link</a>'
)


@pytest.mark.django_db
@pytest.mark.parametrize("field", RICH_TEXT_FIELDS)
def test_dangerous_markup_is_removed_from_every_rich_text_field(home, field):
    call = IdeaCallPageFactory(parent=home)
    typed = FORMATTING + "".join(ATTACKS)
    idea = IdeaFactory(call=call, **{field: typed})
    idea.refresh_from_db()
    assert getattr(idea, field) == typed  # the source, as typed
    shown = idea.rendered_sections[field]
    stored = shown.lower()
    for forbidden in (
        "<script",
        "onerror",
        "onclick",
        "onload",
        "javascript:",
        "<svg",
        "<iframe",
        "<img",
        "<div",
    ):
        assert forbidden not in stored, (field, forbidden)
    for kept in (
        "<strong>bold</strong>",
        "<em>italic</em>",
        "<li>one</li>",
        'href="https://example.org/"',
    ):
        assert kept in shown, (field, kept)


@pytest.mark.django_db
def test_title_summary_and_review_comments_are_stored_as_typed_and_escaped_on_the_page(
    client, home
):
    typed = "<b>Bold</b> title<script>x()</script>"
    idea = IdeaFactory(
        call=IdeaCallPageFactory(parent=home),
        title=typed,
        summary='<a href="javascript:x()">Summary</a>',
    )
    idea.refresh_from_db()
    assert idea.title == typed and idea.summary == '<a href="javascript:x()">Summary</a>'
    review = Review.objects.create(idea=idea, reviewer=idea.author, comment="<img onerror=x>Good")
    review.refresh_from_db()
    assert review.comment == "<img onerror=x>Good"
    client.force_login(idea.author)
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; title&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<script>x()" not in html and 'href="javascript:' not in html


@pytest.mark.django_db
def test_the_idea_page_shows_formatting_and_escapes_nothing_dangerous(client, home):
    idea = IdeaFactory(
        call=IdeaCallPageFactory(parent=home),
        solution='<p>We <strong>cook</strong>.</p><script>alert("pwned")</script>',
    )
    html = client.get(idea.get_absolute_url()).content.decode()
    assert "<strong>cook</strong>" in html
    assert '<script>alert("pwned")' not in html
