"""The catalogues and the demo texts follow the network's glossary (docs/glossary.md)."""

import re
from pathlib import Path

import polib
import pytest

from cms.demo.content import load, translations

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
LANGUAGES = ("it", "fr", "es", "pt", "el", "hr", "sl", "ar")
CONTENT_SECTIONS = (
    "pages",
    "privacy",
    "organisations",
    "snippets",
    "news",
    "publications",
    "pilot_actions",
)
ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")


def glossary_tables():
    """The Markdown tables of docs/glossary.md as lists of {column: cell} rows."""
    tables, header = [], None
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if header is None:
            header = cells
            tables.append([])
        elif not set("".join(cells)) <= set("-: "):
            tables[-1].append(dict(zip(header, cells, strict=True)))
    return tables


def preferred_terms():
    return glossary_tables()[0]


def avoided_forms(language):
    forms = []
    for row in glossary_tables()[1]:
        forms += [form.strip() for form in row[language].split(",") if form.strip()]
    return forms


def _italian_leaves(data, found):
    if isinstance(data, dict):
        if set(data) == {"en", "it"}:
            _italian_leaves_of_text(data["it"], found)
            return
        for value in data.values():
            _italian_leaves(value, found)
    elif isinstance(data, list | tuple):
        for item in data:
            _italian_leaves(item, found)


def _italian_leaves_of_text(value, found):
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, dict | list | tuple):
        for item in value.values() if isinstance(value, dict) else value:
            _italian_leaves_of_text(item, found)


def demo_texts(language):
    """Every demo text written in language."""
    if language == "it":
        found = []
        for name in CONTENT_SECTIONS:
            _italian_leaves(load(name), found)
        return found
    return list(translations.strings(language).values())


def catalogue_texts(language):
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    texts = []
    for entry in polib.pofile(str(path)):
        texts.append(entry.msgstr)
        texts.extend(entry.msgstr_plural.values())
    return [text for text in texts if text]


def uses(form, text):
    return re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE) is not None


def test_glossary_has_a_preferred_term_for_every_network_concept():
    concepts = {row["English"].split(" (")[0] for row in preferred_terms()}
    assert {
        "quadruple helix",
        "academia",
        "business",
        "public administration",
        "civil society",
        "pilot action",
        "focus group",
        "co-design",
        "social innovation",
        "social economy",
        "stakeholder",
        "policy brief",
        "white paper",
    } <= concepts
    for row in preferred_terms():
        assert all(row[language] for language in LANGUAGES), row["English"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_avoids_the_forms_the_glossary_rejects(language):
    found = [
        (form, text)
        for text in catalogue_texts(language)
        for form in avoided_forms(language)
        if uses(form, text)
    ]
    assert not found, found[:5]


@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_texts_avoid_the_forms_the_glossary_rejects(language):
    found = [
        (form, text[:80])
        for text in demo_texts(language)
        for form in avoided_forms(language)
        if uses(form, text)
    ]
    assert not found, found[:5]


@pytest.mark.parametrize("language", LANGUAGES)
def test_demo_texts_name_the_quadruple_helix_as_the_glossary_does(language):
    helix = next(row for row in preferred_terms() if row["English"].startswith("quadruple helix"))
    stem = helix[language].split()[-1][:5]  # "elica", "hélic", "έλικα"... in any grammatical case
    texts = " ".join(demo_texts(language))
    assert helix[language].split()[0][:5].lower() in texts.lower(), helix[language]
    assert stem.lower() in texts.lower(), helix[language]


def _title_case_words(text):
    """Words after the first that start with a capital, outside parentheses and Latin names."""
    text = re.sub(r"\([^)]*\)|«[^»]*»", "", text)
    words = [word for word in text.split()[1:] if not re.search(r"[A-Za-z0-9+]", word)]
    return [word for word in words if word[:1].isupper()], words


def test_greek_demo_titles_and_headings_use_sentence_case():
    names = set()
    organisations = load("organisations")
    for item in (*organisations["partners"], *organisations["stakeholders"]):
        names.add(translations.translate(item["name"]["en"], "el"))
    offending = []
    for text in translations.strings("el").values():
        if "<" in text or len(text) > 90 or text in names or text.endswith("."):
            continue
        capitals, words = _title_case_words(text)
        if len(capitals) >= 2 and len(capitals) * 2 > len(words):
            offending.append(text)
    assert not offending, offending


def test_sentence_case_check_catches_greek_title_case():
    capitals, words = _title_case_words("Καινοτομίες για τη Βιώσιμη Περιφερειακή Ανάπτυξη (Ίστρια)")
    assert len(capitals) >= 2 and len(capitals) * 2 > len(words)


def _latin_commas_between_arabic_words(text):
    return [
        text[max(0, i - 12) : i + 12]
        for i, char in enumerate(text)
        if char == ","
        and ARABIC_LETTER.search(text[max(0, i - 2) : i])
        and not text[i + 1 : i + 2].isdigit()
    ]


def test_arabic_texts_use_the_arabic_comma():
    texts = catalogue_texts("ar") + demo_texts("ar")
    found = [hit for text in texts for hit in _latin_commas_between_arabic_words(text)]
    assert not found, found[:5]
    assert _latin_commas_between_arabic_words("بولا, إستريا")
