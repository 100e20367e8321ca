"""`kg serve` and `kg push`: a real Oxigraph server on 127.0.0.1 in a subprocess, queried over HTTP
and compared with `kg query`'s in-process answers; updates refused unless allowed; a pushed graph
queried back. Every server is stopped (with its whole process group) when its test ends."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import fixtures_rdf as fx
import pytest

from kg.cli import main
from kg.errors import KgError
from kg.queries import Cell, QueryResult, bundled_queries, open_store, run_query
from kg.rdf import build_graph, write_turtle
from kg.serve import (
    _graph_target,
    base_url,
    count_triples,
    oxigraph_binary,
    protocol_query,
    push,
    server_command,
    sparql_prefixes,
)

ROOT = Path(__file__).resolve().parent.parent
N_TRIPLES = 513  # triples of the fixture graph
_XSD = "http://www.w3.org/2001/XMLSchema#"

try:
    oxigraph_binary()
except KgError:
    pytest.skip("the Oxigraph server is not installed (pip install oxigraph)", allow_module_level=True)


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "graph.ttl"
    write_turtle(build_graph(fx.results(), fx.actor_info), path)
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(graph: Path, log: Path, *options: str) -> Iterator[str]:
    """`kg serve` in its own process group; yields its URL once it answers, always stops it."""
    port = free_port()
    with open(log, "wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg.cli", "serve", "--graph", str(graph), "--port", str(port), *options],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            cwd=ROOT,
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while "Ctrl-C to stop" not in log.read_text(errors="replace"):
            assert process.poll() is None, log.read_text(errors="replace")
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # kg and the oxigraph server it started
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def read_only(graph_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    log = tmp_path_factory.mktemp("log") / "server.log"
    with running_server(graph_file, log) as url:
        yield url, log


@pytest.fixture(scope="module")
def writable(graph_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("log") / "server.log"
    with running_server(graph_file, log, "--allow-updates") as url:
        yield url


# ---------------------------------------------------------------- HTTP helpers


def http(url: str, data: bytes | None = None, method: str = "GET", **headers: str) -> tuple[int, str, str]:
    request = urllib.request.Request(
        url, data=data, method=method, headers={k.replace("_", "-"): v for k, v in headers.items()}
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get_content_type(), exc.read().decode("utf-8")


def _cell(term: dict[str, str] | None) -> Cell:
    """A SPARQL JSON result term as kg.queries returns it (numbers as numbers)."""
    if term is None:
        return None
    datatype = term.get("datatype", "")
    if datatype == _XSD + "integer":
        return int(term["value"])
    if datatype in (_XSD + "decimal", _XSD + "double"):
        return float(term["value"])
    return term["value"]


def select(url: str, query: str) -> QueryResult:
    """POST application/sparql-query, results as SPARQL JSON."""
    status, kind, body = http(
        f"{url}/query",
        query.encode("utf-8"),
        "POST",
        Content_Type="application/sparql-query",
        Accept="application/sparql-results+json",
    )
    assert (status, kind) == (200, "application/sparql-results+json"), body
    data: dict[str, Any] = json.loads(body)
    columns = tuple(data["head"]["vars"])
    rows = [tuple(_cell(b.get(c)) for c in columns) for b in data["results"]["bindings"]]
    return QueryResult(columns, rows, len(rows))


# ---------------------------------------------------------------- querying


@pytest.mark.parametrize(("name", "params"), [("actors", {}), ("timeline", {"actor": "PRK"})])
def test_named_queries_over_http_match_kg_query(
    read_only: tuple[str, Path], graph_file: Path, name: str, params: dict[str, str]
) -> None:
    url, _ = read_only
    query = bundled_queries()[name]
    local = run_query(open_store(graph_file), query, params, limit=0)
    remote = select(url, protocol_query(query, params))
    assert remote.columns == local.columns
    assert remote.rows == local.rows
    assert len(remote.rows) == {"actors": 6, "timeline": 5}[name]


def test_query_by_get_and_form_post_with_csv_results(read_only: tuple[str, Path]) -> None:
    url, _ = read_only
    query = sparql_prefixes() + (
        'SELECT ?date WHERE { ?e kg:source/kg:code "PRK" ; kg:target/kg:code "WAGNER" ; '
        "sem:hasTime/kg:value ?date }"
    )
    status, kind, body = http(f"{url}/query?{urllib.parse.urlencode({'query': query})}", Accept="text/csv")
    assert (status, kind, body) == (200, "text/csv", "date\r\n2022-11\r\n")
    form = urllib.parse.urlencode({"query": query}).encode("ascii")
    status, kind, body = http(
        f"{url}/query",
        form,
        "POST",
        Content_Type="application/x-www-form-urlencoded",
        Accept="application/sparql-results+json",
    )
    assert status == 200 and json.loads(body)["results"]["bindings"] == [
        {"date": {"type": "literal", "value": "2022-11"}}
    ]


def test_construct_as_turtle(read_only: tuple[str, Path]) -> None:
    url, _ = read_only
    query = sparql_prefixes() + 'CONSTRUCT { ?e kg:cameo ?c } WHERE { ?e kg:cameo ?c ; kg:modality "denied" }'
    status, kind, body = http(
        f"{url}/query", query.encode(), "POST", Content_Type="application/sparql-query", Accept="text/turtle"
    )
    assert (status, kind) == (200, "text/turtle")
    assert body.count("ontology#cameo") == 1 and '"062"' in body


def test_bad_query_is_a_400_with_the_reason(read_only: tuple[str, Path]) -> None:
    url, _ = read_only
    status, _, body = http(
        f"{url}/query", b"SELECT ?x WHERE {", "POST", Content_Type="application/sparql-query"
    )
    assert status == 400 and body.startswith("error at 1:18")


def test_the_query_page_is_offline(read_only: tuple[str, Path]) -> None:
    url, _ = read_only
    status, kind, page = http(f"{url}/")
    assert (status, kind) == (200, "text/html")
    assert "<title>Oxigraph server</title>" in page
    assert "http://" not in page and "https://" not in page  # scripts and styles come from the server itself


def test_banner(read_only: tuple[str, Path], graph_file: Path) -> None:
    url, log = read_only
    assert log.read_text().splitlines()[:4] == [
        f"serving {graph_file} ({N_TRIPLES} triples) at {url}/ (query page)",
        f"  SPARQL query   {url}/query",
        f"  SPARQL update  {url}/update  (refused: read-only)",
        f"  graph store    {url}/store  (read-only)",
    ]


# ---------------------------------------------------------------- updates


def test_updates_are_refused_without_allow_updates(read_only: tuple[str, Path], graph_file: Path) -> None:
    url, _ = read_only
    status, _, body = http(f"{url}/update", b"CLEAR ALL", "POST", Content_Type="application/sparql-update")
    assert (status, body) == (403, "The server is read-only")
    status, _, body = http(
        f"{url}/store?default", b"<urn:a> <urn:b> <urn:c> .", "PUT", Content_Type="text/turtle"
    )
    assert (status, body) == (403, "The server is read-only")
    with pytest.raises(
        KgError, match=r"^push to .*/store\?default failed: HTTP 403 Forbidden: The server is read-only$"
    ):
        push(graph_file, f"{url}/store")
    assert count_triples(url) == N_TRIPLES


def test_push_then_query_back(writable: str, graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    iri = "https://example.org/graph/seed"
    assert (
        main(["push", "--endpoint", f"{writable}/store", "--graph", str(graph_file), "--named-graph", iri])
        == 0
    )
    target = f"{writable}/store?graph=https%3A%2F%2Fexample.org%2Fgraph%2Fseed"
    assert capsys.readouterr().out == f"replaced graph <{iri}> at {target} with {graph_file} (HTTP 201)\n"
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    assert select(writable, count).rows == [(N_TRIPLES,)]
    wagner = sparql_prefixes() + (
        f'SELECT ?date WHERE {{ GRAPH <{iri}> {{ ?e kg:source/kg:code "PRK" ; '
        'kg:target/kg:code "WAGNER" ; sem:hasTime/kg:value ?date } }'
    )
    assert select(writable, wagner).rows == [("2022-11",)]
    # PUT again replaces (no duplicates); --append adds to the graph
    assert push(graph_file, f"{writable}/store", iri)[1] == 204
    assert push(graph_file, f"{writable}/store", iri, append=True)[1] == 204
    assert select(writable, count).rows == [(N_TRIPLES,)]


def test_sparql_update_with_allow_updates(writable: str) -> None:
    insert = b'INSERT DATA { GRAPH <urn:kg:test> { <urn:a> <urn:b> "c" } }'
    status, _, _ = http(f"{writable}/update", insert, "POST", Content_Type="application/sparql-update")
    assert status == 204
    assert select(writable, "SELECT ?o WHERE { GRAPH <urn:kg:test> { <urn:a> <urn:b> ?o } }").rows == [("c",)]


# ---------------------------------------------------------------- errors and helpers


def test_push_to_nothing_is_a_clear_error(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()
    assert main(["push", "--endpoint", f"http://127.0.0.1:{port}/store", "--graph", str(graph_file)]) == 1
    assert capsys.readouterr().err == (
        f"kg: push to http://127.0.0.1:{port}/store?default failed: cannot reach "
        "the endpoint ([Errno 111] Connection refused)\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--endpoint", "ftp://example.org/store"],
            "kg: --endpoint must be an http(s) URL of a Graph Store Protocol endpoint, got 'ftp://example.org/store'\n",
        ),
        (
            ["--endpoint", "http://127.0.0.1:1/store", "--named-graph", "my graph"],
            "kg: --named-graph must be an absolute IRI like https://example.org/graph/kg, got 'my graph'\n",
        ),
    ],
)
def test_push_argument_errors(
    graph_file: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["push", "--graph", str(graph_file), *argv]) == 1
    assert capsys.readouterr().err == message


def test_port_in_use(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--graph", str(graph_file), "--port", str(port)]) == 1
    assert (
        capsys.readouterr().err
        == "kg: the Oxigraph server stopped: Error: Address already in use (os error 98)\n"
    )


def test_missing_graph_is_reported_before_starting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--graph", str(tmp_path / "none.ttl")]) == 1
    assert capsys.readouterr().err == (
        f"kg: {tmp_path / 'none.ttl'}: graph file not found (run `kg build` first, or pass --graph)\n"
    )


def test_graph_store_urls_and_binding() -> None:
    assert _graph_target("http://h:7878/store", None) == "http://h:7878/store?default"
    assert (
        _graph_target("http://h/rdf-graph-store?x=1", "urn:g") == "http://h/rdf-graph-store?x=1&graph=urn%3Ag"
    )
    assert base_url("0.0.0.0", 80) == "http://127.0.0.1:80" and base_url("::", 80) == "http://[::1]:80"
    assert server_command("ox", Path("/s"), "::1", 9, False, 5) == [
        "ox",
        "serve-read-only",
        "--location",
        "/s",
        "--bind",
        "[::1]:9",
        "--union-default-graph",
        "--timeout-s",
        "5",
    ]


def test_protocol_query_binds_parameters_with_values() -> None:
    text = protocol_query(bundled_queries()["timeline"], {"actor": 'P"RK\\'})
    assert text.startswith("PREFIX actor: <https://w3id.org/kg-id/resource/actor/>\n")
    assert text.endswith('ORDER BY (!BOUND(?when)) ?when ?doc ?event\nVALUES ?actor { "P\\"RK\\\\" }\n')


def test_print_prefixes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--print-prefixes"]) == 0
    out = capsys.readouterr().out
    assert (
        out == sparql_prefixes()
        and out.splitlines()[0] == "PREFIX actor: <https://w3id.org/kg-id/resource/actor/>"
    )
    assert "PREFIX kg: <https://w3id.org/kg-id/ontology#>\n" in out


def test_an_old_oxigraph_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "oxigraph"
    fake.write_text("#!/bin/sh\necho oxigraph 0.4.11\n")
    fake.chmod(0o755)
    monkeypatch.setattr("sysconfig.get_path", lambda name: str(tmp_path))
    with pytest.raises(KgError) as error:
        oxigraph_binary()
    assert str(error.value) == (
        f"kg serve needs the Oxigraph server 0.5 or newer (for --timeout-s); {fake} is oxigraph 0.4.11: "
        "pip install -U oxigraph"
    )
