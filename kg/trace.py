"""`kg trace A B`: how two actors are connected, hop by hop, with the evidence for each hop.

Works on the networkx view (kg.network): paths over its undirected form, each hop listing the
events between the two actors with their direction, type, date, modality, sentence and document.
"""

from __future__ import annotations

import argparse
import difflib
import itertools
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ActorNotFound, KgError, QueryError
from kg.network import graph_from_file
from kg.queries import DEFAULT_GRAPH, terminal_safe

_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_MAX_ENUMERATED = 100_000  # simple paths looked at before sorting; keeps --all bounded on hubs
_EVIDENCE_WIDTH = 300


@dataclass(frozen=True)
class Filters:
    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()

    def keep(self, edge: dict[str, Any]) -> bool:
        if self.types and not str(edge.get("cameo") or "").startswith(self.types):
            return False
        if self.since is None and self.until is None:
            return True
        when = event_day(edge)
        if when is None:
            return False  # a date window cannot vouch for an undated event
        # compare at the coarser of the two precisions: "2022-11" is within "since 2022-11-15"
        if self.since is not None and when[: len(self.since)] < self.since[: len(when)]:
            return False
        return not (self.until is not None and when[: len(self.until)] > self.until[: len(when)])


@dataclass(frozen=True)
class Hop:
    start: str
    end: str
    events: tuple[dict[str, Any], ...]  # all events between the two, oriented along the path


@dataclass(frozen=True)
class Trace:
    a: str
    b: str
    paths: tuple[tuple[Hop, ...], ...]
    n_paths: int  # before --limit
    shortest: int | None  # hops of the shortest connection, even when longer than --max-hops
    max_hops: int


def event_day(edge: dict[str, Any]) -> str | None:
    """The event's own date, else the day its article was published."""
    date = edge.get("date")
    if date:
        return str(date)
    published = edge.get("doc_date")
    return str(published)[:10] if published else None


# ---------------------------------------------------------------- actor names

def _graph_names(network: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Every name the graph knows (code, labels, member ids and labels), casefolded -> codes."""
    names: dict[str, set[str]] = {}
    for code, attrs in network.nodes(data=True):
        keys = [code, attrs.get("label"), attrs.get("label_en")]
        for member in attrs.get("members") or []:
            keys += [member.get("id"), member.get("label")]
        for key in keys:
            if key:
                names.setdefault(str(key).casefold(), set()).add(code)
    return names


def _lexicon_lookup(name: str) -> list[tuple[str, str, str]]:
    """(id, code, label) matches from kg.actors when it is available (written alongside this module)."""
    try:
        from kg.actors import ActorMatcher
    except ImportError:
        return []
    try:
        return [(str(i), str(c), str(label)) for i, c, label in ActorMatcher.load().lookup(name)]
    except KgError:
        return []


def _describe(network: nx.MultiDiGraph, code: str) -> str:
    label = network.nodes[code].get("label") if code in network else None
    return f"{label} ({code})" if label and label != code else code


def resolve_actor(network: nx.MultiDiGraph, name: str, graph_name: str = "the graph") -> str:
    """The node code an actor name (code, Indonesian or English name, alias) refers to."""
    wanted = " ".join(name.split()).casefold()
    codes = sorted(_graph_names(network).get(wanted, set()))
    if not codes:
        lexicon = _lexicon_lookup(name)
        codes = sorted({code for _, code, _ in lexicon if code in network})
        if lexicon and not codes:
            _, code, label = lexicon[0]
            raise ActorNotFound(f"{name!r} is {label} ({code}), which has no events in {graph_name}")
    if len(codes) == 1:
        return codes[0]
    if codes:
        options = ", ".join(_describe(network, c) for c in codes)
        raise ActorNotFound(f"{name!r} is ambiguous: {options}; give a code")
    names = _graph_names(network)
    close = difflib.get_close_matches(wanted, sorted(names), n=5, cutoff=0.6)
    suggestions = sorted({_describe(network, code) for key in close for code in names[key]})
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    raise ActorNotFound(f"unknown actor {name!r} in {graph_name}{hint}")


# ---------------------------------------------------------------- paths

_PairEvents = dict[frozenset[str], list[dict[str, Any]]]


def _undirected(network: nx.MultiDiGraph, filters: Filters) -> tuple[nx.Graph, _PairEvents]:
    """The simple undirected graph of actor pairs with at least one kept event, and those events."""
    events: _PairEvents = {}
    for source, target, attrs in network.edges(data=True):
        if filters.keep(attrs):
            edge = {**attrs, "source_code": source, "target_code": target}
            events.setdefault(frozenset((source, target)), []).append(edge)
    simple = nx.Graph()
    simple.add_nodes_from(network.nodes)
    simple.add_edges_from(sorted(tuple(sorted(pair)) for pair in events if len(pair) == 2))
    return simple, events


def _hop(start: str, end: str, events: Iterable[dict[str, Any]]) -> Hop:
    def order(edge: dict[str, Any]) -> tuple[bool, str, str]:
        day = event_day(edge)
        return (day is None, day or "", str(edge.get("event_id")))

    oriented = [
        {**edge, "direction": "->" if edge.get("source_code") == start else "<-"}
        for edge in sorted(events, key=order)
    ]
    return Hop(start, end, tuple(oriented))


def trace(network: nx.MultiDiGraph, a: str, b: str, max_hops: int = 3, all_paths: bool = False,
          filters: Filters = Filters(), limit: int = 20) -> Trace:
    """Shortest paths (or, with all_paths, all simple paths) of at most max_hops between codes a and b."""
    if a == b:
        raise QueryError(f"both actors are {a}; give two different actors")
    missing = [code for code in (a, b) if code not in network]
    if missing:
        raise ActorNotFound(f"no actor {', '.join(missing)} in the graph")
    simple, events = _undirected(network, filters)
    try:
        shortest: int | None = nx.shortest_path_length(simple, a, b)
    except nx.NetworkXNoPath:
        shortest = None
    found: list[list[str]] = []
    if shortest is not None and shortest <= max_hops:
        if all_paths:
            generator = nx.all_simple_paths(simple, a, b, cutoff=max_hops)
        else:
            generator = nx.all_shortest_paths(simple, a, b)
        found = list(itertools.islice(generator, _MAX_ENUMERATED))

    def strength(path: list[str]) -> tuple[int, int, list[str]]:
        weakest = min(len(events[frozenset(pair)]) for pair in itertools.pairwise(path))
        return (len(path), -weakest, path)

    found.sort(key=strength)
    paths = tuple(
        tuple(_hop(x, y, events[frozenset((x, y))]) for x, y in itertools.pairwise(path))
        for path in found[:limit]
    )
    return Trace(a, b, paths, len(found), shortest, max_hops)


# ---------------------------------------------------------------- output

def _when(edge: dict[str, Any]) -> str:
    if edge.get("date"):
        return str(edge["date"])
    if edge.get("date_text"):
        return f"'{terminal_safe(str(edge['date_text']))}' (unresolved)"
    if edge.get("doc_date"):
        return f"published {str(edge['doc_date'])[:10]}"
    return "undated"


def _event_lines(start: str, end: str, edge: dict[str, Any]) -> list[str]:
    arrow = f"{start} {edge['direction']} {end}"
    kind = f"{edge.get('cameo')} {edge.get('label') or ''}".rstrip()
    parts = [arrow, kind, _when(edge), str(edge.get("modality"))]
    if edge.get("attributed_to"):
        parts.append(f"according to {edge['attributed_to']}")
    parts.append(f"doc {edge.get('doc')}")
    evidence = terminal_safe(str(edge.get("evidence") or ""))
    if len(evidence) > _EVIDENCE_WIDTH:
        evidence = evidence[: _EVIDENCE_WIDTH - 1] + "…"
    return ["      " + " | ".join(terminal_safe(p) for p in parts), f'        "{evidence}"']


def format_text(result: Trace, network: nx.MultiDiGraph, per_hop: int = 3) -> str:
    a, b = _describe(network, result.a), _describe(network, result.b)
    if not result.paths:
        if result.shortest is None:
            return f"{a} and {b} are not connected in this graph (with these filters).\n"
        return f"{a} and {b} are {result.shortest} hops apart, more than --max-hops {result.max_hops}.\n"
    kind = "path" if result.n_paths == 1 else "paths"
    hops = f"{result.shortest} hop{'s' if result.shortest != 1 else ''}"
    lines = [f"{a} -- {b}: {result.n_paths} {kind} (shortest {hops}, at most {result.max_hops})"]
    for number, path in enumerate(result.paths, start=1):
        nodes = [path[0].start] + [hop.end for hop in path]
        lines.append(f"\n{number}. " + " -- ".join(terminal_safe(_describe(network, n)) for n in nodes))
        for hop in path:
            count = len(hop.events)
            lines.append(f"   {hop.start} -- {hop.end}: {count} event{'s' if count != 1 else ''}")
            for edge in hop.events[:per_hop]:
                lines.extend(_event_lines(hop.start, hop.end, edge))
            if count > per_hop:
                lines.append(f"      ... and {count - per_hop} more (--per-hop)")
    if result.n_paths > len(result.paths):
        lines.append(f"\n{result.n_paths - len(result.paths)} more paths not shown (--limit)")
    return "\n".join(lines) + "\n"


_JSON_FIELDS = ("event_id", "direction", "source_code", "target_code", "cameo", "label", "quad_class",
                "goldstein", "modality", "date", "date_granularity", "date_text", "attributed_to",
                "doc", "doc_date", "evidence", "trigger", "n_mentions")


def format_json(result: Trace, network: nx.MultiDiGraph, per_hop: int = 3) -> str:
    def actor(code: str) -> dict[str, Any]:
        return {"code": code, "label": network.nodes[code].get("label")}

    paths = [
        {"nodes": [path[0].start] + [hop.end for hop in path],
         "hops": [{"from": hop.start, "to": hop.end, "n_events": len(hop.events),
                   "events": [{k: e.get(k) for k in _JSON_FIELDS} for e in hop.events[:per_hop]]}
                  for hop in path]}
        for path in result.paths
    ]
    body = {"a": actor(result.a), "b": actor(result.b), "max_hops": result.max_hops,
            "shortest": result.shortest, "n_paths": result.n_paths, "paths": paths}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- command line

def date_arg(text: str) -> str:
    """argparse type of --since/--until (shared by kg trace, timeline and events)."""
    if not _DATE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
    return text


def types_arg(text: str) -> tuple[str, ...]:
    """argparse type of --types: CAMEO codes or roots, sorted (shared by kg trace, timeline and events)."""
    codes = tuple(sorted({c.strip() for c in text.split(",") if c.strip()}))
    if not codes or any(not re.fullmatch(r"[0-9]{2,4}", c) for c in codes):
        raise argparse.ArgumentTypeError(f"expected CAMEO codes or roots like 07,163, got {text!r}")
    return codes


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {text!r}")
    return int(text)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "trace", help="how two actors are connected, with the evidence for each hop",
        description="Paths between two actors (by code, Indonesian or English name, or alias) over "
                    "the events of the graph, each hop with its events and evidence sentences.")
    parser.add_argument("a", help="first actor")
    parser.add_argument("b", help="second actor")
    parser.add_argument("--graph", type=Path, default=DEFAULT_GRAPH,
                        help=f"graph file (default {DEFAULT_GRAPH})")
    parser.add_argument("--max-hops", type=_positive, default=3, help="longest path to consider (default 3)")
    parser.add_argument("--since", type=date_arg, help="only events on or after this date (event date, "
                        "else publication date; undated events are left out)")
    parser.add_argument("--until", type=date_arg, help="only events on or before this date")
    parser.add_argument("--types", type=types_arg, default=(),
                        help="only these CAMEO codes or roots, e.g. 07,16")
    parser.add_argument("--all", action="store_true",
                        help="all simple paths up to --max-hops, not only the shortest")
    parser.add_argument("--limit", type=_positive, default=20, help="paths to print (default 20)")
    parser.add_argument("--per-hop", type=_positive, default=3, help="events to print per hop (default 3)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    network = graph_from_file(args.graph)
    a = resolve_actor(network, args.a, str(args.graph))
    b = resolve_actor(network, args.b, str(args.graph))
    filters = Filters(args.since, args.until, tuple(args.types))
    result = trace(network, a, b, args.max_hops, args.all, filters, args.limit)
    render = format_json if args.format == "json" else format_text
    print(render(result, network, args.per_hop), end="")
    return 0
