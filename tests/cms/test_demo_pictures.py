"""The demo's pictures are drawn from the content's own data (no gradients, no downloads)."""

import datetime
import io

from cms.demo.illustrations import PILOT_ACTIONS, _label, _sites
from cms.demo.pictures import (
    ACCENT,
    SIZE,
    TYPE_COLOURS,
    _project,
    draw_cover,
    draw_date_tile,
    draw_map,
)


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_pilot_map_marks_the_pilots_own_location():
    sites = _sites()
    for index, item in enumerate(PILOT_ACTIONS):
        image = draw_map(sites, highlight=index)
        x, y = _project(float(item["longitude"]), float(item["latitude"]))
        assert image.size == SIZE
        assert image.getpixel((round(x), round(y))) == ACCENT, item["key"]


def test_each_pilot_action_gets_its_own_map():
    sites = _sites()
    maps = {
        _png(draw_map(sites, highlight=index, label=_label(item)))
        for index, item in enumerate(PILOT_ACTIONS)
    }
    assert len(maps) == len(sites)


def test_publication_cover_takes_the_colour_of_its_type():
    brief = draw_cover(
        "Social clauses in public procurement", "Policy brief", "2021", "policy-brief"
    )
    paper = draw_cover("Through transitions", "White paper", "2022", "white-paper")
    assert brief.getpixel((440, 450)) == TYPE_COLOURS["policy-brief"]
    assert paper.getpixel((440, 450)) == TYPE_COLOURS["white-paper"]


def test_news_picture_shows_its_own_date():
    first = _png(draw_date_tile(datetime.date(2021, 3, 22), "webinar"))
    second = _png(draw_date_tile(datetime.date(2022, 3, 10), "webinar"))
    assert first != second
