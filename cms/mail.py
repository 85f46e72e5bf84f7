"""Transactional email in the recipient's language: the one helper every app sends through.

A message is three templates under `emails/` (the top-level `templates/emails/`, or a
capability's own `templates/emails/`): `<name>_subject.txt` (one line),
`<name>_message.txt` (plain text) and, optionally, `<name>_message.html`. They are rendered with
the recipient's preferred language active, so `{% translate %}`, dates and numbers follow the
reader, not whoever triggered the email. Every template gets `site_name` and `base_url` (the
site's public address) in its context, to build absolute links.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import Context, TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django.utils import translation

from cms.text import one_line

__all__ = ["Attachment", "recipient_language", "send_templated_mail"]


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes | str
    mimetype: str


def recipient_language(recipient, fallback=None):
    """The language a person reads their email in: their saved preference, else `fallback`,
    else the site's source language. `recipient` is a user or anything with that attribute."""
    language = getattr(recipient, "preferred_language", "") or fallback
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return language


def render_plain_text(template_name, context):
    """A plain-text template rendered without HTML escaping: members' text is stored as typed, so
    "R&D" must reach a subject or a text body as "R&D", not "R&amp;D". Only the HTML part
    escapes."""
    return get_template(template_name).template.render(Context(context, autoescape=False))


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def send_templated_mail(
    name,
    recipient,
    context=None,
    *,
    email=None,
    language=None,
    attachments=(),
    headers=None,
    connection=None,
):
    """Render `emails/<name>_*` in the recipient's language and send it; returns the message.

    `recipient` is a user (its `email` and `preferred_language` are used) or None with `email`
    given (a guest, a newsletter subscriber). `language` overrides the recipient's preference.
    """
    to = email or recipient.email
    language = language or recipient_language(recipient)
    full_context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": base_url(),
        "recipient": recipient,
        **(context or {}),
    }
    with translation.override(language):
        subject = render_plain_text(f"emails/{name}_subject.txt", full_context)
        # A subject is one line: a header injection or a template's trailing newline never reaches
        # the mail server, even from text saved before one-line fields refused control characters.
        subject = one_line(subject)
        body = render_plain_text(f"emails/{name}_message.txt", full_context)
        try:
            html = render_to_string(f"emails/{name}_message.html", full_context)
        except TemplateDoesNotExist:
            html = None
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Content-Language": language, **(headers or {})},
        connection=connection,
    )
    if html:
        message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    message.send()
    return message
