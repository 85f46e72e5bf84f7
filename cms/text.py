"""Single-line text that members and editors type: names, titles, headings, places.

Such a value ends up in places where a line break means something: email bodies and headers,
CSV rows, iCalendar lines, page titles. A name with a newline in it could add lines of its own to
another member's email. So single-line fields refuse every control character (Unicode category
Cc: line feed, carriage return, tab, NUL, escape, the C1 controls) and the Unicode line and
paragraph separators. Bidirectional marks (category Cf) stay allowed: Arabic names and mixed
scripts need them, and the bidi helpers isolate member text where it is shown (cms/bidi.py).
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

__all__ = ["SingleLineCharField", "has_control_character", "one_line", "validate_single_line"]

_REFUSED_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})

SINGLE_LINE_MESSAGE = _(
    "Write this on one line: line breaks, tabs and other invisible control characters are not "
    "allowed here."
)


def has_control_character(value):
    return any(unicodedata.category(char) in _REFUSED_CATEGORIES for char in value or "")


def one_line(value):
    """`value` on one line: control characters and separators become spaces, runs of spaces one."""
    text = "".join(
        " " if unicodedata.category(char) in _REFUSED_CATEGORIES else char for char in value or ""
    )
    return " ".join(text.split())


def validate_single_line(value):
    if has_control_character(value):
        raise ValidationError(SINGLE_LINE_MESSAGE, code="control_character")


class SingleLineCharField(forms.CharField):
    """A form field for one line of typed text; refuses control characters beside the field."""

    default_validators = [validate_single_line]
