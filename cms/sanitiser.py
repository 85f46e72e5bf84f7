"""The one allow-list for HTML that members write (posts, ideas, profiles).

User HTML is cleaned on the way in with bleach and escaped on the way out by the templates.
bleach is frozen upstream (security fixes only): keeping it behind this module makes a move to
nh3 a one-file change.
"""

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


def clean_text(value):
    """Plain text from anything: every tag stripped (templates still escape on output)."""
    return bleach.clean(value or "", tags=set(), strip=True, strip_comments=True)
