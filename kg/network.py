"""The networkx view of the knowledge graph: one node per roll-up actor code, one edge per event.

Derived from the RDF in a single pass over the triples (no per-event queries). The node and edge
attributes below are what the HTML view and `kg trace` code against; extend, don't rename.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import rdflib

from kg.rdf import GRANULARITY_UNITS, KG, OWL, RDF, SCHEMA, SEM, TIME, WD, parse_file

# (subject IRI, predicate IRI, object IRI or lexical form, language tag of the object or None)
Triple = tuple[str, str, str, "str | None"]
_Values = list[tuple[str, "str | None"]]
_Resource = dict[str, _Values]

_P = {name: str(iri) for name, iri in {
    "type": RDF.type, "id": SCHEMA.identifier, "name": SCHEMA.name, "headline": SCHEMA.headline,
    "url": SCHEMA.url, "published": SCHEMA.datePublished, "same_as": OWL.sameAs,
    "source": KG.source, "target": KG.target, "cameo": KG.cameo, "root": KG.cameoRoot,
    "label": KG.typeLabel, "plover": KG.plover, "quad": KG.quadClass, "goldstein": KG.goldstein,
    "modality": KG.modality, "source_text": KG.sourceText, "target_text": KG.targetText,
    "document": KG.document, "mention": KG.mention, "according_to": SEM.accordingTo,
    "time": SEM.hasTime, "value": KG.value, "unit": TIME.unitType, "date_text": KG.dateText,
    "code": KG.code, "rolls_up": KG.rollsUpTo, "actor_type": KG.actorType, "sentence": KG.sentence,
    "start": KG.start, "end": KG.end, "trigger": KG.trigger, "rule": KG.rule,
}.items()}
_WANTED = frozenset(_P.values())
_EVENT = str(KG.Event)
_UNITS = {str(iri): name for name, iri in GRANULARITY_UNITS.items()}
_WD = str(WD)


class _View:
    """Resources bucketed by subject, with typed accessors for their values."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.resources: dict[str, _Resource] = {}
        for s, p, o, lang in triples:
            if p in _WANTED:
                self.resources.setdefault(s, {}).setdefault(p, []).append((o, lang))

    def values(self, subject: str | None, key: str) -> _Values:
        if subject is None:
            return []
        return sorted(self.resources.get(subject, {}).get(_P[key], []), key=lambda v: (v[0], v[1] or ""))

    def one(self, subject: str | None, key: str) -> str | None:
        values = self.values(subject, key)
        return values[0][0] if values else None

    def number(self, subject: str | None, key: str, kind: type[int | float]) -> int | float | None:
        value = self.one(subject, key)
        try:
            return kind(value) if value is not None else None
        except ValueError:
            return None

    def name(self, subject: str | None, lang: str | None) -> str | None:
        names = self.values(subject, "name")
        for value, tag in names:
            if (tag or "").lower() == (lang or ""):
                return value
        if lang == "id":  # a name without a language tag is taken as the Indonesian label
            return next((value for value, tag in names if not tag), None)
        return None

    def events(self) -> list[str]:
        return sorted(s for s, r in self.resources.items() if (_EVENT, None) in r.get(_P["type"], []))

    def first_mention(self, event: str) -> str | None:
        """The earliest mention in the document (by offsets): the one shown as evidence."""
        mentions = [m for m, _ in self.values(event, "mention")]
        return min(mentions, key=lambda m: (self.number(m, "start", int) or 0, m), default=None)

    def wikidata(self, subject: str) -> str | None:
        ids = [v[len(_WD) :] for v, _ in self.values(subject, "same_as") if v.startswith(_WD)]
        return ids[0] if ids else None


def _code(view: _View, actor: str | None) -> str | None:
    return view.one(actor, "code")


def _edge(view: _View, event: str) -> dict[str, object]:
    doc, date = view.one(event, "document"), view.one(event, "time")
    mention = view.first_mention(event)
    source, target = view.one(event, "source"), view.one(event, "target")
    return {
        "event_id": view.one(event, "id") or event,
        "cameo": view.one(event, "cameo"),
        "cameo_root": view.one(event, "root"),
        "label": view.one(event, "label"),
        "plover": view.one(event, "plover"),
        "quad_class": view.number(event, "quad", int),
        "goldstein": view.number(event, "goldstein", float),
        "modality": view.one(event, "modality"),
        "date": view.one(date, "value"),
        "date_granularity": _UNITS.get(view.one(date, "unit") or ""),
        "date_text": view.one(date, "date_text"),
        "doc": view.one(doc, "id"),
        "doc_title": view.one(doc, "headline"),
        "doc_url": view.one(doc, "url"),
        "doc_date": view.one(doc, "published"),
        "evidence": view.one(mention, "sentence"),
        "source_text": view.one(event, "source_text"),
        "target_text": view.one(event, "target_text"),
        "trigger": view.one(mention, "trigger"),
        "rule": view.one(mention, "rule"),
        "attributed_to": _code(view, view.one(event, "according_to")),
        "n_mentions": len(view.values(event, "mention")),
        "source_id": view.one(source, "id"),
        "target_id": view.one(target, "id"),
    }


def _node(view: _View, code: str, actors: list[str], counts: Counter[str]) -> dict[str, object]:
    """Attributes of the node of one code, from its code-level actor and the specific actors seen."""
    top = next((view.one(a, "rolls_up") for a in actors if view.one(a, "rolls_up")), None)
    members = [
        {"id": view.one(a, "id") or a, "label": view.name(a, "id") or view.one(a, "id") or a,
         "type": view.one(a, "actor_type"), "n": counts[a]}
        for a in actors
    ]
    return {
        "label": view.name(top, "id") or code,
        "label_en": view.name(top, "en"),
        "type": view.one(top, "actor_type"),
        "n_events": counts[code],
        "members": sorted(members, key=lambda m: str(m["id"])),
        "wikidata": view.wikidata(top) if top else None,
    }


def graph_from_triples(triples: Iterable[Triple]) -> nx.MultiDiGraph:
    """The actor network of any source of (subject, predicate, object, language) triples."""
    view = _View(triples)
    edges: list[tuple[str, str, dict[str, object]]] = []
    actors: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()  # events per code and per specific actor IRI
    for event in view.events():
        source, target = view.one(event, "source"), view.one(event, "target")
        source_code, target_code = _code(view, source), _code(view, target)
        if source is None or target is None or source_code is None or target_code is None:
            continue  # not a complete event (the SHACL shapes report it); nothing to draw
        actors.setdefault(source_code, set()).add(source)
        actors.setdefault(target_code, set()).add(target)
        counts.update({source_code, target_code, source, target})
        edges.append((source_code, target_code, _edge(view, event)))
    network = nx.MultiDiGraph()
    for code in sorted(actors):
        network.add_node(code, **_node(view, code, sorted(actors[code]), counts))
    for source_code, target_code, attrs in sorted(edges, key=lambda e: str(e[2]["event_id"])):
        network.add_edge(source_code, target_code, key=attrs["event_id"], **attrs)
    return network


def graph_from_rdf(g: rdflib.Graph) -> nx.MultiDiGraph:
    """The actor network of an rdflib graph built by kg.rdf.build_graph (or loaded from its Turtle)."""
    return graph_from_triples((str(s), str(p), str(o), getattr(o, "language", None)) for s, p, o in g)


def graph_from_file(path: Path) -> nx.MultiDiGraph:
    """Same as graph_from_rdf(load_graph(path)), without building an rdflib graph (much faster)."""
    return graph_from_triples(parse_file(Path(path)))
