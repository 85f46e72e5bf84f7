"""The members' editor: a Markdown textarea that works without JavaScript, and the preview.

Without JavaScript the field is a plain textarea whose help text shows the Markdown to type.
static/js/editor.js adds a small toolbar, a preview tab, @-name suggestions and a draft kept in
the browser (localStorage) until the form is sent. The preview is rendered on the server by the
very functions that render the saved text (community.members.mentions: Markdown, the one
sanitiser, mentions shown to this reader), so what the preview shows is what gets posted.
"""

import json

from django import forms
from django.http import JsonResponse
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms import rate_limits
from community.members import mentions

__all__ = ["MarkdownTextarea", "PREVIEW_RATE", "consume_or_refuse", "preview"]

# Previews asked per member and minute: enough for someone who previews at every pause.
PREVIEW_RATE = (30, 60)
MAX_SOURCE = 20000


def editor_labels():
    """The script's words, in the reader's language."""
    return {
        "toolbar": _("Formatting"),
        "bold": _("Bold"),
        "italic": _("Italic"),
        "heading": _("Heading"),
        "quote": _("Quotation"),
        "bulleted": _("Bulleted list"),
        "numbered": _("Numbered list"),
        "link": _("Link"),
        "text": _("text"),
        "write": _("Write"),
        "preview": _("Preview"),
        "empty": _("Nothing to preview yet."),
        "loading": _("Loading the preview…"),
        "failed": _("The preview could not be shown. Your text is still here; try again."),
        "mentions": _("Members you can name"),
        "restored": _("Your unsent text was restored from this browser."),
        "discard": _("Discard it"),
    }


class MarkdownTextarea(forms.Textarea):
    """A textarea the editor script enhances. `mentions_url`: where it asks for @-names (a
    JSON endpoint of the context: a space's readers, an idea's authors), or none."""

    def __init__(self, attrs=None, mentions_url=None):
        super().__init__(attrs)
        self.mentions_url = mentions_url

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["data-editor"] = "markdown"
        # A Latin name typed on an Arabic page (or the reverse) reads in its own direction.
        widget_attrs.setdefault("dir", "auto")
        widget_attrs["data-preview-url"] = str(reverse_lazy("community:writing_preview"))
        widget_attrs["data-editor-labels"] = json.dumps(editor_labels())
        if self.mentions_url:
            widget_attrs["data-mentions-url"] = self.mentions_url
        return context


def consume_or_refuse(request, name, rate):
    """The JSON refusal for a member over `rate` (amount, seconds) on endpoint `name`, else
    None (and the attempt counted); a visitor is refused too."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Log in to use this.")}, status=403)
    amount, seconds = rate
    wait = rate_limits.consume(f"osc:rl:{name}:{request.user.pk}", amount, seconds)
    if wait:
        response = JsonResponse(
            {"error": _("Too many requests. Try again in a moment.")}, status=429
        )
        response["Retry-After"] = str(wait)
        return response
    return None


@require_POST
def preview(request):
    """The text (`source`) as it would be shown to this member once saved. POST, so the CSRF
    check applies (the text may be long, and previews must not be cross-site triggered); a
    visitor gets JSON (403), not a redirect to the login page."""
    refusal = consume_or_refuse(request, "writing-preview", PREVIEW_RATE)
    if refusal:
        return refusal
    source = (request.POST.get("source") or "")[:MAX_SOURCE]
    html = mentions.for_reader(mentions.render(source), request.user)
    return JsonResponse({"html": str(html)})
