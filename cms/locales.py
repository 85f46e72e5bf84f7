"""Every content language in settings has a Wagtail Locale whose page tree is synchronised from
the default language (wagtail-localize): adding a language is a settings line."""

from django.conf import settings


def ensure_locales(using="default", **kwargs):
    # Imported here: this runs from post_migrate, wired in CmsConfig.ready().
    from wagtail.models import Locale
    from wagtail_localize.models import LocaleSynchronization

    existing = set(Locale.objects.using(using).values_list("language_code", flat=True))
    Locale.objects.using(using).bulk_create(
        Locale(language_code=code)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code not in existing
    )
    default = Locale.objects.using(using).filter(language_code=settings.LANGUAGE_CODE).first()
    if default is None:
        return
    synchronised = set(
        LocaleSynchronization.objects.using(using).values_list("locale_id", flat=True)
    )
    LocaleSynchronization.objects.using(using).bulk_create(
        LocaleSynchronization(locale=locale, sync_from=default)
        for locale in Locale.objects.using(using).exclude(pk=default.pk)
        if locale.pk not in synchronised
    )
