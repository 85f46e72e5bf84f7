"""The news items (data/news/), under the name events/demo.py imports."""

from . import load

NEWS = load("news")["news"]
