"""Every user-visible text in our templates is marked for translation."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted(
    path
    for folder in ("templates", "cms", "events", "community")
    for path in (ROOT / folder).rglob("*.html")
)
# Texts that are the same in every language.
NEUTRAL = {"OpenSocialCluster", "Leaflet", "OpenStreetMap"}

_BLOCKS = re.compile(
    r"{%\s*(comment|blocktranslate|blocktrans)\b.*?{%\s*end\1\s*%}|<script\b.*?</script>|"
    r"<style\b.*?</style>|{#.*?#}",
    re.S,
)
_TAGS = re.compile(r"{%.*?%}|{{.*?}}", re.S)
_ATTRIBUTES = re.compile(r'\b(alt|title|placeholder|aria-label|aria-description)="([^"]*)"')


def visible_texts(source):
    """Literal words a reader would see: text between HTML tags and text-bearing attributes."""
    source = _BLOCKS.sub(" ", source)
    source = _TAGS.sub(" ", source)
    texts = [value for _name, value in _ATTRIBUTES.findall(source)]
    texts += re.findall(r">([^<>]+)<", source)
    words = []
    for text in texts:
        text = " ".join(text.split())
        if re.search(r"[^\W\d_]{2,}", text) and text not in NEUTRAL:
            words.append(text)
    return words


def test_the_checker_finds_unmarked_text_and_accepts_marked_text():
    assert visible_texts("<p>Read more</p>") == ["Read more"]
    assert visible_texts('<img alt="A map">') == ["A map"]
    assert visible_texts("<p>{% translate 'Read more' %}</p>") == []
    assert visible_texts("<p>{% blocktranslate %}Hi {{ name }}{% endblocktranslate %}</p>") == []
    assert visible_texts("<p>{{ page.title }}</p>") == []


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT)))
def test_template_has_no_unmarked_user_visible_text(path):
    assert visible_texts(path.read_text()) == []
