"""Who may be suggested as a partner, the suggestions of a need, their reasons in the reader's
language, and contacting a suggested partner through the private messages (no email address is
ever shown). The ranking itself is matching.py; the needs are needs.py; who may see and contact
is permissions.py.

Consent: only organisations, published directory entities and members who opted in
(`open_to_partnering`) are candidates; a member only for readers their profile visibility lets
see them."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.models import Organisation, PilotActionPage, SocialEconomyEntity
from cms.models.choices import Helix, Sector
from community.conversations import permissions as conversation_permissions
from community.conversations import services as conversations
from community.members.permissions import visible_profiles
from community.organisations.models import MembershipStatus, OrganisationMembership
from community.partnering import matching, needs, permissions

__all__ = [
    "KIND_LABELS",
    "call_suggestions",
    "candidates",
    "contact",
    "contact_for_idea",
    "idea_suggestions",
    "reason_texts",
    "suggest",
    "suggestion_rows",
]

KIND_LABELS = {
    "organisation": gettext_lazy("Organisation"),
    "entity": gettext_lazy("Social-economy directory"),
    "member": gettext_lazy("Member"),
}
TOPIC_TEXTS = {
    "pilot": gettext_lazy("shares the pilot's topics"),
    "idea": gettext_lazy("shares the idea's topics"),
}
IDEA_LIMIT = 5


def _pilots_run(keys):
    """{organisation translation key: set of live pilots' translation keys} it led or partnered
    in, whatever the language of the copies. Two queries."""
    runs = {}
    live = PilotActionPage.objects.live()
    rows = [
        *live.filter(lead_partner__translation_key__in=keys).values_list(
            "lead_partner__translation_key", "translation_key"
        ),
        *live.filter(partners__translation_key__in=keys).values_list(
            "partners__translation_key", "translation_key"
        ),
    ]
    for organisation_key, pilot_key in rows:
        runs.setdefault(organisation_key, set()).add(pilot_key)
    return runs


def _pilots_topics_and_sectors(pilot_keys):
    """({pilot key: topic slugs}, {pilot key: sectors}) of live pilots. Two queries."""
    topics, sectors = {}, {}
    live = PilotActionPage.objects.live().filter(translation_key__in=pilot_keys)
    for pilot_key, slug in live.filter(topics__isnull=False).values_list(
        "translation_key", "topics__slug"
    ):
        topics.setdefault(pilot_key, set()).add(slug)
    for pilot_key, sector in live.filter(sectors__isnull=False).values_list(
        "translation_key", "sectors__sector"
    ):
        sectors.setdefault(pilot_key, set()).add(sector)
    return topics, sectors


def _organisation_candidates(exclude_organisations):
    """Organisations have no topics or sectors of their own: theirs are those of the pilots
    they ran, so a partner that ran a pilot on premises is suggested for a pilot on premises."""
    organisations = list(
        Organisation.objects.filter(open_to_partnering=True)
        .exclude(translation_key__in=list(exclude_organisations))
        .select_related("country", "locale")
    )
    keys = [org.translation_key for org in organisations]
    runs = _pilots_run(keys)
    topics, sectors = _pilots_topics_and_sectors(set().union(*runs.values()))
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
    for org in organisations:
        if org.translation_key in seen:  # one organisation, whatever its copies
            continue
        seen.add(org.translation_key)
        ran = runs.get(org.translation_key, set())
        yield matching.Candidate(
            key=f"organisation:{org.pk}",
            name=org.name,
            helix=org.helix,
            country=org.country.code if org.country else "",
            region=org.city,
            topics=frozenset().union(*(topics.get(key, ()) for key in ran)),
            sectors=frozenset().union(*(sectors.get(key, ()) for key in ran)),
            pilots_run=len(ran),
            events_attended=attended.get(org.pk, 0),
        )


def _entity_candidates():
    entities = (
        SocialEconomyEntity.objects.published()
        .filter(open_to_partnering=True, proposed_by__isnull=False)
        .select_related("country")
        .prefetch_related("sectors", "cpv_codes")
    )
    for entity in entities:
        yield matching.Candidate(
            key=f"entity:{entity.pk}",
            name=entity.name,
            helix=Helix.BUSINESS,
            country=entity.country.code if entity.country else "",
            region=entity.region,
            sectors=frozenset(row.sector for row in entity.sectors.all()),
            cpv_codes=frozenset(entity.cpv_values()),
        )


def _suggestable_members(reader):
    from django.contrib.auth import get_user_model

    members = get_user_model().objects.filter(open_to_partnering=True)
    if reader is not None and reader.is_authenticated:
        members = members.exclude(pk=reader.pk)
    return visible_profiles(members, reader)


def _member_candidates(reader, exclude_members):
    members = (
        _suggestable_members(reader)
        .exclude(pk__in=list(exclude_members))
        .select_related("country", "organisation__country")
        .prefetch_related("topics")
        .annotate(
            attended=Count(
                "event_registrations",
                filter=Q(event_registrations__status="attended"),
                distinct=True,
            )
        )
        .order_by("pk")
    )
    for member in members:
        org = member.organisation
        if member.country_id:
            country = member.country.code
        else:
            country = org.country.code if org is not None and org.country_id else ""
        yield matching.Candidate(
            key=f"member:{member.pk}",
            name=member.get_display_name(),
            helix=member.stakeholder_type or (org.helix if org is not None else ""),
            country=country,
            region=org.city if org is not None else "",
            topics=frozenset(topic.slug for topic in member.topics.all()),
            events_attended=member.attended,
        )


def candidates(reader=None, *, exclude_members=(), exclude_organisations=()):
    """Everyone who opted in to being suggested and whom `reader` may see: organisations (one
    per translation key), published directory entities and members (never the reader). A fixed
    number of queries, however many. `exclude_members`: user ids; `exclude_organisations`:
    organisations' translation keys (those already in the team)."""
    return [
        *_organisation_candidates(exclude_organisations),
        *_entity_candidates(),
        *_member_candidates(reader, exclude_members),
    ]


def suggest(need, reader, *, limit=matching.DEFAULT_LIMIT, **exclude):
    return matching.rank(need, candidates(reader, **exclude), limit=limit)


def reason_texts(suggestion, about="pilot"):
    """Each reason as a phrase in the reader's language ("Public administration", "in
    Aragon", "sector Green economy", "ran a pilot"). `about`: "pilot" or "idea", whose topics
    are shared."""
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
            texts.append(str(TOPIC_TEXTS[about]))
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


def suggestion_rows(suggestions, about="pilot"):
    """What a template shows of each suggestion: it, its kind's label and its reasons."""
    return [
        {
            "suggestion": suggestion,
            "kind": KIND_LABELS[suggestion.candidate.key.partition(":")[0]],
            "reasons": reason_texts(suggestion, about),
        }
        for suggestion in suggestions
    ]


def _people_of(key, sender):
    """The accounts that answer for a suggested candidate, in tiers tried in turn, read again
    from the database (consent may have been withdrawn since the page was shown): an
    organisation's accepted admins, then its other accepted members; an entity's registrant; a
    member, if `sender` may still see them."""
    from django.contrib.auth import get_user_model

    kind, _sep, pk = key.partition(":")
    if not pk.isdigit():
        return []
    users = get_user_model().objects.filter(is_active=True).exclude(pk=sender.pk)
    if kind == "organisation":
        org = Organisation.objects.filter(pk=pk, open_to_partnering=True).first()
        if org is None:
            return []
        accepted = list(
            users.filter(
                organisation_memberships__organisation__translation_key=org.translation_key,
                organisation_memberships__status=MembershipStatus.ACCEPTED,
            )
            .annotate(
                admin=Count(
                    "organisation_memberships",
                    filter=Q(organisation_memberships__role="admin"),
                )
            )
            .order_by("pk")
        )
        admins = [user for user in accepted if user.admin]
        others = [user for user in accepted if not user.admin]
        return [tier for tier in (admins, others) if tier]
    if kind == "entity":
        entity = (
            SocialEconomyEntity.objects.published().filter(pk=pk, open_to_partnering=True).first()
        )
        found = list(users.filter(pk=entity.proposed_by_id)) if entity else []
    elif kind == "member":
        found = list(_suggestable_members(sender).filter(pk=pk))
    else:
        found = []
    return [found] if found else []


def contact(sender, suggestions, key, *, subject, body):
    """A private conversation from `sender` to the people of the suggestion `key` (one of
    `suggestions`) who accept it: an organisation's admins who accept messages, else its other
    accepted members who do. No email address is shown. Opting in to being suggested stands for
    consent to be written to by a stranger; "nobody" and blocks still refuse."""
    if not any(suggestion.candidate.key == key for suggestion in suggestions):
        raise conversations.ConversationRefused(_("This partner is not suggested any more."))
    tiers = _people_of(key, sender)
    if not tiers:
        raise conversations.ConversationRefused(
            _("Nobody at this organisation can receive messages yet.")
        )
    first_refusal = None
    for people in tiers:
        consented = [person.pk for person in people]
        refusals = conversation_permissions.recipient_refusals(sender, people, consented)
        reachable = [person for person in people if person.pk not in refusals]
        if reachable:
            return conversations.start_conversation(
                sender, reachable, subject=subject[:200], body=body, consented_ids=consented
            )
        first_refusal = first_refusal or refusals[people[0].pk]
    raise conversations.ConversationRefused(
        _("This partner's people cannot receive your message: %(reason)s")
        % {"reason": first_refusal},
        field="body",
    )


def _idea_exclusions(idea, team):
    organisations = {member.organisation.translation_key for member in team if member.organisation}
    if idea.organisation_id:
        organisations.add(idea.organisation.translation_key)
    return {
        "exclude_members": [member.pk for member in team],
        "exclude_organisations": sorted(organisations, key=str),
    }


def idea_suggestions(idea, reader, limit=IDEA_LIMIT):
    """Partners for an idea of a call that asks for consortia, for those who may see them (its
    authors and the call's organisers); nobody else gets any. Its own team is never suggested."""
    if not permissions.can_see_idea_suggestions(idea, reader):
        return []
    team = needs.idea_team(idea)
    need = needs.need_for_idea(idea, team)
    return suggest(need, reader, limit=limit, **_idea_exclusions(idea, team))


def call_suggestions(call, reader, limit=IDEA_LIMIT):
    """Partners for a call that asks for consortia, before any idea: for its organisers."""
    if not permissions.can_see_call_suggestions(call, reader):
        return []
    return suggest(needs.need_for_call(call), reader, limit=limit)


def contact_for_idea(sender, idea, key, body):
    """An author writes to a partner suggested for their idea."""
    from django.core.exceptions import PermissionDenied

    if not permissions.can_contact_for_idea(idea, sender):
        raise PermissionDenied
    suggestions = idea_suggestions(idea, sender, limit=50)
    subject = _("Partner for the idea “%(idea)s”") % {"idea": idea.title}
    return contact(sender, suggestions, key, subject=subject, body=body)
