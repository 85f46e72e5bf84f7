"""Asking to adapt a pilot, following the request, suggesting partners, contacting them and
turning a request into a new pilot action. Rules are asked of permissions.py."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cms.i18n import with_localized_labels
from cms.models import PilotActionPage
from community.conversations import services as conversations
from community.partnering import matching, needs
from community.partnering import services as partnering
from community.transfers import permissions
from community.transfers.models import TransferRequest, TransferStatus
from community.transfers.signals import transfer_adapted, transfer_requested

__all__ = [
    "adapt_into_pilot",
    "ask_to_adapt",
    "contact_suggestion",
    "member_transfers",
    "suggestions_for",
]


def ask_to_adapt(requester, pilot, *, country, region, organisation, helix, already_have):
    """Record the request, open its conversation with the pilot's contacts (those who may be
    written to) and tell the contacts and the editors."""
    contact_ids = permissions.contact_member_ids(pilot)
    with transaction.atomic():
        transfer = TransferRequest.objects.create(
            pilot=pilot,
            requester=requester,
            country=country,
            region=region.strip(),
            organisation=organisation.strip(),
            helix=helix,
            already_have=already_have.strip(),
        )
        transfer.conversation = _open_conversation(requester, transfer, contact_ids)
        transfer.save(update_fields=["conversation"])
        recipients = sorted(set(contact_ids) | set(permissions.editor_ids()))
        transaction.on_commit(
            lambda: transfer_requested.send(
                sender=TransferRequest, transfer=transfer, recipient_ids=recipients
            )
        )
    return transfer


def _open_conversation(requester, transfer, contact_ids):
    from django.contrib.auth import get_user_model

    contacts = list(get_user_model().objects.filter(pk__in=contact_ids).exclude(pk=requester.pk))
    subject = _("Adapting “%(pilot)s” in %(region)s") % {
        "pilot": transfer.pilot.title,
        "region": transfer.region,
    }
    while contacts:
        try:
            # The contacts agreed to be contacted about this pilot (Person.contactable).
            return conversations.start_conversation(
                requester,
                contacts,
                subject=subject[:200],
                body=transfer.already_have,
                consented_ids=[member.pk for member in contacts],
            )
        except conversations.RecipientsRefused as refused:
            # A contact who accepts no messages still gets the notification; the others talk.
            refused_ids = {member.pk for member, _reason in refused.refusals}
            contacts = [member for member in contacts if member.pk not in refused_ids]
    return None


def member_transfers(user):
    """(asked, to_answer) for "My participation": the member's own requests, and requests
    about pilots they are a contact of, the pilots' titles in the reader's language. Three
    queries (two without any request)."""
    base = TransferRequest.objects.select_related("pilot", "country").order_by("-created_at")
    asked = list(base.filter(requester=user))
    to_answer = list(
        base.filter(pilot__kit_contacts__member=user, pilot__kit_contacts__contactable=True)
        .exclude(requester=user)
        .distinct()
    )
    # The pilots' titles in the reader's language, one query for all.
    with_localized_labels([transfer.pilot for transfer in [*asked, *to_answer]])
    return asked, to_answer


def suggestions_for(transfer, limit=matching.DEFAULT_LIMIT):
    """Partners for the request, as its requester may see them (community.partnering)."""
    return partnering.suggest(needs.need_for_transfer(transfer), transfer.requester, limit=limit)


def contact_suggestion(sender, transfer, key, body):
    """A private conversation from the requester to a suggested partner's people; no email is
    ever shown. Refused when the key is not among the request's suggestions."""
    if transfer.requester_id != sender.pk:
        raise PermissionDenied
    subject = _("Partner for “%(pilot)s” in %(region)s") % {
        "pilot": transfer.pilot.title,
        "region": transfer.region,
    }
    return partnering.contact(
        sender, suggestions_for(transfer, limit=50), key, subject=subject, body=body
    )


def adapt_into_pilot(editor, transfer, *, title, latitude=None, longitude=None):
    """A new pilot action page beside the origin, in its language, linked to it; published
    so the network's map shows where the pilot travelled. Editors only, once."""
    if not permissions.can_adapt(editor, transfer):
        raise PermissionDenied
    origin = transfer.pilot
    parent = origin.get_parent()
    country = transfer.country
    if country is not None and country.locale_id != origin.locale_id:
        country = country.get_translation_or_none(origin.locale) or country
    page = PilotActionPage(
        title=title,
        slug=slugify(title)[:200] or f"pilot-{transfer.pk}",
        region=transfer.region,
        country=country,
        latitude=latitude,
        longitude=longitude,
        status="planned",
        transferred_from=origin,
        summary=_("Adapted from “%(pilot)s”.") % {"pilot": origin.title},
        owner=editor,
    )
    with transaction.atomic():
        parent.add_child(instance=page)
        page.save_revision(user=editor).publish(user=editor)
        transfer.adapted_page = page
        transfer.status = TransferStatus.ADAPTED
        transfer.save(update_fields=["adapted_page", "status"])
        transaction.on_commit(
            lambda: transfer_adapted.send(sender=TransferRequest, transfer=transfer, editor=editor)
        )
    return page
