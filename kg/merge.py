"""Merge the events of one document: the same event stated several times becomes one Event.

Two raw events are the same event when they share document, source and target actor, CAMEO code and
modality, and do not give different resolved dates. The id is a hash of exactly that key (plus the
date when one key holds events of several dates), so it is stable across runs and machines.
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


def _by_date(raws: list[RawEvent]) -> list[tuple[str | None, list[RawEvent]]]:
    """Split one (source, target, type, modality) group where its mentions give different resolved
    dates: those are different events. Undated mentions join the dated one stated before them."""
    values = list(dict.fromkeys(r.date.value for r in raws if r.date.resolved and r.date.value))
    if len(values) <= 1:
        return [(None, raws)]
    clusters: dict[str, list[RawEvent]] = {v: [] for v in values}
    current = values[0]
    for r in raws:
        if r.date.resolved and r.date.value:
            current = r.date.value
        clusters[current].append(r)
    return list(clusters.items())


def merge_document(doc: str, raws: Iterable[RawEvent], rules: RuleSet) -> tuple[Event, ...]:
    groups: dict[tuple[str, str, str, str, str], list[RawEvent]] = {}
    for raw in raws:
        groups.setdefault(event_key(doc, raw), []).append(raw)
    events = []
    for key, group in groups.items():
        for split, members in _by_date(group):
            first = members[0]
            mentions = tuple(dict.fromkeys(r.mention for r in members))
            attributed = next((r.attributed_to for r in members if r.attributed_to), None)
            events.append(
                Event(
                    id=event_id(key if split is None else key + (split,)),
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
