"""Community models, one module per concept, re-exported here.

Dependencies inside flow one way: choices -> users -> privacy -> calls -> ideas -> reviews.
"""

from .calls import IdeaCallCriterion, IdeaCallPage, IdeaCallReviewer
from .choices import CallState, CoAuthorStatus, IdeaStatus
from .discussions import (
    DiscussionIndexPage,
    DiscussionSpace,
    Helpful,
    Post,
    PostRevision,
    PostStatus,
    SpaceVisibility,
    Thread,
    ThreadFollow,
)
from .ideas import (
    RICH_TEXT_FIELDS,
    Idea,
    IdeaAttachment,
    IdeaCoAuthor,
    IdeaStatusChange,
    IdeaSupport,
)
from .moderation import (
    MemberBlock,
    ModerationAction,
    ModerationActionKind,
    Report,
    ReportOutcome,
    ReportReason,
)
from .newsletter import (
    NewsletterDelivery,
    NewsletterIndexPage,
    NewsletterItem,
    NewsletterPage,
    NewsletterSend,
    NewsletterSubscription,
    SubscriptionStatus,
)
from .notifications import (
    KINDS,
    Delivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from .organisations import (
    MembershipRole,
    MembershipStatus,
    OrganisationMembership,
    OrganisationProposal,
    ProposalStatus,
)
from .privacy import Consent, DataExport, PrivacyPolicyVersion
from .reviews import MAX_SCORE, ConflictOfInterest, Review, ReviewScore
from .users import SPOKEN_LANGUAGE_CODES, ProfileVisibility, User, UserManager
from .workshops import (
    CoDesignWorkshopPage,
    Contribution,
    ContributionComment,
    ContributionGroup,
    ContributionSupport,
    PhaseCode,
    WorkshopPhase,
    WorkshopSynthesis,
)

__all__ = [
    "KINDS",
    "Delivery",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
    "MAX_SCORE",
    "ConflictOfInterest",
    "Review",
    "ReviewScore",
    "RICH_TEXT_FIELDS",
    "SPOKEN_LANGUAGE_CODES",
    "CallState",
    "CoAuthorStatus",
    "Consent",
    "DataExport",
    "DiscussionIndexPage",
    "DiscussionSpace",
    "Helpful",
    "Post",
    "PostRevision",
    "PostStatus",
    "SpaceVisibility",
    "Thread",
    "ThreadFollow",
    # moderation
    "MemberBlock",
    "ModerationAction",
    "ModerationActionKind",
    "Report",
    "ReportOutcome",
    "ReportReason",
    "Idea",
    "IdeaAttachment",
    "IdeaCallCriterion",
    "IdeaCallPage",
    "IdeaCallReviewer",
    "IdeaCoAuthor",
    "IdeaStatus",
    "IdeaStatusChange",
    "IdeaSupport",
    "MembershipRole",
    "NewsletterDelivery",
    "NewsletterIndexPage",
    "NewsletterItem",
    "NewsletterPage",
    "NewsletterSend",
    "NewsletterSubscription",
    "SubscriptionStatus",
    "MembershipStatus",
    "OrganisationMembership",
    "OrganisationProposal",
    "ProposalStatus",
    "PrivacyPolicyVersion",
    "ProfileVisibility",
    "User",
    "UserManager",
    # co-design workshops
    "CoDesignWorkshopPage",
    "Contribution",
    "ContributionComment",
    "ContributionGroup",
    "ContributionSupport",
    "PhaseCode",
    "WorkshopPhase",
    "WorkshopSynthesis",
]
