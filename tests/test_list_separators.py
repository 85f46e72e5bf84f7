"""Items of an inline list are separated the reader's way: "، " in Arabic, ", " elsewhere.

A comma typed in a template is a Latin comma on every page; `{% list_separator %}` (or the
`comma` it gives with `as`) is the translated one (cms/templatetags/bidi_tags.py)."""

import re

from django.template import Context, Template
from django.utils import translation

from tests.test_editor_text_is_isolated import project_templates

# A comma or semicolon typed between the items of a {% for %} loop.
TYPED_SEPARATOR = re.compile(r"\{%\s*if not forloop\.last\s*%\}\s*[,;،]")


def test_no_template_types_a_comma_between_the_items_of_a_loop():
    found = [
        f"{path}:{text.count(chr(10), 0, match.start()) + 1}"
        for path in project_templates()
        for text in [path.read_text(encoding="utf-8")]
        for match in TYPED_SEPARATOR.finditer(text)
    ]
    assert not found, "use {% list_separator %}: " + ", ".join(found)


def test_the_scan_finds_a_typed_comma():
    assert TYPED_SEPARATOR.search("{% for a in b %}{{ a }}{% if not forloop.last %}, {% endif %}")
    assert not TYPED_SEPARATOR.search("{% if not forloop.last %}{% list_separator %}{% endif %}")


def test_the_separator_is_arabic_on_an_arabic_page():
    template = Template(
        "{% load bidi_tags %}{% for x in items %}{{ x }}"
        "{% if not forloop.last %}{% list_separator %}{% endif %}{% endfor %}"
    )
    with translation.override("ar"):
        assert template.render(Context({"items": ["a", "b"]})) == "a، b"
    with translation.override("en"):
        assert template.render(Context({"items": ["a", "b"]})) == "a, b"
