"""The JSONL outputs of CONTRACT.md: events.jsonl and documents.jsonl, written atomically.

Keys are written in a fixed order and floats with a fixed repr, so the same results give
byte-identical files.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from kg.model import ActorMention, DocumentResult, Event, ReadProblem


def actor_json(m: ActorMention) -> dict[str, Any]:
    return {
        "id": m.id,
        "code": m.code,
        "label": m.label,
        "text": m.text,
        "type": m.type,
        "label_en": m.label_en,
        "country": m.country,
    }


def event_json(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "doc": e.doc,
        "source": actor_json(e.source),
        "target": actor_json(e.target),
        "cameo": e.type.cameo,
        "cameo_root": e.type.root,
        "label": e.type.label,
        "plover": e.type.plover,
        "quad_class": e.type.quad_class,
        "goldstein": e.type.goldstein,
        "modality": e.modality,
        "attributed_to": e.attributed_to,
        "date": {
            "value": e.date.value,
            "granularity": e.date.granularity,
            "text": e.date.text,
            "resolved": e.date.resolved,
            "start": e.date.start,
            "end": e.date.end,
        },
        "mentions": [
            {
                "sentence": m.sentence,
                "sentence_index": m.sentence_index,
                "start": m.start,
                "end": m.end,
                "trigger": m.trigger,
                "trigger_start": m.trigger_start,
                "trigger_end": m.trigger_end,
                "rule": m.rule,
                "source_text": m.source_text,
                "target_text": m.target_text,
            }
            for m in e.mentions
        ],
    }


def document_json(r: DocumentResult) -> dict[str, Any]:
    c = r.clean
    return {
        "doc": c.doc.id,
        "title": c.title,
        "date": c.published,
        "date_source": c.date_source,
        "n_sentences": r.n_sentences,
        "n_events": len(r.events),
        "warnings": list(r.warnings),
        "topic": r.topic,
        "sha1": r.sha1,
        "url": c.doc.url,
        "publisher": c.doc.publisher,
        "origin": c.doc.origin,
    }


def text_hash(text: str) -> str:
    """Content hash of an article, so an incremental build can tell a re-added article from a changed one."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def problem_json(p: ReadProblem) -> dict[str, Any]:
    """A skipped input still gets a line, so nothing disappears silently."""
    return {
        "doc": None,
        "title": None,
        "date": None,
        "date_source": "none",
        "n_sentences": 0,
        "n_events": 0,
        "warnings": [str(p)],
        "skipped": True,
        "origin": p.origin,
        "line": p.line,
    }


def dumps(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


def write_atomic(path: Path, data: bytes) -> None:
    """Write bytes to path through atomic_writer."""
    with atomic_writer(path, binary=True) as fh:
        fh.write(data)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextmanager
def atomic_writer(path: Path, binary: bool = False) -> Iterator[IO[Any]]:
    """Write to a temporary file beside `path` and rename it into place only on success, so a reader
    (or an interrupted build) never sees half a file. Text is UTF-8 with "\n" line ends."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are ordinary files
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
