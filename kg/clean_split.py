"""Splitting a paragraph of Indonesian news text into sentences, as offsets into the text.

Abbreviations ("Dr.", "Jl.", "a.n."), initials ("J. Kirby") and numbers ("1.000") do not end a
sentence; closing quotes stay with their sentence; overlong runs are cut into bounded chunks so
that later stages stay linear.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.clean_rules import load_rules

MAX_SENTENCE = 1000  # characters; longer runs are cut at a space
_END = re.compile("[.!?\u2026]+[\"'\u201d\u2019\u00bb)\\]]*(?=\\s)")
# A full stop glued to the next sentence ("bangsa.Untuk", "miliar.\"Dalam"), common in scraped text.
_GLUED = re.compile('[.!?](?<=[a-z]{2}[.!?])[\u201d\u2019\u00bb]?(?=["\u201c]?[A-Z][a-z])')
_INITIALS = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_WORD = re.compile(r"\w")
_SPACE = re.compile(r"\s")
_OPENERS = "\"'\u201c\u2018\u00ab([{"


def split_block(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each sentence of text[start:end], trimmed, in order."""
    previous = start
    for boundary in _boundaries(text, start, end):
        yield from _chunks(text, previous, boundary)
        previous = boundary
    yield from _chunks(text, previous, end)


def _boundaries(text: str, start: int, end: int) -> list[int]:
    found = [m.end() for m in _END.finditer(text, start, end) if _ends_sentence(text, m, start, end)]
    found += [m.end() for m in _GLUED.finditer(text, start, end) if not _in_address(text, m.start(), start)]
    return sorted(set(found))


def _ends_sentence(text: str, match: re.Match[str], start: int, end: int) -> bool:
    after = _next_visible(text, match.end(), end)
    if after is None:
        return False  # the block end closes the sentence anyway
    if not (after.isupper() or after.isdigit() or after in _OPENERS):
        return False  # "dll. dan", "3 p.m. waktu" ...: the sentence goes on
    if match.group().rstrip(_OPENERS + "\u201d\u2019\u00bb])") != ".":
        return True
    word = _word_before(text, match.start(), start)
    if word in load_rules().abbreviations or _INITIALS.fullmatch(word):
        return False
    # "1. Thailand" opening a block is a list number, not a sentence.
    return not (word.isdigit() and not text[start : match.start() - len(word)].strip())


def _next_visible(text: str, pos: int, end: int) -> str | None:
    while pos < end and text[pos].isspace():
        pos += 1
    return text[pos] if pos < end else None


def _word_before(text: str, pos: int, start: int) -> str:
    begin = pos
    while begin > max(start, pos - 40) and not text[begin - 1].isspace():
        begin -= 1
    return text[begin:pos].lstrip(_OPENERS)


def _in_address(text: str, pos: int, start: int) -> bool:
    """Dots inside web and mail addresses are not sentence ends."""
    word = _word_before(text, pos, start)
    return "://" in word or "www" in word.lower() or "@" in word


def _chunks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The trimmed span, cut at whitespace into pieces of at most MAX_SENTENCE characters."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = _last_space(text, start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        piece_end = cut if cut is not None else start + MAX_SENTENCE
        yield from _visible(text, start, piece_end)
        start = piece_end
        while start < end and text[start].isspace():
            start += 1
    yield from _visible(text, start, end)


def _visible(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end and _WORD.search(text, start, end):
        yield start, end


def _last_space(text: str, low: int, high: int) -> int | None:
    for pos in range(high, low, -1):
        if text[pos - 1].isspace():
            return pos - 1
    return None
