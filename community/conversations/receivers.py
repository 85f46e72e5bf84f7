"""How conversations plug into the capabilities below them: the "Contact" action on a
member's profile (community.members.profile_actions) and private messages as a reportable
target of the moderators' queue (community.moderation.targets). Imported once, at start-up
(CommunityConfig.ready)."""

from django.urls import reverse

from community.conversations import permissions
from community.conversations.models import Message
from community.conversations.services import describe_message, remove_message
from community.members import profile_actions
from community.moderation import targets


def contact_action(member, viewer):
    """The "Contact" button on `member`'s profile, or why there is none; nothing on one's own
    profile or for visitors (they are asked to sign in by the profile's other links)."""
    if not permissions.is_active_member(viewer) or viewer.pk == member.pk:
        return None
    refusal = permissions.contact_refusal(viewer, member)
    return {
        "template": "community/conversations/contact_action.html",
        "url": reverse("community:conversation_new") + f"?to={member.pk}",
        "refusal": refusal,
        "member": member,
        "you_blocked": permissions.block_between(viewer, member) == permissions.YOU_BLOCKED,
        "block_url": reverse("community:conversation_block", args=[member.pk]),
    }


profile_actions.register(contact_action)
targets.register(Message, describe=describe_message, remove=remove_message)
