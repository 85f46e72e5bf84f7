"""The newsletter's actions: subscribe (double opt-in), confirm, unsubscribe; fill, test and
send an issue; deliver it in batches that a resumed send continues without emailing anyone twice.

Delivery: every batch of recipients is first *claimed* (one NewsletterDelivery row each, unique
per send and subscription, committed) before any email of the batch leaves; then the emails are
sent and the rows marked sent or failed. A send that stops on an exception releases the claims it
had not sent yet, so resuming sends those. A worker killed between sending and marking leaves
claimed rows: resuming never sends them again (marked failed, "outcome unknown"), because a
missed newsletter is better than a duplicate.
"""

import smtplib
from datetime import timedelta

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.mail import base_url, send_templated_mail
from cms.translation_state import content_language_of
from cms.visibility import visible_pages
from community.newsletter.content import issue_context
from community.newsletter.models import (
    NewsletterDelivery,
    NewsletterIndexPage,
    NewsletterItem,
    NewsletterPage,
    NewsletterSend,
    NewsletterSubscription,
    SubscriptionStatus,
)

__all__ = [
    "BATCH_SIZE",
    "CONFIRMATION_MAX_AGE",
    "CannotSend",
    "InvalidLink",
    "can_send",
    "confirm",
    "confirmation_url",
    "deliver",
    "erase_subscriptions",
    "fill_with_recent_pages",
    "progress",
    "request_send",
    "resume_send",
    "send_refusal",
    "send_test",
    "subscribe",
    "unsubscribe_url",
    "update_preferences",
]

BATCH_SIZE = 100
CONFIRMATION_MAX_AGE = timedelta(days=7)
# A "sending" send with no progress for this long has lost its worker and may be resumed.
STALE_AFTER = timedelta(minutes=10)
_CONFIRM_SALT = "community.newsletter.confirm"
S = SubscriptionStatus


class InvalidLink(Exception):
    """A confirmation link that was tampered with, has expired, or names no subscription."""


class CannotSend(Exception):
    """An issue that cannot be sent (again) now; the message says why."""


# --- subscribing -------------------------------------------------------------------------


def subscribe(email, *, languages, topics, consent_text, language, user=None, now=None):
    """Record a subscription request and email the confirmation link; send nothing else.

    A confirmed address is left as it is (its choices are changed from a newsletter's link or
    the member's account, not by whoever types the address), and nothing tells the person at
    the form whether the address was already subscribed.
    """
    now = now or timezone.now()
    with transaction.atomic():
        subscription = NewsletterSubscription.objects.select_for_update().for_email(
            email
        ).first() or NewsletterSubscription(email=email)
        if subscription.status == S.CONFIRMED and subscription.pk:
            return subscription
        subscription.set_languages(languages)
        subscription.language = language
        subscription.status = S.PENDING
        subscription.consent_text = consent_text
        subscription.consented_at = now
        subscription.unsubscribed_at = None
        if user is not None and user.email.lower() == subscription.email.strip().lower():
            subscription.user = user
        subscription.save()
        subscription.topics.set(topics)
        transaction.on_commit(lambda: _send_confirmation(subscription))
    return subscription


def update_preferences(subscription, languages, topics):
    """The subscriber's own change of languages and topics (from their account)."""
    subscription.set_languages(languages)
    subscription.save(update_fields=["languages"])
    subscription.topics.set(topics)


def confirmation_url(subscription):
    token = signing.dumps(subscription.token, salt=_CONFIRM_SALT)
    with translation.override(subscription.language):
        path = reverse("community:newsletter_confirm", args=[token])
    return base_url() + path


def unsubscribe_url(subscription, language=None):
    with translation.override(language or subscription.language):
        path = reverse("community:newsletter_unsubscribe", args=[subscription.token])
    return base_url() + path


def _send_confirmation(subscription):
    send_templated_mail(
        "community_newsletter_confirm",
        None,
        {"subscription": subscription, "confirm_url": confirmation_url(subscription)},
        email=subscription.email,
        language=subscription.language,
    )


def confirm(signed_token, now=None):
    """The person followed the link in the confirmation email."""
    try:
        token = signing.loads(
            signed_token, salt=_CONFIRM_SALT, max_age=CONFIRMATION_MAX_AGE.total_seconds()
        )
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise InvalidLink from error
    subscription = NewsletterSubscription.objects.filter(token=token).first()
    if subscription is None:
        raise InvalidLink
    if subscription.status == S.PENDING:
        subscription.confirm(now)
    return subscription


# --- composing --------------------------------------------------------------------------


def fill_with_recent_pages(page, user, now=None):
    """Add the pages of the issue's language published since the last issue of that language
    was sent (or in the last 30 days), newest first, to a new draft revision. Returns how many
    were added."""
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    now = now or timezone.now()
    last = page.last_sent_issue()
    since = last.finished_at if last else now - timedelta(days=30)
    latest = page.get_latest_revision_as_object()
    already = {item.linked_page_id for item in latest.items.all()}
    candidates = (
        visible_pages(Page.objects.filter(locale=page.locale, last_published_at__gt=since))
        .exclude(pk__in=already)
        .filter(depth__gt=2)  # not the home page
        .not_type(NewsletterPage, NewsletterIndexPage)
        .order_by("-last_published_at")[:20]
    )
    added = 0
    for candidate in candidates:
        latest.items.add(NewsletterItem(linked_page=candidate))
        added += 1
    if added:
        latest.save_revision(user=user, log_action=True)
    return added


# --- sending ------------------------------------------------------------------------------


def can_send(page, user):
    """Sending is publishing to people's inboxes: it takes the right to publish the issue."""
    return page.permissions_for_user(user).can_publish()


def send_test(page, user):
    """The latest draft, to the editor asking and to nobody else."""
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied
    draft = page.get_latest_revision_as_object()
    context = {**issue_context(draft), "is_test": True, "unsubscribe_url": ""}
    return send_templated_mail(
        "community_newsletter",
        None,
        context,
        email=user.email,
        language=page.locale.language_code,
    )


def send_refusal(page):
    """Why this issue cannot be sent yet, or None. The issue page says it where the Send button
    would be, and request_send refuses with the same words."""
    if page.alias_of_id or content_language_of(page) != page.locale.language_code:
        # An alias, or an issue published before any of it was translated, shows the source
        # language's text: it would reach these readers untranslated.
        return _("Translate this issue into its language before sending it.")
    if not page.live or page.has_unpublished_changes:
        return _("Publish the issue's latest changes before sending it.")
    return None


def request_send(page, user):
    """Record the sending of a live issue; refused without the right to publish it. The caller
    enqueues `community.newsletter.tasks.send_newsletter` (which imports this module) once
    committed."""
    if not can_send(page, user):
        raise PermissionDenied
    refusal = send_refusal(page)
    if refusal:
        raise CannotSend(refusal)
    with transaction.atomic():
        send, created = NewsletterSend.objects.get_or_create(
            page=page, defaults={"requested_by": user}
        )
        if not created:
            raise CannotSend(_("This issue has already been sent or is being sent."))
        send.total = NewsletterSubscription.objects.recipients_of(page).count()
        send.save(update_fields=["total"])
    return send


def is_stale(send, now=None):
    now = now or timezone.now()
    last = send.progressed_at or send.started_at or send.requested_at
    return send.status == NewsletterSend.Status.SENDING and last < now - STALE_AFTER


def resume_send(send, user, now=None):
    """Let an interrupted (or stale) send be queued again; the caller enqueues it, as above."""
    if not can_send(send.page, user):
        raise PermissionDenied
    if send.status != NewsletterSend.Status.INTERRUPTED and not is_stale(send, now):
        raise CannotSend(_("Only an interrupted send can be resumed."))
    NewsletterSend.objects.filter(pk=send.pk).update(status=NewsletterSend.Status.QUEUED)


def deliver(send_id, now=None):
    """The background task's body: send the issue to every recipient not yet claimed."""
    started = now or timezone.now()
    # Only one worker runs a send: the one that moves it from queued to sending.
    claimed = NewsletterSend.objects.filter(pk=send_id, status=NewsletterSend.Status.QUEUED).update(
        status=NewsletterSend.Status.SENDING, started_at=started, progressed_at=started
    )
    if not claimed:
        return
    send = NewsletterSend.objects.select_related("page__locale").get(pk=send_id)
    page = send.page.specific
    # Claims left by a worker that died: their emails may have left; never send them again.
    send.deliveries.filter(status=NewsletterDelivery.Status.CLAIMED).update(
        status=NewsletterDelivery.Status.FAILED, error="interrupted: outcome unknown, not resent"
    )
    language = page.locale.language_code
    context = issue_context(page)
    connection = get_connection()
    pending = NewsletterSubscription.objects.recipients_of(page).exclude(deliveries__send=send)
    try:
        while _deliver_batch(send, pending, language, context, connection):
            pass
    except Exception as error:
        _record_progress(send, status=NewsletterSend.Status.INTERRUPTED, error=repr(error))
        raise
    _record_progress(send, status=NewsletterSend.Status.DONE, finished_at=timezone.now())


def _deliver_batch(send, pending, language, context, connection):
    batch = list(pending.order_by("pk").only("pk", "email", "token")[:BATCH_SIZE])
    if not batch:
        return False
    # Claimed and committed before any email of the batch leaves.
    NewsletterDelivery.objects.bulk_create(
        NewsletterDelivery(send=send, subscription=subscription) for subscription in batch
    )
    sent, failed = [], []
    try:
        for subscription in batch:
            unsubscribe = unsubscribe_url(subscription, language)
            try:
                send_templated_mail(
                    "community_newsletter",
                    None,
                    {**context, "unsubscribe_url": unsubscribe},
                    email=subscription.email,
                    language=language,
                    headers={
                        "List-Unsubscribe": f"<{unsubscribe}>",
                        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                    },
                    connection=connection,
                )
            except smtplib.SMTPRecipientsRefused as error:
                failed.append((subscription.pk, str(error)[:300]))
            else:
                sent.append(subscription.pk)
    finally:
        # Whatever stopped the loop, what left is marked sent; what did not leave is released.
        _settle(send, sent, failed, {s.pk for s in batch})
    return True


def _settle(send, sent, failed, claimed):
    now = timezone.now()
    rows = NewsletterDelivery.objects.filter(send=send)
    if sent:
        rows.filter(subscription_id__in=sent).update(
            status=NewsletterDelivery.Status.SENT, sent_at=now
        )
    for subscription_id, error in failed:
        rows.filter(subscription_id=subscription_id).update(
            status=NewsletterDelivery.Status.FAILED, error=error
        )
    released = claimed - set(sent) - {pk for pk, _error in failed}
    if released:
        rows.filter(subscription_id__in=released).delete()
    _record_progress(send)


def _record_progress(send, **fields):
    counts = send.deliveries.aggregate(
        sent=Count("pk", filter=Q(status=NewsletterDelivery.Status.SENT)),
        failed=Count("pk", filter=Q(status=NewsletterDelivery.Status.FAILED)),
    )
    NewsletterSend.objects.filter(pk=send.pk).update(
        sent_count=counts["sent"],
        failed_count=counts["failed"],
        progressed_at=timezone.now(),
        **fields,
    )


def progress(send):
    """What the admin status view shows."""
    send.refresh_from_db()
    done = send.sent_count + send.failed_count
    return {
        "send": send,
        "done": done,
        "remaining": max(send.total - done, 0),
        "percent": round(100 * done / send.total) if send.total else 100,
        "stale": is_stale(send),
    }


def erase_subscriptions(user):
    """Deleting an account removes its newsletter subscriptions: the ones linked to it and any
    under its email address (privacy registry)."""
    NewsletterSubscription.objects.filter(Q(user=user) | Q(email__iexact=user.email)).delete()
