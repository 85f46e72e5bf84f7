"""The demo events' texts and facts, read from data/events.json.

The network's real past events and upcoming ones to try registration on. Texts are bilingual
leaves {"en": ..., "it": ...} resolved by cms.demo.sync.localize. Past events have fixed dates;
upcoming ones are placed weeks ahead when first built (see builder.py). Kinds: webinar, meeting,
focusgroup; times are wall-clock in the event's zone.
"""

import json
from pathlib import Path

__all__ = ["EVENTS", "INDEX", "INDEX_TITLES"]

_DATA = json.loads((Path(__file__).parent / "data" / "events.json").read_text(encoding="utf-8"))
INDEX_TITLES = _DATA["index_titles"]
INDEX = _DATA["index"]
EVENTS = _DATA["events"]
