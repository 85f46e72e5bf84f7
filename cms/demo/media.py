"""Images and PDF documents drawn with Pillow at load time: nothing is downloaded.

Each file is stored once in the "Demo content" collection and found again by its title, so
reruns reuse it.
"""

import colorsys
import hashlib
import io
import random

from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageOps
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

__all__ = ["demo_collection", "demo_document", "demo_image", "draw_listing_image"]

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


def _size_and_hash(data):
    # Wagtail stores a SHA-1 of the file to spot duplicate uploads (wagtail.utils.file).
    return len(data), hashlib.sha1(data).hexdigest()  # noqa: S324 - not a security use


def demo_image(key, title, description="", draw=None):
    """The demo image with this title, drawn (by draw(), or as an abstract composition) and
    stored on first use."""
    Image = get_image_model()
    collection = demo_collection()
    image = Image.objects.filter(collection=collection, title=title).first()
    if image is not None:
        return image
    buffer = io.BytesIO()
    picture = draw() if draw is not None else draw_listing_image(key)
    picture.convert("RGB").save(buffer, "JPEG", quality=85)
    data = buffer.getvalue()
    image = Image(title=title, collection=collection, description=description)
    image.file = ImageFile(io.BytesIO(data), name=f"demo-{key}.jpg")
    image.file_size, image.file_hash = _size_and_hash(data)
    image.save()
    return image


def demo_document(key, title, render, fingerprint=""):
    """The demo document with this title, its file written again when its content changed.

    `fingerprint` names the inputs of render() (text and typesetting version): a stored file
    carrying it in its name is current and render() is not called. Without one, the freshly
    rendered bytes are compared with the stored file's hash.
    """
    Document = get_document_model()
    collection = demo_collection()
    document = Document.objects.filter(collection=collection, title=title).first()
    if document is not None and fingerprint and fingerprint in document.file.name:
        return document
    pdf_bytes = render()
    size, file_hash = _size_and_hash(pdf_bytes)
    if document is not None and document.file_hash == file_hash and not fingerprint:
        return document
    if document is None:
        document = Document(title=title, collection=collection)
    name = f"{key}-{fingerprint}.pdf" if fingerprint else f"{key}.pdf"
    document.file = SimpleUploadedFile(name, pdf_bytes, content_type="application/pdf")
    document.file_size, document.file_hash = size, file_hash
    document.save()
    return document
