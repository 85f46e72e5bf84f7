"""Demo accounts for local use: one per role, all with verified email addresses.

The password is `resilient-demo` unless DEMO_PASSWORD is set. Never load these on a public
server: the logins are printed and documented.
"""

import os
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

__all__ = ["DEMO_ACCOUNTS", "DEFAULT_DEMO_PASSWORD", "demo_password", "ensure_demo_accounts"]

DEFAULT_DEMO_PASSWORD = "resilient-demo"  # noqa: S105 - documented local demo password

# "Editors" and "Moderators" come with Wagtail; "Reviewers" is ours. Their permissions arrive
# with the issues that need them.
DEMO_GROUPS = ("Editors", "Moderators", "Reviewers")


@dataclass(frozen=True)
class DemoAccount:
    email: str
    role: str
    display_name: str
    first_name: str
    last_name: str
    preferred_language: str
    is_staff: bool = False
    is_superuser: bool = False
    group: str = ""


DEMO_ACCOUNTS = (
    DemoAccount(
        "admin@example.org",
        "administrator",
        "Demo Admin",
        "Demo",
        "Admin",
        "en",
        is_staff=True,
        is_superuser=True,
    ),
    DemoAccount(
        "editor@example.org",
        "editor",
        "Giulia Bianchi",
        "Giulia",
        "Bianchi",
        "it",
        is_staff=True,
        group="Editors",
    ),
    DemoAccount(
        "moderator@example.org",
        "moderator",
        "Marc Dupont",
        "Marc",
        "Dupont",
        "fr",
        group="Moderators",
    ),
    DemoAccount(
        "reviewer@example.org",
        "reviewer",
        "Lucía García",
        "Lucía",
        "García",
        "es",
        group="Reviewers",
    ),
    DemoAccount("member@example.org", "member", "Ivana Horvat", "Ivana", "Horvat", "hr"),
    DemoAccount("member2@example.org", "member", "Matej Novak", "Matej", "Novak", "sl"),
)


def demo_password():
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def _ensure_groups():
    return {name: Group.objects.get_or_create(name=name)[0] for name in DEMO_GROUPS}


def _ensure_account(account, groups, password):
    User = get_user_model()
    wanted = {
        "display_name": account.display_name,
        "first_name": account.first_name,
        "last_name": account.last_name,
        "preferred_language": account.preferred_language,
        "is_staff": account.is_staff,
        "is_superuser": account.is_superuser,
        "is_active": True,
    }
    user = User.objects.filter(email=account.email).first()
    created = user is None
    if created:
        user = User(email=account.email, **wanted)
        user.set_password(password)
        user.save()
    else:
        changed = [name for name, value in wanted.items() if getattr(user, name) != value]
        for name in changed:
            setattr(user, name, wanted[name])
        if not user.check_password(password):
            user.set_password(password)
            changed.append("password")
        if changed:
            user.save(update_fields=changed)
    if account.group and not user.groups.filter(pk=groups[account.group].pk).exists():
        user.groups.add(groups[account.group])
    address = EmailAddress.objects.filter(user=user, email__iexact=account.email).first()
    if address is None:
        EmailAddress.objects.create(user=user, email=account.email, verified=True, primary=True)
    elif not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
    return user, created


def ensure_demo_accounts(password=None):
    """Create or update the demo accounts; returns [(account, user, created)]."""
    password = password or demo_password()
    groups = _ensure_groups()
    return [(account, *_ensure_account(account, groups, password)) for account in DEMO_ACCOUNTS]
