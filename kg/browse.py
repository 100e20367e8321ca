"""`kg timeline`, `kg actors`, `kg events`: browse the actors and events of a graph from the terminal.

All three read the networkx view of the graph (kg.network: one node per actor code, one edge per
event) and print an aligned table, CSV or JSON through the same renderer as `kg query`.
"""

from __future__ import annotations

import argparse
import difflib
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import KgError, QueryError
from kg.network import graph_from_file
from kg.queries import DEFAULT_GRAPH, FORMATS, Cell, QueryResult, render, terminal_safe
from kg.trace import Filters, date_arg, resolve_actor, types_arg

MODALITIES = ("asserted", "planned", "possible", "alleged", "denied", "negated")
EVENT_SORTS = ("date", "type", "goldstein")
ACTOR_SORTS = ("events", "name", "code")
_MIN_EVIDENCE = 30  # narrower than this an evidence cell says nothing; let the line wrap instead
_PUBLISHED_NOTE = "(a date in parentheses is the article's publication date: the event itself is undated)"

Edge = dict[str, Any]


# ---------------------------------------------------------------- selecting events

@dataclass(frozen=True)
class EventFilter:
    """Which events to keep: a date window and CAMEO prefixes (as in `kg trace`), modalities, an
    actor code on either side, a document id."""

    window: Filters = field(default_factory=Filters)
    modalities: tuple[str, ...] = ()
    actor: str | None = None
    doc: str | None = None

    def keep(self, edge: Edge) -> bool:
        if self.actor is not None and self.actor not in (edge["source_code"], edge["target_code"]):
            return False
        if self.modalities and edge.get("modality") not in self.modalities:
            return False
        if self.doc is not None and edge.get("doc") != self.doc:
            return False
        return self.window.keep(edge)


def all_events(network: nx.MultiDiGraph) -> list[Edge]:
    """Every event of the view as one dict: the edge attributes plus source_code and target_code."""
    return [{**attrs, "source_code": source, "target_code": target}
            for source, target, attrs in network.edges(data=True)]


def select_events(network: nx.MultiDiGraph, where: EventFilter = EventFilter()) -> list[Edge]:
    return [edge for edge in all_events(network) if where.keep(edge)]


def date_key(edge: Edge) -> tuple[int, str, str, str]:
    """Events with a date of their own first, in date order; then undated ones by the date of their
    article; then those with neither. Ties by document and event id, so the order is total."""
    if edge.get("date"):
        rank, day = 0, str(edge["date"])
    elif edge.get("doc_date"):
        rank, day = 1, str(edge["doc_date"])[:10]
    else:
        rank, day = 2, ""
    return rank, day, str(edge.get("doc") or ""), str(edge.get("event_id"))


def _goldstein_key(edge: Edge) -> tuple[bool, float, tuple[int, str, str, str]]:
    score = edge.get("goldstein")
    return score is None, float(score) if score is not None else 0.0, date_key(edge)


_SORT_KEYS: dict[str, Callable[[Edge], Any]] = {
    "date": date_key,
    "type": lambda edge: (str(edge.get("cameo") or ""), date_key(edge)),
    "goldstein": _goldstein_key,  # most hostile first
}


def sort_events(edges: Iterable[Edge], by: str = "date") -> list[Edge]:
    if by not in _SORT_KEYS:
        raise QueryError(f"cannot sort events by {by!r}; expected one of {', '.join(EVENT_SORTS)}")
    return sorted(edges, key=_SORT_KEYS[by])


def timeline(network: nx.MultiDiGraph, code: str, where: EventFilter = EventFilter()) -> list[Edge]:
    """The events of one actor code in date order, each with its direction and counterpart."""
    rows = []
    mine = EventFilter(where.window, where.modalities, code, where.doc)
    for edge in sort_events(select_events(network, mine)):
        source, target = edge["source_code"], edge["target_code"]
        direction = "self" if source == target else "->" if source == code else "<-"
        rows.append({**edge, "direction": direction, "counterpart": target if source == code else source})
    return rows


def known_doc(network: nx.MultiDiGraph, doc: str, graph_name: str = "the graph") -> str:
    """The document id itself when the graph has events from it; else a KgError naming close ids."""
    docs = sorted({str(attrs.get("doc")) for _, _, attrs in network.edges(data=True) if attrs.get("doc")})
    if doc in docs:
        return doc
    close = [d for d in docs if d.startswith(doc)][:3]
    close = close or difflib.get_close_matches(doc, docs, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else f" ({len(docs)} documents have events)"
    raise KgError(f"no events from document {doc!r} in {graph_name}{hint}")


# ---------------------------------------------------------------- actors

def actor_rows(network: nx.MultiDiGraph, sort: str = "events",
               kind: str | None = None) -> list[dict[str, Any]]:
    """One row per actor code: names, type, events it takes part in, as source and as target."""
    as_source: Counter[str] = Counter()
    as_target: Counter[str] = Counter()
    events: Counter[str] = Counter()
    for source, target in network.edges():
        as_source[source] += 1
        as_target[target] += 1
        events.update({source, target})  # an event of an actor with itself counts once
    types = sorted({str(t) for _, t in network.nodes(data="type") if t})
    if kind is not None and kind not in types:
        raise KgError(f"no actors of type {kind!r} in the graph; types present: {', '.join(types) or 'none'}")
    rows = [
        {"code": code, "label": attrs.get("label"), "label_en": attrs.get("label_en"),
         "type": attrs.get("type"), "events": events[code], "as_source": as_source[code],
         "as_target": as_target[code], "members": len(attrs.get("members") or []),
         "wikidata": attrs.get("wikidata")}
        for code, attrs in network.nodes(data=True)
        if kind is None or attrs.get("type") == kind
    ]
    keys: dict[str, Callable[[dict[str, Any]], Any]] = {
        "events": lambda r: (-r["events"], r["code"]),
        "name": lambda r: (str(r["label"] or r["code"]).casefold(), r["code"]),
        "code": lambda r: r["code"],
    }
    if sort not in keys:
        raise QueryError(f"cannot sort actors by {sort!r}; expected one of {', '.join(ACTOR_SORTS)}")
    return sorted(rows, key=keys[sort])


# ---------------------------------------------------------------- output

def shown_date(edge: Edge) -> str:
    """The event's date; else its article's date in parentheses; else the unresolved words."""
    if edge.get("date"):
        return str(edge["date"])
    if edge.get("doc_date"):
        return f"({str(edge['doc_date'])[:10]})"
    if edge.get("date_text"):
        return f"? {edge['date_text']}"
    return ""


def _type(edge: Edge) -> str:
    return f"{edge.get('cameo') or ''} {edge.get('label') or ''}".strip()


def _cut(text: str, width: int) -> str:
    text = terminal_safe(text)
    return text if width <= 0 or len(text) <= width else text[: max(width - 1, 1)] + "…"


def _table_with_evidence(columns: Sequence[str], rows: list[list[str]], evidence: list[str],
                         total: int, width: int | None) -> str:
    """An aligned table whose last column (the evidence) takes what is left of the terminal width."""
    if width is None:
        width = shutil.get_terminal_size((120, 24)).columns
    used = sum(max([len(c)] + [len(r[i]) for r in rows]) + 2 for i, c in enumerate(columns))
    room = 0 if width <= 0 else max(width - used, _MIN_EVIDENCE)
    cells = [row + [_cut(text, room)] for row, text in zip(rows, evidence)]
    result = QueryResult((*columns, "evidence"), [tuple(r) for r in cells], total)
    return render(result, "table", 0)


def _records(columns: Sequence[str], edges: Iterable[Edge]) -> list[tuple[Cell, ...]]:
    return [tuple(edge.get(c) for c in columns) for edge in edges]


TIMELINE_COLUMNS = ("event_id", "date", "date_granularity", "date_text", "doc_date", "direction",
                    "counterpart", "source_code", "target_code", "cameo", "label", "quad_class", "goldstein",
                    "modality", "attributed_to", "doc", "evidence")
EVENT_COLUMNS = ("event_id", "date", "date_granularity", "date_text", "doc_date", "source_code",
                 "target_code", "source_id", "target_id", "cameo", "label", "quad_class", "goldstein",
                 "modality", "attributed_to", "doc", "n_mentions", "evidence")


def format_timeline(network: nx.MultiDiGraph, code: str, rows: list[Edge], fmt: str,
                    width: int | None = None) -> str:
    if fmt != "table":
        return render(QueryResult(TIMELINE_COLUMNS, _records(TIMELINE_COLUMNS, rows), len(rows)), fmt)
    attrs = network.nodes[code]
    names = " / ".join(dict.fromkeys(str(n) for n in (attrs.get("label"), attrs.get("label_en")) if n))
    out = sum(r["direction"] in ("->", "self") for r in rows)
    into = sum(r["direction"] in ("<-", "self") for r in rows)
    head = f"{code}  {terminal_safe(names)}: {len(rows)} events, {out} as source, {into} as target\n\n"
    cells = [[shown_date(r), r["direction"], r["counterpart"], _type(r), str(r.get("modality") or ""),
              str(r.get("doc") or "")] for r in rows]
    table = _table_with_evidence(("date", "dir", "with", "type", "modality", "doc"), cells,
                                 [str(r.get("evidence") or "") for r in rows], len(rows), width)
    return head + table + _note(rows)


def format_events(rows: list[Edge], total: int, fmt: str, width: int | None = None) -> str:
    if fmt != "table":
        return render(QueryResult(EVENT_COLUMNS, _records(EVENT_COLUMNS, rows), total), fmt)
    cells = [[shown_date(r), r["source_code"], r["target_code"], _type(r), str(r.get("modality") or ""),
              "" if r.get("goldstein") is None else f"{float(r['goldstein']):+.1f}", str(r.get("doc") or "")]
             for r in rows]
    table = _table_with_evidence(("date", "source", "target", "type", "modality", "goldstein", "doc"), cells,
                                 [str(r.get("evidence") or "") for r in rows], total, width)
    return table + _note(rows)


def _note(rows: list[Edge]) -> str:
    return _PUBLISHED_NOTE + "\n" if any(shown_date(r).startswith("(") for r in rows) else ""


def format_actors(rows: list[dict[str, Any]], fmt: str) -> str:
    columns = ("code", "label", "label_en", "type", "events", "as_source", "as_target", "members", "wikidata")
    return render(QueryResult(columns, [tuple(r[c] for c in columns) for r in rows], len(rows)), fmt, 40)


# ---------------------------------------------------------------- command line

def _modalities_arg(text: str) -> tuple[str, ...]:
    wanted = tuple(sorted({m.strip().lower() for m in text.split(",") if m.strip()}))
    bad = [m for m in wanted if m not in MODALITIES]
    if bad or not wanted:
        raise argparse.ArgumentTypeError(f"expected some of {','.join(MODALITIES)}, got {text!r}")
    return wanted


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"expected a whole number (0: all), got {text!r}")
    return int(text)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--graph", type=Path, metavar="FILE", default=DEFAULT_GRAPH,
                        help=f"graph file (default {DEFAULT_GRAPH})")
    parser.add_argument("--format", choices=FORMATS, default="table")


def _event_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=date_arg, metavar="DATE",
                        help="only events on or after this date (event date, else publication date; "
                             "undated events are left out)")
    parser.add_argument("--until", type=date_arg, metavar="DATE", help="only events on or before this date")
    parser.add_argument("--types", "--type", dest="types", type=types_arg, default=(), metavar="CODES",
                        help="only these CAMEO codes or roots, e.g. 07,163")
    parser.add_argument("--modality", type=_modalities_arg, default=(), metavar="LIST",
                        help=f"only these modalities (comma-separated: {', '.join(MODALITIES)})")
    parser.add_argument("--doc", metavar="ID", help="only events read from this document id")
    parser.add_argument("--width", type=int, default=None, metavar="COLUMNS",
                        help="table width the evidence column is cut to fit "
                             "(default: the terminal's; 0: no cut)")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    t = subparsers.add_parser(
        "timeline", help="an actor's events in date order, with the evidence for each",
        description="The events of one actor (code, Indonesian or English name, or alias) in date order; "
                    "undated events last, shown with their article's publication date when known.")
    t.add_argument("actor", help="actor code, name or alias")
    _common(t)
    _event_filters(t)
    t.set_defaults(func=run_timeline)

    a = subparsers.add_parser("actors", help="the actors of the graph with their event counts")
    _common(a)
    a.add_argument("--sort", choices=ACTOR_SORTS, default="events", help="order (default: most events first)")
    a.add_argument("--type", dest="kind", metavar="TYPE",
                   help="only actors of this type (state, organisation, ...)")
    a.set_defaults(func=run_actors)

    e = subparsers.add_parser("events", help="list and filter the events of the graph")
    _common(e)
    e.add_argument("--actor", metavar="ACTOR",
                   help="only events with this actor (code, name or alias) on either side")
    _event_filters(e)
    e.add_argument("--sort", choices=EVENT_SORTS, default="date",
                   help="date (undated last), type (CAMEO code) or goldstein (most hostile first)")
    e.add_argument("--limit", type=_count, default=50, metavar="N", help="rows to print (0: all; default 50)")
    e.set_defaults(func=run_events)


def _filter(args: argparse.Namespace, network: nx.MultiDiGraph, actor: str | None) -> EventFilter:
    doc = known_doc(network, args.doc, str(args.graph)) if args.doc else None
    return EventFilter(Filters(args.since, args.until, tuple(args.types)), tuple(args.modality), actor, doc)


def run_timeline(args: argparse.Namespace) -> int:
    network = graph_from_file(args.graph)
    code = resolve_actor(network, args.actor, str(args.graph))
    rows = timeline(network, code, _filter(args, network, None))
    print(format_timeline(network, code, rows, args.format, args.width), end="")
    return 0


def run_actors(args: argparse.Namespace) -> int:
    network = graph_from_file(args.graph)
    print(format_actors(actor_rows(network, args.sort, args.kind), args.format), end="")
    return 0


def run_events(args: argparse.Namespace) -> int:
    network = graph_from_file(args.graph)
    actor = resolve_actor(network, args.actor, str(args.graph)) if args.actor else None
    rows = sort_events(select_events(network, _filter(args, network, actor)), args.sort)
    shown = rows if args.limit == 0 else rows[: args.limit]
    print(format_events(shown, len(rows), args.format, args.width), end="")
    if len(rows) > len(shown):
        print(f"{len(rows) - len(shown)} more events not shown (of {len(rows)}; use --limit 0 for all)",
              file=sys.stderr)
    return 0
