"""Which picture each demo page gets (see pictures.py), stored once as a Wagtail image with a
description for readers who cannot see it."""

import datetime

from .content import load
from .media import demo_image
from .pictures import draw_cover, draw_date_tile, draw_map, draw_section

__all__ = ["network_image", "news_image", "pilot_image", "publication_image", "section_image"]

PILOT_ACTIONS = load("pilot_actions")["pilot_actions"]
DOCUMENT_SUBTITLE = load("publications")["document_subtitle"]

NEWS_PICTOGRAMS = {
    "project-start": "start",
    "webinar-tourism": "webinar",
    "mestre-meetings": "meeting",
    "final-conference": "conference",
    "brussels-event": "conference",
}
SECTION_PICTURES = {
    "publications": ("documents", "Pictogram of stacked documents"),
    "news": ("conference", "Pictogram of a conference: a lectern before rows of seats"),
    "privacy-policy": ("privacy", "Pictogram of a padlock"),
}


def _sites():
    return [(item["place"]["en"], item["latitude"], item["longitude"]) for item in PILOT_ACTIONS]


def _label(data):
    """The place and the years of the pilot action, e.g. "Pula · 2019–2022"."""
    years = [data[field][:4] for field in ("start_date", "end_date") if data.get(field)]
    years = list(dict.fromkeys(years))
    return " · ".join([data["place"]["en"], "–".join(years)]) if years else data["place"]["en"]


def pilot_image(data):
    index = next(i for i, item in enumerate(PILOT_ACTIONS) if item["key"] == data["key"])
    return demo_image(
        f"map-{data['key']}",
        f"Map – {data['title']['en']}",
        "Map of the Mediterranean with the seven +RESILIENT pilot action sites, marking "
        f"{_label(data)}.",
        lambda: draw_map(_sites(), highlight=index, label=_label(data)),
    )


def network_image():
    return demo_image(
        "map-network",
        "Map – the +RESILIENT pilot action network",
        "Map of the Mediterranean with the seven +RESILIENT pilot action sites linked to each "
        "other.",
        lambda: draw_map(_sites()),
    )


def publication_image(data):
    title = data["title"]["en"]
    label = DOCUMENT_SUBTITLE[data["kind"]]["en"]
    year = data["publication_date"][:4]
    return demo_image(
        f"cover-{data['key']}",
        f"Cover – {title}",
        f"Cover of the {label.lower()} “{title}”, {year}.",
        lambda: draw_cover(title, label, year, data["kind"]),
    )


def news_image(data):
    date = datetime.date.fromisoformat(data["date"])
    kind = NEWS_PICTOGRAMS.get(data["key"], "network")
    return demo_image(
        f"date-{data['key']}",
        f"Date – {data['title']['en']}",
        f"Calendar page showing {date:%d.%m.%Y}, beside a pictogram of a {kind}.",
        lambda: draw_date_tile(date, kind),
    )


def section_image(key):
    """The home page, About, Partners and the pilot-action index show the network map."""
    if key not in SECTION_PICTURES:
        return network_image()
    kind, description = SECTION_PICTURES[key]
    return demo_image(
        f"section-{key}", f"Pictogram – {key}", description, lambda: draw_section(kind)
    )
