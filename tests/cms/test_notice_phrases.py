"""The notice and the switcher read as a native writer would write them, in every language.

Checked in the shipped catalogues: each language names itself the way it is said inside a
sentence ("en français", "στα ελληνικά", "na hrvatskom"), never as a capitalised label from a
language list ("en Français", "στη γλώσσα Ελληνικά", "na jeziku: Hrvatski").
"""

import pytest
from django.utils import translation

from cms.templatetags.translation_tags import SHOWN_IN_ENGLISH, SHOWN_IN_ITALIAN, SHOWN_IN_OTHER

# How each language says "in <itself>" and "in English" inside a sentence.
NATIVE = {
    "it": ("in italiano", "in inglese"),
    "fr": ("en français", "en anglais"),
    "es": ("en español", "en inglés"),
    "pt": ("em português", "em inglês"),
    "el": ("στα ελληνικά", "στα αγγλικά"),
    "hr": ("na hrvatskom", "na engleskom"),
    "sl": ("v slovenščini", "v angleščini"),
    "ar": ("بالعربية", "بالإنجليزية"),
}
MACHINE_MADE = ["Français", "Ελληνικά", "Hrvatski", "Slovenščina", "na jeziku", "στη γλώσσα"]


@pytest.mark.parametrize("code", sorted(NATIVE))
def test_notice_names_the_readers_language_and_english_as_a_native_writer_would(code):
    own, english = NATIVE[code]
    with translation.override(code):
        sentence = str(SHOWN_IN_ENGLISH)
    assert own in sentence, sentence
    assert english in sentence, sentence
    assert not any(label in sentence for label in MACHINE_MADE), sentence


@pytest.mark.parametrize("code", sorted(set(NATIVE) - {"it"}))
def test_every_notice_variant_is_translated_and_names_the_readers_language(code):
    own, _english = NATIVE[code]
    with translation.override(code):
        for message in (SHOWN_IN_ITALIAN, SHOWN_IN_OTHER):
            text = str(message)
            assert not text.startswith("This page"), (code, text)
            assert own in text, (code, text)


@pytest.mark.parametrize("code", sorted(NATIVE))
def test_switcher_does_not_claim_a_missing_page_opens_the_home_page(code):
    with translation.override(code):
        hidden = translation.gettext("(opens this page in its original language)")
        home = translation.gettext("(opens the home page in this language)")
    assert hidden != "(opens this page in its original language)"
    assert hidden != home


def test_arabic_lists_use_the_arabic_comma():
    with translation.override("ar"):
        assert translation.pgettext("list separator", ", ") == "، "
    with translation.override("fr"):
        assert translation.pgettext("list separator", ", ") == ", "
