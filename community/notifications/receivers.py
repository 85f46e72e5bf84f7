"""The notification centre listens: events, ideas and discussions announce what happened
(Django signals sent after their transaction committed) and this module turns each into
notifications through `community.notifications.services.notify`.

Connected in `CommunityConfig.ready`.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.dispatch import receiver
from django.urls import reverse

from community.conversations.signals import message_sent
from community.discussions.models import SpaceVisibility
from community.discussions.permissions import can_read_space
from community.discussions.services import mentioned_members
from community.discussions.signals import member_mentioned, post_published
from community.ideas.follows import author_ids
from community.ideas.models import CoAuthorStatus, IdeaFollow, IdeaStatus
from community.ideas.permissions import UNDECIDED_STATUS, can_discuss_idea, disclosed_status
from community.ideas.signals import idea_decision_published, idea_status_changed
from community.moderation.signals import post_moderated
from community.notifications.models import NotificationKind
from community.notifications.services import notify
from community.results.permissions import can_view_result
from community.results.services import as_reader, follower_ids
from community.results.signals import result_milestone_added, result_status_changed
from community.transfers.signals import transfer_adapted, transfer_requested
from events.pages.models import EventPage
from events.registrations import signals as event_signals
from events.registrations.models import Registration

# What happened to a member's own registration, by signal.
_REGISTRATION_KINDS = {
    event_signals.registration_confirmed: NotificationKind.REGISTRATION_CONFIRMED,
    event_signals.registration_waitlisted: NotificationKind.REGISTRATION_WAITLISTED,
    event_signals.registration_promoted: NotificationKind.REGISTRATION_PROMOTED,
    event_signals.registration_cancelled: NotificationKind.REGISTRATION_CANCELLED,
    event_signals.application_approved: NotificationKind.APPLICATION_APPROVED,
    event_signals.application_declined: NotificationKind.APPLICATION_DECLINED,
}


def _event_of(registration):
    return registration.event.specific


def notify_registrant(sender, registration, signal, **kwargs):
    """The member whose registration changed (guests have no account: their email says it)."""
    if not registration.user_id:
        return
    event = _event_of(registration)
    actor = None
    if signal in (event_signals.application_approved, event_signals.application_declined):
        actor = registration.decided_by
    notify([registration.user_id], _REGISTRATION_KINDS[signal], event, actor=actor)


for _signal in _REGISTRATION_KINDS:
    _signal.connect(
        notify_registrant, sender=Registration, dispatch_uid=f"notify_registrant_{id(_signal)}"
    )


@receiver(event_signals.application_received, sender=Registration)
def notify_organisers_of_application(sender, registration, **kwargs):
    event = _event_of(registration)
    organiser_ids = list(event.organisers.values_list("pk", flat=True))
    notify(
        organiser_ids,
        NotificationKind.APPLICATION_RECEIVED,
        event,
        actor=registration.user_id,
    )


@receiver(idea_status_changed)
def notify_idea_authors(sender, idea, from_status, to_status, changed_by=None, **kwargs):
    """The idea's author and accepted co-authors; not whoever made the change. A new draft
    concerns nobody but its author, who is looking at it."""
    if to_status == IdeaStatus.DRAFT:
        return
    _notify_authors(idea, from_status, to_status, changed_by)
    _notify_followers(idea, from_status, to_status, changed_by)


@receiver(idea_decision_published)
def notify_idea_authors_of_decision(sender, idea, status, published_by=None, **kwargs):
    """Results are out: the decision the authors read as "under review" until now."""
    _notify_authors(idea, UNDECIDED_STATUS, status, published_by)
    _notify_followers(idea, UNDECIDED_STATUS, status, published_by)


def _notify_followers(idea, from_status, to_status, actor):
    """Members following the idea (not its authors, told above) hear its new status while
    the idea is open to conversation, as far as they may know it: a decision reads "under
    review" until the results are published, so it is news to them only then."""
    if not can_discuss_idea(idea):
        return
    follower_ids = set(IdeaFollow.objects.filter(idea=idea).values_list("user_id", flat=True))
    follower_ids -= author_ids(idea)
    by_status = {}
    for follower in get_user_model().objects.filter(pk__in=follower_ids):
        shown = disclosed_status(idea, follower, status=to_status)
        before = disclosed_status(idea, follower, status=from_status) if from_status else None
        if shown != before:
            by_status.setdefault(shown, []).append(follower.pk)
    for shown, recipients in by_status.items():
        notify(
            recipients,
            NotificationKind.IDEA_FOLLOWED,
            idea,
            actor=actor,
            subject=idea.title,
            url=reverse("community:idea_detail", args=[idea.pk]),
            data={"status": shown.value},
        )


def _notify_authors(idea, from_status, to_status, actor):
    """Each author hears the change as far as they may know it
    (community.ideas.permissions.disclosed_status); a change that tells them nothing new, a
    decision taken before the results are published, is not notified."""
    author_ids = [
        idea.author_id,
        *idea.coauthors.filter(status=CoAuthorStatus.ACCEPTED).values_list("user_id", flat=True),
    ]
    by_status = {}
    for author in get_user_model().objects.filter(pk__in=author_ids):
        shown = disclosed_status(idea, author, status=to_status)
        before = disclosed_status(idea, author, status=from_status) if from_status else None
        if shown != before:
            by_status.setdefault(shown, []).append(author.pk)
    for shown, recipients in by_status.items():
        notify(
            recipients,
            NotificationKind.IDEA_STATUS,
            idea,
            actor=actor,
            subject=idea.title,
            url=reverse("community:idea_detail", args=[idea.pk]),
            data={"status": shown.value},
        )


# --- results ---


def _result_readers(result, actor):
    """The result's authors and followers who may read it now (`can_view_result`, the rule
    every channel asks: a result of a private idea or a hidden call tells nobody)."""
    actor_id = getattr(actor, "pk", actor)
    members = get_user_model().objects.filter(pk__in=follower_ids(result) - {actor_id})
    return [member.pk for member in members if can_view_result(result, as_reader(member))]


@receiver(result_status_changed)
def notify_result_status(sender, result, status, actor=None, **kwargs):
    notify(
        _result_readers(result, actor),
        NotificationKind.RESULT_STATUS,
        result,
        actor=actor,
        subject=result.title,
        data={"status": str(status)},
    )


@receiver(result_milestone_added)
def notify_result_milestone(sender, result, milestone, actor=None, **kwargs):
    notify(
        _result_readers(result, actor),
        NotificationKind.RESULT_MILESTONE,
        result,
        actor=actor,
        subject=result.title,
        data={"milestone": milestone.title, "date": milestone.date.isoformat()},
    )


# --- discussions ---


def space_readers(space, member_ids):
    """Of `member_ids`, those who may read `space`, in one query however many they are.

    This is `discussion_permissions.can_read_space` applied to many members at once (a reply
    to a thread with hundreds of followers must not cost a query per follower);
    tests/community/notifications/test_discussions.py checks both agree for every kind of
    reader and space.
    """
    if space.visibility == SpaceVisibility.PUBLIC:
        return list(member_ids)  # anyone reads (notify still leaves out closed accounts)
    members = get_user_model().objects.filter(
        pk__in=member_ids, is_active=True, erased_at__isnull=True
    )
    if space.visibility != SpaceVisibility.MEMBERS:
        group = Registration.objects.seated().filter(
            event__translation_key__in=EventPage.objects.filter(pk=space.event_id).values(
                "translation_key"
            )
        )
        members = members.filter(
            Q(is_staff=True)
            | Q(is_superuser=True)
            | Q(pk__in=space.moderators.values("pk"))
            | Q(pk__in=group.values("user_id"))
        )
    return list(members.values_list("pk", flat=True))


@receiver(post_published)
def notify_thread_followers(sender, post, **kwargs):
    """Everyone following the thread who may still read its space; never the post's author.
    Followers named in the post hear of it once, as a mention (member_mentioned)."""
    thread = post.thread
    mentioned = {member.pk for member in mentioned_members(post)}
    followers = [pk for pk in thread.follower_ids() if pk not in mentioned]
    readers = space_readers(thread.space, followers)
    notify(readers, NotificationKind.REPLY, post, actor=post.author_id, subject=thread.title)


@receiver(member_mentioned)
def notify_mentioned_member(sender, post, member, **kwargs):
    if not can_read_space(member, post.thread.space):
        return
    notify(
        [member], NotificationKind.MENTION, post, actor=post.author_id, subject=post.thread.title
    )


@receiver(post_moderated)
def notify_post_author_of_moderation(sender, post, action, reason="", moderator=None, **kwargs):
    """The author hears what happened to their post and why (even when it is hidden: they
    still see their own post)."""
    if not can_read_space(post.author, post.thread.space):
        return
    notify(
        [post.author_id],
        NotificationKind.POST_MODERATED,
        post,
        actor=moderator,
        subject=post.thread.title,
        data={"action": str(action), "reason": reason or ""},
    )


# --- private messages ---


@receiver(message_sent)
def notify_message_recipients(sender, message, recipient_ids, **kwargs):
    """Each other participant hears who wrote and about what; the text stays on the site."""
    notify(
        recipient_ids,
        NotificationKind.PRIVATE_MESSAGE,
        message.conversation,
        actor=message.author_id,
        subject=message.conversation.subject,
    )


@receiver(transfer_requested)
def notify_transfer_requested(sender, transfer, recipient_ids, **kwargs):
    """The pilot's contacts and the editors: a member asks to adapt the pilot."""
    notify(
        recipient_ids,
        NotificationKind.TRANSFER_REQUESTED,
        transfer,
        actor=transfer.requester_id,
        subject=transfer.pilot.title,
    )


@receiver(transfer_adapted)
def notify_transfer_adapted(sender, transfer, editor, **kwargs):
    """The requester: their request became a pilot action."""
    notify(
        [transfer.requester_id],
        NotificationKind.TRANSFER_ADAPTED,
        transfer,
        actor=editor,
        subject=transfer.pilot.title,
    )
