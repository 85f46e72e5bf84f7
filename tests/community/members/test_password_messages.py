"""A password refused at sign-up is explained in the reader's language, including the errors
whose translations Django's own catalogues lack (see community/members/password_messages.py)."""

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.utils import translation

from community.members.models import User

WEAK_PASSWORDS = {
    "too short": "short",
    "too common": "password",
    "entirely numeric": "1234567890123",
    "too similar": "anna.rossi@example",
}


def errors(password, language):
    user = User(email="anna.rossi@example.org", display_name="Anna Rossi")
    with translation.override(language), pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    return refused.value.messages


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
@pytest.mark.parametrize("problem", list(WEAK_PASSWORDS))
def test_password_error_is_in_the_readers_language(language, problem):
    english = errors(WEAK_PASSWORDS[problem], "en")
    translated = errors(WEAK_PASSWORDS[problem], language)
    assert len(translated) == len(english)
    untranslated = set(translated) & set(english)
    assert not untranslated, f"{language}: {untranslated}"


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES if code != "en"])
def test_password_rules_shown_beside_the_field_are_in_the_readers_language(language):
    with translation.override("en"):
        english = set(password_validators_help_texts())
    with translation.override(language):
        translated = set(password_validators_help_texts())
    assert not translated & english, f"{language}: {translated & english}"


def test_too_short_error_names_the_minimum_length_in_the_readers_plural_form():
    assert errors("short", "sl")[0] == "To geslo je prekratko. Imeti mora vsaj 8 znakov."
    arabic = "كلمة المرور هذه قصيرة جدا. يجب أن تتكون من 8 حروف على الأقل."
    assert errors("short", "ar")[0] == arabic
