"""Graph files: the deterministic Turtle writer behind graph.ttl, and the readers of any graph file.

Prefixes and datatypes come from kg.rdf (the ontology); files are read through pyoxigraph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import rdflib
from rdflib import Literal, URIRef

from kg.errors import GraphError
from kg.output import atomic_writer
from kg.rdf import XSD, TripleSet, namespaces, new_graph

# ---------------------------------------------------------------- Turtle out

_PN_LOCAL = re.compile(r"(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9_.-]|%[0-9A-Fa-f]{2})*")
_IRI_UNSAFE = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_STRING_UNSAFE = re.compile(r'[\\"\x00-\x1f\x7f\ud800-\udfff]')
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_BARE = {
    "integer": re.compile(r"[+-]?[0-9]+"),
    "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    "double": re.compile(r"[+-]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+"),
    "boolean": re.compile(r"true|false"),
}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    if "\ud800" <= char <= "\udfff":
        return "\\uFFFD"  # a lone surrogate is not a character RDF can carry
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


class TurtleTerms:
    """Formats terms as Turtle, abbreviating IRIs with the ontology's prefixes (cached per IRI)."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = sorted(prefixes.items(), key=lambda item: (-len(item[1]), item[0]))
        self.cache: dict[rdflib.term.Node, str] = {}

    def iri(self, iri: str) -> str:
        for prefix, namespace in self.prefixes:
            local = iri[len(namespace) :]
            if iri.startswith(namespace) and (not local or _PN_LOCAL.fullmatch(local)) and local[-1:] != ".":
                return f"{prefix}:{local}"
        return "<" + _IRI_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04X}", iri) + ">"

    def literal(self, term: Literal) -> str:
        lexical = str(term)
        datatype = str(term.datatype) if term.datatype is not None else None
        if datatype is not None and datatype.startswith(str(XSD)):
            bare = _BARE.get(datatype[len(str(XSD)) :])
            if bare is not None and bare.fullmatch(lexical):
                return lexical
        quoted = '"' + _STRING_UNSAFE.sub(_escape_char, lexical) + '"'
        if term.language:
            return f"{quoted}@{term.language}"
        if datatype is not None and datatype != str(XSD.string):
            return f"{quoted}^^{self.iri(datatype)}"
        return quoted

    def __call__(self, term: rdflib.term.Node) -> str:
        text = self.cache.get(term)
        if text is None:
            if isinstance(term, URIRef):
                text = self.iri(str(term))
            elif isinstance(term, Literal):
                text = self.literal(term)
            elif isinstance(term, rdflib.BNode):  # kg mints no blank nodes; other graphs may have some
                text = "_:b" + hashlib.sha256(str(term).encode("utf-8", "surrogatepass")).hexdigest()[:16]
            else:
                raise GraphError(f"cannot write {type(term).__name__} terms as Turtle")
            if not isinstance(term, Literal):  # literals are mostly unique: caching them only costs memory
                self.cache[term] = text
        return text


Triples = Iterable[tuple[rdflib.term.Node, rdflib.term.Node, rdflib.term.Node]]


def _formatted(graph: Triples | TripleSet) -> dict[str, dict[str, set[str]]]:
    if isinstance(graph, TripleSet):
        return graph.subjects
    fmt = TurtleTerms(namespaces())
    subjects: dict[str, dict[str, set[str]]] = {}
    for s, p, o in graph:
        subjects.setdefault(fmt(s), {}).setdefault(fmt(p), set()).add(fmt(o))
    return subjects


def _turtle_lines(graph: Triples | TripleSet) -> Iterator[str]:
    """The lines of deterministic Turtle: fixed prefix block, subjects, predicates and objects sorted."""
    subjects = _formatted(graph)
    for prefix, iri in sorted(namespaces().items()):
        yield f"@prefix {prefix}: <{iri}> .\n"
    for subject in sorted(subjects):
        predicates = subjects[subject]
        order = sorted(predicates, key=lambda p: (p != "rdf:type", p))
        body = " ;\n    ".join(
            f"{'a' if p == 'rdf:type' else p} {', '.join(sorted(predicates[p]))}" for p in order
        )
        yield f"\n{subject} {body} .\n"


def turtle(graph: Triples | TripleSet) -> str:
    """Deterministic Turtle: fixed prefix block, subjects, predicates and objects in sorted order."""
    return "".join(_turtle_lines(graph))


def write_turtle(graph: Triples | TripleSet, path: Path) -> None:
    """Write the graph as deterministic Turtle, streamed, atomically (a reader never sees half a file)."""
    with atomic_writer(Path(path)) as fh:
        fh.writelines(_turtle_lines(graph))


# ---------------------------------------------------------------- any RDF in

GRAPH_FORMATS = {".ttl": "TURTLE", ".nt": "N_TRIPLES", ".nq": "N_QUADS", ".jsonld": "JSON_LD"}


def graph_format(path: Path) -> str:
    """The pyoxigraph RdfFormat name for a graph file; GraphError if missing or of unknown type."""
    fmt = GRAPH_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphError(f"{path}: unknown graph format; expected one of {', '.join(GRAPH_FORMATS)}")
    if not path.is_file():
        raise GraphError(f"{path}: graph file not found (run `kg build` first, or pass --graph)")
    return fmt


def _quads(path: Path) -> Iterator[Any]:
    import pyoxigraph as ox  # parses an order of magnitude faster than rdflib's own parsers

    fmt = graph_format(path)
    try:
        yield from ox.parse(path=str(path), format=getattr(ox.RdfFormat, fmt))
    except SyntaxError as exc:
        raise GraphError(f"{path}: not valid {fmt.replace('_', '-').lower()} ({_one_line(exc)})") from None
    except (OSError, ValueError) as exc:
        raise GraphError(f"{path}: cannot read graph ({_one_line(exc)})") from None


def parse_file(path: Path) -> Iterator[tuple[str, str, str, str | None]]:
    """(subject, predicate, object, object language) strings of a graph file, without rdflib terms."""
    for quad in _quads(Path(path)):
        obj = quad.object
        yield quad.subject.value, quad.predicate.value, obj.value, getattr(obj, "language", None)


def _to_rdflib(term: Any, xsd_string: str) -> rdflib.term.Node:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == xsd_string:  # rdflib tells "x" from "x"^^xsd:string; kg writes the former
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise GraphError(f"unsupported RDF term {term!r} (RDF-star triples are not used by kg)")


def load_graph(path: Path) -> rdflib.Graph:
    """Read a graph file (.ttl, .nt, .nq, .jsonld; named graphs are merged) into an rdflib Graph."""
    graph = new_graph()
    xsd_string = str(XSD.string)
    graph.addN(
        (_to_rdflib(q.subject, xsd_string), _to_rdflib(q.predicate, xsd_string),
         _to_rdflib(q.object, xsd_string), graph)
        for q in _quads(Path(path))
    )
    return graph


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]
