"""The interface catalogues ship complete for every site language, and compiled."""

import os
import shutil
import subprocess
import sys
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
    # Keyed with the context too: "January" and the genitive ("alt. month") "January" differ.
    compiled = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(compiled_path))}
    for entry in source.translated_entries():
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled, f"{code}: .mo is stale, run `make messages`"
        if not entry.msgid_plural:
            assert compiled[key].msgstr == entry.msgstr, f"{code}: stale {entry.msgid!r}"


# What `make messages` scans: the project's own code and templates, not the tests or the venv.
_SOURCES = ("cms", "community", "events", "site", "templates", "static", "manage.py")


def _key(entry):
    return (entry.msgctxt or "", entry.msgid)


@pytest.fixture(scope="module")
def extracted_msgids(tmp_path_factory):
    """Every string the code marks for translation, extracted afresh as `make messages` does.

    Done in a copy of the sources with an empty catalogue, so the shipped catalogues are left
    alone and the result lists what the code marks today, not what a catalogue remembers.
    """
    root = Path(settings.BASE_DIR)
    copy = tmp_path_factory.mktemp("extract")
    for name in _SOURCES:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, copy / name)
    (copy / "locale" / "it" / "LC_MESSAGES").mkdir(parents=True)
    subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", "makemessages", "-l", "it", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "opensocialcluster.settings.test"},
    )
    catalogue = polib.pofile(str(copy / "locale" / "it" / "LC_MESSAGES" / "django.po"))
    return {_key(entry) for entry in catalogue if not entry.obsolete}


def test_extraction_finds_strings_marked_in_code_and_templates(extracted_msgids):
    """The check below can fail: a fresh extraction sees the project's own marked strings."""
    assert ("", "Skip to main content") in extracted_msgids  # templates/base.html
    assert len(extracted_msgids) > 100


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_string_marked_for_translation_is_in_the_catalogue(code, extracted_msgids):
    shipped = {_key(entry) for entry in _catalogue(code) if not entry.obsolete}
    missing = sorted(extracted_msgids - shipped)
    assert not missing, (
        f"{code}: {len(missing)} marked strings were never extracted (run `make messages` and "
        f"translate them), e.g. {missing[:5]}"
    )
