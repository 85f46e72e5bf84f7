"""The one registry of personal data: every model field that links a row to a member says how
that row is exported ("download my data") and what happens to it when the account is deleted.

`tests/community/privacy/test_registry.py` fails for any relation to the user model, in any
installed app, that is not declared here, and for declarations naming a model or field that
no longer exists. Apps below community (events, cms) cannot import it, so their models are
declared here by label.

Erasure, per declared relation:
- DELETE: the rows are the member's own data (consents, registrations, drafts): removed, with
  their files.
- KEEP: the rows are contributions or records of other people's work (a published idea, a page
  revision, a decision taken): kept, still pointing at the member's row, which erasure empties
  and labels "former member".
- DETACH: the member is removed from a many-to-many (organisers, co-authors).
- a callable `erase(user)`: anything finer.

Files: every file field linked to a member (on a declared row, or on a row that belongs to one,
like an idea's attachments) is carried by the archive through `files` (a field name, or a path
through relations: "attachments__file"), or named in FILES_LEFT_OUT with the reason. The
registry test finds every such field and fails for one that is neither.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from django.apps import apps
from django.db.models import FileField

from community.conversations.services import conversation_rows, erase_conversations
from community.ideas.permissions import disclosed_status
from community.newsletter.services import erase_subscriptions
from community.privacy.erasers import (
    erase_contribution_photos,
    erase_idea_authorship,
    erase_supports,
)

__all__ = [
    "DELETE",
    "DETACH",
    "FILES_LEFT_OUT",
    "KEEP",
    "PROFILE_FILES",
    "REGISTRY",
    "PersonalData",
    "entries_for_installed_apps",
    "file_field",
]


class Erasure(Enum):
    DELETE = "delete"
    KEEP = "keep"
    DETACH = "detach"


DELETE, KEEP, DETACH = Erasure.DELETE, Erasure.KEEP, Erasure.DETACH


@dataclass(frozen=True)
class PersonalData:
    label: str  # "app_label.ModelName"
    user_field: str  # the relation to the member
    erase: Erasure | Callable
    export: tuple[str, ...] = ()  # fields written to the member's archive; () = not exported
    files: tuple[str, ...] = ()  # file fields or paths: added to the archive, removed on DELETE
    why: str = ""  # why a relation is not exported, for the reader of this file
    extra: dict = field(default_factory=dict, compare=False)
    # (rows, user) -> the exported dicts, when a field's value needs a rule applied first.
    rows: Callable | None = field(default=None, compare=False)

    @property
    def model(self):
        app_label, model_name = self.label.split(".")
        return apps.get_model(app_label, model_name)

    def is_installed(self):
        app_label, model_name = self.label.split(".")
        try:
            apps.get_model(app_label, model_name)
        except LookupError:
            return False
        return True


def file_field(model, path):
    """The FileField at the end of `path` ("file", "attachments__file") from `model`."""
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    found = model._meta.get_field(name)
    if not isinstance(found, FileField):
        raise TypeError(f"{model._meta.label}.{name} is not a file field")
    return found


# The member's own profile files, carried under files/profile/.
PROFILE_FILES = ("avatar",)

# File fields linked to a member that the archive leaves out, "app_label.Model.field": why.
FILES_LEFT_OUT = {
    "community.DataExport.archive": "Earlier archives of this very data: an archive never "
    "contains another.",
    "wagtailimages.Rendition.file": "Resized copies the site makes of an image; the image the "
    "member uploaded is in the archive.",
    "events.WebinarTranscript.file": "A webinar's published transcript, part of the event page "
    "(linked to its owner and organisers, not uploaded as theirs).",
}


IDEA_EXPORT = (
    "call__title",
    "title",
    "summary",
    "problem",
    "solution",
    "target_group",
    "impact",
    "team",
    "budget_estimate",
    "language",
    "status",
    "created_at",
    "submitted_at",
)


def _idea_rows(ideas, user):
    """The member's ideas, each status as the member may know it: a decision reads "under
    review" until the call's results are published (community.ideas.permissions)."""
    rows = []
    for idea in ideas.select_related("call").order_by("pk"):
        row = {name: getattr(idea, name) for name in IDEA_EXPORT if "__" not in name}
        row["call__title"] = idea.call.title
        row["status"] = disclosed_status(idea, user).value
        rows.append({name: row[name] for name in IDEA_EXPORT})
    return rows


REGISTRY = (
    # --- community ---
    PersonalData("community.Consent", "user", DELETE, export=("version", "accepted_at")),
    PersonalData(
        "community.DataExport",
        "user",
        DELETE,
        files=("archive",),
        why="Earlier archives of this very data; removed with the account.",
    ),
    PersonalData(
        "community.Idea",
        "author",
        erase_idea_authorship,
        export=IDEA_EXPORT,
        rows=_idea_rows,
        # Attachments of the ideas they wrote (co-authors' uploads are not told apart).
        files=("attachments__file",),
    ),
    PersonalData("community.IdeaCoAuthor", "user", DELETE, export=("idea__title", "status")),
    PersonalData(
        "community.IdeaSupport", "user", erase_supports, export=("idea__title", "created_at")
    ),
    PersonalData("community.IdeaFollow", "user", DELETE, export=("idea__title", "created_at")),
    PersonalData("community.ResultFollow", "user", DELETE, export=("result__title", "created_at")),
    PersonalData("community.IdeaStatusChange", "changed_by", KEEP, why="The lifecycle's history."),
    PersonalData("community.IdeaCallReviewer", "user", DELETE, export=("page__title",)),
    PersonalData(
        "community.Review", "reviewer", KEEP, export=("idea__title", "comment", "created_at")
    ),
    PersonalData(
        "community.ConflictOfInterest",
        "reviewer",
        DELETE,
        export=("idea__title", "organisation__name", "reason", "declared_at"),
    ),
    PersonalData(
        "community.OrganisationMembership",
        "user",
        DELETE,
        export=("organisation__name", "role", "status", "requested_at"),
    ),
    PersonalData(
        "community.OrganisationMembership", "decided_by", KEEP, why="An admin's decision."
    ),
    PersonalData(
        "community.OrganisationProposal",
        "proposed_by",
        DELETE,
        export=("name", "website", "status", "proposed_at"),
    ),
    PersonalData(
        "community.OrganisationProposal", "reviewed_by", KEEP, why="An editor's decision."
    ),
    PersonalData(
        "community.TransferRequest",
        "requester",
        DELETE,
        export=("pilot__title", "region", "organisation", "helix", "already_have", "created_at"),
    ),
    PersonalData(
        "cms.Person",
        "member",
        KEEP,
        why="An editor's link from a kit contact to an account; erasure empties the account.",
    ),
    PersonalData(
        "community.Notification",
        "recipient",
        DELETE,
        export=("kind", "subject", "url", "data", "created", "read_at", "emailed_at"),
    ),
    PersonalData(
        "community.Notification",
        "actor",
        KEEP,
        why="Someone else's notification of what the member did; shown as a former member.",
    ),
    PersonalData("community.NotificationPreference", "member", DELETE, export=("kind", "delivery")),
    PersonalData(
        "community.NewsletterSubscription",
        "user",
        erase_subscriptions,
        export=(
            "email",
            "languages",
            "status",
            "consent_text",
            "consented_at",
            "confirmed_at",
            "unsubscribed_at",
        ),
    ),
    PersonalData("community.NewsletterSend", "requested_by", KEEP, why="An editor's send."),
    # --- co-design workshops ---
    PersonalData(
        "community.Contribution",
        "author",
        erase_contribution_photos,
        export=("workshop__title", "phase", "text", "created_at"),
        files=("image",),
        why="Part of the workshop's shared work, which the synthesis draws on.",
    ),
    PersonalData(
        "community.ContributionComment",
        "author",
        KEEP,
        export=("contribution__workshop__title", "text", "created_at"),
    ),
    PersonalData(
        "community.ContributionSupport",
        "user",
        DELETE,
        export=("contribution__workshop__title", "created_at"),
    ),
    PersonalData(
        "community.ContributionGroup", "created_by", KEEP, why="A facilitator's grouping."
    ),
    PersonalData(
        "community.WorkshopSynthesis", "published_by", KEEP, why="The facilitators' publication."
    ),
    PersonalData("community.CoDesignWorkshopPage", "facilitators", DETACH, export=("title",)),
    # Discussions: posts and threads are contributions to a conversation others replied to and
    # quoted; kept, signed "former member" (the member's row is emptied on erasure). Marks and
    # follows are the member's own: removed.
    PersonalData(
        "community.Thread", "author", KEEP, export=("space__title", "title", "created_at")
    ),
    PersonalData(
        "community.Post",
        "author",
        KEEP,
        # The text as the member wrote it (Markdown), not its rendering.
        export=("thread__title", "source", "language", "status", "created_at", "edited_at"),
    ),
    PersonalData(
        "community.PostMention",
        "member",
        DELETE,
        export=("post__thread__title", "notified_at"),
    ),
    PersonalData(
        "community.PostRevision", "edited_by", KEEP, why="Moderators' history of an edited post."
    ),
    PersonalData("community.Helpful", "user", DELETE, export=("post__thread__title", "created_at")),
    PersonalData("community.ThreadFollow", "user", DELETE, export=("thread__title", "created_at")),
    PersonalData(
        "community.ReadMarker", "user", DELETE, export=("thread__title", "post_created_at")
    ),
    PersonalData("community.DiscussionSpace", "moderators", DETACH, export=("title",)),
    # Moderation: a member's own reports go with the account; what moderators decided about
    # them (blocks, the log) is exported to them and kept as the record of the decision.
    PersonalData(
        "community.Report",
        "reporter",
        DELETE,
        export=("post__thread__title", "reason", "details", "created_at", "outcome"),
    ),
    PersonalData("community.Report", "resolved_by", KEEP, why="A moderator's decision."),
    PersonalData(
        "community.MemberBlock",
        "member",
        DELETE,
        export=("space__title", "reason", "until", "created_at", "lifted_at"),
    ),
    PersonalData("community.MemberBlock", "created_by", KEEP, why="A moderator's decision."),
    PersonalData("community.MemberBlock", "lifted_by", KEEP, why="A moderator's decision."),
    PersonalData(
        "community.ModerationAction",
        "member",
        KEEP,
        export=("action", "reason", "created_at"),
        why="The moderators' log of decisions about the member.",
    ),
    PersonalData(
        "community.ModerationAction", "moderator", KEEP, why="The moderators' log of decisions."
    ),
    # Private messages: the member's conversations are exported whole (who took part, by
    # name, and every message, theirs and others'); on erasure their messages are deleted,
    # they leave every conversation, and conversations nobody is left in go.
    PersonalData(
        "community.Participant",
        "user",
        erase_conversations,
        export=("subject", "started", "participants", "last_read_at", "messages"),
        rows=conversation_rows,
    ),
    PersonalData(
        "community.Message",
        "author",
        DELETE,
        why="Exported with the conversations they belong to (community.Participant).",
    ),
    PersonalData(
        "community.ContactBlock",
        "blocker",
        DELETE,
        export=("blocked__display_name", "created_at"),
    ),
    PersonalData(
        "community.ContactBlock",
        "blocked",
        DELETE,
        why="Someone else's choice not to hear from the member; removed with the account.",
    ),
    # --- events (declared by label: events cannot import community) ---
    PersonalData(
        "events.Registration",
        "user",
        DELETE,
        export=(
            "event__title",
            "status",
            "stakeholder_type",
            "country_code",
            "language",
            "motivation",
            "created_at",
            "confirmed_at",
            "cancelled_at",
        ),
    ),
    PersonalData(
        "events.Registration",
        "decided_by",
        KEEP,
        why="An organiser's decision on someone else's registration.",
    ),
    PersonalData("events.EventPage", "organisers", DETACH, export=("title",)),
    # --- cms open data (declared by label: cms cannot import community) ---
    PersonalData(
        "cms.LessonProgress",
        "user",
        DELETE,
        export=("course_key", "lesson_key", "completed_at", "score", "question_count"),
    ),
    PersonalData(
        "cms.SocialEconomyEntity",
        "proposed_by",
        KEEP,
        export=("name", "status", "created_at"),
        why="A directory entry about an organisation, checked by an editor.",
    ),
    PersonalData(
        "cms.Premises",
        "proposed_by",
        KEEP,
        export=("name", "status", "created_at"),
        why="A register entry about a space, checked by an editor.",
    ),
    PersonalData(
        "cms.DirectoryImport", "created_by", KEEP, why="An editor's import, an admin record."
    ),
    # --- accounts (allauth) ---
    PersonalData("account.EmailAddress", "user", DELETE, export=("email", "verified", "primary")),
    PersonalData(
        "mfa.Authenticator",
        "user",
        DELETE,
        export=("type", "created_at", "last_used_at"),
        why="Secrets are never exported, only which factors existed.",
    ),
    # --- Wagtail: editors' work is kept, their private settings removed ---
    PersonalData(
        "wagtailusers.UserProfile",
        "user",
        DELETE,
        export=("preferred_language", "current_time_zone", "theme"),
        files=("avatar",),
    ),
    PersonalData("wagtailcore.PageSubscription", "user", DELETE, export=("page__title",)),
    PersonalData("wagtailcore.APIToken", "user", DELETE, why="Credentials are never exported."),
    PersonalData("wagtailadmin.EditingSession", "user", DELETE, why="Transient editor presence."),
    PersonalData("wagtailadmin.FormState", "user", DELETE, why="Transient admin form state."),
    PersonalData("wagtailcore.UploadedFile", "uploaded_by_user", DELETE, files=("file",)),
    PersonalData("wagtailcore.Comment", "user", KEEP, export=("text", "created_at")),
    PersonalData("wagtailcore.Comment", "resolved_by", KEEP, why="Editorial record."),
    PersonalData("wagtailcore.CommentReply", "user", KEEP, export=("text", "created_at")),
    PersonalData("wagtailcore.Page", "owner", KEEP, export=("title", "first_published_at")),
    PersonalData("wagtailcore.Page", "locked_by", KEEP, why="Editorial record."),
    PersonalData("wagtailcore.Revision", "user", KEEP, why="Editorial history of pages."),
    PersonalData("wagtailcore.PageLogEntry", "user", KEEP, why="Editorial history of pages."),
    PersonalData("wagtailcore.ModelLogEntry", "user", KEEP, why="Editorial history."),
    PersonalData("wagtailcore.WorkflowState", "requested_by", KEEP, why="Editorial history."),
    PersonalData("wagtailcore.TaskState", "finished_by", KEEP, why="Editorial history."),
    PersonalData(
        "wagtailimages.Image",
        "uploaded_by_user",
        KEEP,
        export=("title", "created_at"),
        files=("file",),
    ),
    PersonalData(
        "wagtaildocs.Document",
        "uploaded_by_user",
        KEEP,
        export=("title", "created_at"),
        files=("file",),
    ),
    PersonalData(
        "wagtail_localize.StringTranslation", "last_translated_by", KEEP, why="Translation work."
    ),
    PersonalData(
        "wagtail_localize.SegmentOverride", "last_translated_by", KEEP, why="Translation work."
    ),
)


def entries_for_installed_apps():
    """The declarations whose model is installed in this deployment (allauth's mfa, say, may
    not be)."""
    return [entry for entry in REGISTRY if entry.is_installed()]
