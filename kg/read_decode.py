"""Turning raw bytes of untrusted input into safe text: encoding detection, binary detection,
NUL / control character / lone surrogate removal and newline normalisation.

Used by kg/read.py for every input format; each repair is reported as a Document warning.
"""

from __future__ import annotations

import codecs
import re

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_SAMPLE = 65536
# Bytes that never occur in text: C0 controls except tab, newlines, form feed and escape, plus DEL.
_CONTROL_BYTES = bytes([*range(1, 9), 11, *range(14, 27), *range(28, 32), 127])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_HIGH_BYTES = bytes(range(128, 256))
_CONTROL_CHARS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATES = re.compile("[\ud800-\udfff]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029]")


class NotText(Exception):
    """Raised for input that is not readable text (binary, empty); the message is user-facing."""


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, tuple[str, ...]]:
    """Decode a whole file: BOM first, then UTF-8, then the declared charset, then Windows-1252.

    Raises NotText for empty or binary data.
    """
    if not data.strip(b" \t\r\n\x00"):
        raise NotText("empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_with(data[len(bom) :], codec, ())
    sample = data[:_SAMPLE]
    wide = _utf16_without_bom(sample)
    if wide is not None:
        return _decode_with(data, wide, ("decoded as UTF-16 without a byte order mark",))
    if _looks_binary(sample):
        raise NotText("not a text file (binary data)")
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    if declared is not None and _known_codec(declared) and _known_codec(declared) != "utf-8":
        return _decode_with(data, declared, (f"decoded as {declared} (declared by the page)",))
    if _high_share(sample) > 0.3:  # real Windows-1252 prose is mostly ASCII
        raise NotText("not a text file (undecodable bytes)")
    return _decode_with(data, "cp1252", ("decoded as windows-1252",))


def _decode_with(data: bytes, codec: str, warnings: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    try:
        return data.decode(codec), warnings
    except UnicodeDecodeError:
        text = data.decode(codec, errors="replace")
        return text, warnings + (f"invalid {codec} bytes replaced",)


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """Mostly-ASCII UTF-16 shows NULs at every other byte; recognise it instead of calling it binary."""
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _looks_binary(sample: bytes) -> bool:
    # A few stray control bytes (terminal escapes, a bell) do not make a short text binary.
    controls = len(sample.translate(None, _NOT_CONTROL))
    nuls = sample.count(0)
    return controls > max(0.05 * len(sample), 8) or nuls > max(0.25 * len(sample), 8)


def _high_share(sample: bytes) -> float:
    return 1 - len(sample.translate(None, _HIGH_BYTES)) / max(1, len(sample))


def sanitize_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Remove NULs, replace other control characters and lone surrogates, normalise newlines to \\n.

    All repairs are linear in the text length; each kind is reported once as a warning.
    """
    warnings: list[str] = []
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append("NUL bytes removed")
    if _NEWLINES.search(text):
        text = _NEWLINES.sub("\n", text)
    if _CONTROL_CHARS.search(text):
        text = _CONTROL_CHARS.sub(" ", text)
        warnings.append("control characters replaced by spaces")
    if _SURROGATES.search(text):
        # Lone surrogates (from JSON "\ud800" escapes) cannot be written as UTF-8 later on.
        text = _SURROGATES.sub("\ufffd", text)
        warnings.append("invalid surrogate characters replaced")
    return text, tuple(warnings)


def clean_field(value: str | None) -> str | None:
    """A one-line metadata value: sanitised, whitespace collapsed, None when empty."""
    if value is None:
        return None
    text, _ = sanitize_text(value)
    collapsed = " ".join(text.split())
    return collapsed or None
