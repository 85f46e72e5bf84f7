"""Set-up for the cms tests."""

import pytest


@pytest.fixture(autouse=True)
def _media_in_memory():
    """Keep the session's one in-memory media storage (test settings already use it).

    The project-wide fixture swaps in a fresh storage for every test, which would drop the
    image files of trees built once per class (`setUpTestData`) and leave their renditions
    broken. Nothing here writes media to disk either way.
    """
