"""The RDF knowledge graph: DocumentResult records -> rdflib Graph (Turtle out, files in: kg.turtle).

Namespaces are read from the @prefix lines of schema/ontology.ttl, the only place IRIs are spelled
out; resources get deterministic IRIs minted from their ids (`mint_iri`), never blank nodes.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import ClosedNamespace, Namespace

from kg.errors import GraphError, KgError
from kg.lexicon import WIKIDATA_ID
from kg.model import ActorMention, DocumentResult, Event, EventDate, EventMention

if TYPE_CHECKING:  # the real names for type checkers; at run time __getattr__ (at the end) imports them
    from kg.turtle import GRAPH_FORMATS, graph_format, load_graph, parse_file, turtle, write_turtle

__all__ = [
    "GRANULARITY_UNITS", "GRAPH_FORMATS", "KG", "ONTOLOGY", "ONTOLOGY_PREFIX", "OWL", "PROV", "RDF",
    "RESOURCE_BASE", "RESOURCE_KINDS", "RESOURCE_PREFIX", "SCHEMA", "SCHEMA_DIR", "SEM", "TIME", "WD",
    "XSD", "ActorInfo", "TripleSet", "build_graph", "build_triples", "encode_key", "graph_format", "load_graph", "mint_iri",
    "namespaces", "new_graph", "parse_file", "turtle", "write_turtle",
]

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
ONTOLOGY = SCHEMA_DIR / "ontology.ttl"
ONTOLOGY_PREFIX = "kg"
RESOURCE_PREFIX = "kgr"

ActorInfo = Callable[[str], Mapping[str, Any]]


@lru_cache(maxsize=1)
def _ontology() -> rdflib.Graph:
    return rdflib.Graph(bind_namespaces="none").parse(ONTOLOGY, format="turtle")


@lru_cache(maxsize=1)
def namespaces() -> dict[str, str]:
    """Prefix -> namespace IRI, exactly as declared in schema/ontology.ttl."""
    return {prefix: str(iri) for prefix, iri in sorted(_ontology().namespaces())}


def _declared_terms(namespace: str) -> list[str]:
    names = {str(s)[len(namespace) :] for s in _ontology().subjects() if str(s).startswith(namespace)}
    return sorted(name for name in names if name)


_NS = namespaces()
KG = ClosedNamespace(_NS[ONTOLOGY_PREFIX], _declared_terms(_NS[ONTOLOGY_PREFIX]))
SEM = Namespace(_NS["sem"])
PROV = Namespace(_NS["prov"])
TIME = Namespace(_NS["time"])
SCHEMA = Namespace(_NS["schema"])
WD = Namespace(_NS["wd"])
RDF = Namespace(_NS["rdf"])
XSD = Namespace(_NS["xsd"])
OWL = Namespace(_NS["owl"])
RESOURCE_BASE = _NS[RESOURCE_PREFIX]
# kind ("event") -> its namespace, for every resource prefix the ontology declares ("ev:").
RESOURCE_KINDS: dict[str, str] = {
    iri[len(RESOURCE_BASE) : -1]: iri
    for iri in sorted(_NS.values())
    if iri.startswith(RESOURCE_BASE) and iri != RESOURCE_BASE and iri.endswith("/")
}
GRANULARITY_UNITS: dict[str, URIRef] = {"year": TIME.unitYear, "month": TIME.unitMonth, "day": TIME.unitDay}

_MAX_KEY = 120  # longer keys keep a readable head and end in a hash of the whole key
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?"
                       r"(Z|[+-][0-9]{2}:[0-9]{2})?")


def encode_key(key: str) -> str:
    """Percent-encode everything outside [A-Za-z0-9._-]; injective, so distinct keys never collide."""
    if not key:
        return "~"  # "~" is never produced by the encoding below, so it cannot collide
    if key.strip(".") == "":
        return key.replace(".", "%2E")  # "." and ".." would be dot-segments in an IRI path
    encoded = quote(key, safe="", errors="surrogatepass").replace("~", "%7E")
    if len(encoded) <= _MAX_KEY:
        return encoded
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    head = encoded[:80]
    cut = head.rfind("%", len(head) - 2)  # never split a %XX escape
    return f"{head[:cut] if cut >= 0 else head}~{digest}"


def mint_iri(kind: str, key: str) -> URIRef:
    """The IRI of a resource of this kind ("event", "actor", "doc", ...) with this id."""
    if kind not in RESOURCE_KINDS:
        raise ValueError(f"unknown resource kind {kind!r}; expected one of {', '.join(RESOURCE_KINDS)}")
    return URIRef(RESOURCE_KINDS[kind] + encode_key(key))


def new_graph() -> rdflib.Graph:
    """An empty graph with the ontology's prefixes bound (and no others)."""
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, iri in _NS.items():
        graph.bind(prefix, iri)
    return graph


def _lit(value: object) -> Literal | None:
    """A literal, or None (no triple) for a missing or empty value."""
    return None if value is None or value == "" else Literal(value)


def _published(value: str) -> Literal:
    try:
        date.fromisoformat(value[:10])
    except ValueError:
        return Literal(value)  # untyped rather than an ill-typed literal
    if _DATETIME.fullmatch(value):
        return Literal(value, datatype=XSD.dateTime)
    return Literal(value, datatype=XSD.date) if len(value) == 10 else Literal(value)


def _goldstein(value: float) -> Literal | None:
    number = Decimal(repr(float(value)))
    return Literal(number) if number.is_finite() else None


_Props = list[tuple[URIRef, "URIRef | Literal | None"]]


Triple = tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]


class TripleSet:
    """The triples of a build as the Turtle writer will print them: subject -> predicate -> objects,
    each term formatted once on arrival. No rdflib indexes and no term objects are kept, so a build's
    graph costs a fraction of an rdflib Graph's memory."""

    def __init__(self) -> None:
        from kg.turtle import TurtleTerms  # kg.turtle imports this module, so not at load time

        self._format = TurtleTerms(namespaces())
        self.subjects: dict[str, dict[str, set[str]]] = {}
        self._count = 0

    def add(self, triple: Triple) -> None:
        s, p, o = map(self._format, triple)
        objects = self.subjects.setdefault(s, {}).setdefault(p, set())
        if o not in objects:
            objects.add(o)
            self._count += 1

    def __len__(self) -> int:
        return self._count


class _Builder:
    """Accumulates triples for documents and events, then for the actors they referred to."""

    def __init__(self, graph: rdflib.Graph | TripleSet, actor_info: ActorInfo | None) -> None:
        self.graph = graph
        self.actor_info = actor_info
        self.actors: dict[str, ActorMention] = {}  # specific id -> first mention seen
        self.codes: set[str] = set()  # code-level actors referred to
        self.event_docs: dict[str, str] = {}

    def add(self, subject: URIRef, kind: URIRef | None, props: _Props) -> None:
        if kind is not None:
            self.graph.add((subject, RDF.type, kind))
        for predicate, obj in props:
            if obj is not None:
                self.graph.add((subject, predicate, obj))

    def document(self, result: DocumentResult) -> None:
        clean, doc = result.clean, result.clean.doc
        iri = mint_iri("doc", doc.id)
        self.add(iri, KG.Document, [
            (SCHEMA.identifier, Literal(doc.id)), (SCHEMA.headline, _lit(clean.title)),
            (SCHEMA.url, _lit(doc.url)), (SCHEMA.publisher, _lit(doc.publisher)),
            (SCHEMA.datePublished, _published(clean.published) if clean.published else None),
            (KG.dateSource, _lit(clean.date_source)), (KG.nSentences, Literal(int(result.n_sentences))),
        ])
        for event in sorted(result.events, key=lambda e: e.id):
            self.event(event, iri)

    def event(self, event: Event, doc_iri: URIRef) -> None:
        previous = self.event_docs.setdefault(event.id, event.doc)
        if previous != event.doc:
            raise GraphError(f"event id {event.id} is used in documents {previous} and {event.doc}")
        iri, kind = mint_iri("event", event.id), event.type
        if event.attributed_to:
            self.codes.add(event.attributed_to)
        self.add(iri, KG.Event, [
            (SCHEMA.identifier, Literal(event.id)), (KG.document, doc_iri),
            (KG.cameo, Literal(kind.cameo)), (KG.cameoRoot, Literal(kind.root)),
            (KG.typeLabel, _lit(kind.label)), (KG.plover, _lit(kind.plover)),
            (KG.quadClass, Literal(int(kind.quad_class))), (KG.goldstein, _goldstein(kind.goldstein)),
            (KG.modality, Literal(event.modality)),
            (SEM.accordingTo, mint_iri("actor", event.attributed_to) if event.attributed_to else None),
        ])
        self.participant(iri, event.id, "source", event.source)
        self.participant(iri, event.id, "target", event.target)
        self.date(iri, event.id, event.date)
        for index, mention in enumerate(event.mentions, start=1):
            self.mention(iri, f"{event.id}.{index}", mention, doc_iri)

    def participant(self, event_iri: URIRef, event_id: str, role: str, actor: ActorMention) -> None:
        self.actors.setdefault(actor.id, actor)
        self.codes.add(actor.code)
        actor_iri, role_iri = mint_iri("actor", actor.id), mint_iri("role", f"{event_id}.{role}")
        # The direct kg:source/kg:target link is what queries use; the sem:Role node is SEM's pattern.
        self.add(event_iri, None, [
            (KG[role], actor_iri), (KG[f"{role}Text"], _lit(actor.text)), (SEM.hasActor, role_iri),
        ])
        role_type = KG.SourceRole if role == "source" else KG.TargetRole
        self.add(role_iri, SEM.Role, [(RDF.value, actor_iri), (SEM.roleType, role_type)])

    def date(self, event_iri: URIRef, event_id: str, when: EventDate) -> None:
        if when.value is None and when.text is None:
            return
        iri = mint_iri("date", event_id)
        self.add(event_iri, None, [(SEM.hasTime, iri)])
        self.add(iri, KG.Date, [
            (KG.value, _lit(when.value)), (TIME.unitType, GRANULARITY_UNITS.get(when.granularity or "")),
            (KG.dateText, _lit(when.text)), (KG.resolved, Literal(bool(when.resolved))),
            (KG.start, _lit(when.start)), (KG.end, _lit(when.end)),
        ])

    def mention(self, event_iri: URIRef, key: str, mention: EventMention, doc_iri: URIRef) -> None:
        iri, rule_iri = mint_iri("mention", key), mint_iri("rule", mention.rule)
        has_trigger_span = mention.trigger_start is not None and mention.trigger_end is not None
        self.add(event_iri, None, [(KG.mention, iri)])
        self.add(iri, KG.Mention, [
            (KG.document, doc_iri), (KG.sentence, Literal(mention.sentence)),
            (KG.sentenceIndex, Literal(int(mention.sentence_index))),
            (KG.start, Literal(int(mention.start))), (KG.end, Literal(int(mention.end))),
            (KG.trigger, _lit(mention.trigger)),
            (KG.triggerStart, _lit(mention.trigger_start) if has_trigger_span else None),
            (KG.triggerEnd, _lit(mention.trigger_end) if has_trigger_span else None),
            (KG.sourceText, _lit(mention.source_text)), (KG.targetText, _lit(mention.target_text)),
            (KG.rule, Literal(mention.rule)), (PROV.wasGeneratedBy, rule_iri),
        ])
        self.add(rule_iri, KG.Rule, [(SCHEMA.name, Literal(mention.rule))])

    def info(self, actor_id: str) -> Mapping[str, Any]:
        if self.actor_info is None:
            return {}
        try:
            return self.actor_info(actor_id) or {}
        except (LookupError, KgError):  # an id the lexicon does not know keeps what the record says
            return {}

    def actor(self, actor_id: str, code: str, fields: Mapping[str, Any]) -> None:
        def text(key: str, lang: str | None = None) -> Literal | None:
            value = fields.get(key)
            return Literal(value, lang=lang) if isinstance(value, str) and value else None

        qid = fields.get("wikidata")
        self.add(mint_iri("actor", actor_id), KG.Actor, [
            (SCHEMA.identifier, Literal(actor_id)), (KG.code, Literal(code)),
            (KG.rollsUpTo, mint_iri("actor", code)),
            (SCHEMA.name, text("label", "id")), (SCHEMA.name, text("label_en", "en")),
            (KG.actorType, text("type")), (KG.country, text("country")),
            (OWL.sameAs, WD[qid] if isinstance(qid, str) and WIKIDATA_ID.fullmatch(qid) else None),
            (KG.isoAlpha2, text("iso_alpha2")), (KG.isoAlpha3, text("iso_alpha3")),
        ])

    def finish(self) -> None:
        for actor_id in sorted(self.actors):
            mention = self.actors[actor_id]
            fields = {"label": mention.label, "label_en": mention.label_en, "type": mention.type,
                      "country": mention.country}
            self.actor(actor_id, mention.code, _merge(fields, self.info(actor_id)))
        for code in sorted(self.codes - set(self.actors)):
            self.actor(code, code, _merge({"type": self.code_type(code)}, self.info(code)))

    def code_type(self, code: str) -> str:
        """A guess at the type of a code-level actor seen only through its members (actor_info wins)."""
        members = [m for m in self.actors.values() if m.code == code]
        if any(m.country == code for m in members) or re.fullmatch(r"[A-Z]{3}", code):
            return "state"
        if any(m.type == "armed_group" for m in members):
            return "armed_group"
        return "organisation"


def _merge(known: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """What the record says wins, so the graph agrees with events.jsonl; actor_info fills the gaps
    (and is the only source of Wikidata ids)."""
    merged = {key: value for key, value in extra.items() if value is not None}
    merged.update({key: value for key, value in known.items() if value is not None})
    return merged


def _build(results: Iterable[DocumentResult], sink: rdflib.Graph | TripleSet, actor_info: ActorInfo | None) -> None:
    builder = _Builder(sink, actor_info)
    seen: set[str] = set()
    for result in sorted(results, key=lambda r: r.clean.doc.id):
        doc_id = result.clean.doc.id
        if doc_id in seen:
            raise GraphError(f"document id {doc_id} appears twice in the input")
        seen.add(doc_id)
        builder.document(result)
    builder.finish()


def build_graph(results: Iterable[DocumentResult], actor_info: ActorInfo | None = None) -> rdflib.Graph:
    """The knowledge graph of these documents; actor_info(id) may add label, label_en, type, wikidata."""
    graph = new_graph()
    _build(results, graph, actor_info)
    return graph


def build_triples(results: Iterable[DocumentResult], actor_info: ActorInfo | None = None) -> TripleSet:
    """The same triples as build_graph, collected for writing only (what `kg build` uses)."""
    triples = TripleSet()
    _build(results, triples, actor_info)
    return triples


# ---------------------------------------------------------------- re-exports

# Much of kg (and its tests) imports the Turtle writer and graph readers from here, where they used to
# live. kg.turtle imports this module, so importing it back at load time (even at the bottom) would make
# a cycle that breaks whenever kg.turtle is the one imported first: the names are fetched on first use.
_TURTLE_NAMES = frozenset({"GRAPH_FORMATS", "graph_format", "load_graph", "parse_file", "turtle", "write_turtle"})


def __getattr__(name: str) -> object:
    if name not in _TURTLE_NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("kg.turtle"), name)
    globals()[name] = value  # later reads are plain attribute reads (and monkeypatching works as before)
    return value
