"""What members write: Markdown rendered, then cleaned by the one sanitiser (cms/writing.py)."""

import pytest

from cms.sanitiser import clean_html
from cms.writing import markdown_to_html, markdown_to_text


def test_markdown_features_render_as_the_allowed_html():
    html = markdown_to_html(
        "**bold** and _italic_\n\n- one\n- two\n\n1. first\n\n> a quote\n\n"
        "# A heading\n\n## A smaller one\n\n[a link](https://example.org/) ~~gone~~"
    )
    assert "<strong>bold</strong>" in html
    assert "<em>italic</em>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert "<ol>\n<li>first</li>\n</ol>" in html
    assert "<blockquote>\n<p>a quote</p>\n</blockquote>" in html
    # Headings sit below the page's own: h3 and h4, the sanitiser's only headings.
    assert "<h3>A heading</h3>" in html and "<h4>A smaller one</h4>" in html
    assert '<a href="https://example.org/" rel="nofollow">a link</a>' in html
    assert "<s>gone</s>" in html


def test_a_typed_line_break_is_a_line_break():
    assert markdown_to_html("first line\nsecond line") == "<p>first line<br>\nsecond line</p>"


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        '<a href="javascript:alert(1)">click</a>',
        '<img src="x" onerror="alert(1)">',
        '<p onclick="alert(1)">hi</p>',
        "[click](JaVaScRiPt:alert(1))",
        "<javascript:alert(1)>",
    ],
)
def test_scripts_handlers_and_javascript_links_are_removed(source):
    html = markdown_to_html(source).lower()
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert "onerror" not in html and "onclick" not in html
    assert "<img" not in html


def test_code_shows_its_characters_escaped_once():
    # bleach's linkify escaped the text of the tags it skips a second time ("&amp;lt;").
    assert markdown_to_html("`a <b> & c`") == "<p><code>a &lt;b&gt; &amp; c</code></p>"
    assert clean_html("<pre>x &lt; y</pre> see https://example.org") == (
        '<pre>x &lt; y</pre> see <a href="https://example.org" rel="nofollow">'
        "https://example.org</a>"
    )


@pytest.mark.parametrize(
    "legacy",
    [
        "<p>Hello <strong>all</strong></p><p>Two<br>lines &amp; more</p>",
        "<ul><li>one</li><li>two</li></ul><blockquote><p>said</p></blockquote>",
        '<p>See <a href="https://example.org" rel="nofollow">this</a>, <em>please</em>.</p>',
        "<h3>Title</h3><p>1. not a list, *not* emphasis</p>",
    ],
)
def test_html_written_before_the_editor_renders_as_it_did(legacy):
    """Posts written as HTML before the editor are their own source now: rendering it again
    (when edited, or in the preview) gives what the old sanitiser gave."""
    assert markdown_to_html(legacy) == clean_html(legacy)


def test_text_that_shows_nothing_is_empty():
    assert markdown_to_text("<script>x</script>") == "x"
    assert markdown_to_text("  \n<!-- a comment -->\n") == ""
    assert markdown_to_html("") == ""
