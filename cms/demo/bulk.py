"""Index updates for a bulk load: once per object at the end, not on every save.

While the demo builds, a page is saved several times (created, revised, published, dated) and
each save asks for its search entry and its reference-index rows to be written again. Inside
`deferred_indexing()` those post-save requests are only noted; when the block ends without an
error, each object still in the database is queued once per index, through the same tasks
(so with TASKS_BACKEND=database they go to the queue as before). Deletions are handled as
usual, at once. The handlers are swapped for the whole process: meant for a management command
such as load_demo, not for code running beside requests.
"""

import threading
import time
from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler as search_on_save
from modelsearch.tasks import insert_or_update_object_task
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save as references_on_save
from wagtail.tasks import update_reference_index_task

from .progress import reporter

__all__ = ["deferred_indexing"]

_state = threading.local()

# (the handler the apps connect, the task it queues, the models it is connected for)
_INDEXES = {
    "search": (
        search_on_save,
        insert_or_update_object_task,
        lambda: [
            model
            for model in search_index.get_indexed_models()
            if getattr(model, "search_auto_update", True)
        ],
    ),
    "references": (
        references_on_save,
        update_reference_index_task,
        lambda: list(ReferenceIndex.tracked_models),
    ),
}


def _recorder(kind, pending):
    def record(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None:
            key = (instance._meta.app_label, instance._meta.model_name, str(instance.pk))
            pending[kind].setdefault(key, None)

    return record


def _existing(keys):
    """The (app label, model name, pk) keys whose rows still exist: one query per model."""
    by_model = {}
    for app_label, model_name, pk in keys:
        by_model.setdefault((app_label, model_name), []).append(pk)
    found = set()
    for (app_label, model_name), pks in by_model.items():
        model = apps.get_model(app_label, model_name)
        found |= {
            (app_label, model_name, str(pk))
            for pk in model._base_manager.filter(pk__in=pks).values_list("pk", flat=True)
        }
    return [key for key in keys if key in found]


@contextmanager
def deferred_indexing(progress=None):
    """Search and reference-index updates of the objects saved in the block, once each at its
    end. Nested blocks leave the work to the outermost one. progress, if given, is told how
    many objects were indexed."""
    if getattr(_state, "active", False):
        yield
        return
    pending = {kind: {} for kind in _INDEXES}
    swapped = []
    _state.active = True
    try:
        for kind, (handler, _task, models) in _INDEXES.items():
            record = _recorder(kind, pending)
            for model in models():
                if post_save.disconnect(handler, sender=model):
                    post_save.connect(record, sender=model, weak=False)
                    swapped.append((model, handler, record))
        yield
    finally:
        for model, handler, record in swapped:
            post_save.disconnect(record, sender=model)
            post_save.connect(handler, sender=model)
        _state.active = False
    started, done = time.monotonic(), []
    for kind, (_handler, task, _models) in _INDEXES.items():
        keys = _existing(list(pending[kind]))
        for app_label, model_name, pk in keys:
            task.enqueue(app_label, model_name, pk)
        done.append(f"{len(keys)} {kind}")
    elapsed = time.monotonic() - started
    reporter(progress)(f"index updates: {', '.join(done)} ({elapsed:.1f} s)")
