"""Forms of the discussions: a new thread, a reply, an edit. Each carries the spam checks
(honeypot and minimum fill time) and names the language the post is written in."""

from django import forms
from django.utils.html import escape, strip_tags
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from cms.antispam import AntispamMixin
from cms.sanitiser import clean_html
from cms.text import SingleLineCharField
from community.members.models import SPOKEN_LANGUAGE_CODES

__all__ = ["EditPostForm", "ReplyForm", "ThreadForm", "SearchForm"]

BODY_HELP = _(
    "Plain text or simple HTML (bold, italics, lists, links, quotes). "
    "Name a member with @ and their name, spaces as hyphens: @Amina-Haddad."
)


def language_choices():
    return [(code, get_language_info(code)["name_local"]) for code in SPOKEN_LANGUAGE_CODES]


def _paragraphs(text):
    """Plain text typed in a textarea becomes paragraphs; HTML is kept (then sanitised)."""
    text = (text or "").strip()
    if "<" in text:
        return text
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>{}</p>".format(escape(block).replace("\n", "<br>")) for block in blocks if block
    )


class PostFieldsMixin(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        help_text=BODY_HELP,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    language = forms.ChoiceField(label=_("Written in"), choices=language_choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()
        if not self.is_bound and not self.initial.get("language"):
            self.initial["language"] = (get_language() or "en").split("-")[0]

    def clean_body(self):
        body = clean_html(_paragraphs(self.cleaned_data["body"]))
        if not strip_tags(body).strip():
            raise forms.ValidationError(_("Write a message."))
        return body


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
