"""A small WebVTT reader: cues as (start, end, text), for readable transcripts and search.

Follows the W3C WebVTT syntax closely enough for captions exported by conferencing tools:
"WEBVTT" header, optional cue identifiers, NOTE/STYLE/REGION blocks skipped, cue settings after
the timings ignored, inline tags (<v Speaker>, <i>...) reduced to their text.
"""

import re
from dataclasses import dataclass

__all__ = ["Cue", "WebVTTError", "parse_webvtt"]

_TIMING = re.compile(
    r"^(?P<start>(?:\d{2,}:)?\d{2}:\d{2}\.\d{3})\s+-->\s+(?P<end>(?:\d{2,}:)?\d{2}:\d{2}\.\d{3})"
)
_VOICE = re.compile(r"<v(?:\.[^\s>]+)?\s+([^>]+)>")
_TAG = re.compile(r"</?[^>]+>")


class WebVTTError(ValueError):
    pass


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str
    speaker: str = ""

    @property
    def start_label(self):
        """ "1:02:03" or "02:03": how a reader sees the time."""
        total = int(self.start)
        hours, rest = divmod(total, 3600)
        minutes, seconds = divmod(rest, 60)
        if hours:
            return f"{hours}:{minutes:02d}:{seconds:02d}"
        return f"{minutes:02d}:{seconds:02d}"

    def as_dict(self):
        return {"start": self.start, "end": self.end, "text": self.text, "speaker": self.speaker}


def _seconds(stamp):
    parts = stamp.split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[-3]) if len(parts) == 3 else 0
    return hours * 3600 + minutes * 60 + seconds


def parse_webvtt(text):
    """The cues of a WebVTT document; raises WebVTTError when it is not one."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    blocks = re.split(r"\n{2,}", text.strip())
    if not blocks or not blocks[0].startswith("WEBVTT"):
        raise WebVTTError("The file does not start with WEBVTT.")
    cues = []
    for block in blocks[1:]:
        lines = block.split("\n")
        if lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        if not _TIMING.match(lines[0]):
            lines = lines[1:]  # a cue identifier
        if not lines:
            continue
        timing = _TIMING.match(lines[0])
        if not timing:
            raise WebVTTError(f"Cue timing expected, found: {lines[0][:60]}")
        raw = "\n".join(lines[1:])
        voice = _VOICE.search(raw)
        body = " ".join(_TAG.sub("", raw).split())
        if body:
            cues.append(
                Cue(
                    _seconds(timing["start"]),
                    _seconds(timing["end"]),
                    body,
                    voice.group(1).strip() if voice else "",
                )
            )
    return cues
