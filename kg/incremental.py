"""Incremental builds: the results already in an output directory, read back from its JSONL files.

`kg build --incremental` processes only articles whose id is new or whose text changed (by content
hash) and rebuilds the graph from the old results plus the new ones, without reading old articles.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.evaluate import read_jsonl
from kg.model import (
    ActorMention,
    CleanDocument,
    Document,
    DocumentResult,
    Event,
    EventDate,
    EventMention,
)
from kg.rules import RuleSet


def _actor(obj: dict[str, Any]) -> ActorMention:
    return ActorMention(
        0, 0, obj["text"], obj["id"], obj["code"], obj["label"], obj["type"], obj.get("label_en"), obj.get("country")
    )


def _event(obj: dict[str, Any], rules: RuleSet) -> Event:
    d = obj["date"]
    return Event(
        id=obj["id"],
        doc=obj["doc"],
        source=_actor(obj["source"]),
        target=_actor(obj["target"]),
        type=rules.event_type(obj["cameo"]),
        modality=obj["modality"],
        attributed_to=obj["attributed_to"],
        date=EventDate(d["value"], d["granularity"], d["text"], d["resolved"], d.get("start"), d.get("end")),
        mentions=tuple(
            EventMention(
                m["sentence"], m["sentence_index"], m["start"], m["end"], m["trigger"], m["rule"],
                m.get("trigger_start"), m.get("trigger_end"), m.get("source_text"), m.get("target_text"),
            )
            for m in obj["mentions"]
        ),
    )


def _document(obj: dict[str, Any], events: tuple[Event, ...]) -> DocumentResult:
    doc = Document(obj["doc"], "", None, None, obj.get("url"), obj.get("publisher"), obj.get("origin") or "")
    clean = CleanDocument(doc, obj["title"], obj["date"], obj["date_source"], ())
    return DocumentResult(
        clean, obj["n_sentences"], events, warnings=tuple(obj["warnings"]), topic=obj.get("topic"), sha1=obj.get("sha1")
    )


def load_previous(out_dir: Path, rules: RuleSet) -> Iterator[DocumentResult]:
    """Every document of a previous build, in its order."""
    docs_path, events_path = out_dir / "documents.jsonl", out_dir / "events.jsonl"
    if not docs_path.is_file() or not events_path.is_file():
        return
    by_doc: dict[str, list[Event]] = {}
    try:
        for obj in read_jsonl(events_path):
            by_doc.setdefault(obj["doc"], []).append(_event(obj, rules))
        for obj in read_jsonl(docs_path):
            if obj.get("skipped") or obj.get("doc") is None:
                continue  # problems of earlier inputs are reported by the build that met them
            yield _document(obj, tuple(by_doc.get(obj["doc"], ())))
    except (KeyError, TypeError) as exc:
        raise InputError(str(out_dir), f"previous output cannot be extended (missing field {exc}); rebuild without --incremental") from None
