"""`kg export FORMAT`: the graph in the formats other tools read, byte-identical on every run.

Network formats (graphml, gexf, csv, parquet) are written from the networkx view (kg.network): one
node per actor code, one edge per event, every attribute a scalar. RDF formats (jsonld, nt, nq)
carry every triple; nq puts each document's events, mentions, dates and roles in a named graph
named by the document's IRI, and actors, rules and anything else in the default graph.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
from networkx.readwrite.gexf import GEXFWriter

from kg.errors import GraphError, KgError
from kg.network import graph_from_file
from kg.output import write_atomic
from kg.queries import DEFAULT_GRAPH
from kg.rdf import KG, RDF, SEM, graph_format, load_graph, namespaces

# Single files get the graph's stem and this suffix; csv and parquet write a directory of two files.
SUFFIXES = {"graphml": ".graphml", "gexf": ".gexf", "csv": "-csv", "parquet": "-parquet",
            "jsonld": ".jsonld", "nt": ".nt", "nq": ".nq"}
FORMATS = tuple(SUFFIXES)
DIRECTORY_FORMATS = ("csv", "parquet")
NODE_COLUMNS = ("id", "label", "label_en", "type", "n_events", "wikidata", "members")
# The edge attributes of kg.network in its order; attributes added there later follow, sorted.
EDGE_COLUMNS = ("source", "target", "event_id", "cameo", "cameo_root", "label", "plover", "quad_class",
                "goldstein", "modality", "date", "date_granularity", "date_text", "doc", "doc_title",
                "doc_url", "doc_date", "evidence", "source_text", "target_text", "trigger", "rule",
                "attributed_to", "n_mentions", "source_id", "target_id")
INT_COLUMNS = frozenset({"n_events", "quad_class", "n_mentions"})
FLOAT_COLUMNS = frozenset({"goldstein"})
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# ---------------------------------------------------------------- the networkx view, flattened

def _scalar(value: Any) -> Any:
    """Lists and dicts become compact JSON text: GraphML, GEXF and CSV cells hold scalars only."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return value


def _xml_value(value: Any) -> Any:
    """A scalar an XML 1.0 file can hold: control characters and lone surrogates (which article
    text may carry) would make the whole file unreadable, so they become U+FFFD."""
    value = _scalar(value)
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def flat_network(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the view for the XML writers: scalar, XML-safe attributes and no missing values
    (they reject None); edges are keyed and identified by their event id."""
    flat = nx.MultiDiGraph()
    for node, attrs in network.nodes(data=True):
        flat.add_node(_xml_value(node), **{k: _xml_value(v) for k, v in attrs.items() if v is not None})
    for source, target, attrs in network.edges(data=True):
        kept = {k: _xml_value(v) for k, v in attrs.items() if v is not None}
        flat.add_edge(_xml_value(source), _xml_value(target), key=kept["event_id"], **kept)
    return flat


def node_records(network: nx.MultiDiGraph) -> list[dict[str, Any]]:
    return [{"id": node, **{c: _scalar(attrs.get(c)) for c in NODE_COLUMNS[1:]}}
            for node, attrs in network.nodes(data=True)]


def edge_columns(network: nx.MultiDiGraph) -> tuple[str, ...]:
    seen = {k for _, _, attrs in network.edges(data=True) for k in attrs}
    return EDGE_COLUMNS + tuple(sorted(seen - set(EDGE_COLUMNS)))


def edge_records(network: nx.MultiDiGraph) -> list[dict[str, Any]]:
    columns = edge_columns(network)
    return [{c: _scalar({"source": source, "target": target, **attrs}.get(c)) for c in columns}
            for source, target, attrs in network.edges(data=True)]


def graphml_bytes(network: nx.MultiDiGraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml_xml(flat_network(network), buffer, encoding="utf-8", named_key_ids=True,
                         edge_id_from_attribute="event_id")
    return buffer.getvalue()


def gexf_bytes(network: nx.MultiDiGraph) -> bytes:
    flat = flat_network(network)
    for _, _, attrs in flat.edges(data=True):
        attrs["id"] = attrs["event_id"]  # the GEXF edge id; networkx would number edges otherwise
    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    writer.add_graph(flat)
    meta = writer.xml.find("meta")
    if meta is not None:
        # networkx stamps today's date; the newest article date keeps the file a function of the graph
        dates = sorted(str(d)[:10] for _, _, d in network.edges(data="doc_date") if d)
        if dates:
            meta.set("lastmodifieddate", dates[-1])
        else:
            meta.attrib.pop("lastmodifieddate", None)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _csv_bytes(columns: Iterable[str], records: Iterable[dict[str, Any]]) -> bytes:
    # Values are written as they are (no spreadsheet-formula quoting): this is data for other tools.
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in records)
    return buffer.getvalue().encode("utf-8")


def csv_files(network: nx.MultiDiGraph) -> dict[str, bytes]:
    return {"nodes.csv": _csv_bytes(NODE_COLUMNS, node_records(network)),
            "edges.csv": _csv_bytes(edge_columns(network), edge_records(network))}


def _arrow_table(columns: tuple[str, ...], records: list[dict[str, Any]]) -> Any:
    import pyarrow as pa

    def kind(column: str) -> Any:
        if column in INT_COLUMNS:
            return pa.int64()
        return pa.float64() if column in FLOAT_COLUMNS else pa.string()

    schema = pa.schema([(c, kind(c)) for c in columns])
    return pa.Table.from_pylist(records, schema=schema)


def parquet_files(network: nx.MultiDiGraph) -> dict[str, bytes]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise KgError("parquet export needs pyarrow (pip install pyarrow)") from None
    files = {}
    for name, columns, records in (("nodes.parquet", NODE_COLUMNS, node_records(network)),
                                   ("edges.parquet", edge_columns(network), edge_records(network))):
        buffer = io.BytesIO()
        pq.write_table(_arrow_table(columns, records), buffer, compression="zstd")
        files[name] = buffer.getvalue()
    return files


# ---------------------------------------------------------------- RDF

def _canonical_json(value: Any) -> Any:
    """JSON-LD with its unordered parts (the node list, multiple values) put in a fixed order."""
    if isinstance(value, dict):
        return {k: _canonical_json(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def jsonld_bytes(path: Path) -> bytes:
    context = dict(namespaces())
    data = json.loads(load_graph(path).serialize(format="json-ld", context=context, auto_compact=True))
    # kg mints no RDF lists, so no array here has an order that means something
    text = json.dumps(_canonical_json(data), ensure_ascii=False, indent=2, sort_keys=True)
    return (text + "\n").encode("utf-8")


def _triples(path: Path) -> list[ox.Triple]:
    """The triples of a graph file (named graphs merged), without duplicates."""
    fmt = getattr(ox.RdfFormat, graph_format(path))
    try:
        return list(dict.fromkeys(q.triple for q in ox.parse(path=str(path), format=fmt)))
    except (SyntaxError, OSError, ValueError) as exc:
        raise GraphError(f"{path}: cannot read graph ({' '.join(str(exc).split())[:300]})") from None


def _sorted_lines(statements: list[Any], fmt: ox.RdfFormat) -> bytes:
    lines = (ox.serialize(statements, format=fmt) or b"").decode("utf-8").splitlines()
    return "".join(f"{line}\n" for line in sorted(set(lines))).encode("utf-8")


def nt_bytes(path: Path) -> bytes:
    return _sorted_lines(_triples(path), ox.RdfFormat.N_TRIPLES)


def document_graphs(triples: list[ox.Triple]) -> dict[Any, ox.NamedNode]:
    """Which document each resource belongs to: documents themselves, whatever has a kg:document
    (events, mentions), and the dates and roles of those events."""
    document, doc_class = ox.NamedNode(str(KG.document)), ox.NamedNode(str(KG.Document))
    rdf_type = ox.NamedNode(str(RDF.type))
    owned = {ox.NamedNode(str(p)) for p in (SEM.hasTime, SEM.hasActor, KG.mention)}
    owner: dict[Any, ox.NamedNode] = {}
    for t in triples:
        if t.predicate == document and isinstance(t.object, ox.NamedNode):
            owner[t.subject] = t.object
        elif t.predicate == rdf_type and t.object == doc_class and isinstance(t.subject, ox.NamedNode):
            owner[t.subject] = t.subject
    for t in triples:
        if t.predicate in owned and t.subject in owner:
            owner.setdefault(t.object, owner[t.subject])
    return owner


def nq_bytes(path: Path) -> bytes:
    triples = _triples(path)
    owner = document_graphs(triples)
    default = ox.DefaultGraph()
    quads = [ox.Quad(t.subject, t.predicate, t.object, owner.get(t.subject, default)) for t in triples]
    return _sorted_lines(quads, ox.RdfFormat.N_QUADS)


# ---------------------------------------------------------------- writing

def export_files(fmt: str, graph: Path) -> dict[str, bytes]:
    """The file contents of an export: {"": data} for a single file, {name: data} for a directory."""
    network_writers: dict[str, Callable[[nx.MultiDiGraph], Any]] = {
        "graphml": graphml_bytes, "gexf": gexf_bytes, "csv": csv_files, "parquet": parquet_files}
    rdf_writers: dict[str, Callable[[Path], bytes]] = {"jsonld": jsonld_bytes, "nt": nt_bytes, "nq": nq_bytes}
    if fmt in network_writers:
        data = network_writers[fmt](graph_from_file(graph))
        return data if isinstance(data, dict) else {"": data}
    if fmt in rdf_writers:
        graph_format(graph)  # a clear error for a missing or unknown file before any work
        return {"": rdf_writers[fmt](graph)}
    raise KgError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")


def default_output(fmt: str, graph: Path) -> Path:
    return graph.with_name(graph.stem + SUFFIXES[fmt])


def export(fmt: str, graph: Path, output: Path | None = None) -> list[Path]:
    """Export the graph file in this format; returns the files written."""
    files = export_files(fmt, graph)
    target = output if output is not None else default_output(fmt, graph)
    if fmt in DIRECTORY_FORMATS:
        if target.exists() and not target.is_dir():
            raise KgError(f"{target}: {fmt} export writes a directory (nodes and edges), and this is a file")
        paths = [target / name for name in files]
    else:
        if target.is_dir():
            raise KgError(f"{target} is a directory; give a file name for the {fmt} export")
        paths = [target]
    for path, data in zip(paths, files.values()):
        write_atomic(path, data)
    return paths


def _write_stdout(data: bytes) -> None:
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export", help="write the graph as graphml, gexf, csv, parquet, jsonld, nt or nq",
        description="Export the graph. graphml, gexf, csv and parquet hold the actor network (node = actor "
                    "code, edge = event); jsonld, nt and nq hold every triple (nq: one named graph per "
                    "document). Outputs are byte-identical on every run.")
    parser.add_argument("format", choices=FORMATS, metavar="FORMAT", help=", ".join(FORMATS))
    parser.add_argument("--graph", type=Path, metavar="FILE", default=DEFAULT_GRAPH,
                        help=f"graph file (default {DEFAULT_GRAPH})")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="output file (csv, parquet: directory; '-': standard output for single-file "
                             "formats; default: beside the graph, e.g. output/graph.graphml)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.output == "-":
        if args.format in DIRECTORY_FORMATS:
            raise KgError(f"{args.format} export writes a directory; give -o DIR")
        _write_stdout(export_files(args.format, args.graph)[""])
        return 0
    paths = export(args.format, args.graph, Path(args.output) if args.output else None)
    print(f"wrote {', '.join(str(p) for p in paths)}")
    return 0
