"""Template helpers for mixed-direction text (cms.bidi) and for content in another language.

- `text|isolate`, `html|isolate_html`: each embedded opposite-direction run in a `<bdi>`, judged
  against the reader's language direction.
- `{% content_lang_attrs obj %}`: ` lang=".." dir=".."` on an element showing a page or snippet
  whose text is not in the reader's language (an untranslated card, menu item, partner name).
- `{% content_language_label obj %}`: beside such an element, the visible label that says so
  ("in English"), in the reader's language; `{% language_label code %}` for a known language.
- `{% with_content_languages pages as pages %}`: the content language of many pages in one query.
- `{% datetime_with_zone value %}`: a date and time in the reader's format, with the time and
  its zone kept together ("15:35 CET", never "CET 15:35" in Arabic).
"""

from django import template
from django.utils import dateformat
from django.utils.formats import get_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, get_language_bidi, get_language_info, pgettext
from wagtail.models import Locale, Page

from cms import bidi
from cms.templatetags.translation_tags import language_label_text
from cms.translation_state import content_language_of, set_content_languages

register = template.Library()


def _isolated(text, rtl):
    # A text already escaped (what `{% firstof ... as x %}` stores, a value marked safe) is HTML:
    # escaping it again would show "&amp;amp;", so its text is isolated between its entities.
    if isinstance(text, SafeData):
        return bidi.isolate_html(text, rtl)
    return bidi.isolate_text(text, rtl)


@register.filter(is_safe=True)
def isolate(text):
    return _isolated(text, get_language_bidi())


@register.filter(is_safe=True)
def isolate_for(text, language_code):
    """`isolate` for a text written in `language_code` rather than the page's language (an
    editor's text shown in English on an Arabic page keeps its Latin runs as they are)."""
    return _isolated(text, get_language_info(language_code)["bidi"])


@register.filter
def isolate_plain(text):
    """Member-written text where no markup may go (a `<title>`): wrapped in the Unicode isolate
    characters FSI…PDI, so a U+202E or an opposite-direction query cannot reorder the text
    around it. Escaped as usual by the template."""
    return f"\u2068{text}\u2069"


@register.filter(is_safe=True)
def isolate_html(html):
    return bidi.isolate_html(conditional_escape(html), get_language_bidi())


_LOCALE_CODES = {}


def _language_of(obj):
    """The language code of a page's live content, a translatable snippet, or a record that
    says which language its texts are written in (`content_language`)."""
    if isinstance(obj, Page):
        return content_language_of(obj)
    written_in = getattr(obj, "content_language", None)
    if isinstance(written_in, str) and written_in:
        return written_in
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return ""
    if locale_id not in _LOCALE_CODES:
        # Nine rows, read once per process; a locale added later is read on first sight.
        _LOCALE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return _LOCALE_CODES.get(locale_id, "")


@register.simple_tag
def content_lang_attrs(obj):
    """` lang=".." dir=".."` when `obj`'s text is in another language than the reader's."""
    return lang_attrs(_language_of(obj))


@register.simple_tag
def lang_attrs(code):
    """` lang=".." dir=".."` when `code` is another language than the reader's."""
    if not code or code == get_language():
        return ""
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.simple_tag
def language_label(code):
    """A visible label, in the reader's language, saying a text beside it is written in `code`
    ("in English"); nothing when `code` is the reader's language. It carries the reader's
    `lang`, so it reads right inside an element marked with the text's language."""
    reader = get_language()
    if not code or code == reader:
        return ""
    direction = "rtl" if get_language_bidi() else "ltr"
    return format_html(
        '<span class="content-language" lang="{}" dir="{}">{}</span>',
        reader,
        direction,
        language_label_text(code),
    )


@register.simple_tag
def content_language_label(obj):
    """`language_label` for the language `obj`'s text is written in (see `content_lang_attrs`)."""
    return language_label(_language_of(obj))


@register.simple_tag
def with_content_languages(pages):
    """`pages` as a list, each knowing its content language (one query for all)."""
    return set_content_languages(pages or [])


@register.simple_tag
def datetime_with_zone(value):
    """`value` in the reader's DATETIME_FORMAT followed by its time zone, the time and zone in
    one left-to-right isolate."""
    if not value:
        return ""
    # Templates show aware datetimes in the site's time zone; a tag must convert itself.
    value = template_localtime(value)
    date_time_format = get_format("DATETIME_FORMAT")
    time_format = get_format("TIME_FORMAT")
    zone = dateformat.format(value, "T")
    if date_time_format.endswith(time_format):
        date_part = dateformat.format(value, date_time_format[: -len(time_format)])
        time_part = dateformat.format(value, time_format)
        return format_html('{}<bdi dir="ltr">{} {}</bdi>', date_part, time_part, zone)
    whole = dateformat.format(value, date_time_format)
    return format_html('<bdi>{}</bdi> <bdi dir="ltr">{}</bdi>', whole, zone)


@register.simple_tag
def datetime_with_zone_text(value):
    """Plain text for emails: `value` in the reader's DATETIME_FORMAT followed by its zone."""
    if not value:
        return ""
    value = template_localtime(value)
    when = dateformat.format(value, get_format("DATETIME_FORMAT"))
    return f"{when} {dateformat.format(value, 'T')}"


@register.simple_tag
def list_separator():
    """The comma between items of an inline list in the reader's language ("، " in Arabic)."""
    return pgettext("list separator", ", ")
