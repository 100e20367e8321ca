"""`kg serve` and `kg push`: the graph behind the SPARQL 1.1 Protocol, and into other triple stores.

`kg serve` runs the Oxigraph server (the `oxigraph` binary of the `oxigraph` wheel on PyPI, the
server build of the engine kg queries with): the graph is loaded into a temporary store, served
read-only unless --allow-updates, and the store is removed when the server stops. `kg push` sends
the graph to any store that speaks the SPARQL 1.1 Graph Store Protocol.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from kg.errors import GraphError, KgError
from kg.queries import DEFAULT_GRAPH, Query
from kg.rdf import graph_format, load_graph, namespaces, turtle

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
_LOOPBACK = {"127.0.0.1", "localhost", "::1"}
_START_SECONDS = 30.0  # loading is done before the server starts, so this is only its start-up
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_MIN_VERSION = (0, 5)


class _Stop(Exception):
    """Raised in the main thread by SIGTERM, so the server is stopped and its store removed."""


# ---------------------------------------------------------------- queries over HTTP

def sparql_prefixes() -> str:
    """PREFIX lines for the ontology's prefixes: HTTP clients must declare what `kg query` predeclares."""
    return "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in sorted(namespaces().items()))


def _sparql_string(value: str) -> str:
    return '"' + "".join({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}.get(c, c) for c in value) + '"'


def protocol_query(query: Query, params: Mapping[str, str] | None = None) -> str:
    """A bundled query as plain SPARQL for any endpoint: prefixes declared, parameters bound by a
    trailing VALUES clause (the protocol has no way to pass bindings)."""
    text = sparql_prefixes() + query.text.rstrip() + "\n"
    for name, value in sorted((params or {}).items()):
        text += f"VALUES ?{name} {{ {_sparql_string(value)} }}\n"
    return text


# ---------------------------------------------------------------- the Oxigraph server

def oxigraph_binary() -> str:
    """The `oxigraph` server of this Python environment (else of the PATH), 0.5 or newer."""
    scripts = Path(sysconfig.get_path("scripts")) / "oxigraph"
    found = str(scripts) if scripts.is_file() else shutil.which("oxigraph")
    if found is None:
        raise KgError("kg serve needs the Oxigraph server: pip install 'oxigraph>=0.5' "
                      "(it provides the `oxigraph` binary)")
    version = subprocess.run([found, "--version"], capture_output=True, text=True, check=False).stdout
    numbers = re.search(r"([0-9]+)\.([0-9]+)", version)
    if numbers is None or (int(numbers.group(1)), int(numbers.group(2))) < _MIN_VERSION:
        raise KgError(f"kg serve needs the Oxigraph server 0.5 or newer (for --timeout-s); {found} is "
                      f"{version.strip() or 'of unknown version'}: pip install -U oxigraph")
    return found


def _die_with_parent() -> None:
    """In the child: ask Linux to stop the server if kg itself is killed, so no server is left over."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def _last_error(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith(("Error", "error"))]
    return (errors[0] if errors else lines[-1] if lines else "no message")[:300]


def load_store(binary: str, graph: Path, location: Path) -> None:
    """Load a graph file into an Oxigraph store directory (the format follows the file's suffix)."""
    graph_format(graph)
    done = subprocess.run([binary, "load", "--location", str(location), "--file", str(graph)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise GraphError(f"{graph}: cannot load graph ({_last_error(done.stderr)})")


def server_command(binary: str, location: Path, host: str, port: int, allow_updates: bool,
                   timeout: int) -> list[str]:
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    mode = "serve" if allow_updates else "serve-read-only"
    # union default graph: queries without GRAPH see named graphs too (graph.nq, pushed graphs)
    return [binary, mode, "--location", str(location), "--bind", bind, "--union-default-graph",
            "--timeout-s", str(timeout)]


def base_url(host: str, port: int) -> str:
    """Where a client on this machine reaches a server bound to host:port."""
    reach = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}.get(host, host)
    return f"http://[{reach}]:{port}" if ":" in reach else f"http://{reach}:{port}"


def count_triples(url: str, timeout: float = 5.0) -> int:
    """Triples in the store behind a SPARQL endpoint (raises OSError while it is not answering)."""
    request = urllib.request.Request(f"{url}/query?{urllib.parse.urlencode({'query': _COUNT})}",
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = json.load(response)
    return int(body["results"]["bindings"][0]["n"]["value"])


def _wait_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> int:
    deadline = time.monotonic() + _START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise KgError(f"the Oxigraph server stopped: {_last_error(log.read_text(errors='replace'))}")
        try:
            return count_triples(url, timeout=1.0)
        except (OSError, ValueError, KeyError):
            time.sleep(0.05)
    raise KgError(f"the Oxigraph server did not answer at {url} within {_START_SECONDS:g} s")


@contextmanager
def _sigterm_stops() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread can take signals; a library caller there handles its own
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _Stop()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _banner(graph: Path, url: str, triples: int, allow_updates: bool, host: str, timeout: int) -> str:
    lines = [f"serving {graph} ({triples:,} triples) at {url}/ (query page)",
             f"  SPARQL query   {url}/query",
             f"  SPARQL update  {url}/update" + ("" if allow_updates else "  (refused: read-only)"),
             f"  graph store    {url}/store" + ("" if allow_updates else "  (read-only)"),
             f"  queries stop after {timeout} s; declare prefixes (kg serve --print-prefixes)"]
    if allow_updates:
        lines.append("  updates change a temporary copy, gone when the server stops")
    if host not in _LOOPBACK:
        lines.append(f"  warning: bound to {host}, so other machines can reach it")
    lines.append("Ctrl-C to stop")
    return "\n".join(lines) + "\n"


def serve(graph: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, allow_updates: bool = False,
          timeout: int = 30) -> int:
    """Serve the graph until interrupted (Ctrl-C or SIGTERM); returns the exit code."""
    binary = oxigraph_binary()
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as work, _sigterm_stops():
        try:
            location = Path(work) / "store"
            load_store(binary, graph, location)
            command = server_command(binary, location, host, port, allow_updates, timeout)
            _run(command, Path(work) / "server.log", base_url(host, port),
                 lambda url, triples: _banner(graph, url, triples, allow_updates, host, timeout))
        except (KeyboardInterrupt, _Stop):
            return 0
    return 0


def _run(command: list[str], log: Path, url: str, banner: Callable[[str, int], str]) -> None:
    """Start the server, print the banner once it answers, and wait; it is always stopped on the way out."""
    with open(log, "wb") as out:
        # preexec_fn is safe here: kg serve has started no threads
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   preexec_fn=_die_with_parent if sys.platform == "linux" else None)  # noqa: PLW1509
    try:
        print(banner(url, _wait_ready(process, url, log)), end="", flush=True)
        code = process.wait()
        reason = _last_error(log.read_text(errors="replace"))
        raise KgError(f"the Oxigraph server stopped (exit {code}): {reason}")
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# ---------------------------------------------------------------- push (Graph Store Protocol)

def _graph_target(endpoint: str, named_graph: str | None) -> str:
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise KgError(f"--endpoint must be an http(s) URL of a Graph Store Protocol endpoint, "
                      f"got {endpoint!r}")
    if named_graph is not None:
        iri = urllib.parse.urlsplit(named_graph)
        if not iri.scheme or any(c in named_graph for c in ' <>"{}|^`\\'):
            raise KgError(f"--named-graph must be an absolute IRI like https://example.org/graph/kg, "
                          f"got {named_graph!r}")
        extra = urllib.parse.urlencode({"graph": named_graph})
    else:
        extra = "default"
    query = f"{parts.query}&{extra}" if parts.query else extra
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))


def _turtle_of(graph: Path) -> bytes:
    if graph_format(graph) == "TURTLE":
        return graph.read_bytes()
    return turtle(load_graph(graph)).encode("utf-8")  # named graphs of an .nq are merged into one


def push(graph: Path, endpoint: str, named_graph: str | None = None, append: bool = False,
         timeout: float = 120.0) -> tuple[str, int]:
    """Send the graph as Turtle to a Graph Store Protocol endpoint: PUT replaces the target graph,
    POST (append) adds to it. Returns the URL and the HTTP status."""
    url = _graph_target(endpoint, named_graph)
    data = _turtle_of(graph)
    request = urllib.request.Request(url, data=data, method="POST" if append else "PUT",
                                     headers={"Content-Type": "text/turtle; charset=utf-8"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return url, int(response.status)
    except urllib.error.HTTPError as exc:
        body = exc.read(2000).decode("utf-8", "replace")
        detail = " ".join(body.split())[:200]
        message = f"push to {url} failed: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
        raise KgError(message) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise KgError(f"push to {url} failed: cannot reach the endpoint ({reason})") from None


# ---------------------------------------------------------------- command line

def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port number 1-65535, got {text!r}")
    return int(text)


def _seconds(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected whole seconds (1 or more), got {text!r}")
    return int(text)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    s = subparsers.add_parser(
        "serve", help="serve the graph over the SPARQL 1.1 Protocol (Oxigraph server)",
        description="Run the Oxigraph server on a temporary copy of the graph: a query page at /, the SPARQL "
                    "query endpoint at /query, and (with --allow-updates) /update and the Graph Store "
                    "Protocol at /store.")
    s.add_argument("--graph", type=Path, metavar="FILE", default=DEFAULT_GRAPH,
                   help=f"graph file (default {DEFAULT_GRAPH})")
    s.add_argument("--host", default=DEFAULT_HOST,
                   help=f"address to listen on (default {DEFAULT_HOST}: this machine only)")
    s.add_argument("--port", type=_port, default=DEFAULT_PORT, metavar="N",
                   help=f"port (default {DEFAULT_PORT})")
    s.add_argument("--allow-updates", action="store_true",
                   help="accept SPARQL updates and Graph Store writes")
    s.add_argument("--timeout", type=_seconds, default=30, metavar="SECONDS",
                   help="seconds a query may run (default 30)")
    s.add_argument("--print-prefixes", action="store_true",
                   help="print the PREFIX lines of the ontology (for queries sent over HTTP) and exit")
    s.set_defaults(func=run_serve)

    p = subparsers.add_parser(
        "push", help="load the graph into a triple store (SPARQL 1.1 Graph Store Protocol)",
        description="Send the graph as Turtle to a Graph Store Protocol endpoint (e.g. "
                    "http://host:7878/store for Oxigraph): PUT replaces the named graph (or the default "
                    "graph), --append POSTs.")
    p.add_argument("--endpoint", required=True, metavar="URL", help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store")
    p.add_argument("--graph", type=Path, metavar="FILE", default=DEFAULT_GRAPH,
                   help=f"graph file (default {DEFAULT_GRAPH})")
    p.add_argument("--named-graph", metavar="IRI", help="target graph (default: the store's default graph)")
    p.add_argument("--append", action="store_true", help="add to the target graph instead of replacing it")
    p.add_argument("--timeout", type=_seconds, default=120, metavar="SECONDS",
                   help="seconds to wait for the store (default 120)")
    p.set_defaults(func=run_push)


def run_serve(args: argparse.Namespace) -> int:
    if args.print_prefixes:
        print(sparql_prefixes(), end="")
        return 0
    return serve(args.graph, args.host, args.port, args.allow_updates, args.timeout)


def run_push(args: argparse.Namespace) -> int:
    url, status = push(args.graph, args.endpoint, args.named_graph, args.append, args.timeout)
    verb = "added to" if args.append else "replaced"
    target = f"graph <{args.named_graph}>" if args.named_graph else "the default graph"
    print(f"{verb} {target} at {url} with {args.graph} (HTTP {status})")
    return 0
