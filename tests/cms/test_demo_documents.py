"""The demo's white paper and policy briefs are PDFs with a real text layer in their language."""

import datetime
import re
import zlib

import pytest

from cms.demo.content import load
from cms.demo.documents import DocumentText, paragraphs, publication_pdf
from cms.demo.values import publication_documents

PUBLICATIONS = load("publications")["publications"]


def _objects(pdf):
    return {int(num): body for num, body in re.findall(rb"(\d+) 0 obj\s*(.*?)endobj", pdf, re.S)}


def _stream(body):
    data = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, re.S).group(1)
    return zlib.decompress(data) if b"/FlateDecode" in body else data


def _cmap(data):
    """A ToUnicode CMap's code -> text table (bfchar and bfrange entries)."""
    table = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            table[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for start, end, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int(dst, 16)
            for offset, code in enumerate(range(int(start, 16), int(end, 16) + 1)):
                table[code] = chr(first + offset)
    return table


def _literal(raw):
    """The bytes of a PDF literal string (without its parentheses)."""
    escapes = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
    out, i = bytearray(), 0
    while i < len(raw):
        char = raw[i : i + 1]
        if char == b"\\":
            following = raw[i + 1 : i + 2]
            octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
            if octal:
                out.append(int(octal.group(), 8))
                i += 1 + len(octal.group())
                continue
            out += escapes.get(following, following)
            i += 2
            continue
        out += char
        i += 1
    return bytes(out)


def extract_text(pdf):
    """The text a reader's tools get from the PDF: fonts' ToUnicode maps over the page text."""
    objects = _objects(pdf)
    fonts = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            unicode_ref = re.search(rb"/ToUnicode (\d+) 0 R", objects[int(number)])
            if unicode_ref:
                fonts[name] = _cmap(_stream(objects[int(unicode_ref.group(1))]))
    words = []
    for body in objects.values():
        if b"/Type /Page\n" not in body and b"/Type /Page/" not in body:
            continue
        for ref in re.findall(rb"/Contents (\d+) 0 R", body):
            content, font = _stream(objects[int(ref)]), {}
            token = re.compile(
                rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\)|(-\d+(?:\.\d+)?)|\b(ET)\b", re.S
            )
            for match in token.finditer(content):
                if match.group(1):
                    font = fonts.get(match.group(1), {})
                elif match.group(2) is not None:
                    data = _literal(match.group(2))
                    codes = [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]
                    words.append("".join(font.get(code, "") for code in codes))
                elif match.group(4):
                    words.append("\n")  # each text object is a line
                elif float(match.group(3)) < -200:
                    words.append(" ")  # a wide negative kern inside TJ is a word space
            words.append("\n")
    return re.sub(r"\s+", " ", "".join(words))


def greek_brief():
    return DocumentText(
        kind="policy-brief",
        language="el",
        type_label="Ενημερωτικό σημείωμα πολιτικής",
        title="Κοινωνικές ρήτρες στις δημόσιες συμβάσεις",
        publisher="Περιφέρεια Βενέτο",
        date_label="31 Ιανουαρίου 2022",
        abstract=["Οι δημόσιες συμβάσεις μπορούν να στηρίξουν την κοινωνική οικονομία."],
        sections=[("Τι προτείνουμε", ["• Ανοικτός κατάλογος επιχειρήσεων ένταξης"])],
        recommendations=[("Δημοσιεύστε ανοικτά δεδομένα", "Για όσους υποβάλλουν προσφορές.")],
        recommendations_heading="Βασικές συστάσεις",
        colophon="Συγχρηματοδοτήθηκε από την Ευρωπαϊκή Ένωση.",
    )


def test_pdf_text_layer_holds_the_publication_text_in_its_language():
    pdf = publication_pdf(greek_brief(), datetime.date(2022, 1, 31))
    assert pdf.startswith(b"%PDF-")
    text = extract_text(pdf)
    assert "Κοινωνικές ρήτρες στις δημόσιες συμβάσεις" in text
    assert "Οι δημόσιες συμβάσεις μπορούν να στηρίξουν την κοινωνική οικονομία." in text
    assert "Βασικές συστάσεις" in text and "1. Δημοσιεύστε ανοικτά δεδομένα" in text
    assert b"/Lang" in pdf
    assert "+RESILIENT · ΕΝΗΜΕΡΩΤΙΚΟ ΣΗΜΕΙΩΜΑ ΠΟΛΙΤΙΚΗΣ" in text  # Greek capitals without tonos


def test_text_extraction_finds_nothing_in_an_image_only_pdf():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (100, 100), "white").save(buffer, "PDF")
    assert extract_text(buffer.getvalue()).strip() == ""


def test_same_content_gives_the_same_bytes():
    date = datetime.date(2022, 1, 31)
    assert publication_pdf(greek_brief(), date) == publication_pdf(greek_brief(), date)


def test_paragraphs_of_demo_html_keep_list_items_as_bullets():
    assert paragraphs("<p>One &amp; two.</p><ul><li>A</li><li>B</li></ul>") == [
        "One & two.",
        "• A",
        "• B",
    ]


@pytest.mark.django_db
def test_demo_publications_get_a_text_pdf_per_language_with_their_own_words():
    brief = next(item for item in PUBLICATIONS if item["kind"] == "policy-brief")
    rows = publication_documents(brief)
    assert [row["language"] for row in rows] == ["en", "it"]
    for row in rows:
        with row["document"].open_file() as handle:
            text = extract_text(handle.read())
        title = brief["title"][row["language"]]
        assert title.split(":")[0] in text
        first_recommendation = brief["key_recommendations"][0]["title"][row["language"]]
        assert first_recommendation in text
    # Running again finds the same documents and writes nothing.
    again = publication_documents(brief)
    assert [row["document"].pk for row in again] == [row["document"].pk for row in rows]
