"""Every one-line field people type refuses line breaks and other control characters.

A name or a title reaches other people's emails, CSV rows and page titles: a line break typed in
it would add lines of its own there. The rule is one validator (cms/text.py); these tests walk
every model CharField and every form CharField of our apps, so a new field that forgets it fails
here until it refuses them or is listed below as exempt, with the reason.
"""

import importlib
import pkgutil
from types import SimpleNamespace

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.urls import reverse

from cms.mail import send_templated_mail
from cms.text import SINGLE_LINE_MESSAGE, has_control_character, validate_single_line
from community.members.factories import UserFactory
from events.pages.models.fields import CodeListField

pytestmark = pytest.mark.django_db

OUR_APPS = ("cms", "events", "community")

# Line feed, carriage return, tab, NUL, escape, DEL, a C1 control (NEL) and the Unicode line
# separator: each would start a new line or hide something in a one-line value.
REFUSED = ["\n", "\r", "\t", "\x00", "\x1b", "\x7f", "\x85", "\u2028", "\u2029"]

# (model or form name, field name): why it is not typed text that needs the rule.
EXEMPT_MODEL_FIELDS = {
    "path": "Wagtail's tree position, computed",
    "draft_title": "copied from the title, which is checked",
    "password": "a password hash",
    "token": "a random token the site makes",
    "time_zone": "checked against the time-zone database (validate_time_zone)",
    "languages_spoken": "language codes framed with commas, written from a list of choices",
    "version": "Consent.version: copied from the policy version, which is checked",
    "file_name": "DirectoryImport.file_name: the uploaded file's name, recorded by the import",
    "original_name": "IdeaAttachment.original_name: made safe by get_valid_filename",
    "mime_type": "IdeaAttachment.mime_type: sniffed from the file's content",
    "country_code": "Registration.country_code: chosen from the list of countries",
    "code": "Country.code, EntityCpvCode.code: ISO and CPV codes with their own pattern",
    "language": "a language code set by the site",
    "languages": "NewsletterSubscription.languages: language codes from a list of choices",
    "subject": "Notification.subject: written by the site from checked values",
    "url": "Notification.url: a link the site builds",
    "error": "NewsletterDelivery.error: the mail server's answer, kept for the editors",
}
CHECKED_DESPITE_NAME = {("PrivacyPolicyVersion", "version"), ("OpenDataTool", "languages")}

EXEMPT_FORM_FIELDS = {
    ("SignupForm", "username"): "allauth drops it: accounts have no user name (email login)",
    ("LoginForm", "login"): "a lookup of an existing account, never stored or shown",
    ("SearchForm", "q"): "a search query, never stored or shown to anyone else",
}


def our_model_char_fields():
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            for field in model._meta.concrete_fields:
                if not isinstance(field, models.CharField) or field.choices:
                    continue
                if isinstance(field, models.SlugField | models.EmailField | models.URLField):
                    continue
                if isinstance(field, CodeListField):
                    continue  # codes picked from a list of choices (events' languages, helixes)
                exempt = field.name in EXEMPT_MODEL_FIELDS
                if exempt and (model.__name__, field.name) not in CHECKED_DESPITE_NAME:
                    continue
                yield model, field


# Modules that only import on one database (the SQLite full-text index's models).
DATABASE_SPECIFIC = {"cms.search_sqlite": "sqlite"}


def our_form_classes():
    for app in OUR_APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" in module.name or ".management" in module.name:
                continue
            if (
                module.name in DATABASE_SPECIFIC
                and connection.vendor != DATABASE_SPECIFIC[module.name]
            ):
                continue  # its models exist on that database only; it defines no form
            importlib.import_module(module.name)
    seen, pending = set(), [forms.BaseForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            if subclass not in seen:
                seen.add(subclass)
                pending.append(subclass)
    return sorted(
        (form for form in seen if form.__module__.split(".")[0] in OUR_APPS),
        key=lambda form: f"{form.__module__}.{form.__qualname__}",
    )


def our_one_line_form_fields():
    for form_class in our_form_classes():
        for name, field in form_class.base_fields.items():
            if not isinstance(field, forms.CharField):
                continue
            if isinstance(field, forms.EmailField | forms.URLField | forms.SlugField):
                continue
            if isinstance(field.widget, forms.Textarea | forms.PasswordInput | forms.HiddenInput):
                continue  # several lines by design; a secret; filled in by the site
            if (form_class.__name__, name) in EXEMPT_FORM_FIELDS:
                continue
            yield form_class, name, field


def refusal_code(callable_, value):
    try:
        callable_(value)
    except ValidationError as error:
        return {e.code for e in error.error_list}
    return set()


@pytest.mark.parametrize("char", REFUSED, ids=repr)
def test_every_model_char_field_people_type_refuses_control_characters(char):
    checked, missing = 0, []
    for model, field in our_model_char_fields():
        instance = model()
        setattr(instance, field.attname, f"Ana{char}Bcc: everyone@example.org")
        others = [f.name for f in model._meta.fields if f.name != field.name]
        try:
            instance.clean_fields(exclude=others)
        except ValidationError as error:
            codes = {e.code for e in error.error_dict.get(field.name, [])}
            if "control_character" in codes:
                checked += 1
                continue
        missing.append(f"{model._meta.label}.{field.name}")
    assert not missing, f"these one-line fields accept {char!r}: {missing}"
    assert checked > 60  # the walk found our fields (titles of every page type, names, places)


@pytest.mark.parametrize("char", REFUSED, ids=repr)
def test_every_one_line_form_field_refuses_control_characters(char):
    value = f"Ana{char}Bcc: everyone@example.org"
    checked, missing = 0, []
    for form_class, name, field in our_one_line_form_fields():
        codes = refusal_code(field.clean, value)
        model = getattr(getattr(form_class, "_meta", None), "model", None)
        if "control_character" not in codes and model is not None:
            # A model form runs its model field's validators after the form's own.
            try:
                model_field = model._meta.get_field(name)
            except Exception:  # noqa: BLE001 - a form-only field; checked above
                model_field = None
            if model_field is not None:
                codes = refusal_code(model_field.run_validators, value)
        if "control_character" in codes:
            checked += 1
        else:
            missing.append(f"{form_class.__module__}.{form_class.__name__}.{name}")
    assert not missing, f"these one-line form fields accept {char!r}: {missing}"
    assert checked > 15


def test_ordinary_names_in_every_script_with_their_bidi_marks_are_accepted():
    for name in ["Ana Kovač", "Ελένη", 'R&D <lab> "Nova"', "سارة\u200f (Sara)", "🌱 Green team"]:
        validate_single_line(name)


@pytest.mark.django_db
def test_a_line_break_in_the_display_name_is_shown_beside_the_field_and_keeps_what_was_typed(
    client,
):
    member = UserFactory(display_name="Ana")
    client.force_login(member)
    response = client.post(
        reverse("community:profile_edit"),
        {
            "display_name": "Ana\nTo: everyone",
            "role": "Researcher",
            "time_zone": "Europe/Zagreb",
            "preferred_language": "en",
            "profile_visibility": "public",
            "bio": "About me",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_display_name_error"' in html
    assert str(SINGLE_LINE_MESSAGE) in html
    assert "Ana\nTo: everyone" in html  # what was typed, to correct it
    member.refresh_from_db()
    assert member.display_name == "Ana"


def test_an_email_subject_is_one_line_even_from_text_saved_before_the_rule(mailoutbox):
    # Rows written before one-line fields refused control characters may still hold them.
    member = UserFactory(display_name="Ana")
    idea = SimpleNamespace(pk=1, title="Plan\r\nBcc: everyone@example.org\u2028\x00 B")
    send_templated_mail(
        "community_idea_status",
        member,
        {
            "idea": idea,
            "call": SimpleNamespace(title="Call"),
            "to_status": SimpleNamespace(label="Won"),
        },
    )
    subject = mailoutbox[0].subject
    assert "Bcc: everyone@example.org B" in subject
    assert not has_control_character(subject)
    assert "\n" not in mailoutbox[0].message().as_string().split("Subject:")[1].split("\n")[0]
