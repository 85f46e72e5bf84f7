"""Who may see and act on a request to adapt a pilot: asked here by every channel."""

from django.db.models import Q

__all__ = ["can_adapt", "can_follow", "contact_member_ids", "editor_ids", "is_editor"]

EDITORS_GROUP = "Editors"


def is_editor(user):
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.groups.filter(name=EDITORS_GROUP).exists())
    )


def editor_ids():
    from django.contrib.auth import get_user_model

    return list(
        get_user_model()
        .objects.filter(Q(is_superuser=True) | Q(groups__name=EDITORS_GROUP), is_active=True)
        .values_list("pk", flat=True)
        .distinct()
    )


def contact_member_ids(pilot):
    """The accounts of the pilot's kit contacts who agreed to be contacted. Consent is read
    from the database, not from people the page instance may hold in memory."""
    from cms.models import Person

    chosen = [person.pk for person in pilot.kit_contacts.all()]
    return list(
        Person.objects.filter(
            pk__in=chosen, contactable=True, member__isnull=False, member__is_active=True
        )
        .values_list("member_id", flat=True)
        .distinct()
    )


def can_follow(user, transfer):
    """The requester, the pilot's contacts and the editors follow a request; nobody else."""
    if not (user.is_authenticated and user.is_active):
        return False
    if transfer.requester_id == user.pk:
        return True
    return user.pk in contact_member_ids(transfer.pilot) or is_editor(user)


def can_adapt(user, transfer):
    """Whoever may publish pilot actions beside the origin (the editors, by their page
    permissions) turns a request into a new pilot action page, once."""
    if transfer.adapted_page_id is not None or not (user.is_authenticated and user.is_active):
        return False
    parent = transfer.pilot.get_parent()
    return parent.permissions_for_user(user).can_publish_subpage()
