"""Shared set-up for the newsletter tests: an issue in a language tree, and a mail backend that
breaks half way through a send."""

import smtplib

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from wagtail.models import Locale

from cms import factories as cf
from community.newsletter.factories import NewsletterIndexPageFactory, NewsletterPageFactory
from community.newsletter.models import NewsletterIndexPage, NewsletterItem


def issue_in(home, language="en", **kwargs):
    """A live issue in `language`'s tree (its home copied there first when needed)."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    if language != home.locale.language_code:
        home = home.copy_for_translation(locale)
        home.save_revision().publish()
    index = NewsletterIndexPage.objects.child_of(home).first()
    index = index or NewsletterIndexPageFactory(parent=home)
    return NewsletterPageFactory(parent=index, **kwargs)


def with_items(issue, *pages, note=""):
    for page in pages:
        NewsletterItem.objects.create(page=issue, linked_page=page, note=note)
    return issue


def public_page(home, title):
    return cf.ContentPageFactory(parent=home, title=title, summary=f"About {title}.")


class BreakingBackend(EmailBackend):
    """Accepts `limit` messages, then the connection drops (SMTPServerDisconnected) for every
    later one: a mail server going away half way through a send."""

    limit = None

    def send_messages(self, messages):
        if BreakingBackend.limit is not None and len(mail.outbox) >= BreakingBackend.limit:
            raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")
        return super().send_messages(messages)
