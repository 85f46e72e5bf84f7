"""Who may write to whom, and who reads a conversation: the one place that decides it.

Every channel asks here: the new-message form, replies, the "Contact" button on a profile, the
notification centre (which emails only participants) and the export.

- A member chooses who may start a conversation with them (`User.message_policy`): any member,
  members of their groups, or nobody. "Their groups" are the ones the site already knows: an
  organisation both belong to (accepted), a focus group or co-design workshop where both hold a
  seat (the events with a private discussion space), or a discussion space one moderates and
  the other belongs to or also moderates.
- A block works both ways: once either has blocked the other, neither can message the other,
  in a new conversation or an existing one.
- The choice governs new conversations; a conversation already under way goes on while no block
  stands between its participants.
- Only participants read a conversation; anyone else gets a 404, whatever the id.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext as _

from community.conversations.models import ContactBlock, Conversation, Participant
from community.discussions.models import DiscussionSpace
from community.discussions.permissions import group_event_keys
from community.members.models import MessagePolicy
from community.organisations.models import MembershipStatus, OrganisationMembership
from events.registrations.models import Registration

__all__ = [
    "BLOCKED_YOU",
    "YOU_BLOCKED",
    "block_between",
    "contact_refusal",
    "is_active_member",
    "is_participant",
    "members_sharing_a_group",
    "recipient_refusals",
    "reply_refusal",
    "visible_conversations",
]


def is_active_member(user):
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and not getattr(user, "erased_at", None)
    )


def _group_space_ids(member):
    """The discussion spaces `member` belongs to as a group: those they moderate and the
    private spaces of the events where they hold a seat."""
    return DiscussionSpace.objects.filter(
        Q(moderators=member)
        | Q(event__isnull=False, event__translation_key__in=group_event_keys(member))
    ).values("pk")


def members_sharing_a_group(member, candidate_ids):
    """Of `candidate_ids`, those who share a group with `member`; one query however many."""
    candidate_ids = list(candidate_ids)
    if not candidate_ids or not is_active_member(member):
        return set()
    my_organisations = OrganisationMembership.objects.filter(
        user=member, status=MembershipStatus.ACCEPTED
    ).values("organisation_id")
    same_organisation = OrganisationMembership.objects.filter(
        status=MembershipStatus.ACCEPTED, organisation_id__in=my_organisations
    ).values("user_id")
    spaces = _group_space_ids(member)
    # Seated in the event of one of those spaces (the events app counts seats).
    space_events = DiscussionSpace.objects.filter(pk__in=spaces, event__isnull=False).values(
        "event__translation_key"
    )
    same_group_event = (
        Registration.objects.seated()
        .filter(event__translation_key__in=space_events)
        .values("user_id")
    )
    same_space_moderators = DiscussionSpace.moderators.through.objects.filter(
        discussionspace_id__in=spaces
    ).values("user_id")
    found = (
        get_user_model()
        .objects.filter(pk__in=candidate_ids)
        .filter(
            Q(pk__in=same_organisation)
            | Q(pk__in=same_group_event)
            | Q(pk__in=same_space_moderators)
        )
    )
    return set(found.values_list("pk", flat=True)) - {member.pk}


# The reasons, in the reader's language (called at request time).
def _reason_self():
    return _("You cannot write to yourself.")


def _reason_closed():
    return _("This account is closed.")


def _reason_you_blocked():
    return _("You have blocked this member: unblock them to write.")


def _reason_blocked_you():
    return _("This member has blocked messages between you.")


def _reason_nobody():
    return _("This member does not accept private messages.")


def _reason_groups():
    return _(
        "This member accepts private messages only from people in the same focus group, "
        "organisation or discussion space."
    )


YOU_BLOCKED, BLOCKED_YOU = "you", "them"


def _blocks(sender, other_ids):
    """{member id: YOU_BLOCKED or BLOCKED_YOU} for the members a block stands between `sender`
    and (the sender's own block says most); one query."""
    found = {}
    for blocker_id, blocked_id in ContactBlock.objects.between(sender.pk, other_ids).values_list(
        "blocker_id", "blocked_id"
    ):
        if blocker_id == sender.pk:
            found[blocked_id] = YOU_BLOCKED
        else:
            found.setdefault(blocker_id, BLOCKED_YOU)
    return found


def block_between(member, other):
    """YOU_BLOCKED, BLOCKED_YOU or None, as `member` sees it."""
    return _blocks(member, [other.pk]).get(other.pk)


def recipient_refusals(sender, recipients, consented_ids=()):
    """{recipient id: why `sender` may not start a conversation with them} for the refused
    ones among `recipients` (users); a constant number of queries, however many.

    `consented_ids`: recipients who agreed to be contacted for this purpose (a pilot's kit
    contact, a partner open to suggestions). Their consent stands for "people in the same
    group": it lifts that policy only; "nobody", blocks and closed accounts still refuse."""
    recipients = list(recipients)
    ids = [recipient.pk for recipient in recipients]
    blocks = _blocks(sender, ids)
    consented = set(consented_ids)
    wanting_groups = [
        recipient.pk
        for recipient in recipients
        if recipient.message_policy == MessagePolicy.GROUPS
        and recipient.pk not in blocks
        and recipient.pk not in consented
    ]
    sharing = members_sharing_a_group(sender, wanting_groups) if wanting_groups else set()
    refusals = {}
    for recipient in recipients:
        if recipient.pk == sender.pk:
            refusals[recipient.pk] = _reason_self()
        elif not is_active_member(recipient):
            refusals[recipient.pk] = _reason_closed()
        elif blocks.get(recipient.pk) == YOU_BLOCKED:
            refusals[recipient.pk] = _reason_you_blocked()
        elif blocks.get(recipient.pk) == BLOCKED_YOU:
            refusals[recipient.pk] = _reason_blocked_you()
        elif recipient.message_policy == MessagePolicy.NOBODY:
            refusals[recipient.pk] = _reason_nobody()
        elif (
            recipient.message_policy == MessagePolicy.GROUPS
            and recipient.pk not in sharing
            and recipient.pk not in consented
        ):
            refusals[recipient.pk] = _reason_groups()
    return refusals


def contact_refusal(sender, recipient):
    """Why `sender` may not start a conversation with `recipient`, or None."""
    if not is_active_member(sender):
        return _("Sign in to send private messages.")
    return recipient_refusals(sender, [recipient]).get(recipient.pk)


def visible_conversations(user):
    """The conversations `user` takes part in; none for anyone else."""
    if not is_active_member(user):
        return Conversation.objects.none()
    return Conversation.objects.filter(participants__user=user)


def is_participant(user, conversation):
    return (
        is_active_member(user)
        and Participant.objects.filter(conversation=conversation, user=user).exists()
    )


def reply_refusal(user, others):
    """Why `user` may not reply in a conversation with `others` (its other participants, as
    users), or None: a block either way with any of them, or nobody left to read it."""
    if not is_active_member(user):
        return _reason_closed()
    active = [other for other in others if is_active_member(other)]
    if not active:
        return _("Nobody else is left in this conversation.")
    blocks = _blocks(user, [other.pk for other in active])
    for other in active:
        if other.pk in blocks:
            if blocks[other.pk] == YOU_BLOCKED:
                return _(
                    "You have blocked %(name)s: neither of you can write to the other. "
                    "Unblock them to reply."
                ) % {"name": _isolated(other.get_display_name())}
            return _("%(name)s has blocked messages between you: you cannot reply.") % {
                "name": _isolated(other.get_display_name())
            }
    return None


def _isolated(text):
    # Plain text shown escaped: the Unicode isolates keep a name in another script from
    # reordering the sentence around it (cms.templatetags.bidi_tags.isolate_plain).
    return f"\u2068{text}\u2069"
