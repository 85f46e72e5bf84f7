"""What each kind of search for partners looks for, as a matching.Need: one place for the
transfer requests (a territory adapting a pilot), the calls that ask for consortia and their
ideas. Read the objects given; a fixed number of queries each."""

from django.db.models import Q

from cms.models.choices import Helix
from community.ideas.models import CoAuthorStatus
from community.partnering import matching

__all__ = ["idea_team", "need_for_call", "need_for_idea", "need_for_transfer", "wanted_helixes"]


def need_for_transfer(transfer):
    """A territory adapting a pilot: the kit's helixes (else its stakeholders') it does not
    cover itself, where it is, and the pilot's topics and sectors."""
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


def wanted_helixes(call):
    """The helixes the call wants in a consortium; all four when it names none."""
    known = set(Helix.values)
    wanted = {value for value in (call.wanted_helixes or ()) if value in known}
    return frozenset(wanted or known)


def need_for_call(call):
    """A call that asks for consortia, before any idea: the helixes it wants and its themes."""
    return matching.Need(
        missing_helixes=wanted_helixes(call),
        topics=frozenset(call.themes.values_list("slug", flat=True)),
    )


def idea_team(idea):
    """The idea's author and accepted co-authors, with their organisations. One query."""
    from django.contrib.auth import get_user_model

    accepted = idea.coauthors.filter(status=CoAuthorStatus.ACCEPTED).values("user_id")
    return list(
        get_user_model()
        .objects.filter(Q(pk=idea.author_id) | Q(pk__in=accepted))
        .select_related("organisation__country", "country")
        .order_by("pk")
    )


def need_for_idea(idea, team=None):
    """An idea in a call that asks for consortia: the call's wanted helixes that neither the
    idea's organisation nor its authors' (nor their own stakeholder type) bring, where the
    idea's organisation is (else the author's organisation, else the author's country), and the
    idea's topics with the call's themes."""
    team = idea_team(idea) if team is None else team
    organisations = [idea.organisation] if idea.organisation_id else []
    organisations += [member.organisation for member in team if member.organisation_id]
    present = {org.helix for org in organisations} | {m.stakeholder_type for m in team}
    author = next((member for member in team if member.pk == idea.author_id), None)
    place = organisations[0] if organisations else None
    if place is not None and place.country_id:
        country, region = place.country.code, place.city
    elif author is not None and author.country_id:
        country, region = author.country.code, ""
    else:
        country, region = "", ""
    topics = set(idea.topics.values_list("slug", flat=True))
    topics |= set(idea.call.themes.values_list("slug", flat=True))
    return matching.Need(
        missing_helixes=wanted_helixes(idea.call) - present,
        country=country,
        region=region,
        topics=frozenset(topics),
    )
