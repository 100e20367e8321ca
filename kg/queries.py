"""`kg query`: SPARQL over the exported graph, with the bundled queries of schema/queries/*.rq.

Queries run on pyoxigraph (loads and answers in seconds where rdflib takes minutes). The ontology's
prefixes are predeclared; parameters are bound as variable substitutions, never pasted into text.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import json
import re
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pyoxigraph as ox
import rdflib

from kg.errors import GraphError, QueryError
from kg.rdf import SCHEMA_DIR, graph_format, namespaces

QUERIES_DIR = SCHEMA_DIR / "queries"
DEFAULT_GRAPH = Path("output") / "graph.ttl"
FORMATS = ("table", "csv", "json")

Cell = str | int | float | bool | None
T = TypeVar("T")

_HEADER = re.compile(r"#\s*(name|description|param):\s*(.*)")
_PARAM = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*(?:-\s*(.*))?")
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_XSD = namespaces()["xsd"]
_INTEGERS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                     "positiveInteger", "negativeInteger", "nonPositiveInteger",
                                     "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_FLOATS = {f"{_XSD}{t}" for t in ("decimal", "double", "float")}


@dataclass(frozen=True)
class Param:
    name: str
    description: str = ""


@dataclass(frozen=True)
class Query:
    """A SPARQL query with what its header comment says about it."""

    text: str
    name: str = "inline"
    description: str = ""
    params: tuple[Param, ...] = ()
    origin: str = "inline query"


@dataclass(frozen=True)
class QueryResult:
    """SELECT rows (at most `limit`, `total` counts all), an ASK answer, or CONSTRUCT N-Triples."""

    columns: tuple[str, ...] = ()
    rows: list[tuple[Cell, ...]] = field(default_factory=list)
    total: int = 0
    boolean: bool | None = None
    triples: str | None = None


def parse_query(text: str, origin: str = "inline query") -> Query:
    """Read the `# name:`, `# description:` and `# param: NAME - text` header lines of a query."""
    name, description, params = "", "", []
    for line in text.splitlines():
        if not line.strip():
            continue
        if not line.lstrip().startswith("#"):
            break  # the header ends where the query starts
        match = _HEADER.fullmatch(line.strip())
        if match is None:
            continue
        key, value = match.group(1), match.group(2).strip()
        if key == "param":
            found = _PARAM.fullmatch(value)
            if found is None:
                want = "'# param: name - what it is'"
                raise QueryError(f"{origin}: bad '# param:' line {line.strip()!r} (want {want})")
            params.append(Param(found.group(1), (found.group(2) or "").strip()))
        elif key == "name":
            name = value
        else:
            description = value
    return Query(text, name or Path(origin).stem, description, tuple(params), origin)


def bundled_queries(directory: Path = QUERIES_DIR) -> dict[str, Query]:
    """The named queries of schema/queries/, by name."""
    queries = {}
    for path in sorted(directory.glob("*.rq")):
        query = parse_query(path.read_text(encoding="utf-8"), str(path))
        queries[query.name] = query
    return queries


def resolve_query(spec: str, directory: Path = QUERIES_DIR) -> Query:
    """QUERY as given on the command line: a .rq file, a bundled query name, or SPARQL text."""
    bundled = bundled_queries(directory)
    if _NAME.fullmatch(spec) and spec in bundled:
        return bundled[spec]
    if spec.endswith(".rq") or ("\n" not in spec and "{" not in spec and _is_file(spec)):
        if not _is_file(spec):
            raise QueryError(f"query file {spec} not found")
        try:
            text = Path(spec).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"query file {spec} cannot be read ({exc})") from None
        return parse_query(text, spec)
    if "{" in spec or re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.IGNORECASE):
        return Query(spec)
    close = difflib.get_close_matches(spec, list(bundled), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else "; see `kg query --list`"
    raise QueryError(f"unknown query {spec!r} (not a bundled name, a .rq file or SPARQL text){hint}")


def _is_file(spec: str) -> bool:
    try:
        return Path(spec).is_file()
    except (OSError, ValueError):  # a name too long for the file system, or with a NUL in it
        return False


def open_store(source: Path | rdflib.Graph) -> ox.Store:
    """An in-memory pyoxigraph store holding a graph file or an rdflib graph."""
    store = ox.Store()
    if isinstance(source, rdflib.Graph):
        store.load(source.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return store
    path = Path(source)
    fmt = getattr(ox.RdfFormat, graph_format(path))
    try:
        store.load(path=str(path), format=fmt)
    except (SyntaxError, OSError, ValueError) as exc:
        raise GraphError(f"{path}: cannot load graph ({' '.join(str(exc).split())[:300]})") from None
    return store


Binding = dict[ox.Variable, "ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple"]


def _bindings(query: Query, params: Mapping[str, str]) -> Binding:
    declared = [p.name for p in query.params]
    if declared:
        unknown = sorted(set(params) - set(declared))
        if unknown:
            raise QueryError(f"query {query.name} has no parameter {', '.join(unknown)} "
                             f"(it takes: {', '.join(declared)})")
        for param in query.params:
            if param.name not in params:
                hint = f": {param.description}" if param.description else ""
                raise QueryError(f"query {query.name} needs --param {param.name}=VALUE{hint}")
    bindings: Binding = {ox.Variable(name): ox.Literal(value) for name, value in sorted(params.items())}
    return bindings


def _cell(term: Any) -> Cell:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == f"{_XSD}boolean":
            return term.value in ("true", "1")
        return str(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(getattr(term, "value", term))


def _collect(solutions: Any, limit: int) -> QueryResult:
    if isinstance(solutions, ox.QueryBoolean):
        return QueryResult(boolean=bool(solutions))
    if isinstance(solutions, ox.QueryTriples):
        lines = (ox.serialize(solutions, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8").splitlines()
        return QueryResult(triples="".join(f"{line}\n" for line in sorted(lines)), total=len(lines))
    variables = [v.value for v in solutions.variables]
    rows: list[tuple[Cell, ...]] = []
    total = 0
    for solution in solutions:
        total += 1
        if limit <= 0 or len(rows) < limit:
            rows.append(tuple(_cell(solution[v]) for v in variables))
    return QueryResult(tuple(variables), rows, total)


def with_timeout(work: Callable[[], T], seconds: float) -> T:
    """Run work() but give up after `seconds`; the query engine cannot be interrupted, so it is left
    running in a daemon thread (the CLI exits right after)."""
    box: list[Any] = []

    def target() -> None:
        try:
            box.append((True, work()))
        except Exception as exc:  # noqa: BLE001 - handed back to the caller's thread and re-raised there
            box.append((False, exc))

    thread = threading.Thread(target=target, name="kg-query", daemon=True)
    thread.start()
    thread.join(seconds if seconds > 0 else None)
    if not box:
        raise QueryError(f"query took longer than {seconds:g} s and was stopped (raise --timeout)")
    ok, value = box[0]
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]


def run_query(store: ox.Store, query: Query, params: Mapping[str, str] | None = None,
              limit: int = 1000, timeout: float = 60.0) -> QueryResult:
    """Run a query; rows beyond `limit` (0 = no limit) are counted in `total` but not kept."""
    bindings = _bindings(query, params or {})

    def work() -> QueryResult:
        try:
            # named graphs (from .nq files) count as part of the graph, as in kg.rdf.load_graph
            solutions = store.query(query.text, prefixes=namespaces(), substitutions=bindings,
                                    use_default_graph_as_union=True)
            return _collect(solutions, limit)
        except SyntaxError as exc:
            raise QueryError(f"{query.origin}: SPARQL syntax {' '.join(str(exc).split())}") from None
        except (RuntimeError, ValueError, OSError) as exc:
            text = " ".join(str(exc).split())
            found = re.search(r"variable \?(\w+) in its SELECT projection", text)
            if found:
                text = f"parameter '{found.group(1)}' is not a variable the query selects"
            raise QueryError(f"{query.origin}: {text}") from None

    return with_timeout(work, timeout)


# ---------------------------------------------------------------- output

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CSV_CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACE = re.compile(r"[\t\n\r\v\f]+")
_FORMULA = re.compile(r"[=+\-@]")
_NUMBER = re.compile(r"[+-]?[0-9.]+")


def _display(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return str(cell)


def terminal_safe(text: str) -> str:
    """Article text made harmless for a terminal: no escape sequences, no bidi tricks, one line."""
    return _CONTROL.sub("\ufffd", _SPACE.sub(" ", text))


def _cut(text: str, width: int) -> str:
    return text if width <= 0 or len(text) <= width else text[: max(width - 1, 0)] + "…"


def format_table(result: QueryResult, max_width: int = 60) -> str:
    columns = result.columns
    cells = [[_cut(terminal_safe(_display(c)), max_width) for c in row] for row in result.rows]
    widths = [max([len(name)] + [len(row[i]) for row in cells]) for i, name in enumerate(columns)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])] + [line(row) for row in cells]
    shown = f"{len(result.rows)} of " if result.total > len(result.rows) else ""
    out.append(f"({shown}{result.total} row{'s' if result.total != 1 else ''})")
    return "\n".join(out) + "\n"


def _csv_cell(cell: Cell) -> str:
    text = _CSV_CONTROL.sub("\ufffd", _display(cell).replace("\t", " "))  # line breaks stay, quoted
    # a text cell starting like a formula would run in a spreadsheet: quote it (OWASP CSV injection)
    if isinstance(cell, str) and _FORMULA.match(text) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def format_csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_csv_cell(c) for c in row] for row in result.rows)
    return buffer.getvalue()


def format_json(result: QueryResult) -> str:
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def render(result: QueryResult, fmt: str, max_width: int = 60) -> str:
    if result.boolean is not None:
        answer = "true" if result.boolean else "false"
        return f'{{"boolean": {answer}}}\n' if fmt == "json" else f"{answer}\n"
    if result.triples is not None:
        return result.triples
    if fmt == "csv":
        return format_csv(result)
    if fmt == "json":
        return format_json(result)
    return format_table(result, max_width)


def list_queries(directory: Path = QUERIES_DIR) -> str:
    lines = []
    for name, query in bundled_queries(directory).items():
        params = " ".join(f"--param {p.name}=…" for p in query.params)
        lines.append(f"{name}{'  ' + params if params else ''}\n    {query.description}")
        lines.extend(f"    {p.name}: {p.description}" for p in query.params if p.description)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- command line

def _param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name, value


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "query", help="run SPARQL over the exported graph",
        description="Run a bundled query (see --list), a .rq file, or SPARQL text over the graph. "
                    "The ontology's prefixes (kg:, sem:, schema:, ...) are predeclared.")
    parser.add_argument("query", nargs="?", help="bundled query name, .rq file, or SPARQL text")
    parser.add_argument("--graph", type=Path, default=DEFAULT_GRAPH,
                        help=f"graph file (default {DEFAULT_GRAPH})")
    parser.add_argument("--format", choices=FORMATS, default="table")
    parser.add_argument("--param", type=_param, action="append", default=[], metavar="NAME=VALUE",
                        help="bind a query variable to a value (repeatable)")
    parser.add_argument("--limit", type=int, default=1000, help="rows to print (0: all; default 1000)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before giving up (default 60)")
    parser.add_argument("--max-width", type=int, default=60, help="table cells are cut to this width")
    parser.add_argument("--list", action="store_true", help="list the bundled queries and exit")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.list:
        print(list_queries(), end="")
        return 0
    if not args.query:
        raise QueryError("give a QUERY: a bundled query name, a .rq file or SPARQL text "
                         "(see kg query --list)")
    query = resolve_query(args.query)
    params = dict(args.param)
    store = open_store(args.graph)
    result = run_query(store, query, params, limit=args.limit, timeout=args.timeout)
    print(render(result, args.format, args.max_width), end="")
    if result.total > len(result.rows) and result.boolean is None and result.triples is None:
        cut = result.total - len(result.rows)
        print(f"{cut} more rows not shown (of {result.total}; use --limit 0 for all)", file=sys.stderr)
    return 0
