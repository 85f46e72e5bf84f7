"""Publication PDFs with a real text layer, written locally with fpdf2.

A white paper or policy brief is typeset from its own text in its own language: a cover band in
the publication type's colour, the title, the publisher and date, the abstract, the sections of
the body and the key recommendations, then a colophon. The text is real text (a DejaVu font
embedded as a subset with its Unicode map), so readers can search, copy and listen to it.
The creation date is the publication date, so the same content always gives the same bytes.
"""

import datetime
import hashlib
import logging
import re
import unicodedata
from html import unescape
from pathlib import Path

from fpdf import FPDF

__all__ = ["DocumentText", "paragraphs", "publication_pdf", "upper"]

# fontTools reports every table it prunes from a font subset at INFO level.
logging.getLogger("fontTools.subset").setLevel(logging.WARNING)

# Raise when publication_pdf() lays pages out differently, so stored PDFs are written again.
TYPESETTING_VERSION = 1
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
TYPE_COLOURS = {"white-paper": (16, 38, 47), "policy-brief": (0, 92, 120)}
INK = (30, 34, 40)
MUTED = (90, 98, 108)


class DocumentText:
    """What goes into one language's PDF, already in that language."""

    def __init__(
        self,
        *,
        kind,
        language,
        type_label,
        title,
        publisher,
        date_label,
        abstract,
        sections=(),
        recommendations=(),
        recommendations_heading="",
        colophon="",
    ):
        self.kind, self.language, self.type_label = kind, language, type_label
        self.title, self.publisher, self.date_label = title, publisher, date_label
        self.abstract, self.sections = abstract, list(sections)
        self.recommendations = list(recommendations)
        self.recommendations_heading = recommendations_heading
        self.colophon = colophon

    def fingerprint(self):
        """Short digest of the text and the typesetting version: same digest, same PDF."""
        data = repr((TYPESETTING_VERSION, sorted(vars(self).items())))
        return hashlib.sha256(data.encode()).hexdigest()[:12]


def paragraphs(html):
    """Plain paragraphs from the demo's simple HTML: one per <p> or <li> (list items bulleted)."""
    html = re.sub(r"<li[^>]*>", "\n• ", html)
    html = re.sub(r"</(p|li|ul|ol|h\d)>|<br\s*/?>", "\n", html)
    text = unescape(re.sub(r"<[^>]+>", "", html))
    return [line.strip() for line in text.split("\n") if line.strip()]


def upper(text, language):
    """Capitals as the language writes them: Greek capitals drop the tonos (ΣΗΜΕΙΩΜΑ, not
    ΣΗΜΕΊΩΜΑ), which Python's str.upper() keeps."""
    text = text.upper()
    if language == "el":
        decomposed = unicodedata.normalize("NFD", text)
        text = unicodedata.normalize("NFC", decomposed.replace("\u0301", ""))
    return text


def _fonts(pdf):
    """DejaVu (Latin, Greek, Cyrillic) when installed; the core Helvetica otherwise."""
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if regular.exists() and bold.exists():
        pdf.add_font("body", "", str(regular))
        pdf.add_font("body", "B", str(bold))
        return "body", False
    return "helvetica", True


def _latin1(text):
    return (
        text.replace("•", "-")
        .replace("–", "-")
        .replace("’", "'")
        .replace("€", "EUR ")
        .encode("latin-1", "replace")
        .decode("latin-1")
    )


def publication_pdf(doc, publication_date):
    """The PDF bytes of one publication in one language."""
    pdf = FPDF(format="A4")
    pdf.set_creation_date(
        datetime.datetime.combine(publication_date, datetime.time(9, tzinfo=datetime.UTC))
    )
    family, core_font = _fonts(pdf)
    clean = _latin1 if core_font else (lambda text: text)
    pdf.set_lang(doc.language)
    pdf.set_title(doc.title)
    pdf.set_author(doc.publisher)
    pdf.set_subject(doc.type_label)
    pdf.set_creator("OpenSocialCluster")
    pdf.set_auto_page_break(auto=True, margin=22)
    pdf.set_margins(22, 22, 22)
    pdf.add_page()

    colour = TYPE_COLOURS.get(doc.kind, TYPE_COLOURS["white-paper"])
    pdf.set_fill_color(*colour)
    pdf.rect(0, 0, 210, 62, style="F")
    pdf.set_fill_color(255, 204, 0)
    pdf.rect(0, 62, 210, 2.5, style="F")
    pdf.set_xy(22, 16)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font(family, "B", 11)
    label = upper(f"+RESILIENT · {doc.type_label}", doc.language)
    pdf.cell(0, 6, clean(label), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font(family, "B", 19)
    pdf.multi_cell(0, 8.5, clean(doc.title), new_x="LMARGIN", new_y="NEXT")

    pdf.set_y(74)
    pdf.set_text_color(*MUTED)
    pdf.set_font(family, "", 10)
    pdf.multi_cell(
        0, 5.5, clean(f"{doc.publisher} · {doc.date_label}"), new_x="LMARGIN", new_y="NEXT"
    )
    pdf.ln(6)

    pdf.set_text_color(*INK)
    pdf.set_font(family, "", 11.5)
    for paragraph in doc.abstract:
        pdf.multi_cell(0, 6.2, clean(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)

    for heading, body in doc.sections:
        pdf.ln(3)
        pdf.set_font(family, "B", 13)
        pdf.set_text_color(*colour)
        pdf.multi_cell(0, 7, clean(heading), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*INK)
        pdf.set_font(family, "", 11)
        for paragraph in body:
            pdf.multi_cell(0, 6, clean(paragraph), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)

    if doc.recommendations:
        pdf.ln(3)
        pdf.set_font(family, "B", 13)
        pdf.set_text_color(*colour)
        pdf.multi_cell(0, 7, clean(doc.recommendations_heading), new_x="LMARGIN", new_y="NEXT")
        for number, (title, detail) in enumerate(doc.recommendations, start=1):
            pdf.set_text_color(*INK)
            pdf.set_font(family, "B", 11)
            pdf.multi_cell(0, 6, clean(f"{number}. {title}"), new_x="LMARGIN", new_y="NEXT")
            if detail:
                pdf.set_font(family, "", 11)
                pdf.multi_cell(0, 6, clean(detail), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)

    if doc.colophon:
        pdf.ln(6)
        pdf.set_draw_color(*MUTED)
        pdf.line(22, pdf.get_y(), 188, pdf.get_y())
        pdf.ln(2)
        pdf.set_text_color(*MUTED)
        pdf.set_font(family, "", 8.5)
        pdf.multi_cell(0, 4.5, clean(doc.colophon), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
