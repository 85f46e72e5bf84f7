"""The interface catalogues ship complete for every site language, and compiled."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLURAL_FORMS = {"it": 2, "fr": 2, "es": 3, "pt": 2, "el": 2, "hr": 3, "sl": 4, "ar": 6}


def _catalogue(code):
    path = LOCALE / code / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"no catalogue for {code}: run `make messages`"
    return polib.pofile(str(path))


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(code):
    catalogue = _catalogue(code)
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing, f"{code}: {len(missing)} untranslated, e.g. {missing[:5]}"
    assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_declares_and_fills_the_languages_plural_forms(code):
    catalogue = _catalogue(code)
    declared = int(catalogue.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    assert declared == PLURAL_FORMS[code]
    for entry in catalogue:
        if entry.msgid_plural:
            assert len(entry.msgstr_plural) == declared, entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("code", LANGUAGES)
def test_compiled_catalogue_matches_its_source(code):
    source = _catalogue(code)
    compiled_path = LOCALE / code / "LC_MESSAGES" / "django.mo"
    assert compiled_path.exists(), f"{code}: run `make messages` to compile"
    compiled = {entry.msgid: entry for entry in polib.mofile(str(compiled_path))}
    for entry in source.translated_entries():
        assert entry.msgid in compiled, f"{code}: .mo is stale, run `make messages`"
        if not entry.msgid_plural:
            assert compiled[entry.msgid].msgstr == entry.msgstr, f"{code}: stale {entry.msgid!r}"
