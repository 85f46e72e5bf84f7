"""Right-to-left text that reads correctly: isolating embedded opposite-direction runs.

In an Arabic sentence, a Latin run such as "+RESILIENT" or "Interreg MED (2014-2020)" is laid
out by the Unicode bidi algorithm, which moves neutral characters next to it (the "+", brackets,
full stops) to the wrong side: "+RESILIENT" shows as "RESILIENT+". Wrapping each such run in
`<bdi>` (an isolate) keeps it whole and its neighbours where they belong. The same holds for an
Arabic or Hebrew run inside a left-to-right sentence.

Pure functions of text, tested without a database; templates reach them through the
`bidi_tags` filters.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

__all__ = ["isolate_html", "isolate_text", "opposite_runs"]

_LATIN = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"

# A left-to-right run: words in a Latin, Greek or Cyrillic script (with digits and the
# punctuation that belongs inside names, like "+RESILIENT", "MED-2014", "S.p.A", "C&T"),
# possibly several separated by spaces. It may start with "+", "#" or "@" (brand names,
# hashtags) and ends on a letter or digit, so a sentence's own full stop stays outside.
_LTR_WORD = rf"[+#@]?[{_LATIN}0-9](?:[{_LATIN}0-9+.&'’/_-]*[{_LATIN}0-9+])?"
_LTR_RUN = re.compile(rf"{_LTR_WORD}(?:[ \u00a0]+{_LTR_WORD})*")
# A right-to-left run: Arabic or Hebrew words, with the digits and spaces between them.
_RTL_WORD = rf"[{_RTL}](?:[{_RTL}0-9\u0660-\u0669]*[{_RTL}0-9\u0660-\u0669])?"
_RTL_RUN = re.compile(rf"{_RTL_WORD}(?:[ \u00a0]+{_RTL_WORD})*")
_HAS_LATIN_LETTER = re.compile(rf"[{_LATIN}]")
_TAG = re.compile(r"(<[^>]*>)")


def opposite_runs(text, rtl):
    """The spans (start, end) of runs written in the other direction than `rtl` says."""
    if rtl:
        return [
            match.span()
            for match in _LTR_RUN.finditer(text)
            if _HAS_LATIN_LETTER.search(match.group())  # numbers alone are laid out well
        ]
    return [match.span() for match in _RTL_RUN.finditer(text)]


_HAS_RTL_LETTER = re.compile(f"[{_RTL}]")


def _wholly_opposite(text, rtl):
    """The span of `text` without its surrounding spaces when all its words run the other way
    (an English question on an Arabic page keeps its "?" at its own end), else None."""
    has_own = _HAS_RTL_LETTER.search(text) if rtl else _HAS_LATIN_LETTER.search(text)
    has_other = _HAS_LATIN_LETTER.search(text) if rtl else _HAS_RTL_LETTER.search(text)
    if has_own or not has_other:
        return None
    start = len(text) - len(text.lstrip())
    return [(start, len(text.rstrip()))]


def _wrap(text, rtl, escape_text):
    direction = "ltr" if rtl else "rtl"
    out, last = [], 0
    for start, end in _wholly_opposite(text, rtl) or opposite_runs(text, rtl):
        out.append(escape_text(text[last:start]))
        out.append(f'<bdi dir="{direction}">{escape_text(text[start:end])}</bdi>')
        last = end
    out.append(escape_text(text[last:]))
    return "".join(out)


def isolate_text(text, rtl):
    """Plain `text`, HTML-escaped, with each opposite-direction run in a `<bdi>`."""
    if text is None:
        return ""
    return mark_safe(_wrap(str(text), rtl, escape))  # noqa: S308 - every piece is escaped


def isolate_html(html, rtl):
    """Trusted HTML (rendered rich text) with the runs in its text nodes isolated.

    Only text between tags is touched; tags and entities stay as they are.
    """
    if not html:
        return html or ""
    pieces = _TAG.split(str(html))
    inside_bdi = 0
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag
            lowered = piece.lower()
            if lowered.startswith("<bdi"):
                inside_bdi += 1
            elif lowered.startswith("</bdi"):
                inside_bdi = max(0, inside_bdi - 1)
            continue
        if piece and not inside_bdi:
            pieces[index] = _wrap_entities_safe(piece, rtl)
    return mark_safe("".join(pieces))  # noqa: S308 - input was trusted HTML, tags unchanged


def _wrap_entities_safe(text, rtl):
    # `&amp;` and friends must not be cut: runs are found in text where entities are single
    # placeholder characters, then put back.
    entities = []

    def keep(match):
        entities.append(match.group())
        return "\ue000"

    flattened = re.sub(r"&[#\w]+;", keep, text)
    wrapped = _wrap(flattened, rtl, lambda piece: piece)
    entity_iter = iter(entities)
    return re.sub("\ue000", lambda _match: next(entity_iter), wrapped)
