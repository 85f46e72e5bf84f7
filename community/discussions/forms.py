"""Forms of the discussions: a new thread, a reply, an edit. Each carries the spam checks
(honeypot and minimum fill time) and names the language the post is written in."""

from django import forms
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from cms.antispam import AntispamMixin
from cms.text import SingleLineCharField
from cms.writing import markdown_to_text
from community.members.models import SPOKEN_LANGUAGE_CODES
from community.members.writing import MarkdownTextarea

__all__ = ["EditPostForm", "ReplyForm", "ThreadForm", "SearchForm"]

BODY_HELP = _(
    "Markdown: **bold**, _italics_, lists with - or 1., > for a quote, # for a heading, "
    "[text](https://link). Name a member with @ and their name, as in @Amina Haddad."
)


def language_choices():
    return [(code, get_language_info(code)["name_local"]) for code in SPOKEN_LANGUAGE_CODES]


class PostFieldsMixin(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        help_text=BODY_HELP,
        max_length=20000,
        strip=False,  # Markdown: leading spaces can mean code or a nested list
        widget=MarkdownTextarea(attrs={"rows": 6}),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=language_choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        if not self.is_bound and not self.initial.get("language"):
            self.initial["language"] = (get_language() or "en").split("-")[0]

    def clean_body(self):
        """The Markdown as typed (the posting service renders it); refused when it would show
        nothing (only spaces, or only tags the sanitiser removes)."""
        source = self.cleaned_data["body"].replace("\r\n", "\n").strip("\n")
        if not markdown_to_text(source):
            raise forms.ValidationError(_("Write a message."))
        return source


class ThreadForm(AntispamMixin, PostFieldsMixin):
    title = SingleLineCharField(label=_("Title"), max_length=200)
    field_order = ["title", "body", "language"]

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give the thread a title."))
        return title


class ReplyForm(AntispamMixin, PostFieldsMixin):
    quoted = forms.IntegerField(required=False, widget=forms.HiddenInput)


class EditPostForm(AntispamMixin, PostFieldsMixin):
    pass


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the discussions"), max_length=200, required=False)
