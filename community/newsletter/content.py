"""What an issue's email shows, shared by the send, the test send and the editor's preview.

Imports no community model, so the NewsletterPage model can render its own preview.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page

from cms.mail import base_url
from cms.visibility import visible_pages

__all__ = ["issue_context", "issue_items", "render_preview"]


def issue_items(page):
    """The issue's pages a visitor may see (an email is read by anyone), each with a title, an
    absolute URL and a text: the editor's note, else the page's summary. Works on an unsaved
    preview too."""
    items = [item for item in page.items.all() if item.linked_page_id]
    ids = [item.linked_page_id for item in items]
    pages = {p.pk: p for p in visible_pages(Page.objects.filter(pk__in=ids)).specific()}
    result = []
    for item in items:
        linked = pages.get(item.linked_page_id)
        if linked is None:
            continue
        result.append(
            {
                "title": linked.title,
                "url": linked.get_full_url(),
                "text": item.note or getattr(linked, "summary", ""),
            }
        )
    return result


def issue_context(page):
    return {
        "issue": page,
        "items": issue_items(page),
        "web_url": page.full_url if page.live else "",
    }


def render_preview(page, request):
    """The email's HTML as subscribers get it (the unsubscribe link goes nowhere)."""
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "base_url": base_url(),
        "unsubscribe_url": "#",
        **issue_context(page),
    }
    with translation.override(page.locale.language_code):
        html = render_to_string("emails/community_newsletter_message.html", context)
    return HttpResponse(html)
