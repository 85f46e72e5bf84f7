"""Images and PDF documents drawn with Pillow at load time: nothing is downloaded.

Each file is stored once in the "Demo content" collection and found again by its title, so
reruns reuse it.
"""

import colorsys
import hashlib
import io
import random
import textwrap
import unicodedata
from pathlib import Path

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont, ImageOps
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

__all__ = ["demo_collection", "demo_document", "demo_image", "draw_listing_image", "draw_pdf"]

COLLECTION_NAME = "Demo content"
IMAGE_SIZE = (1280, 720)
PDF_PAGE = (1240, 1754)  # A4 at 150 dpi


def demo_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _rng(key):
    # Seeded from the key so the same page always gets the same picture (not for security).
    return random.Random(int(hashlib.sha256(key.encode()).hexdigest()[:12], 16))  # noqa: S311


def _colour(hue, saturation, lightness):
    r, g, b = colorsys.hls_to_rgb(hue % 1.0, lightness, saturation)
    return int(r * 255), int(g * 255), int(b * 255)


def draw_listing_image(key, size=IMAGE_SIZE):
    """An abstract composition: a soft two-colour diagonal gradient with translucent discs."""
    rng = _rng(key)
    hue = rng.random()
    width, height = size
    corners = PILImage.new("L", (2, 2))
    corners.putdata([0, 110, 150, 255] if rng.random() < 0.5 else [110, 0, 255, 150])
    gradient = corners.resize(size, PILImage.Resampling.BILINEAR)
    base = ImageOps.colorize(
        gradient, _colour(hue, 0.55, 0.25), _colour(hue + 0.1, 0.6, 0.6)
    ).convert("RGBA")
    overlay = PILImage.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for _index in range(6):
        radius = rng.randint(height // 6, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        fill = (*_colour(hue + rng.uniform(-0.12, 0.25), 0.6, rng.uniform(0.45, 0.8)), 60)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=fill)
    ring = rng.randint(height // 4, height // 2)
    x, y = rng.randint(width // 4, width), rng.randint(0, height)
    draw.ellipse((x - ring, y - ring, x + ring, y + ring), outline=(255, 255, 255, 90), width=6)
    return PILImage.alpha_composite(base, overlay).convert("RGB")


# A system TrueType font covers accented letters; Pillow's built-in one is the fallback.
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)
ASCII_REPLACEMENTS = {"•": "-", "·": "-", "€": "EUR ", "–": "-", "“": '"', "”": '"', "’": "'"}


def _font_path():
    return next((path for path in FONT_CANDIDATES if Path(path).exists()), None)


def _font(size):
    path = _font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size=size)


def _printable(text):
    """Text the chosen font can draw: without a system font, accents are dropped."""
    if _font_path():
        return text
    for char, replacement in ASCII_REPLACEMENTS.items():
        text = text.replace(char, replacement)
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode()


def draw_pdf(title, subtitle, text, key):
    """A one-page PDF: a coloured band, the title and the wrapped abstract; returns bytes."""
    page = PILImage.new("RGB", PDF_PAGE, "white")
    band = draw_listing_image(key, size=(PDF_PAGE[0], 300))
    page.paste(band, (0, 0))
    draw = ImageDraw.Draw(page)
    title, subtitle, text = _printable(title), _printable(subtitle), _printable(text)
    y = 360
    for line in textwrap.wrap(title, width=36):
        draw.text((100, y), line, fill=(20, 30, 45), font=_font(50))
        y += 66
    y += 20
    draw.text((100, y), subtitle, fill=(70, 80, 95), font=_font(30))
    y += 80
    for paragraph in text.split("\n"):
        for line in textwrap.wrap(paragraph, width=64):
            draw.text((100, y), line, fill=(35, 35, 35), font=_font(28))
            y += 40
        y += 24
    draw.text(
        (100, PDF_PAGE[1] - 120),
        "OpenSocialCluster demo document",
        fill=(120, 120, 120),
        font=_font(24),
    )
    buffer = io.BytesIO()
    page.save(buffer, "PDF", resolution=150.0)
    return buffer.getvalue()


def _size_and_hash(data):
    # Wagtail stores a SHA-1 of the file to spot duplicate uploads (wagtail.utils.file).
    return len(data), hashlib.sha1(data).hexdigest()  # noqa: S324 - not a security use


def demo_image(key, title, description=""):
    """The demo image with this title, drawn and stored on first use."""
    Image = get_image_model()
    collection = demo_collection()
    image = Image.objects.filter(collection=collection, title=title).first()
    if image is not None:
        return image
    buffer = io.BytesIO()
    draw_listing_image(key).save(buffer, "JPEG", quality=85)
    data = buffer.getvalue()
    image = Image(title=title, collection=collection, description=description)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{key}.jpg")
    image.file_size, image.file_hash = _size_and_hash(data)
    image.save()
    return image


def demo_document(key, title, render):
    """The demo document with this title; render() makes its PDF bytes on first use only."""
    Document = get_document_model()
    collection = demo_collection()
    document = Document.objects.filter(collection=collection, title=title).first()
    if document is not None:
        return document
    pdf_bytes = render()
    document = Document(title=title, collection=collection)
    document.file = SimpleUploadedFile(f"{key}.pdf", pdf_bytes, content_type="application/pdf")
    document.file_size, document.file_hash = _size_and_hash(pdf_bytes)
    document.save()
    return document
