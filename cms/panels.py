"""Admin panels shared by the page types."""

from wagtail.admin.panels import FieldPanel

__all__ = ["SameLanguageChoicePanel"]


class SameLanguageChoicePanel(FieldPanel):
    """A choice of translatable snippets (topics, countries, partners) listing only those in the
    page's own language, instead of every language's copy interleaved.

    A page being created takes its parent's locale (Wagtail sets it before the form is built).
    """

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            locale_id = getattr(self.instance, "locale_id", None)
            form_field = self.form.fields.get(self.field_name) if self.form else None
            queryset = getattr(form_field, "queryset", None)
            if locale_id and queryset is not None and hasattr(queryset.model, "locale"):
                form_field.queryset = queryset.filter(locale_id=locale_id)
                # The widget keeps its own copy of the choices.
                self.bound_field = self.form[self.field_name]
