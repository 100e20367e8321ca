"""A synthetic graph of ~1M triples in kg's vocabulary: load and query with pyoxigraph versus rdflib.

The events are kg.model records (Zipf-distributed actors, CAMEO types from the lexicon, one dated
mention each) turned into RDF by kg.rdf.build_graph, so the graph has exactly the shape `kg build`
writes. Measured: loading N-Triples and Turtle, the bundled GROUP BY query `dyads`, and a 3-hop
path query (chains of fighting A -> B -> C -> D), written naively and as the bundled query `chains`
(the parameters pasted in here only because rdflib gets the same text). Target: pyoxigraph >= 10x
faster than rdflib.

    python bench/bench_graph.py [--triples 1000000] [--repeat 3] [--formats nt,ttl] [--record]
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import random
import re
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib
from common import base_parser, measured, report, script_command, table

from kg.lexicon import iter_jsonl, lexicon_path
from kg.model import (
    ActorMention,
    CleanDocument,
    Document,
    DocumentResult,
    Event,
    EventDate,
    EventMention,
    EventType,
)
from kg.queries import bundled_queries, open_store
from kg.rdf import build_graph, namespaces

SEED = 20240101
MODALITIES = ("asserted", "asserted", "asserted", "planned", "possible", "alleged", "denied", "negated")
TARGET = 10.0
RDFLIB_LIMIT = 300.0  # seconds an rdflib query may run before it is stopped and reported as "> limit"
# Chains of fighting (CAMEO root 19) from one actor, three hops deep: who fights whom it fights.
PATH_QUERY = """
SELECT ?b ?c ?d (COUNT(*) AS ?chains) WHERE {
  ?e1 kg:source actor:START ; kg:target ?b ; kg:cameoRoot "19" .
  ?e2 kg:source ?b ; kg:target ?c ; kg:cameoRoot "19" .
  ?e3 kg:source ?c ; kg:target ?d ; kg:cameoRoot "19" .
  FILTER(?b != actor:START && ?c != ?b && ?d != ?c)
}
GROUP BY ?b ?c ?d
ORDER BY DESC(?chains) ?b ?c ?d
LIMIT 25
"""
# ---------------------------------------------------------------- the synthetic graph


class Synth:
    """Deterministic synthetic documents and events in the shape of kg's records."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        states = [obj for _, obj in iter_jsonl(lexicon_path("countries.jsonl"))]
        self.actors = [ActorMention(0, 0, s["label"], s["id"], s["code"], s["label"], "state", s["label_en"])
                       for s in states]
        self.rng.shuffle(self.actors)
        # Zipf-like: a few actors (as USA, RUS, ISR in the news) take most events
        self.weights = [1 / (rank + 1) ** 1.1 for rank in range(len(self.actors))]
        self.types = [EventType(o["cameo"], o["label"], o["plover"], int(o["quad_class"]), float(o["goldstein"]))
                      for _, o in iter_jsonl(lexicon_path("cameo.jsonl")) if len(o["cameo"]) >= 3]

    def documents(self) -> Iterator[DocumentResult]:
        n = 0
        while True:
            yield self.document(n)
            n += 1

    def document(self, n: int) -> DocumentResult:
        day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}"
        doc = Document(id=f"syn-{n:07d}", text="", title=f"Artikel sintetis {n}", date=day,
                       url=f"https://example.org/{n}", publisher="sintetis", origin="synthetic")
        clean = CleanDocument(doc, doc.title, day, "metadata", ())
        events = tuple(self.event(doc.id, k, day) for k in range(self.rng.randint(1, 4)))
        return DocumentResult(clean=clean, n_sentences=20, events=events)

    def event(self, doc_id: str, k: int, day: str) -> Event:
        source, target = self.rng.choices(self.actors, self.weights, k=2)
        if target.id == source.id:
            target = self.rng.choice(self.actors)
        kind = self.rng.choice(self.types)
        start = 100 * k
        sentence = f"{source.label} {kind.label} {target.label} pada {day}."
        mention = EventMention(sentence, k, start, start + len(sentence), kind.label, f"synthetic.{kind.cameo}",
                               start + len(source.label) + 1, start + len(source.label) + 1 + len(kind.label),
                               source.label, target.label)
        event_id = "ev-" + hashlib.sha1(f"{doc_id}/{k}".encode()).hexdigest()[:16]
        date = EventDate(day, "day", day, True, start, start + 10)
        return Event(event_id, doc_id, source, target, kind, self.rng.choice(MODALITIES), None, date, (mention,))


def write_synthetic(path: Path, triples: int, chunk: int = 250) -> tuple[int, int]:
    """Write at least `triples` distinct triples as N-Triples; returns (triples, events)."""
    synth, seen, events = Synth(), set[str](), 0
    docs = synth.documents()
    with path.open("w", encoding="utf-8") as out:
        while len(seen) < triples:
            batch = [next(docs) for _ in range(chunk)]
            events += sum(len(r.events) for r in batch)
            for line in build_graph(batch).serialize(format="nt", encoding="utf-8").decode().splitlines():
                if line and line not in seen:  # actors and rules recur in every chunk
                    seen.add(line)
                    out.write(line + "\n")
    return len(seen), events


def start_actor(store: ox.Store) -> str:
    """The code of a middling fighter: the 10th most frequent source of CAMEO root 19 events."""
    query = prefixed("""SELECT ?a (COUNT(*) AS ?n) WHERE { ?e kg:source ?a ; kg:cameoRoot "19" }
                        GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 10""")
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    last = list(solutions)[-1]["a"]
    assert isinstance(last, ox.NamedNode)
    return last.value.rsplit("/", 1)[1]


# ---------------------------------------------------------------- running


def prefixed(query: str) -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in namespaces().items()) + query


def rows_of(result: Any) -> list[tuple[str, ...]]:
    """Solutions as comparable tuples of strings (numbers normalised), from either engine."""
    rows = []
    for solution in result:
        cells = []
        for term in solution:
            value = getattr(term, "value", term)
            if isinstance(term, rdflib.Literal):
                value = term.toPython()
            elif isinstance(term, ox.Literal) and term.datatype.value.endswith(("#decimal", "#double", "#integer")):
                value = Decimal(term.value)
            if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
                value = f"{float(value):.6g}"
            cells.append(str(value))
        rows.append(tuple(cells))
    return rows


def best(repeat: int, work: Callable[[], Any]) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - t0)
    return min(times), result


def load_rows(path: Path, fmt: str) -> tuple[list[list[object]], rdflib.Graph, ox.Store]:
    with measured() as ox_m:
        store = open_store(path)
    with measured() as rdf_m:
        graph = rdflib.Graph().parse(path, format={"nt": "nt", "ttl": "turtle"}[fmt])
    assert len(graph) == len(store), (len(graph), len(store))
    row = [f"load {fmt} ({len(store):,} triples)", round(rdf_m.wall, 1), round(ox_m.wall, 2),
           f"{rdf_m.wall / ox_m.wall:.0f}x"]
    return [row], graph, store


def rdflib_limited(graph: rdflib.Graph, text: str, repeat: int, limit: float) -> tuple[float, Any] | str | None:
    """best(repeat, rdflib query) in a forked child (it shares the loaded graph): the timing, None past
    `limit` seconds, or the error rdflib raised, as text."""
    ctx = mp.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def work() -> None:
        try:
            send.send(best(repeat, lambda: rows_of(graph.query(text))))
        except Exception as exc:  # noqa: BLE001 - rdflib failing is a result to report, not a crash
            send.send(f"{type(exc).__name__}: {exc}")

    child = ctx.Process(target=work)
    child.start()
    done = receive.poll(limit)
    result = receive.recv() if done else None
    child.terminate()
    child.join()
    return result


def chains_by_hand(graph: rdflib.Graph, start: str) -> list[tuple[str, ...]]:
    """PATH_QUERY's answer from rdflib's triple API: what a program does where rdflib's SPARQL
    planner gives up (it runs the three `kg:cameoRoot "19"` patterns first, as a cross product)."""
    kg, fight = rdflib.Namespace(namespaces()["kg"]), rdflib.Literal("19")
    cache: dict[rdflib.term.Node, list[rdflib.term.Node]] = {}

    def targets(actor: rdflib.term.Node) -> list[rdflib.term.Node]:
        if actor not in cache:
            events = [e for e in graph.subjects(kg.source, actor) if (e, kg.cameoRoot, fight) in graph]
            cache[actor] = [t for e in events for t in graph.objects(e, kg.target)]
        return cache[actor]

    origin = rdflib.URIRef(namespaces()["actor"] + start)
    chains: Counter[tuple[str, str, str]] = Counter()
    for b in targets(origin):
        for c in (c for c in targets(b) if c != b) if b != origin else ():
            for d in targets(c):
                if d != c:
                    chains[(str(b), str(c), str(d))] += 1
    ranked = sorted(chains.items(), key=lambda kv: (-kv[1], kv[0]))[:25]
    return [(*key, f"{float(n):.6g}") for key, n in ranked]


def inline(query: str, values: dict[str, str]) -> str:
    """The query with its parameters written in as constants (dropped where they are projected or
    grouped on), so that rdflib and pyoxigraph run the very same text."""
    lines = []
    for line in query.splitlines():
        head = line.lstrip().startswith(("SELECT", "GROUP BY"))
        for name, value in values.items():
            line = re.sub(rf"\?{name}\b\s*", "" if head else value + " ", line)
        lines.append(line)
    return "\n".join(lines)


def query_rows(graph: rdflib.Graph, store: ox.Store, repeat: int, limit: float) -> list[list[object]]:
    start = start_actor(store)
    chains = inline(bundled_queries()["chains"].text, {"actor": '"START"', "root": '"19"'})
    queries = {
        "GROUP BY: bundled query `dyads`": bundled_queries()["dyads"].text,
        f"3-hop path: fighting chains from {start}, naive joins": PATH_QUERY,
        f"3-hop path: bundled query `chains` from {start} (joins over dyad counts)": chains,
    }
    out: list[list[object]] = []
    for name, text in queries.items():
        text = prefixed(text.replace("actor:START", f"actor:{start}").replace('"START"', f'"{start}"'))
        ox_s, ox_result = best(repeat, lambda text=text: rows_of(store.query(text)))  # type: ignore[misc]
        timed = rdflib_limited(graph, text, max(1, repeat // 2), limit)
        if timed is None:
            out.append([f"{name} ({len(ox_result)} rows)", f"> {limit:.0f} (stopped)", round(ox_s, 3),
                        f"> {limit / ox_s:.0f}x"])
            continue
        if isinstance(timed, str):
            out.append([f"{name} ({len(ox_result)} rows)", f"fails: {timed[:60]}", round(ox_s, 3), "n/a"])
            continue
        rdf_s, rdf_result = timed
        same = "same rows" if ox_result == rdf_result else "DIFFERENT rows"
        out.append([f"{name} ({len(ox_result)} rows, {same})", round(rdf_s, 2), round(ox_s, 3), f"{rdf_s / ox_s:.0f}x"])
    return out


def by_hand_row(graph: rdflib.Graph, store: ox.Store, repeat: int) -> list[object]:
    """Not a query engine: the 3-hop answer from Python loops over rdflib's indexes, for scale."""
    start = start_actor(store)
    text = prefixed(PATH_QUERY.replace("actor:START", f"actor:{start}"))
    ox_s, ox_result = best(repeat, lambda: rows_of(store.query(text)))
    hand_s, hand_result = best(repeat, lambda: chains_by_hand(graph, start))
    same = "same rows" if hand_result == ox_result else "DIFFERENT rows"
    return [f"3-hop path from {start}: Python loops over rdflib's triple API ({same})", round(hand_s, 3),
            round(ox_s, 3), f"{hand_s / ox_s:.2f}x"]


def main() -> None:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="query runs per engine; the fastest counts")
    parser.add_argument("--formats", default="nt,ttl", help="formats to load: nt, ttl or both")
    parser.add_argument("--rdflib-limit", type=float, default=RDFLIB_LIMIT, help="seconds before an rdflib query is stopped")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        nt = Path(tmp) / "synthetic.nt"
        t0 = time.perf_counter()
        triples, events = write_synthetic(nt, args.triples)
        made = time.perf_counter() - t0
        rows: list[list[object]] = []
        graph, store = None, None
        for fmt in args.formats.split(","):
            path = nt
            if fmt == "ttl":
                path = Path(tmp) / "synthetic.ttl"
                ox.serialize(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES), str(path),
                             format=ox.RdfFormat.TURTLE, prefixes=namespaces())
            more, graph, store = load_rows(path, fmt)
            rows += more
        assert graph is not None and store is not None
        rows += query_rows(graph, store, args.repeat, args.rdflib_limit)
        hand = by_hand_row(graph, store, args.repeat)
    ratios = [float(str(r[3]).strip("> x")) for r in rows if r[3] != "n/a"]
    body = "\n".join([
        f"{triples:,} triples, {events:,} events (generated through kg.rdf.build_graph in {made:.0f} s)",
        "",
        table(["task", "rdflib s", "pyoxigraph s", "rdflib / pyoxigraph"], [*rows, hand]),
        "",
        (f"* target pyoxigraph >= {TARGET:.0f}x faster than rdflib: {'met' if min(ratios) >= TARGET else 'NOT met'} "
         f"on every load and SPARQL query (smallest ratio {min(ratios):.0f}x)"),
        ("* the last row is no query engine: hand-written loops over rdflib's indexes for this one question, "
         "to show what the SPARQL engines cost"),
    ])
    report("bench_graph: 1M-triple graph, pyoxigraph vs rdflib", script_command(), body, args.record)


if __name__ == "__main__":
    main()
