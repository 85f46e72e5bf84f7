"""Saving a member's profile, and removing files it replaced."""

from django.contrib.auth import get_user_model
from django.db import transaction

__all__ = ["save_profile"]


def save_profile(form):
    """Save a valid ProfileForm; a replaced or cleared avatar's file is deleted once the new
    profile is committed, so no orphan image of the member stays in storage."""
    member = form.instance
    old_name = (
        get_user_model().objects.filter(pk=member.pk).values_list("avatar", flat=True).first()
    )
    with transaction.atomic():
        member = form.save()
    if old_name and old_name != member.avatar.name:
        storage = member.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return member
