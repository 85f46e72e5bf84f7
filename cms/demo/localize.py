"""Demo translations made the way an editor makes them, through wagtail-localize.

For each translated page the English page is the TranslationSource (its segments extracted by
wagtail-localize), each language has a Translation record, the demo's translated texts are
imported as StringTranslation rows, one per segment, and `Translation.save_target` writes the
page. So Reports → Translations lists the demo translations, the translation editor shows their
progress, and "Sync translated pages" carries a change of the English page to every language.

The demo data gives whole field values per language (see values.py); the strings per segment
come from extracting segments from the English page and from the same page with the translated
values set in memory, matched one to one in document order.
"""

import re
import uuid

from django.db import transaction
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue, validate_translation_links

from .dates import date_copies
from .sync import CREATED, UNCHANGED, UPDATED, apply_values, sync_page

__all__ = ["SegmentMismatchError", "TOOL_NAME", "sync_localized_page", "translated_strings"]

TOOL_NAME = "OpenSocialCluster demo content"

# Stream block ids and child-row translation keys differ between the English page and the
# in-memory translated copy; everything else in a segment path must match.
_VARIABLE_COMPONENT = re.compile(
    r"^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|None)$"
)


class SegmentMismatchError(ValueError):
    """The translated demo values do not have the structure of the English page."""


def _shape(path):
    return tuple("*" if _VARIABLE_COMPONENT.match(part) else part for part in path.split("."))


def _string_segments(instance):
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def translated_strings(source_segments, translated_instance):
    """{(segment path, English string): translated string} for every string segment.

    source_segments are the source's (path, string) pairs in document order; raises
    SegmentMismatchError when the translated instance does not have the same segments, e.g. a
    translated rich text with a paragraph more than the English one.
    """
    target = _string_segments(translated_instance)
    if len(source_segments) != len(target):
        raise SegmentMismatchError(
            f"{translated_instance}: {len(source_segments)} English segments, "
            f"{len(target)} translated"
        )
    strings = {}
    for (path, data), tgt in zip(source_segments, target, strict=True):
        if _shape(path) != _shape(tgt.path):
            raise SegmentMismatchError(f"{translated_instance}: {path} against {tgt.path}")
        strings[(path, data)] = tgt.string.data
    return strings


def _source_segments(source):
    """The source's string segments as (path, string) pairs, in the order they were extracted."""
    return [
        (segment.context.path, segment.string.data)
        for segment in StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    ]


def _import_strings(translation, wanted):
    """Store the wanted strings as StringTranslation rows; return True when anything changed."""
    source, locale = translation.source, translation.target_locale
    segments = {
        (segment.context.path, segment.string.data): segment
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
    }
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale=locale, context__object_id=source.object_id
        )
    }
    new, changed = [], []
    for key, data in wanted.items():
        segment = segments.get(key)
        if segment is None:
            raise SegmentMismatchError(f"{source.object_repr}: no segment {key[0]!r} in the source")
        # The checks StringTranslation.save() makes, done up front so rows can be bulk-created.
        StringValue.from_translated_html(data)
        validate_translation_links(segment.string.data, data)
        row = existing.get((segment.string_id, segment.context_id))
        if row is None:
            new.append(
                StringTranslation(
                    translation_of_id=segment.string_id,
                    context_id=segment.context_id,
                    locale=locale,
                    data=data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                    tool_name=TOOL_NAME,
                )
            )
        elif row.data != data or row.has_error:
            row.data, row.has_error, row.field_error = data, False, ""
            changed.append(row)
    StringTranslation.objects.bulk_create(new)
    for row in changed:
        row.save(update_fields=["data", "has_error", "field_error", "updated_at"])
    if new or changed:
        translation.translations_last_updated_at = timezone.now()
        translation.save(update_fields=["translations_last_updated_at"])
    return bool(new or changed)


def _with_block_ids(model, values):
    """values with an id on every stream item, as stored streams have (segment paths use them)."""
    out = dict(values)
    for name, value in values.items():
        if isinstance(model._meta.get_field(name), StreamField) and isinstance(value, list):
            out[name] = [{"id": str(uuid.uuid4()), **item} for item in value]
    return out


def _untranslated_values(model, values):
    """The values wagtail-localize does not carry (many-to-many fields): set on the target."""
    return {
        name: value
        for name, value in values.items()
        if isinstance(model._meta.get_field(name), ParentalManyToManyField)
    }


def _up_to_date(source_page, locale, values):
    """The translated page when it already is what values ask for: a published page (not an
    alias) made through an enabled wagtail-localize Translation, its fields equal to values.
    None when anything differs (apply_values only changes the in-memory copy here)."""
    target = source_page.get_translation_or_none(locale)
    if target is None or target.alias_of_id or not target.live:
        return None
    tracked = Translation.objects.filter(
        source__object_id=source_page.translation_key,
        source__locale_id=source_page.locale_id,
        target_locale=locale,
        enabled=True,
    ).exists()
    if not tracked:
        return None
    target = target.specific
    if apply_values(target, values):
        return None
    return target


def sync_localized_page(source_page, locale, values, *, source_changed, refresh_source=None):
    """The translation of source_page into locale, through wagtail-localize; published.

    values are the page's field values in that language. source_changed says the English page
    was written in this run: its TranslationSource is refreshed (as "Sync translated pages"
    does) when refresh_source is true (default: source_changed; the builder refreshes once per
    page, not once per language) and the translation is saved again. Nothing is written when the
    translation is already up to date.

    Returns (page, status) with status "created", "updated" or "unchanged".
    """
    if refresh_source is None:
        refresh_source = source_changed
    if not source_changed and not refresh_source:
        # The English page was not written in this run: when the translated page already has
        # the wanted values there is nothing to import (the usual case of a second run).
        target = _up_to_date(source_page, locale, values)
        if target is not None:
            return target, UNCHANGED
    with transaction.atomic():
        source, source_created = TranslationSource.get_or_create_from_instance(source_page)
        if refresh_source and not source_created:
            source.update_from_db()
        translation, translation_created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        if not translation.enabled:
            translation.enabled = True
            translation.save(update_fields=["enabled"])

        translated = source.as_instance()
        apply_values(translated, _with_block_ids(type(translated), values))
        strings_changed = _import_strings(
            translation, translated_strings(_source_segments(source), translated)
        )

        target = source_page.get_translation_or_none(locale)
        status = CREATED if target is None or target.alias_of_id else UPDATED
        if target is None or target.alias_of_id or strings_changed or source_changed:
            # Publishing ourselves: save_target(publish=True) publishes only on commit.
            translation.save_target(publish=False)
            target = source_page.get_translation(locale).specific
            if apply_values(target, _untranslated_values(type(target), values)):
                target.save_revision().publish()
            else:
                target.get_latest_revision().publish()
            date_copies(target.translation_key)
            return target, status
        target = target.specific
        if apply_values(target, _untranslated_values(type(target), values)) or not target.live:
            target.save_revision().publish()
            date_copies(target.translation_key)
            return target, UPDATED
        return target, UNCHANGED


def sync_translated_section(home, model, slug, data, *, key):
    """A section page under `home` (`data["source"]`: its English values), translated into
    every language of `data["translations"]` whose tree exists (wagtail-localize); the page."""
    from wagtail.models import Locale

    section, status = sync_page(home, model, slug, data["source"], key=key)
    refresh = status != UNCHANGED
    for code, values in data["translations"].items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is not None and home.get_translation_or_none(locale) is not None:
            sync_localized_page(
                section, locale, values, source_changed=status != UNCHANGED, refresh_source=refresh
            )
            refresh = False
    return section
