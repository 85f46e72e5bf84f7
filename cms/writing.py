"""What members write: Markdown in, sanitised HTML out.

Members type Markdown (bold, italics, lists, links, quotes, headings) in a plain textarea; the
toolbar and preview only help them write it. The source is stored as typed, and rendered on
save with markdown-it (CommonMark) and then cleaned by the one allow-list, cms/sanitiser.py:
Markdown never decides what HTML is safe.

Raw HTML inside the Markdown of posts and ideas is passed to the sanitiser rather than escaped,
on purpose: before this editor members wrote simple HTML there, and what they wrote then is its
source now (see the migration that copied it); editing it shows that HTML and renders it as it
was. Bios were plain text: their HTML-looking text stays text (`allow_html=False`).
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


def _parser(html):
    md = MarkdownIt("commonmark", {"html": html, "breaks": True})
    md.enable("strikethrough")
    md.disable("image")
    md.add_render_rule("heading_open", _heading)
    md.add_render_rule("heading_close", _heading)
    return md


_MARKDOWN = {True: _parser(html=True), False: _parser(html=False)}


def markdown_to_html(source, *, allow_html=True):
    """Markdown rendered, then cleaned by the sanitiser's allow-list. A line break typed is a
    line break shown, as people expect in a message box.

    `allow_html`: HTML inside the Markdown goes to the sanitiser (fields that held HTML before
    the editor: posts, ideas' sections); without it, it is shown as the text typed (fields
    that were plain text before: bios, where "<lab>" always meant those five characters).
    """
    if not (source or "").strip():
        return ""
    return clean_html(_MARKDOWN[allow_html].render(source)).strip()


def markdown_to_text(source):
    """The words `source` would show, as plain text ("" when it would show nothing)."""
    return text_from_html(markdown_to_html(source)).strip()
