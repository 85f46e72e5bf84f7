"""Progress of the demo build steps, for a command to print: each build function takes an
optional `progress(message)` callable and calls it once per meaningful step."""

import time
from collections import Counter
from contextlib import contextmanager

__all__ = ["reporter", "step"]


def _ignore(message):
    pass


def reporter(progress):
    """The callable to report to: progress itself, or one that ignores the messages."""
    return progress if progress is not None else _ignore


def _describe(counts):
    by_status = Counter()
    for (_kind, status), number in counts.items():
        by_status[status] += number
    if not by_status:
        return "nothing to write"
    order = ("created", "updated", "unchanged")
    statuses = sorted(by_status, key=lambda s: (order.index(s) if s in order else len(order), s))
    return ", ".join(f"{by_status[status]} {status}" for status in statuses)


@contextmanager
def step(ctx, progress, label):
    """Report `label: 7 created, 2 unchanged (1.4 s)` for what ctx counted inside the block."""
    before = Counter(ctx.stats)
    started = time.monotonic()
    yield
    done = Counter(ctx.stats)
    done.subtract(before)
    counts = {key: number for key, number in done.items() if number > 0}
    reporter(progress)(f"{label}: {_describe(counts)} ({time.monotonic() - started:.1f} s)")
