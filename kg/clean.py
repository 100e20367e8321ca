"""Cleaning an article: which paragraphs are article body (not headline, dateline, bylines, image
credits, "Baca juga" links or sidebars), what its title and publication date are, and its sentences.

Every kept paragraph and sentence is a span of the original Document.text; nothing is rewritten.
Boilerplate patterns are data (data/lexicon/boilerplate.jsonl, see kg/clean_rules.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.clean_rules import Rules, load_rules, normalise_metadata_date, parse_dateline
from kg.clean_split import split_block
from kg.model import CleanDocument, DateSource, Document, Sentence, Span
from kg.read_decode import clean_field

MAX_RULE_LINE = 400  # boilerplate lines are short; longer lines are always body text
MAX_HEADER_LINES = 40  # a headline/dateline block longer than this is not a header
LEAD_LINES = 3  # datelines such as "JAKARTA, KOMPAS.com -" open one of the first body lines
HEADLINE_CHARS = 200
HEADLINE_WORDS = 30
TITLE_MIN_WORDS = 3  # shorter header lines are section labels ("Berita", "Dunia")
WRAP_WIDTH = 60  # a line at least this long that stops mid-sentence was wrapped, not ended
_TERMINAL = ".!?:;\u2026"
_CLOSERS = "\"'\u201d\u2019\u00bb)]"
_WORD = re.compile(r"\w")
_NON_EMPTY_LINE = re.compile(r"[^\n]+")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_INNER_END = re.compile(r"[a-z]{2}[.!?][\"'\u201d\u2019]?\s+[A-Z]")


@dataclass
class _Line:
    """One non-blank line of the text (trimmed), and why it was dropped, if it was."""

    start: int
    end: int
    para: int  # paragraph number: increases at every blank line
    drop: str | None = None


@dataclass(frozen=True)
class _Header:
    title: str | None
    date: str | None
    body: int  # index of the first body line


def clean(doc: Document, rules: Rules | None = None) -> CleanDocument:
    """The article body of doc as spans, with its title and publication date."""
    rules = rules or load_rules()
    text = doc.text
    lines = _lines(text)
    _mark_boilerplate(text, lines, rules)
    header = _read_header(text, lines, rules, strict=clean_field(doc.title) is not None)
    _mark_sidebars(text, lines, header.body, rules)
    published, source, warnings = _published(doc, header.date, rules)
    blocks = _blocks(text, lines, rules)
    if not blocks:
        warnings.append("no article text left after cleaning")
    return CleanDocument(
        doc=doc,
        title=clean_field(doc.title) or header.title,
        published=published,
        date_source=source,
        blocks=tuple(blocks),
        warnings=tuple(warnings),
    )


def split_sentences(cd: CleanDocument) -> list[Sentence]:
    """The sentences of every block, numbered 0.. over the document, as spans of doc.text."""
    text, doc_id = cd.doc.text, cd.doc.id
    sentences: list[Sentence] = []
    for block in cd.blocks:
        for start, end in split_block(text, block.start, block.end):
            sentences.append(Sentence(doc_id, len(sentences), start, end, text[start:end]))
    return sentences


# --- lines ------------------------------------------------------------------------------------


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    para, previous_end = 0, -1
    for match in _NON_EMPTY_LINE.finditer(text):
        if match.start() > previous_end + 1:
            para += 1  # an empty line lies between
        previous_end = match.end()
        start, stop = _trim(text, match.start(), match.end())
        if start < stop:
            lines.append(_Line(start, stop, para))
        else:
            para += 1  # a line of spaces separates paragraphs too
    return lines


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    chunk = text[start:end]
    left = len(chunk) - len(chunk.lstrip())
    if left == len(chunk):
        return start, start
    return start + left, end - (len(chunk) - len(chunk.rstrip()))


def _segment(text: str, line: _Line) -> str | None:
    """The line's text if it is short enough to be boilerplate, else None."""
    return text[line.start : line.end] if line.end - line.start <= MAX_RULE_LINE else None


def _mark_boilerplate(text: str, lines: list[_Line], rules: Rules) -> None:
    for line in lines:
        segment = _segment(text, line)
        if segment is not None:
            line.drop = rules.first_match("drop_line", segment) or rules.first_match("byline", segment)


# --- header: section labels, headline, dateline -------------------------------------------------


def _read_header(text: str, lines: list[_Line], rules: Rules, strict: bool = False) -> _Header:
    """Find the first body line; the short lines before it are headline, labels and dateline.

    strict (the title is known from metadata): only Title Case lines count as headings.
    """
    candidates: list[str] = []
    dates: list[str] = []
    labelled = False
    for index, line in enumerate(lines[:MAX_HEADER_LINES]):
        if line.drop:
            continue
        segment = _segment(text, line) or ""
        if segment and len(segment) <= 60 and rules.first_match("sidebar_label", segment):
            labelled = True
            _skip_top_sidebar(text, lines, index, rules)
        if line.drop:
            continue
        date = parse_dateline(segment, rules) if segment else None
        if date is not None:
            dates.append(date)
        elif _is_heading(text, lines, index, rules, strict):
            candidates.append(segment)
        else:
            _drop_header(text, lines, index, rules, headings=True)
            return _Header(_choose_title(candidates), dates[-1] if dates else None, index)
    # No body line follows the short lines: they are the body itself (a one-line article), but
    # a dateline among them is still a dateline.
    _drop_header(text, lines, min(len(lines), MAX_HEADER_LINES), rules, headings=False)
    # Without a body to anchor it, a date under a sidebar label may well be the sidebar's.
    return _Header(None, dates[-1] if dates and not labelled else None, 0)


def _skip_top_sidebar(text: str, lines: list[_Line], label: int, rules: Rules) -> None:
    """A label over several headline + timestamp pairs is a sidebar, whose dates are not ours;
    with at most one timestamp it is just a section label over the article's own headline."""
    end = _sidebar_end(text, lines, label, rules)
    items = [
        i
        for i in range(label + 1, end)
        if rules.first_match("sidebar_item", text[lines[i].start : lines[i].end])
    ]
    if len(items) >= 2:
        for line in lines[label : items[-1] + 1]:
            line.drop = line.drop or "sidebar"


def _drop_header(text: str, lines: list[_Line], body: int, rules: Rules, headings: bool) -> None:
    for line in lines[:body]:
        if not line.drop:
            segment = _segment(text, line) or ""
            if parse_dateline(segment, rules):
                line.drop = "dateline"
            elif headings:
                line.drop = "header"


def _is_heading(text: str, lines: list[_Line], index: int, rules: Rules, strict: bool) -> bool:
    line = lines[index]
    if line.end - line.start > HEADLINE_CHARS or _joins_next(text, lines, index):
        return False
    segment = text[line.start : line.end]
    if any(pattern.match(segment) for _, pattern in rules.patterns["lead_prefix"]):
        return False  # "JAKARTA, KOMPAS.com - ..." opens the body
    return len(segment.split()) <= HEADLINE_WORDS and _headline_like(segment, strict)


def _headline_like(segment: str, strict: bool = False) -> bool:
    """No closing full stop and no inner sentence end; a question or exclamation only in Title
    Case (else it is a lede). strict: Title Case always (when the title is known already, a
    sentence-case line is more likely a lede than a headline)."""
    core = segment.rstrip(_CLOSERS) or segment
    if core[-1] in ".,;:\u2026" or _INNER_END.search(core):
        return False
    if core[-1] not in "?!" and not strict:
        return True
    words = _LONG_WORD.findall(segment)
    return not words or sum(w[0].isupper() for w in words) * 2 >= len(words)


def _choose_title(candidates: list[str]) -> str | None:
    titled = [c for c in candidates if len(c.split()) >= TITLE_MIN_WORDS]
    pick = titled[-1] if titled else (candidates[-1] if candidates else None)
    return clean_field(pick)


# --- sidebars -----------------------------------------------------------------------------------


def _mark_sidebars(text: str, lines: list[_Line], first_body: int, rules: Rules) -> None:
    """From a label ("Populer", "Berita Terkait") drop the run of headlines and timestamps after it."""
    index = first_body
    while index < len(lines):
        segment = _segment(text, lines[index])
        if segment is None or len(segment) > 60 or not rules.first_match("sidebar_label", segment):
            index += 1
            continue
        end = _sidebar_end(text, lines, index, rules)
        for line in lines[index:end]:
            line.drop = line.drop or "sidebar"
        index = end


def _sidebar_end(text: str, lines: list[_Line], label: int, rules: Rules) -> int:
    end = label + 1
    while end < len(lines):
        segment = _segment(text, lines[end])
        if segment is None:
            break
        listed = rules.first_match("sidebar_item", segment) or rules.first_match("sidebar_label", segment)
        if not listed and not (len(segment) <= HEADLINE_CHARS and _headline_like(segment)):
            break
        end += 1
    return end


# --- publication date -----------------------------------------------------------------------------


def _published(doc: Document, dateline: str | None, rules: Rules) -> tuple[str | None, DateSource, list[str]]:
    warnings: list[str] = []
    if doc.date:
        iso, warning = normalise_metadata_date(doc.date, rules)
        if warning:
            warnings.append(warning)
        if iso:
            return iso, "metadata", warnings
    if dateline:
        return dateline, "text", warnings
    warnings.append("no publication date found")
    return None, "none", warnings


# --- body blocks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Piece:
    start: int
    end: int
    line: int  # index into lines
    whole_end: bool  # the piece runs to the end of its line (nothing cut after it)
    whole_start: bool


def _blocks(text: str, lines: list[_Line], rules: Rules) -> list[Span]:
    pieces: list[_Piece] = []
    lead = 0
    for index, line in enumerate(lines):
        if line.drop:
            continue
        start = _strip_prefixes(text, line.start, line.end, rules, "strip_prefix")
        if lead < LEAD_LINES:
            lead += 1
            start = _strip_prefixes(text, start, line.end, rules, "lead_prefix")
        for s, e in _cut_inline(text, start, line.end, rules):
            s, e = _trim(text, s, e)
            if s < e and _WORD.search(text, s, e):
                pieces.append(_Piece(s, e, index, e == line.end, s == line.start))
    return _join(text, lines, pieces)


def _strip_prefixes(text: str, start: int, end: int, rules: Rules, kind: str) -> int:
    for _ in range(len(rules.patterns[kind])):  # each rule can apply once, in any order
        match = rules.combined[kind].match(text, start, end)
        if match is None or match.end() == start:
            break
        start, _ = _trim(text, match.end(), end)
        if start >= end:
            return end
    return start


def _cut_inline(text: str, start: int, end: int, rules: Rules) -> list[tuple[int, int]]:
    lowered = text[start:end].lower()
    cuts: list[tuple[int, int]] = []
    for pattern, triggers in rules.cuts:
        if not triggers or any(t in lowered for t in triggers):
            cuts.extend(m.span() for m in pattern.finditer(text, start, end) if m.end() > m.start())
    kept, pos = [], start
    for cut_start, cut_end in sorted(cuts):
        if cut_start > pos:
            kept.append((pos, cut_start))
        pos = max(pos, cut_end)
    if pos < end:
        kept.append((pos, end))
    return kept


def _join(text: str, lines: list[_Line], pieces: list[_Piece]) -> list[Span]:
    blocks: list[Span] = []
    previous: _Piece | None = None
    for piece in pieces:
        if previous is not None and _continues(text, lines, previous, piece):
            blocks[-1] = Span(blocks[-1].start, piece.end)
        else:
            blocks.append(Span(piece.start, piece.end))
        previous = piece
    return blocks


def _continues(text: str, lines: list[_Line], before: _Piece, after: _Piece) -> bool:
    """A piece continues the previous block when a line of one paragraph was wrapped, not ended."""
    if not (before.whole_end and after.whole_start and after.line == before.line + 1):
        return False
    return _wrapped(text, lines[before.line], lines[after.line])


def _joins_next(text: str, lines: list[_Line], index: int) -> bool:
    return index + 1 < len(lines) and _wrapped(text, lines[index], lines[index + 1])


def _wrapped(text: str, line: _Line, following: _Line) -> bool:
    if following.para != line.para:
        return False
    last = text[line.end - 1]
    if last in _TERMINAL or last in _CLOSERS:
        return False
    first = text[following.start]
    return first.islower() or first.isdigit() or line.end - line.start >= WRAP_WIDTH
