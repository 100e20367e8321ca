"""Reading articles from disk: .txt/.md, .html, .jsonl and .jsonl.gz, in any common encoding.

`iter_documents` streams Documents (and ReadProblems for whatever cannot be read) from any mix of
files and directories; nothing is loaded whole except one article at a time.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, cast

from kg.model import Document, ReadProblem
from kg.read_decode import NotText, clean_field, decode_bytes, sanitize_text
from kg.read_html import extract_html, sniff_charset

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

HEADER_KEYS = {
    "title": "title",
    "date": "date",
    "url": "url",
    "source": "publisher",
    "publisher": "publisher",
}
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z_-]{0,30})[ \t]*:[ \t]*(.*)")
_MAX_HEADER_LINES = 40
_OPTIONAL_FIELDS = ("title", "date", "url", "publisher")


def iter_documents(inputs: Sequence[str | Path]) -> Iterator[Document | ReadProblem]:
    """Yield every article found in inputs (files or directories), in a deterministic order.

    Problems (unreadable files, bad JSONL lines, duplicate ids) are yielded as ReadProblem and
    reading goes on; the first document with a given id wins.
    """
    first_origin: dict[str, str] = {}
    for item in _iter_items(inputs):
        if isinstance(item, Document):
            seen = first_origin.get(item.id)
            if seen is not None:
                path, line = _split_origin(item.origin)
                yield ReadProblem(path, line, f"duplicate id '{item.id}' (first read from {seen})")
                continue
            first_origin[item.id] = item.origin
        yield item


def _iter_items(inputs: Sequence[str | Path]) -> Iterator[Document | ReadProblem]:
    for raw in inputs:
        for found in iter_input_files(raw):
            if isinstance(found, ReadProblem):
                yield found
            else:
                yield from read_file(found)


def iter_input_files(raw: str | Path) -> Iterator[Path | ReadProblem]:
    """The input files a path stands for: itself, or the supported files under a directory."""
    path = Path(raw)
    if path.is_dir():
        # An empty directory yields nothing: the caller reports "no articles" once for all inputs.
        yield from sorted(_walk(path), key=lambda p: p.as_posix())
    elif not path.exists():
        yield ReadProblem(str(path), None, "no such file or directory")
    elif not path.is_file():
        yield ReadProblem(str(path), None, "not a regular file")
    elif kind_of(path) is None:
        yield ReadProblem(str(path), None, f"unsupported file type (expected one of {', '.join(SUPPORTED)})")
    else:
        yield path


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        # Hidden directories (.git, .cache ...) are never article folders.
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            path = Path(dirpath) / name
            if not name.startswith(".") and kind_of(path) is not None and path.is_file():
                yield path


def kind_of(path: Path) -> str | None:
    """'text', 'html' or 'jsonl' for a supported file name, else None."""
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    return None


def read_file(path: Path) -> Iterator[Document | ReadProblem]:
    """Read one input file (its kind is chosen by its extension)."""
    kind = kind_of(path)
    if kind == "jsonl":
        yield from _read_jsonl(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield ReadProblem(str(path), None, f"cannot read: {exc.strerror or exc}")
        return
    try:
        yield _html_document(path, data) if kind == "html" else _text_document(path, data)
    except NotText as exc:
        yield ReadProblem(str(path), None, str(exc))


def _text_document(path: Path, data: bytes) -> Document:
    text, warnings = decode_bytes(data)
    text, more = sanitize_text(text)
    meta, offset, header_warnings = split_header(text)
    body = text[offset:]
    if not body.strip():
        raise NotText("empty")
    return Document(
        id=path.stem,
        text=body,
        title=meta.get("title"),
        date=meta.get("date"),
        url=meta.get("url"),
        publisher=meta.get("publisher"),
        origin=str(path),
        warnings=warnings + more + header_warnings,
    )


def _html_document(path: Path, data: bytes) -> Document:
    text, warnings = decode_bytes(data, declared=sniff_charset(data))
    page = extract_html(text)
    body, more = sanitize_text(page.text)
    if not body.strip():
        raise NotText("no article text found in the HTML page")
    return Document(
        id=path.stem,
        text=body,
        title=clean_field(page.title),
        date=clean_field(page.date),
        origin=str(path),
        warnings=warnings + more,
    )


def split_header(text: str) -> tuple[dict[str, str], int, tuple[str, ...]]:
    """Parse an optional `key: value` header ended by a `---` line (YAML-style front matter too).

    Returns (metadata, offset of the body in text, warnings). Without a well-formed header (only
    `key: value` lines, at least one known key, then `---`) the metadata is empty and the offset 0,
    so nothing of an ordinary article is ever swallowed.
    """
    pos = 0
    meta: dict[str, str] = {}
    unknown: list[str] = []
    for number in range(_MAX_HEADER_LINES):
        end = text.find("\n", pos)
        if end < 0:
            break
        line, pos = text[pos:end].strip(), end + 1
        if line == "---" and number == 0:  # front matter opener
            continue
        if line == "---":
            if not meta:
                break
            warnings = tuple(f"unknown header key '{key}' ignored" for key in unknown)
            return meta, pos, warnings
        match = _HEADER_LINE.fullmatch(line)
        if line and match is None:
            break
        if match is not None:
            _add_header_field(meta, unknown, match.group(1).lower(), match.group(2))
    return {}, 0, ()


def _add_header_field(meta: dict[str, str], unknown: list[str], key: str, value: str) -> None:
    field = HEADER_KEYS.get(key)
    cleaned = clean_field(value)
    if field is None:
        unknown.append(key)
    elif cleaned is not None:
        meta.setdefault(field, cleaned)


def _read_jsonl(path: Path) -> Iterator[Document | ReadProblem]:
    number, items = 0, 0
    try:
        with _open_binary(path) as fh:
            for number, line, warnings in _iter_lines(fh):
                if line.strip():
                    items += 1
                    yield _jsonl_item(path, number, line, warnings)
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadProblem(str(path), number + 1, _stream_error(exc, number))
        return
    if items == 0:
        yield ReadProblem(str(path), None, "empty")


def _open_binary(path: Path) -> IO[bytes]:
    if path.name.lower().endswith(".gz"):
        return cast(IO[bytes], gzip.open(path, "rb"))
    return path.open("rb")


def _stream_error(exc: BaseException, number: int) -> str:
    if isinstance(exc, EOFError):
        message = "truncated gzip file"
    elif isinstance(exc, gzip.BadGzipFile):
        message = "not a valid gzip file"
    elif isinstance(exc, zlib.error):
        message = "corrupt gzip data"
    else:
        message = f"cannot read: {getattr(exc, 'strerror', None) or exc}"
    return f"{message} (the {number} lines before were read)" if number else message


def _iter_lines(fh: IO[bytes]) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """Yield (line number, decoded line, warnings); UTF-16/32 files (with BOM) are re-wrapped."""
    head = fh.peek(4)[:4] if hasattr(fh, "peek") else b""
    wide = _wide_codec(head)
    if wide is not None:
        reader = io.TextIOWrapper(fh, encoding=wide, errors="replace", newline=None)
        for number, text in enumerate(reader, start=1):
            yield number, text.lstrip("\ufeff") if number == 1 else text, ()
        return
    for number, raw in enumerate(fh, start=1):
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield number, raw.decode("utf-8"), ()
        except UnicodeDecodeError:
            yield number, raw.decode("cp1252", errors="replace"), ("decoded as windows-1252",)


def _wide_codec(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    return None


def _jsonl_item(path: Path, number: int, line: str, warnings: tuple[str, ...]) -> Document | ReadProblem:
    try:
        obj = json.loads(line)
    except (ValueError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else type(exc).__name__
        return ReadProblem(str(path), number, f"not valid JSON ({reason})")
    if not isinstance(obj, dict):
        return ReadProblem(str(path), number, f"expected a JSON object, got {type(obj).__name__}")
    doc_id = _jsonl_id(obj.get("id"))
    if isinstance(doc_id, ReadProblem):
        return ReadProblem(str(path), number, doc_id.message)
    text = obj.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        return ReadProblem(str(path), number, f"field 'text' is {what}")
    body, more = sanitize_text(text)
    if not body.strip():
        return ReadProblem(str(path), number, "field 'text' is empty")
    fields, field_warnings = _optional_fields(obj)
    return Document(
        id=doc_id,
        text=body,
        origin=f"{path}:{number}",
        warnings=warnings + more + field_warnings,
        **fields,
    )


def _jsonl_id(value: Any) -> str | ReadProblem:
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value is None:
        return ReadProblem("", None, "field 'id' is missing")
    if not isinstance(value, str):
        return ReadProblem("", None, f"field 'id' is not a string ({type(value).__name__})")
    cleaned = clean_field(value)
    if cleaned is None:
        return ReadProblem("", None, "field 'id' is empty")
    return cleaned


def _optional_fields(obj: dict[str, Any]) -> tuple[dict[str, str | None], tuple[str, ...]]:
    fields: dict[str, str | None] = {}
    warnings: list[str] = []
    for key in _OPTIONAL_FIELDS:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            warnings.append(f"ignored non-string field '{key}'")
            value = None
        fields[key] = clean_field(value)
    return fields, tuple(warnings)


def _split_origin(origin: str) -> tuple[str, int | None]:
    path, sep, line = origin.rpartition(":")
    if sep and line.isdigit():
        return path, int(line)
    return origin, None
