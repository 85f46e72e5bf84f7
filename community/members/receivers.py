"""Members listen to lower layers: the language a member chooses becomes their preferred one."""

from django.dispatch import receiver

from cms.signals import language_chosen


@receiver(language_chosen)
def remember_members_language(sender, request, language, **kwargs):
    """A member's switcher choice becomes their preferred language, so emails follow it."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
