"""Checks for files members upload: judged by their content, never by their name.

Every stored file gets a generated name (a random token plus the extension its content
proves), so nothing a member typed reaches the storage path.
"""

import io
import secrets
import zipfile

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

__all__ = [
    "ATTACHMENT_TYPES",
    "AVATAR_MAX_BYTES",
    "AVATAR_SIZE",
    "check_attachment",
    "generated_name",
    "reencode_avatar",
    "reencode_picture",
]

AVATAR_MAX_BYTES = 5 * 1024 * 1024
AVATAR_SIZE = 512
PICTURE_MAX_BYTES = 8 * 1024 * 1024
PICTURE_SIZE = 1600
# Beyond this, Pillow's decompression-bomb guard: a small file that expands to gigapixels.
MAX_IMAGE_PIXELS = 40_000_000

# What a proposal may attach: the MIME type its bytes prove -> stored extension.
ATTACHMENT_TYPES = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
}


def generated_name(extension):
    return f"{secrets.token_urlsafe(18)}.{extension}"


def _read(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def reencode_avatar(upload, size=AVATAR_SIZE, max_bytes=AVATAR_MAX_BYTES):
    """A square-bounded PNG/JPEG re-drawn from the decoded pixels (metadata, scripts and
    anything hidden after the image data are left behind). Raises ValidationError."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("The image is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    data = _read(upload)
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format not in {"JPEG", "PNG", "WEBP", "GIF"}:
                raise ValidationError(
                    _("Upload a JPEG, PNG, WebP or GIF image."), code="bad_format"
                )
            if probe.width * probe.height > MAX_IMAGE_PIXELS:
                raise ValidationError(_("The image has too many pixels."), code="too_many_pixels")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image.thumbnail((size, size))
            has_alpha = image.mode in {"RGBA", "LA", "P"} and (
                image.mode != "P" or "transparency" in image.info
            )
            out = io.BytesIO()
            if has_alpha:
                image.convert("RGBA").save(out, format="PNG", optimize=True)
                extension = "png"
            else:
                image.convert("RGB").save(out, format="JPEG", quality=88)
                extension = "jpg"
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF image."),
            code="not_an_image",
        ) from None
    return ContentFile(out.getvalue(), name=generated_name(extension))


def reencode_picture(upload):
    """A picture members post (a workshop contribution's photo), re-drawn like an avatar but
    kept large enough to read a flip chart."""
    return reencode_avatar(upload, size=PICTURE_SIZE, max_bytes=PICTURE_MAX_BYTES)


def check_attachment(upload, max_bytes):
    """(mime type, extension) proven by the file's bytes, or ValidationError.

    A renamed executable, or an HTML page called "proposal.pdf", is refused whatever its name
    or the browser's Content-Type claim.
    """
    if upload.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s); the limit is %(limit)s.")
            % {
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(max_bytes),
            },
            code="too_large",
        )
    head = _read(upload)[:8192]
    kind = filetype.guess(head)
    mime = kind.mime if kind else ""
    if mime == "application/zip":
        mime = _office_type(upload) or mime
    if mime not in ATTACHMENT_TYPES:
        raise ValidationError(
            _(
                "“%(name)s” is not an accepted file type. Attach PDF, images (JPEG, PNG, "
                "WebP) or office documents (Word, Excel, PowerPoint, OpenDocument)."
            )
            % {"name": upload.name},
            code="bad_type",
        )
    return mime, ATTACHMENT_TYPES[mime]


def _office_type(upload):
    """OOXML and OpenDocument files are ZIP archives: tell them apart by their members."""
    try:
        with zipfile.ZipFile(io.BytesIO(_read(upload))) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return declared if declared in ATTACHMENT_TYPES else ""
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                if any(n.startswith("xl/") for n in names):
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                if any(n.startswith("ppt/") for n in names):
                    return (
                        "application/vnd.openxmlformats-officedocument.presentationml.presentation"
                    )
    except (zipfile.BadZipFile, OSError):
        return ""
    return ""
