"""What other capabilities offer on a member's profile page (a "Contact" button, say).

Members come first among the capabilities and may import none of the others, so the others
plug in here: each registers a provider `(member, viewer) -> dict | None`; a dict names the
`template` that shows it and carries whatever that template needs. Registered once, at start-up
(CommunityConfig.ready imports the registering modules).
"""

__all__ = ["for_profile", "register"]

_providers = []


def register(provider):
    if provider not in _providers:
        _providers.append(provider)
    return provider


def for_profile(member, viewer):
    """The actions offered to `viewer` on `member`'s profile, in registration order."""
    return [action for provider in _providers if (action := provider(member, viewer))]
