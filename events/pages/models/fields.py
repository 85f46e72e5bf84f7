"""A short list of codes (languages, helixes) stored as ",en,it," so that any database can
filter on one code with a plain `__contains=",it,"` (SQLite has no JSON containment)."""

from django import forms
from django.db import models

__all__ = ["CodeListField", "code_lookup"]


def code_lookup(field_name, code):
    """Filter kwargs matching rows whose list holds `code`."""
    return {f"{field_name}__contains": f",{code},"}


class CodeListField(models.CharField):
    def __init__(self, *args, choices_source=None, **kwargs):
        # The choices are offered by the form only: stored values stay a plain string.
        self.choices_source = choices_source
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("choices_source", None)
        if kwargs.get("max_length") == 255:
            kwargs.pop("max_length")
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, list | tuple):
            return [str(v) for v in value if v]
        return [code for code in str(value).split(",") if code]

    def get_prep_value(self, value):
        if isinstance(value, str) and value.startswith(","):
            return value  # already a lookup pattern or stored form
        codes = self.to_python(value)
        return f",{','.join(codes)}," if codes else ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        choices = self.choices_source() if callable(self.choices_source) else []
        return forms.MultipleChoiceField(
            choices=choices,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )
