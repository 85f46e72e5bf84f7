"""Asking to adapt a pilot, following the request, suggesting partners, contacting them and
turning a request into a new pilot action. Rules are asked of permissions.py."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cms.models import Organisation, PilotActionPage, SocialEconomyEntity
from cms.models.choices import Helix, Sector
from community.conversations import services as conversations
from community.organisations.models import MembershipStatus, OrganisationMembership
from community.transfers import matching, permissions
from community.transfers.models import TransferRequest, TransferStatus
from community.transfers.signals import transfer_adapted, transfer_requested

__all__ = [
    "adapt_into_pilot",
    "ask_to_adapt",
    "contact_suggestion",
    "member_transfers",
    "reason_texts",
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
    about pilots they are a contact of. Two queries."""
    base = TransferRequest.objects.select_related("pilot", "country").order_by("-created_at")
    asked = list(base.filter(requester=user))
    to_answer = list(
        base.filter(pilot__kit_contacts__member=user, pilot__kit_contacts__contactable=True)
        .exclude(requester=user)
        .distinct()
    )
    return asked, to_answer


def need_for(transfer):
    """What the territory looks for: the kit's helixes it does not cover itself, where it is,
    and the pilot's topics and sectors."""
    pilot = transfer.pilot
    needed = {block.value["helix"] for block in pilot.kit_partners}
    if not needed:
        needed = {row.helix for row in pilot.stakeholders.all()}
    return matching.Need(
        missing_helixes=frozenset(needed - {transfer.helix}),
        country=transfer.country.code if transfer.country else "",
        region=transfer.region,
        topics=frozenset(pilot.topics.values_list("slug", flat=True)),
        sectors=frozenset(pilot.sector_values),
    )


def candidates():
    """Everyone who opted in to being suggested: organisations and published directory
    entities. A fixed number of queries."""
    organisations = list(
        Organisation.objects.filter(open_to_partnering=True).select_related("country", "locale")
    )
    keys = [org.translation_key for org in organisations]
    pilots_run = dict(
        PilotActionPage.objects.live()
        .filter(Q(lead_partner__translation_key__in=keys))
        .values_list("lead_partner__translation_key")
        .annotate(n=Count("translation_key", distinct=True))
    )
    partner_runs = dict(
        PilotActionPage.objects.live()
        .filter(partners__translation_key__in=keys)
        .values_list("partners__translation_key")
        .annotate(n=Count("translation_key", distinct=True))
    )
    attended = dict(
        OrganisationMembership.objects.filter(
            organisation__in=organisations,
            status=MembershipStatus.ACCEPTED,
            user__event_registrations__status="attended",
        )
        .values_list("organisation_id")
        .annotate(n=Count("user__event_registrations"))
    )
    seen = set()
    found = []
    for org in organisations:
        if org.translation_key in seen:  # one organisation, whatever its copies
            continue
        seen.add(org.translation_key)
        found.append(
            matching.Candidate(
                key=f"organisation:{org.pk}",
                name=org.name,
                helix=org.helix,
                country=org.country.code if org.country else "",
                region=org.city,
                pilots_run=pilots_run.get(org.translation_key, 0)
                + partner_runs.get(org.translation_key, 0),
                events_attended=attended.get(org.pk, 0),
            )
        )
    entities = (
        SocialEconomyEntity.objects.published()
        .filter(open_to_partnering=True, proposed_by__isnull=False)
        .select_related("country")
        .prefetch_related("sectors", "cpv_codes")
    )
    for entity in entities:
        found.append(
            matching.Candidate(
                key=f"entity:{entity.pk}",
                name=entity.name,
                helix=Helix.BUSINESS,
                country=entity.country.code if entity.country else "",
                region=entity.region,
                sectors=frozenset(row.sector for row in entity.sectors.all()),
                cpv_codes=frozenset(entity.cpv_values()),
            )
        )
    return found


def suggestions_for(transfer, limit=matching.DEFAULT_LIMIT):
    return matching.rank(need_for(transfer), candidates(), limit=limit)


def reason_texts(suggestion):
    """Each reason as a phrase in the reader's language ("public administration", "in
    Aragon", "sector green economy", "ran a pilot")."""
    helixes = dict(Helix.choices)
    sectors = dict(Sector.choices)
    texts = []
    for reason in suggestion.reasons:
        if reason.code == "helix":
            texts.append(str(helixes.get(reason.values[0], reason.values[0])))
        elif reason.code == "region":
            texts.append(_("in %(place)s") % {"place": reason.values[0]})
        elif reason.code == "country":
            texts.append(_("in your country"))
        elif reason.code == "topic":
            texts.append(_("shares the pilot's topics"))
        elif reason.code == "sector":
            labels = ", ".join(str(sectors.get(value, value)) for value in reason.values)
            texts.append(_("sector %(sectors)s") % {"sectors": labels})
        elif reason.code == "cpv":
            texts.append(_("CPV codes %(codes)s") % {"codes": ", ".join(reason.values)})
        elif reason.code == "pilot":
            texts.append(_("ran a pilot"))
        elif reason.code == "events":
            texts.append(_("took part in the network's events"))
    return texts


def _members_of(key):
    """The accounts that answer for a suggested candidate: an organisation's accepted admins
    (else its accepted members); an entity's registrant."""
    from django.contrib.auth import get_user_model

    kind, _sep, pk = key.partition(":")
    users = get_user_model().objects.filter(is_active=True)
    if kind == "organisation":
        org = Organisation.objects.filter(pk=pk, open_to_partnering=True).first()
        if org is None:
            return []
        accepted = users.filter(
            organisation_memberships__organisation__translation_key=org.translation_key,
            organisation_memberships__status=MembershipStatus.ACCEPTED,
        ).distinct()
        admins = list(accepted.filter(organisation_memberships__role="admin"))
        return admins or list(accepted)
    if kind == "entity":
        entity = (
            SocialEconomyEntity.objects.published().filter(pk=pk, open_to_partnering=True).first()
        )
        return list(users.filter(pk=entity.proposed_by_id)) if entity else []
    return []


def contact_suggestion(sender, transfer, key, body):
    """A private conversation from the requester to a suggested partner's people; no email is
    ever shown. Refused when the key is not among the request's suggestions."""
    if transfer.requester_id != sender.pk:
        raise PermissionDenied
    suggestion = next(
        (s for s in suggestions_for(transfer, limit=50) if s.candidate.key == key), None
    )
    if suggestion is None:
        raise conversations.ConversationRefused(_("This partner is not suggested any more."))
    members = _members_of(key)
    if not members:
        raise conversations.ConversationRefused(
            _("Nobody at this organisation can receive messages yet.")
        )
    subject = _("Partner for “%(pilot)s” in %(region)s") % {
        "pilot": transfer.pilot.title,
        "region": transfer.region,
    }
    # The organisation or entity opted in to being suggested and written to.
    try:
        return conversations.start_conversation(
            sender,
            members,
            subject=subject[:200],
            body=body,
            consented_ids=[member.pk for member in members],
        )
    except conversations.RecipientsRefused as refused:
        raise conversations.ConversationRefused(
            _("This partner's people cannot receive your message: %(reason)s")
            % {"reason": refused.refusals[0][1]},
            field="body",
        ) from refused


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
