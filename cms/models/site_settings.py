"""Per-site settings editors manage in the admin: contact details and legal links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

__all__ = ["SiteSettings"]


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("contact email"), blank=True)
    address = models.TextField(_("postal address"), blank=True)
    funding_statement = models.TextField(
        _("funding statement"),
        blank=True,
        help_text=_("Shown in the footer, e.g. the programme that co-finances the network."),
    )
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

    panels = [
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("address"), FieldPanel("funding_statement")],
            heading=_("Contact"),
        ),
        MultiFieldPanel([FieldPanel("privacy_page"), FieldPanel("legal_page")], heading=_("Legal")),
    ]

    class Meta:
        verbose_name = _("site settings")
