"""Reports about things other than discussion posts (a private message, say).

Moderation comes before the capabilities whose content it may be asked about, so it cannot
import them: each registers its reportable model here, with how the moderators' queue shows one
(`describe`) and what "remove" does to it (`remove`). A report points at such an object through
its generic `target` (community.moderation.models.Report).

Only staff moderate these: they belong to no discussion space, so no space moderator is theirs.
"""

from dataclasses import dataclass

__all__ = ["ReportTarget", "register", "spec_for"]


@dataclass(frozen=True)
class ReportTarget:
    model: type
    # What the queue shows: (obj) -> {"kind": label, "author": user, "text": plain text}.
    describe: object
    # Remove the object from its readers' view: (obj, moderator, reason) -> None.
    remove: object


_targets = {}


def register(model, *, describe, remove):
    _targets[model._meta.label_lower] = ReportTarget(model, describe, remove)


def spec_for(model_or_obj):
    """The registration for a model (or one of its rows), or None."""
    return _targets.get(model_or_obj._meta.label_lower)


def registered_models():
    return [spec.model for spec in _targets.values()]
