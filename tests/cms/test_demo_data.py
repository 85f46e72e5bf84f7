"""The demo content's data files (cms/demo/content/data/) are complete and consistent."""

import json

import pytest

from cms.demo.content import DATA, load

SECTIONS = sorted(path.parent.name for path in DATA.glob("*/structure.json"))


def _text_ids(value, found):
    if isinstance(value, dict):
        if set(value) == {"$text"}:
            found.add(value["$text"])
        for item in value.values():
            _text_ids(item, found)
    elif isinstance(value, list):
        for item in value:
            _text_ids(item, found)
    return found


@pytest.mark.parametrize("section", SECTIONS)
def test_every_text_is_used_and_written_in_each_language_file(section):
    load(section)  # raises when a language file lacks a text or has one en.json lacks
    structure = json.loads((DATA / section / "structure.json").read_text(encoding="utf-8"))
    english = json.loads((DATA / section / "en.json").read_text(encoding="utf-8"))
    assert _text_ids(structure, set()) == set(english)


def test_texts_come_back_as_language_dicts_and_blocks_as_pairs():
    news = load("news")["news"][0]
    assert set(news["title"]) == {"en", "it"}
    block_type, value = news["body"][0]
    assert block_type == "paragraph" and set(value) == {"en", "it"}
