"""A preview of a CSV file's first rows, read from storage with a size cap.

Only the first `max_bytes` are read, so a large file costs the page nothing more; a row cut
by the cap is dropped rather than shown half. Nothing is fetched from the network: external
distributions get no preview.
"""

import csv
import io
from dataclasses import dataclass

__all__ = ["CsvPreview", "csv_preview", "read_csv_preview"]

MAX_BYTES = 64 * 1024
MAX_ROWS = 10
MAX_COLUMNS = 30
DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class CsvPreview:
    header: list[str]
    rows: list[list[str]]
    # More rows (or columns) exist than are shown.
    truncated: bool


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def csv_preview(raw: bytes, *, complete: bool, max_rows=MAX_ROWS) -> CsvPreview | None:
    """The header and first rows of CSV bytes; None when they hold no table.

    `complete` says whether `raw` is the whole file (else its last, possibly cut line is dropped).
    """
    text = _decode(raw)
    if not complete:
        text = text[: text.rfind("\n") + 1] if "\n" in text else ""
    if not text.strip():
        return None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=DELIMITERS)
    except csv.Error:
        dialect = csv.excel
    try:
        rows = [row for row in csv.reader(io.StringIO(text), dialect) if any(row)]
    except csv.Error:
        return None
    if not rows:
        return None
    header, body = rows[0], rows[1:]
    truncated = not complete or len(body) > max_rows or len(header) > MAX_COLUMNS
    width = min(len(header), MAX_COLUMNS)
    shown = [(row + [""] * width)[:width] for row in body[:max_rows]]
    return CsvPreview(header=header[:width], rows=shown, truncated=truncated)


def read_csv_preview(file_field, max_bytes=MAX_BYTES, max_rows=MAX_ROWS) -> CsvPreview | None:
    """The preview of a stored file (a FieldFile); None if it cannot be read."""
    try:
        with file_field.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except (OSError, ValueError):
        return None
    complete = len(raw) <= max_bytes
    return csv_preview(raw[:max_bytes], complete=complete, max_rows=max_rows)
