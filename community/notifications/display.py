"""How a notification reads in the reader's language: its subject and link.

Page targets (events) are re-titled and linked from their live translation where there is one;
member-written names (threads, ideas) have one language and are shown as written.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_from_path
from wagtail.models import Page

__all__ = ["localize"]


def localize(notifications, language=None):
    """Give each notification `display_subject` and `display_url` in the reader's language:
    page targets (events) are re-titled and linked from their live translation where there is
    one (two queries for any number of notifications), other paths get the language's prefix.
    Returns the list."""
    language = language or translation.get_language()
    notifications = list(notifications)
    page_ids = {
        n.target_id
        for n in notifications
        if n.target_type_id is not None and _is_page_type(n.target_type_id)
    }
    by_source = {}
    if page_ids:
        keys = dict(Page.objects.filter(pk__in=page_ids).values_list("translation_key", "pk"))
        for page in Page.objects.filter(
            translation_key__in=keys, locale__language_code=language, live=True
        ).only("pk", "title", "url_path", "translation_key", "locale_id"):
            by_source[keys[page.translation_key]] = page
    for notification in notifications:
        page = by_source.get(notification.target_id) if notification.target_id in page_ids else None
        if page is not None:
            notification.display_subject = page.title
            notification.display_url = page.url or ""
        else:
            notification.display_subject = notification.subject
            notification.display_url = in_language(notification.url, language)
    return notifications


def _is_page_type(type_id):
    # ContentType ids are cached by Django after the first lookup: no query per row.
    model = ContentType.objects.get_for_id(type_id).model_class()
    return model is not None and issubclass(model, Page)


def in_language(path, language):
    """`path` under `language`'s prefix. The stored path carries the prefix of whoever acted;
    resolving it needs that language active (i18n_patterns match the active prefix only)."""
    if not path:
        return ""
    with translation.override(get_language_from_path(path) or translation.get_language()):
        return translate_url(path, language)
