"""What editors set once for the whole site: contact email and legal pages (SiteSettings, the
same in every language) and the footer's words (FooterText, one per language)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import TranslatableMixin

from cms.i18n import active_and_default_language_codes

__all__ = ["FooterText", "SiteSettings"]


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    # Every page's footer shows it: a change purges the whole page cache.
    page_cache_everywhere = True
    contact_email = models.EmailField(_("contact email"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("legal notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    @classmethod
    def for_request(cls, request):
        """Wagtail's, with the settings kept in the chrome cache until an editor saves them."""
        from wagtail.models import Site

        from cms.chrome_cache import cached

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        site = Site.find_for_request(request)
        if site is None:
            return super().for_request(request)
        site_settings = cached(request, "site-settings", [site.pk], lambda: cls.for_site(site))
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings

    panels = [
        MultiFieldPanel([FieldPanel("contact_email")], heading=_("Contact")),
        MultiFieldPanel([FieldPanel("privacy_page"), FieldPanel("legal_page")], heading=_("Legal")),
    ]

    class Meta:
        verbose_name = _("site settings")


class FooterText(TranslatableMixin, models.Model):
    """The footer's words in one language: the postal address and the funding statement.

    Editors write it in English and translate it like any snippet; a language without its own
    translation shows the English one (marked as English in the page).
    """

    address = models.TextField(_("postal address"), blank=True)
    funding_statement = models.TextField(
        _("funding statement"),
        blank=True,
        help_text=_("Shown in the footer, e.g. the programme that co-finances the network."),
    )

    panels = [FieldPanel("address"), FieldPanel("funding_statement")]
    # Every page's footer shows it: a change purges the whole page cache.
    page_cache_everywhere = True

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return str(_("Footer text (%(language)s)") % {"language": self.locale.get_display_name()})

    def clean(self):
        super().clean()
        others = FooterText.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(
                _("This language already has a footer text: edit or translate that one instead.")
            )

    @classmethod
    def for_active_language(cls):
        """The active language's footer text, else the default language's; None if neither
        exists. One query."""
        active, default = active_and_default_language_codes()
        texts = {
            text.locale.language_code: text
            for text in cls.objects.filter(
                locale__language_code__in={active, default}
            ).select_related("locale")
        }
        return texts.get(active) or texts.get(default)
