"""The one allow-list for HTML that members write (posts, idea sections, contributions).

Rich text is cleaned on the way in with bleach and marked safe on the way out. Plain text (names,
titles, bios, summaries, reasons) is never passed through here: it is stored as typed and escaped
once, on output, by the templates and the exports' own formats; escaping it before storing showed
"R&amp;D" wherever it was escaped again and in every CSV and JSON export.
bleach is frozen upstream (security fixes only): keeping it behind this module makes a move to
nh3 a one-file change.
"""

import html

import bleach
from bleach.linkifier import DEFAULT_CALLBACKS

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "s", "blockquote", "code", "pre", "ul", "ol", "li"}
    | {"a", "h3", "h4"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})


def clean_html(value):
    """Members' rich text: allowed tags only, safe links (made rel="nofollow"), no comments."""
    cleaned = bleach.clean(
        value or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    return bleach.linkify(cleaned, callbacks=DEFAULT_CALLBACKS, skip_tags={"pre", "code"})


def text_from_html(value):
    """The words of cleaned rich text, as plain text: every tag dropped, entities decoded.

    For places that need the text of rich text (search, a label in the admin); the result is
    plain text like any other, escaped wherever it is output.
    """
    stripped = bleach.clean(value or "", tags=set(), strip=True, strip_comments=True)
    return html.unescape(stripped)
