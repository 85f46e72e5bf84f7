"""Submitting and moving ideas: every write checks permission and the call's deadline inside
one transaction, records the lifecycle, then emails authors and announces the change.

The deadline is decided by the server's clock inside the transaction, twice: when the write
starts and again just before it commits, so a request that began before the closing second
and finishes after it is refused and rolled back.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from cms.i18n import with_localized_labels
from cms.mail import send_templated_mail
from cms.uploads import check_attachment, generated_name
from community.ideas.models import (
    CoAuthorStatus,
    Idea,
    IdeaAttachment,
    IdeaCallPage,
    IdeaCoAuthor,
    IdeaStatus,
    IdeaStatusChange,
)
from community.ideas.models.choices import AUTHOR_TRANSITIONS, ORGANISER_TRANSITIONS
from community.ideas.permissions import (
    DECISION_STATUSES,
    UNDECIDED_STATUS,
    can_edit_idea,
    disclose,
    disclosed_status,
    is_call_organiser,
    is_idea_author,
)
from community.ideas.signals import idea_decision_published, idea_status_changed
from community.members.mentions import mention_text
from community.members.permissions import visible_profiles

__all__ = [
    "CallClosed",
    "IdeaRefused",
    "announce_decisions",
    "change_status",
    "invite_by_email",
    "invite_coauthor",
    "member_ideas",
    "remove_attachment",
    "respond_to_invitation",
    "save_idea",
    "submit_idea",
    "withdraw_idea",
]


class IdeaRefused(Exception):
    """A refused write; `message` is shown to the member."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class CallClosed(IdeaRefused):
    pass


MAX_MENTION_SUGGESTIONS = 8


def mention_suggestions(idea, reader, query):
    """Up to eight of the idea's authors (its author and accepted co-authors) the reader may
    name in it, matching `query`; only profiles the reader may see, never the reader, never an
    email. The idea's own people are those who read it with them while it is written."""
    query = " ".join((query or "").split())[:60]
    if not query or not is_idea_author(idea, reader):
        return []
    author_ids = [
        idea.author_id,
        *idea.coauthors.filter(status=CoAuthorStatus.ACCEPTED).values_list("user_id", flat=True),
    ]
    members = (
        visible_profiles(get_user_model().objects.filter(pk__in=author_ids), reader)
        .filter(display_name__icontains=query)
        .exclude(pk=reader.pk)
        .order_by("display_name", "pk")[:MAX_MENTION_SUGGESTIONS]
    )
    return [
        {"id": member.pk, "name": member.get_display_name(), "insert": mention_text(member)}
        for member in members
    ]


def now():
    """The server's clock; a function so tests can move it."""
    return timezone.now()


def _locked_call(call):
    source = call.source_page()
    return IdeaCallPage.objects.select_for_update().get(pk=source.pk)


def _refuse_if_closed(call):
    if not call.is_open(now()):
        raise CallClosed(
            _("This call closed on %(date)s: ideas can no longer be submitted or changed.")
            % {"date": timezone.localtime(call.closes_at, call.zone).strftime("%Y-%m-%d %H:%M %Z")}
        )


def _locked_idea(idea):
    return Idea.objects.select_for_update().select_related("call").get(pk=idea.pk)


def _record(idea, from_status, to_status, by):
    IdeaStatusChange.objects.create(
        idea=idea, from_status=from_status, to_status=to_status, changed_by=by
    )
    transaction.on_commit(lambda: _announce(idea.pk, from_status, to_status, by))


def _announce(idea_id, from_status, to_status, by):
    idea = Idea.objects.select_related("call", "author").get(pk=idea_id)
    # A new draft concerns nobody but its author, who is looking at it: no email.
    if to_status != IdeaStatus.DRAFT:
        _email_authors(idea, from_status, to_status)
    idea_status_changed.send(
        sender=Idea, idea=idea, from_status=from_status, to_status=to_status, changed_by=by
    )


def _email_authors(idea, from_status, to_status):
    """Each author and accepted co-author hears of the change as far as they may know it
    (community.ideas.permissions.disclosed_status): a decision taken before the results are
    published reads "under review", and a change that tells them nothing new is not sent."""
    recipients = [idea.author] + [
        coauthor.user
        for coauthor in idea.coauthors.filter(status=CoAuthorStatus.ACCEPTED).select_related("user")
    ]
    for recipient in recipients:
        if not recipient.is_active or recipient.erased_at:
            continue
        shown_to = disclosed_status(idea, recipient, status=to_status)
        shown_from = disclosed_status(idea, recipient, status=from_status) if from_status else None
        if shown_to == shown_from:
            continue
        send_templated_mail(
            "community_idea_status",
            recipient,
            {"idea": idea, "call": idea.call, "from_status": shown_from, "to_status": shown_to},
        )


def announce_decisions(call, by):
    """Once a call's results are published, the authors of every decided idea hear its
    decision, which until then read "under review" to them."""
    ideas = Idea.objects.filter(call=call.source_page(), status__in=DECISION_STATUSES)
    for idea in ideas.select_related("call", "author").order_by("pk"):
        _email_authors(idea, UNDECIDED_STATUS, idea.status)
        idea_decision_published.send(sender=Idea, idea=idea, status=idea.status, published_by=by)


def _move(idea, to_status, by):
    from_status = idea.status
    idea.status = to_status
    fields = ["status", "updated_at"]
    if to_status == IdeaStatus.SUBMITTED and idea.submitted_at is None:
        idea.submitted_at = now()
        fields.append("submitted_at")
    idea.save(update_fields=fields)
    _record(idea, from_status, to_status, by)


def _store_attachments(idea, call, uploads):
    if idea.attachments.count() + len(uploads) > call.max_attachments:
        raise IdeaRefused(
            _("An idea can have at most %(count)d attachments.") % {"count": call.max_attachments}
        )
    for upload in uploads:
        mime, extension = check_attachment(upload, call.max_attachment_bytes)
        attachment = IdeaAttachment(
            idea=idea,
            original_name=get_valid_filename(upload.name)[:200] or f"attachment.{extension}",
            mime_type=mime,
            size=upload.size,
        )
        upload.seek(0)
        attachment.file.save(generated_name(extension), upload, save=False)
        attachment.save()


def save_idea(form, user, call=None, uploads=(), submit=False):
    """Create (with `call`) or update (form.instance) an idea from a valid IdeaForm, with new
    attachments; `submit` also submits it. Raises IdeaRefused (CallClosed after the deadline)."""
    with transaction.atomic():
        existing = form.instance.pk is not None
        call = _locked_call(form.instance.call if existing else call)
        _refuse_if_closed(call)
        if existing:
            current = _locked_idea(form.instance)
            if not can_edit_idea(current, user, now()):
                raise IdeaRefused(_("You cannot change this idea any more."))
        idea = form.save(commit=False)
        if not existing:
            idea.call = call
            idea.author = user
        idea.save()
        form.save_m2m()
        _store_attachments(idea, call, uploads)
        if not existing:
            _record(idea, "", IdeaStatus.DRAFT, user)
        if submit and idea.status == IdeaStatus.DRAFT:
            _move(idea, IdeaStatus.SUBMITTED, user)
        _refuse_if_closed(call)  # still open as we commit
    return idea


def _author_transition(idea, user, to_status):
    with transaction.atomic():
        call = _locked_call(idea.call)
        _refuse_if_closed(call)
        idea = _locked_idea(idea)
        if not is_idea_author(idea, user):
            raise IdeaRefused(_("Only the idea's authors can do this."))
        if to_status not in AUTHOR_TRANSITIONS.get(idea.status, ()):
            raise IdeaRefused(
                _("This idea cannot be moved from “%(status)s”.")
                % {"status": idea.get_status_display()}
            )
        _move(idea, to_status, user)
        _refuse_if_closed(call)
    return idea


def submit_idea(idea, user):
    return _author_transition(idea, user, IdeaStatus.SUBMITTED)


def withdraw_idea(idea, user):
    return _author_transition(idea, user, IdeaStatus.WITHDRAWN)


def change_status(ideas, to_status, by):
    """An organiser moves ideas through the review lifecycle (one or many at once). Returns
    (moved, refused): ideas whose current status does not lead to `to_status` are left as they
    are. Raises IdeaRefused if `by` does not run the call."""
    moved, refused = [], []
    with transaction.atomic():
        for idea in (
            Idea.objects.select_for_update()
            .select_related("call")
            .filter(pk__in=[idea.pk for idea in ideas])
            .order_by("pk")
        ):
            if not is_call_organiser(idea.call, by):
                raise IdeaRefused(_("Only the call's organisers can change an idea's status."))
            if to_status in ORGANISER_TRANSITIONS.get(idea.status, ()):
                _move(idea, to_status, by)
                moved.append(idea)
            else:
                refused.append(idea)
    return moved, refused


def remove_attachment(attachment, user):
    with transaction.atomic():
        call = _locked_call(attachment.idea.call)
        _refuse_if_closed(call)
        if not can_edit_idea(attachment.idea, user, now()):
            raise IdeaRefused(_("You cannot change this idea any more."))
        name, storage = attachment.file.name, attachment.file.storage
        attachment.delete()
        transaction.on_commit(lambda: storage.delete(name))


def invite_coauthor(idea, by, invitee):
    """The author invites another member to co-write the idea; they are emailed a link."""
    if idea.author_id != by.pk:
        raise IdeaRefused(_("Only the idea's author can invite co-authors."))
    if invitee.pk == by.pk:
        raise IdeaRefused(_("You are already the author."))
    with transaction.atomic():
        invitation, created = IdeaCoAuthor.objects.get_or_create(idea=idea, user=invitee)
        if not created:
            raise IdeaRefused(_("This member has already been invited."))
        transaction.on_commit(
            lambda: send_templated_mail(
                "community_coauthor_invitation",
                invitee,
                {"idea": idea, "inviter": by, "invitation": invitation},
            )
        )
    return invitation


def invite_by_email(idea, by, email):
    """The author invites whoever holds `email`. The author learns nothing of who that is, nor
    whether anybody does: an address without an active account, or one already invited, is
    answered as a new invitation (and nobody is emailed twice). Returns the invitation or None.
    """
    if idea.author_id != by.pk:
        raise IdeaRefused(_("Only the idea's author can invite co-authors."))
    invitee = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if invitee is None:
        return None
    existing = IdeaCoAuthor.objects.filter(idea=idea, user=invitee).first()
    if existing is not None:
        return existing
    return invite_coauthor(idea, by, invitee)


def respond_to_invitation(invitation, user, accept):
    if invitation.user_id != user.pk or invitation.status != CoAuthorStatus.INVITED:
        raise IdeaRefused(_("This invitation is not open for you."))
    invitation.status = CoAuthorStatus.ACCEPTED if accept else CoAuthorStatus.DECLINED
    invitation.responded_at = now()
    invitation.save(update_fields=["status", "responded_at"])
    return invitation


def member_ideas(user):
    """(ideas, invitations): the ideas the member wrote or co-writes, latest change first, each
    with the status the member may read (`disclosed_status`) and its call's title in the
    reader's language; and their open invitations to co-write. "Your ideas" and "My
    participation" show these."""
    own = Idea.objects.filter(author=user)
    coauthored = Idea.objects.filter(
        coauthors__user=user, coauthors__status=CoAuthorStatus.ACCEPTED
    )
    ideas = disclose(
        (own | coauthored).distinct().select_related("call").order_by("-updated_at"), user
    )
    invitations = list(
        IdeaCoAuthor.objects.filter(user=user, status=CoAuthorStatus.INVITED)
        .select_related("idea", "idea__author")
        .order_by("-invited_at", "-pk")
    )
    with_localized_labels(idea.call for idea in ideas)  # the calls' titles, in one query
    return ideas, invitations
