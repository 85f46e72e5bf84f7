"""The footer's address and funding statement move from SiteSettings (one per site) to
FooterText (one per language), so they can be translated; existing values become the default
language's footer text, and go back to SiteSettings on reversal."""

import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def settings_to_footer_text(apps, schema_editor):
    SiteSettings = apps.get_model("cms", "SiteSettings")
    FooterText = apps.get_model("cms", "FooterText")
    Locale = apps.get_model("wagtailcore", "Locale")
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    for site_settings in SiteSettings.objects.all():
        has_text = site_settings.address or site_settings.funding_statement
        if locale is None or not has_text or FooterText.objects.filter(locale=locale).exists():
            continue
        FooterText.objects.create(
            locale=locale,
            translation_key=uuid.uuid4(),
            address=site_settings.address,
            funding_statement=site_settings.funding_statement,
        )


def footer_text_to_settings(apps, schema_editor):
    SiteSettings = apps.get_model("cms", "SiteSettings")
    FooterText = apps.get_model("cms", "FooterText")
    text = FooterText.objects.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if text is not None:
        SiteSettings.objects.update(address=text.address, funding_statement=text.funding_statement)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="FooterText",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("address", models.TextField(blank=True, verbose_name="postal address")),
                (
                    "funding_statement",
                    models.TextField(
                        blank=True,
                        help_text="Shown in the footer, e.g. the programme that co-finances "
                        "the network.",
                        verbose_name="funding statement",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "footer text",
                "verbose_name_plural": "footer texts",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(settings_to_footer_text, footer_text_to_settings),
        migrations.RemoveField(model_name="sitesettings", name="address"),
        migrations.RemoveField(model_name="sitesettings", name="funding_statement"),
    ]
