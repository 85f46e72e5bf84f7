"""What members write: Markdown in, sanitised HTML out.

Members type Markdown (bold, italics, lists, links, quotes, headings) in a plain textarea; the
toolbar and preview only help them write it. The source is stored as typed, and rendered on
save with markdown-it (CommonMark) and then cleaned by the one allow-list, cms/sanitiser.py:
Markdown never decides what HTML is safe.

Raw HTML inside the Markdown is passed to the sanitiser rather than escaped, on purpose: before
this editor members wrote simple HTML, and the posts they wrote then are their sources now
(see the migration that copied them); editing one shows that HTML and renders it as it was.
Headings become h3/h4 (the page's own headings come first); images are not offered.
"""

from markdown_it import MarkdownIt

from cms.sanitiser import clean_html, text_from_html

__all__ = ["markdown_to_html", "markdown_to_text"]


def _heading(renderer, tokens, index, options, env):
    """`#` is a section heading of the post (h3), deeper ones h4: the only headings the
    sanitiser allows, below the page's title and its own sections."""
    token = tokens[index]
    level = int(token.tag[1:])
    token.tag = "h3" if level <= 1 else "h4"
    return renderer.renderToken(tokens, index, options, env)


def _parser():
    md = MarkdownIt("commonmark", {"html": True, "breaks": True})
    md.enable("strikethrough")
    md.disable("image")
    md.add_render_rule("heading_open", _heading)
    md.add_render_rule("heading_close", _heading)
    return md


_MARKDOWN = _parser()


def markdown_to_html(source):
    """Markdown (with any HTML in it) rendered, then cleaned by the sanitiser's allow-list.
    A line break typed is a line break shown, as people expect in a message box."""
    if not (source or "").strip():
        return ""
    return clean_html(_MARKDOWN.render(source)).strip()


def markdown_to_text(source):
    """The words `source` would show, as plain text ("" when it would show nothing)."""
    return text_from_html(markdown_to_html(source)).strip()
