"""Idempotent create-or-update helpers for pages and snippets.

Every object the demo builds is found again by a stable key (slug under its parent, a
deterministic translation key, a snippet's natural key), and written only when the wanted
values differ from what is stored, so a second run creates no rows and no revisions.
"""

from decimal import Decimal

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField

from .content.translations import INLINE_LANGUAGES, translate
from .dates import date_copies
from .keys import DEMO_NAMESPACE, stable_key

__all__ = [
    "CREATED",
    "DEMO_NAMESPACE",
    "UNCHANGED",
    "UPDATED",
    "apply_values",
    "in_language",
    "localize",
    "stable_key",
    "sync_page",
    "sync_snippet",
    "sync_snippet_translation",
]

LANGUAGES = INLINE_LANGUAGES
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


def localize(data, language):
    """Resolve bilingual leaves: any dict whose keys are exactly the inline demo languages.

    Other site languages take the English text through their translation module
    (cms.demo.content.translations), or keep it where the content has no translation.
    """
    if isinstance(data, dict):
        if data and set(data) == set(LANGUAGES):
            if language in data:
                return localize(data[language], language)
            return _translated(localize(data["en"], "en"), language)
        return {key: localize(value, language) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [localize(item, language) for item in data]
    return data


def _translated(value, language):
    if isinstance(value, str):
        return translate(value, language)
    if isinstance(value, dict):
        return {key: _translated(item, language) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_translated(item, language) for item in value]
    return value


def in_language(objects, language):
    """An object built per language ({"en": obj, "it": obj, ...}), or the English one."""
    return objects.get(language) or objects["en"]


def _strip_ids(value):
    if isinstance(value, dict):
        return {key: _strip_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_strip_ids(item) for item in value]
    return value


def _stream_data(field, value):
    """A StreamField value (raw list or StreamValue) in comparable JSON form, block ids removed.

    Every item is converted to its native value and back, so raw data written by hand and data
    read from the database (with defaults filled in) compare equal when they mean the same.
    """
    block = field.stream_block
    if not hasattr(value, "raw_data"):
        value = block.to_python(value or [])
    return [
        {"type": child.block_type, "value": _strip_ids(child.block.get_prep_value(child.value))}
        for child in value
    ]


def _has_plain_lists(raw):
    """Whether stored stream data holds a ListBlock value in the old plain-list format (items
    without {"type": "item"}), which wagtail-localize cannot extract segments from."""
    if isinstance(raw, dict):
        return any(_has_plain_lists(value) for value in raw.values())
    if isinstance(raw, list | tuple) or hasattr(raw, "__iter__") and not isinstance(raw, str):
        items = list(raw)
        for item in items:
            if isinstance(item, dict) and "type" in item:
                if _has_plain_lists(item.get("value")):
                    return True
            elif isinstance(item, dict | str):
                return True
        return False
    return False


def _same_scalar(current, wanted):
    if isinstance(current, Decimal) or isinstance(wanted, Decimal):
        if current is None or wanted is None:
            return current is wanted
        return Decimal(str(current)) == Decimal(str(wanted))
    return current == wanted


def _child_rows(manager, keys):
    rows = []
    for obj in manager.all():
        row = {}
        for key in keys:
            field = obj._meta.get_field(key)
            row[key] = getattr(obj, field.attname)
        rows.append(row)
    return rows


def _wanted_rows(model, rows):
    normalised = []
    for row in rows:
        out = {}
        for key, value in row.items():
            field = model._meta.get_field(key)
            if isinstance(field, models.ForeignKey):
                out[key] = value.pk if isinstance(value, models.Model) else value
            elif isinstance(field, models.DecimalField):
                out[key] = Decimal(str(value))
            else:
                out[key] = value
        normalised.append(out)
    return normalised


def _rows_differ(current, wanted):
    if len(current) != len(wanted):
        return True
    for cur, want in zip(current, wanted, strict=True):
        if any(not _same_scalar(cur.get(key), value) for key, value in want.items()):
            return True
    return False


def apply_values(obj, values):
    """Set field values on obj; return True when anything changed.

    Handles plain fields, foreign keys (given as instances or None), StreamFields (raw JSON
    lists), ParentalManyToManyFields (lists of instances) and modelcluster child relations
    (lists of dicts of the child's fields).
    """
    changed = False
    for name, wanted in values.items():
        field = obj._meta.get_field(name)
        if field.one_to_many and field.auto_created:
            # A modelcluster child relation (page.sectors...): compare rows, replace if needed.
            child_model = field.related_model
            # Only Wagtail's forms number an Orderable's rows; rows left unnumbered come back
            # in whatever order the database likes (PostgreSQL's changes as rows are rewritten),
            # which a rerun would take for a change.
            order_field = getattr(child_model, "sort_order_field", None)
            if order_field:
                wanted = [{**row, order_field: index} for index, row in enumerate(wanted)]
            keys = list(dict.fromkeys(key for row in wanted for key in row))
            wanted_rows = _wanted_rows(child_model, wanted)
            if _rows_differ(_child_rows(getattr(obj, name), keys), wanted_rows):
                setattr(obj, name, [child_model(**row) for row in wanted])
                changed = True
        elif isinstance(field, StreamField):
            current = getattr(obj, name)
            if _has_plain_lists(getattr(current, "raw_data", current)) or _stream_data(
                field, current
            ) != _stream_data(field, wanted):
                setattr(obj, name, wanted)
                changed = True
        elif isinstance(field, ParentalManyToManyField):
            manager = getattr(obj, name)
            if {o.pk for o in manager.all()} != {o.pk for o in wanted}:
                manager.set(wanted)
                changed = True
        elif isinstance(field, models.ForeignKey):
            wanted_pk = wanted.pk if wanted is not None else None
            if getattr(obj, field.attname) != wanted_pk:
                setattr(obj, name, wanted)
                changed = True
        elif not _same_scalar(getattr(obj, name), wanted):
            setattr(obj, name, wanted)
            changed = True
    return changed


def _publish(page):
    page.save_revision().publish()
    # A demo page shows its content's own date, not the moment the demo was loaded.
    date_copies(page.translation_key)


def sync_page(parent, model, slug, values, *, key, update=True):
    """The child of parent with this slug, created or updated in place; published.

    With update=False an existing page is left as it is (a first pass of a page whose full
    content is written later).

    Returns (page, status) with status "created", "updated" or "unchanged".
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is None:
        page = model(slug=slug, locale_id=parent.locale_id, translation_key=stable_key("page", key))
        apply_values(page, values)
        parent.add_child(instance=page)
        _publish(page)
        return page, CREATED
    page = existing.specific
    if not isinstance(page, model):
        raise TypeError(
            f"{existing.url_path} is a {type(page).__name__}, expected {model.__name__}"
        )
    if update and (apply_values(page, values) or not page.live):
        _publish(page)
        return page, UPDATED
    return page, UNCHANGED


def sync_snippet(model, lookup, values, *, locale, key=None):
    """A snippet in the source locale found by its natural key (lookup), created or updated."""
    obj = model.objects.filter(locale=locale, **lookup).first()
    if obj is None:
        obj = model(locale=locale, **lookup)
        if key is not None:
            obj.translation_key = stable_key(model._meta.model_name, key)
        apply_values(obj, values)
        obj.save()
        return obj, CREATED
    if apply_values(obj, values):
        obj.save()
        return obj, UPDATED
    return obj, UNCHANGED


def sync_snippet_translation(source, locale, values):
    """The translation of a snippet, copied with copy_for_translation if missing, then updated."""
    obj = source.get_translation_or_none(locale)
    if obj is None:
        obj = source.copy_for_translation(locale)
        apply_values(obj, values)
        obj.save()
        return obj, CREATED
    if apply_values(obj, values):
        obj.save()
        return obj, UPDATED
    return obj, UNCHANGED
