"""Merge the events of one document: the same event stated several times becomes one Event.

Two raw events are the same event when they share document, source and target actor, CAMEO code and
modality. The id is a hash of exactly that key, so it is stable across runs and machines.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from kg.events import RawEvent
from kg.model import Event, EventDate
from kg.rules import RuleSet


def event_key(doc: str, raw: RawEvent) -> tuple[str, str, str, str, str]:
    return (doc, raw.source.id, raw.target.id, raw.cameo, raw.modality)


def event_id(key: tuple[str, ...]) -> str:
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()
    return "ev-" + digest[:16]


def _best_date(raws: list[RawEvent]) -> EventDate:
    """A resolved date wins over an unresolved one; then the first stated."""
    dated = [r.date for r in raws if r.date.text is not None]
    resolved = [d for d in dated if d.resolved]
    return (resolved or dated or [EventDate()])[0]


def merge_document(doc: str, raws: Iterable[RawEvent], rules: RuleSet) -> tuple[Event, ...]:
    groups: dict[tuple[str, str, str, str, str], list[RawEvent]] = {}
    for raw in raws:
        groups.setdefault(event_key(doc, raw), []).append(raw)
    events = []
    for key, members in groups.items():
        first = members[0]
        mentions = tuple(dict.fromkeys(r.mention for r in members))
        attributed = next((r.attributed_to for r in members if r.attributed_to), None)
        events.append(
            Event(
                id=event_id(key),
                doc=doc,
                source=first.source,
                target=first.target,
                type=rules.event_type(first.cameo),
                modality=first.modality,
                attributed_to=attributed,
                date=_best_date(members),
                mentions=mentions,
            )
        )
    events.sort(key=lambda e: (e.mentions[0].start, e.mentions[0].trigger_start or 0, e.id))
    return tuple(events)
