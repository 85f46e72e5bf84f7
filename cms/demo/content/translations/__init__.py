"""Demo text in the languages beyond English and Italian, keyed by the English text.

The content data (../data/) gives English and Italian side by side; for the pages reachable
from the menu, the home page and the footer (home, About, the three index pages, Partners, the
privacy policy, the seven pilot actions), the footer text, countries, topics and partner names,
each other site language has a data file here (`fr.json`, `es.json`, ...) that maps every English text to its translation.
`nine_language_texts()` lists the English texts those files must cover (a test checks it).
"""

import json
from pathlib import Path

from .. import load

INLINE_LANGUAGES = ("en", "it")
EXTRA_LANGUAGES = ("fr", "es", "pt", "el", "hr", "sl", "ar")

# Structural keys whose bilingual values are names used as identifiers, never shown as prose.
_SKIP_KEYS = frozenset({"key", "slug", "country", "lead_partner", "topics", "page"})


def nine_language_sources():
    """The content written in all nine languages."""
    pages, organisations, snippets = load("pages"), load("organisations"), load("snippets")
    return [
        pages["home"],
        pages["about"],
        pages["footer_text"],
        pages["indexes"],
        pages["partners_page"],
        load("privacy")["privacy"],
        organisations["helix_labels"],
        [
            (item["name"], item["city"])
            for item in (*organisations["partners"], *organisations["stakeholders"])
        ],
        *load("pilot_actions")["pilot_actions"],
        [name for _code, name in snippets["countries"]],
        [(name, description) for _slug, name, description in snippets["topics"]],
    ]


def _english_leaves(data, found):
    if isinstance(data, dict):
        if set(data) == set(INLINE_LANGUAGES):
            _english_leaves_of_text(data["en"], found)
            return
        for key, value in data.items():
            if key not in _SKIP_KEYS:
                _english_leaves(value, found)
    elif isinstance(data, list | tuple):
        for item in data:
            _english_leaves(item, found)


def _english_leaves_of_text(value, found):
    if isinstance(value, str):
        if value.strip():
            found.setdefault(value, None)
    elif isinstance(value, dict | list | tuple):
        items = value.values() if isinstance(value, dict) else value
        for item in items:
            _english_leaves_of_text(item, found)


def nine_language_texts():
    found = {}
    for source in nine_language_sources():
        _english_leaves(source, found)
    return list(found)


_catalogues = {}


def strings(language):
    if language not in _catalogues:
        path = Path(__file__).with_name(f"{language}.json")
        _catalogues[language] = json.loads(path.read_text(encoding="utf-8"))
    return _catalogues[language]


def translate(text, language):
    """The translation of an English demo text, or the English text where there is none."""
    return strings(language).get(text, text)
