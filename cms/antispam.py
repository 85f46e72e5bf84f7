"""Spam checks for public forms: a honeypot field and a minimum fill time.

Bots fill every input they find and post within a second of loading a page; people leave a
hidden field empty and take a few seconds. ``AntispamMixin`` adds both checks to any Django form:

- ``website``: a honeypot, hidden from people (off-screen, ``aria-hidden``, out of the tab
  order, autocomplete off) and labelled "Leave this field empty" for anything that reads it;
- ``form_started``: when the form was shown, signed with ``django.core.signing`` so it cannot
  be forged; a form sent sooner than ``settings.ANTISPAM_MIN_FILL_SECONDS`` (default 3) after
  that is refused. ``0`` turns the timing check off (test settings post forms directly).

Refusals are non-field errors; everything the person typed stays in the bound form, and the
re-rendered form carries a fresh start time and an empty honeypot, so sending it again works.

Templates loop over ``form`` as usual (the two fields are left out of that loop) and add them
once with ``{% include "components/antispam_fields.html" %}``.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

__all__ = [
    "AntispamMixin",
    "FILL_TIME_FIELD",
    "HONEYPOT_FIELD",
    "antispam_data",
    "min_fill_seconds",
    "started_token",
]

HONEYPOT_FIELD = "website"
FILL_TIME_FIELD = "form_started"
ANTISPAM_FIELDS = (HONEYPOT_FIELD, FILL_TIME_FIELD)
DEFAULT_MIN_FILL_SECONDS = 3
SALT = "cms.antispam.form_started"

HONEYPOT_MESSAGE = _(
    "This form looks as if a program filled it in, so it was not sent. "
    "If you are a person, please send it again."
)
TOO_FAST_MESSAGE = _(
    "This form was sent too quickly after it opened, so it was not sent. "
    "Please check what you typed and send it again."
)


def min_fill_seconds():
    """The minimum fill time, read when a form is checked (never at import time)."""
    return getattr(settings, "ANTISPAM_MIN_FILL_SECONDS", DEFAULT_MIN_FILL_SECONDS)


def started_token(started_at=None):
    """A signed start time: now, or ``started_at`` (seconds since the epoch)."""
    return signing.dumps(time.time() if started_at is None else started_at, salt=SALT)


def antispam_data(seconds_ago=60):
    """POST data for a person who opened the form ``seconds_ago`` and left the honeypot empty.

    For tests of forms that use the mixin.
    """
    return {HONEYPOT_FIELD: "", FILL_TIME_FIELD: started_token(time.time() - seconds_ago)}


class HoneypotField(forms.CharField):
    def bound_data(self, data, initial):
        # Never echo a filled honeypot back: a person resending the form must find it empty.
        return ""


class FillTimeField(forms.CharField):
    def bound_data(self, data, initial):
        # A re-rendered form starts its clock again, so a person's second try is not refused.
        return initial


class AntispamMixin:
    """Mix into a form (before ``forms.Form``/``forms.ModelForm``) to refuse obvious bots."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = HoneypotField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[FILL_TIME_FIELD] = FillTimeField(
            required=False, initial=started_token, widget=forms.HiddenInput
        )

    def without_antispam(self):
        """Drop both checks (e.g. for a signed-in member's one-click form)."""
        for name in ANTISPAM_FIELDS:
            self.fields.pop(name, None)

    def __iter__(self):
        # Form templates loop over the person's fields; the checks render once, on their own.
        for bound in super().__iter__():
            if bound.name not in ANTISPAM_FIELDS:
                yield bound

    @property
    def antispam_fields(self):
        return [self[name] for name in ANTISPAM_FIELDS if name in self.fields]

    def clean(self):
        cleaned_data = super().clean()
        if HONEYPOT_FIELD in self.fields and (cleaned_data or {}).get(HONEYPOT_FIELD):
            self.add_error(None, forms.ValidationError(HONEYPOT_MESSAGE, code="honeypot"))
        elif FILL_TIME_FIELD in self.fields and self._sent_too_fast():
            self.add_error(None, forms.ValidationError(TOO_FAST_MESSAGE, code="too_fast"))
        return cleaned_data

    def _sent_too_fast(self):
        minimum = min_fill_seconds()
        if not minimum:
            return False
        token = self.data.get(self.add_prefix(FILL_TIME_FIELD), "")
        try:
            started_at = float(signing.loads(token, salt=SALT))
        except (signing.BadSignature, TypeError, ValueError):
            return True  # missing or forged: no proof that a person took their time
        return time.time() - started_at < minimum
