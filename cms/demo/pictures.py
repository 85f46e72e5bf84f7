"""Listing images that carry meaning, drawn with Pillow from the content's own data.

- a pilot action: a locator map of the Mediterranean with the seven pilot sites, its own marked
  and named (from its latitude and longitude);
- a publication: a cover in the colour of its type with its title and year;
- a news item: a date tile (day, month and year as numbers, readable in every language) with a
  pictogram of the kind of event;
- the home and section pages: the network map, every pilot site linked to the others.

The coastline is a coarse outline written here from well-known coastal towns (no map data is
downloaded); it is meant to situate a site, not to measure distances.
"""

import math
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

__all__ = ["draw_cover", "draw_date_tile", "draw_map", "draw_pictogram", "draw_section"]

SIZE = (1280, 720)
SEA, LAND, COAST = (203, 225, 236), (241, 236, 224), (150, 170, 180)
INK, ACCENT, MUTED = (16, 38, 47), (214, 69, 50), (120, 130, 138)
TYPE_COLOURS = {"white-paper": (16, 38, 47), "policy-brief": (0, 92, 120)}
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

# The Mediterranean's shore as (longitude, latitude), clockwise from Gibraltar.
SEA_OUTLINE = [
    (-5.6, 36.0),
    (-4.4, 36.7),
    (-2.1, 36.7),
    (-1.0, 37.6),
    (-0.4, 39.5),
    (0.2, 40.3),
    (2.2, 41.4),
    (3.2, 42.0),
    (3.0, 42.7),
    (4.0, 43.5),
    (5.4, 43.3),
    (7.3, 43.7),
    (8.9, 44.4),
    (10.3, 43.5),
    (11.1, 42.4),
    (12.3, 41.7),
    (14.3, 40.8),
    (15.6, 40.1),
    (15.6, 38.1),
    (16.6, 38.8),
    (17.2, 40.5),
    (18.5, 40.1),
    (16.9, 41.1),
    (14.2, 42.5),
    (13.5, 43.6),
    (12.3, 44.6),
    (12.3, 45.4),
    (13.8, 45.6),
    (13.6, 45.1),
    (13.8, 44.9),
    (14.4, 45.3),
    (15.2, 44.3),
    (16.4, 43.5),
    (18.1, 42.6),
    (19.4, 41.3),
    (19.5, 40.5),
    (20.0, 39.6),
    (21.1, 38.3),
    (21.7, 36.9),
    (22.4, 36.5),
    (23.1, 36.5),
    (23.0, 37.5),
    (23.7, 37.9),
    (24.0, 38.6),
    (22.9, 40.1),
    (22.9, 40.6),
    (24.4, 40.9),
    (25.9, 40.8),
    (26.4, 40.2),
    (26.2, 39.4),
    (27.1, 38.4),
    (27.3, 37.0),
    (28.2, 36.7),
    (30.7, 36.9),
    (32.6, 36.1),
    (34.6, 36.8),
    (36.1, 36.6),
    (35.8, 34.9),
    (35.5, 33.9),
    (35.0, 32.8),
    (34.2, 31.3),
    (32.3, 31.3),
    (29.9, 31.2),
    (25.2, 31.6),
    (23.0, 32.6),
    (20.0, 32.1),
    (19.2, 30.3),
    (15.1, 32.4),
    (13.2, 32.9),
    (11.1, 33.3),
    (10.1, 33.9),
    (10.8, 34.7),
    (11.1, 35.8),
    (10.2, 36.8),
    (9.9, 37.3),
    (8.6, 36.9),
    (6.6, 37.1),
    (3.1, 36.8),
    (1.3, 36.5),
    (-0.6, 35.7),
    (-2.9, 35.3),
    (-5.3, 35.9),
]
ISLANDS = [
    [(12.4, 37.8), (13.3, 38.2), (15.6, 38.3), (15.1, 36.7), (14.3, 37.0), (12.4, 37.6)],
    [(8.2, 40.9), (9.8, 41.1), (9.7, 39.9), (9.6, 39.1), (8.4, 39.0)],
    [(8.6, 42.9), (9.4, 43.0), (9.5, 41.4), (8.8, 41.6)],
    [(23.5, 35.6), (26.3, 35.3), (26.0, 35.0), (24.5, 35.1), (23.6, 35.2)],
    [(32.3, 35.0), (34.6, 35.7), (34.0, 34.6), (32.4, 34.7)],
    [(2.4, 39.6), (3.5, 39.9), (3.2, 39.3)],
]
FRAME = (-6.0, 30.0, 33.5, 48.5)  # west, east, south, north: 16:9 around the pilot sites


def _font(size, bold=False):
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    return ImageFont.truetype(str(path), size) if path.exists() else ImageFont.load_default(size)


def _project(lon, lat, size=SIZE):
    west, east, south, north = FRAME
    width, height = size
    # Equirectangular with the frame's middle latitude as the standard parallel.
    scale_x = width / ((east - west) * math.cos(math.radians((south + north) / 2)))
    scale_y = height / (north - south)
    scale = min(scale_x, scale_y)
    x_offset = (width - (east - west) * scale * math.cos(math.radians((south + north) / 2))) / 2
    x = x_offset + (lon - west) * scale * math.cos(math.radians((south + north) / 2))
    y = (north - lat) * scale
    return x, y


def _base_map():
    image = Image.new("RGB", SIZE, LAND)
    draw = ImageDraw.Draw(image)
    draw.polygon([_project(*point) for point in SEA_OUTLINE], fill=SEA, outline=COAST)
    for island in ISLANDS:
        draw.polygon([_project(*point) for point in island], fill=LAND, outline=COAST)
    for lon in range(-5, 40, 5):
        draw.line([_project(lon, FRAME[2]), _project(lon, FRAME[3])], fill=(225, 222, 212))
    return image, draw


def _marker(draw, x, y, radius, fill, outline=(255, 255, 255)):
    draw.ellipse(
        (x - radius, y - radius, x + radius, y + radius),
        fill=fill,
        outline=outline,
        width=max(2, radius // 4),
    )


def draw_map(sites, highlight=None, label=None):
    """A locator map: sites are (name, lat, lon); sites[highlight] is marked and labelled (with
    label, or its name), or, with no highlight, every site is linked to the others."""
    image, draw = _base_map()
    points = [_project(float(lon), float(lat)) for _name, lat, lon in sites]
    if highlight is None:
        for i, first in enumerate(points):
            for second in points[i + 1 :]:
                draw.line([first, second], fill=(236, 160, 150), width=3)
    for index, (x, y) in enumerate(points):
        if index != highlight:
            _marker(
                draw,
                x,
                y,
                9 if highlight is not None else 14,
                MUTED if highlight is not None else ACCENT,
            )
    if highlight is not None:
        name = label or sites[highlight][0]
        x, y = points[highlight]
        _marker(draw, x, y, 24, ACCENT)
        font = _font(40, bold=True)
        left, top, right, bottom = draw.textbbox((0, 0), name, font=font)
        tx = x + 36 if x + 36 + (right - left) < SIZE[0] - 20 else x - 36 - (right - left)
        ty = y - (bottom - top) / 2 - top
        pad = 10
        draw.rounded_rectangle(
            (tx - pad, ty + top - pad, tx + (right - left) + pad, ty + bottom + pad),
            radius=8,
            fill=(255, 255, 255),
        )
        draw.text((tx, ty), name, fill=INK, font=font)
    return image


def draw_cover(title, type_label, year, kind):
    """A publication's cover: the type's colour, its label, the title and the year."""
    colour = TYPE_COLOURS.get(kind, INK)
    image = Image.new("RGB", SIZE, (236, 232, 222))
    draw = ImageDraw.Draw(image)
    # The document itself, standing on the desk, A4 proportions.
    page = (420, 40, 420 + 452, 40 + 640)
    draw.rectangle((page[0] + 12, page[1] + 12, page[2] + 12, page[3] + 12), fill=(205, 200, 188))
    draw.rectangle(page, fill=colour)
    draw.rectangle((page[0], page[1] + 470, page[2], page[1] + 478), fill=(255, 204, 0))
    draw.text(
        (page[0] + 36, page[1] + 40), "+RESILIENT", fill=(255, 255, 255), font=_font(26, True)
    )
    draw.text(
        (page[0] + 36, page[1] + 80), type_label.upper(), fill=(190, 214, 222), font=_font(22, True)
    )
    y = page[1] + 140
    for line in textwrap.wrap(title, width=22)[:7]:
        draw.text((page[0] + 36, y), line, fill=(255, 255, 255), font=_font(30, True))
        y += 42
    draw.text((page[0] + 36, page[1] + 510), str(year), fill=(255, 255, 255), font=_font(40, True))
    draw.text((page[0] + 36, page[1] + 570), "Interreg MED", fill=(190, 214, 222), font=_font(20))
    return image


PICTOGRAMS = ("webinar", "conference", "meeting", "start", "network", "documents", "privacy")


def draw_pictogram(draw, kind, box, colour=INK):
    """A simple line pictogram of kind inside box (x0, y0, x1, y1)."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    line = max(4, int(w / 28))
    if kind == "webinar":  # a screen with a play sign
        draw.rounded_rectangle(
            (x0, y0 + h * 0.1, x1, y0 + h * 0.75), radius=10, outline=colour, width=line
        )
        draw.line(
            (x0 + w * 0.35, y1 - h * 0.05, x1 - w * 0.35, y1 - h * 0.05), fill=colour, width=line
        )
        cx, cy = x0 + w / 2, y0 + h * 0.425
        draw.polygon(
            [(cx - w * 0.08, cy - h * 0.12), (cx - w * 0.08, cy + h * 0.12), (cx + w * 0.12, cy)],
            fill=colour,
        )
    elif kind == "conference":  # a lectern before three rows of seats
        draw.rectangle(
            (x0 + w * 0.38, y0, x0 + w * 0.62, y0 + h * 0.45), outline=colour, width=line
        )
        for row in range(3):
            y = y0 + h * (0.62 + row * 0.14)
            for seat in range(5):
                x = x0 + w * (0.1 + seat * 0.18)
                draw.ellipse((x, y, x + w * 0.08, y + w * 0.08), fill=colour)
    elif kind == "meeting":  # a round table with people around it
        cx, cy, r = x0 + w / 2, y0 + h / 2, min(w, h) * 0.22
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colour, width=line)
        for angle in range(0, 360, 60):
            px = cx + math.cos(math.radians(angle)) * r * 1.7
            py = cy + math.sin(math.radians(angle)) * r * 1.7
            draw.ellipse((px - r * 0.35, py - r * 0.35, px + r * 0.35, py + r * 0.35), fill=colour)
    elif kind == "start":  # a flag on a pole
        draw.line((x0 + w * 0.3, y0, x0 + w * 0.3, y1), fill=colour, width=line)
        draw.polygon(
            [(x0 + w * 0.3, y0), (x1 - w * 0.1, y0 + h * 0.18), (x0 + w * 0.3, y0 + h * 0.36)],
            fill=colour,
        )
    elif kind == "documents":  # three stacked pages
        for i in range(3):
            d = i * w * 0.08
            draw.rectangle(
                (x0 + w * 0.2 + d, y0 + d, x0 + w * 0.7 + d, y0 + h * 0.75 + d),
                fill=(255, 255, 255),
                outline=colour,
                width=line,
            )
    elif kind == "privacy":  # a padlock
        draw.rounded_rectangle(
            (x0 + w * 0.2, y0 + h * 0.45, x1 - w * 0.2, y1), radius=12, fill=colour
        )
        draw.arc(
            (x0 + w * 0.3, y0, x1 - w * 0.3, y0 + h * 0.8), 180, 360, fill=colour, width=line * 2
        )
    else:  # network: nodes joined by lines
        nodes = [(0.15, 0.3), (0.5, 0.12), (0.85, 0.35), (0.3, 0.8), (0.72, 0.78), (0.5, 0.5)]
        points = [(x0 + w * nx, y0 + h * ny) for nx, ny in nodes]
        for i, a in enumerate(points):
            for b in points[i + 1 :]:
                draw.line((a, b), fill=colour, width=max(2, line // 2))
        for x, y in points:
            draw.ellipse((x - w * 0.05, y - w * 0.05, x + w * 0.05, y + w * 0.05), fill=colour)


def draw_section(kind):
    """A section page's picture: one large pictogram on the site's paper colour."""
    image = Image.new("RGB", SIZE, (236, 232, 222))
    draw_pictogram(ImageDraw.Draw(image), kind, (440, 160, 840, 560))
    return image


def draw_date_tile(date, kind):
    """A news item's picture: its date as numbers (readable in every language) and a pictogram."""
    image = Image.new("RGB", SIZE, (236, 232, 222))
    draw = ImageDraw.Draw(image)
    tile = (120, 110, 120 + 440, 110 + 500)
    draw.rounded_rectangle(tile, radius=28, fill=(255, 255, 255), outline=INK, width=6)
    draw.rounded_rectangle((tile[0], tile[1], tile[2], tile[1] + 120), radius=28, fill=ACCENT)
    draw.rectangle((tile[0], tile[1] + 60, tile[2], tile[1] + 120), fill=ACCENT)
    month = f"{date.month:02d} · {date.year}"
    font = _font(54, bold=True)
    width = draw.textlength(month, font=font)
    draw.text(
        ((tile[0] + tile[2] - width) / 2, tile[1] + 28), month, fill=(255, 255, 255), font=font
    )
    day = f"{date.day:02d}"
    font = _font(220, bold=True)
    width = draw.textlength(day, font=font)
    draw.text(((tile[0] + tile[2] - width) / 2, tile[1] + 150), day, fill=INK, font=font)
    draw_pictogram(draw, kind, (700, 170, 1160, 550))
    return image
