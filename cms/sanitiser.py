"""The one allow-list for HTML that members write (posts, idea sections, contributions).

Rich text is cleaned on the way in with bleach and marked safe on the way out. Plain text (names,
titles, bios, summaries, reasons) is never passed through here: it is stored as typed and escaped
once, on output, by the templates and the exports' own formats; escaping it before storing showed
"R&amp;D" wherever it was escaped again and in every CSV and JSON export.
bleach is frozen upstream (security fixes only): keeping it behind this module makes a move to
nh3 a one-file change.
"""

import html
import re

import bleach
from bleach.linkifier import DEFAULT_CALLBACKS

ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "b", "em", "i", "u", "s", "blockquote", "code", "pre", "ul", "ol", "li"}
    | {"a", "h3", "h4"}
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})


# Code is set aside while bare URLs become links: bleach's linkify escapes the text of the tags
# it skips a second time ("&lt;" shown as "&amp;lt;"), so it never sees them. The markers are
# private-use characters, removed from the input first so no text can forge one.
_CODE = re.compile(r"<pre>.*?</pre>|<code>.*?</code>", re.DOTALL)
_SET_ASIDE = re.compile("\ue010(\\d+)\ue011")


def clean_html(value):
    """Members' rich text: allowed tags only, safe links (made rel="nofollow"), no comments."""
    value = (value or "").replace("\ue010", "").replace("\ue011", "")
    cleaned = bleach.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
    )
    code = []

    def set_aside(match):
        code.append(match.group(0))
        return f"\ue010{len(code) - 1}\ue011"

    linked = bleach.linkify(_CODE.sub(set_aside, cleaned), callbacks=DEFAULT_CALLBACKS)
    return _SET_ASIDE.sub(lambda match: code[int(match.group(1))], linked)


def text_from_html(value):
    """The words of cleaned rich text, as plain text: every tag dropped, entities decoded.

    For places that need the text of rich text (search, a label in the admin); the result is
    plain text like any other, escaped wherever it is output.
    """
    stripped = bleach.clean(value or "", tags=set(), strip=True, strip_comments=True)
    return html.unescape(stripped)
