"""One made-up document through the whole pipeline, for the tests that assert exact events."""

from __future__ import annotations

from collections.abc import Callable

from kg.model import Document, Event
from kg.pipeline import default_resources, process_document


def events_of(text: str, when: str | None = None, title: str | None = None) -> tuple[Event, ...]:
    """The events of a one-text document published on `when`."""
    return process_document(Document("t", text, title, when), default_resources()).events


def event_rows(text: str, when: str | None = None, *extra: Callable[[Event], object], title: str | None = None) -> list[tuple[object, ...]]:
    """(source code, target code, CAMEO, *extra(event)) of every event, sorted."""
    return sorted((e.source.code, e.target.code, e.type.cameo, *(f(e) for f in extra)) for e in events_of(text, when, title))


def modality(e: Event) -> str:
    return e.modality


def source_words(e: Event) -> str:
    return e.mentions[0].source_text or ""
