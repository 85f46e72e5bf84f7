"""Demo content as data: JSON files under data/, one folder per section (see data/README.md).

`load(section)` gives a section's structure with its texts put back in place: every
{"$text": id} becomes the text dict {"en": ..., "it": ...} (or one entry per language file of the
section), which is how the builders read bilingual leaves. `read(section, name)` gives one file
as it is written (the open-data section, whose files are whole per language).

Facts (names, places, dates, figures) come from the +RESILIENT project's public pages; the
wording is ours. Where the sources give no figure, no figure is given.
"""

import json
from functools import cache
from pathlib import Path

__all__ = ["DATA", "LANGUAGE_ORDER", "load", "read"]

DATA = Path(__file__).with_name("data")
# The order of the languages in a text dict (English first, as the content was written).
LANGUAGE_ORDER = ("en", "it", "fr", "es", "pt", "el", "hr", "sl", "ar")
TEXT = "$text"


@cache
def read(section, name):
    """One data file as written: data/<section>/<name>.json."""
    return json.loads((DATA / section / f"{name}.json").read_text(encoding="utf-8"))


def _texts(section):
    """{language: {id: text}} of every language file of the section, all with the same ids."""
    texts = {
        language: read(section, language)
        for language in LANGUAGE_ORDER
        if (DATA / section / f"{language}.json").exists()
    }
    if "en" not in texts:
        raise ValueError(f"data/{section}/ has no en.json")
    ids = set(texts["en"])
    for language, catalogue in texts.items():
        if set(catalogue) != ids:
            missing = sorted(ids - set(catalogue))[:5]
            extra = sorted(set(catalogue) - ids)[:5]
            raise ValueError(
                f"data/{section}/{language}.json does not match en.json: "
                f"missing {missing}, unknown {extra}"
            )
    return texts


def _fill(value, texts, section):
    if isinstance(value, dict):
        if set(value) == {TEXT}:
            text_id = value[TEXT]
            if text_id not in texts["en"]:
                raise ValueError(f"data/{section}/en.json has no text {text_id!r}")
            return {language: catalogue[text_id] for language, catalogue in texts.items()}
        return {key: _fill(item, texts, section) for key, item in value.items()}
    if isinstance(value, list):
        return [_fill(item, texts, section) for item in value]
    return value


@cache
def load(section):
    """A section's structure.json with its texts in place (shared: do not modify)."""
    return _fill(read(section, "structure"), _texts(section), section)
