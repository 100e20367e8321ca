"""`kg query`: every bundled query's exact rows on the fixture graph, output formats, and errors."""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

import fixtures_rdf as fx
import pyoxigraph as ox
import pytest
import rdflib

from kg.errors import GraphError, QueryError
from kg.queries import (
    QUERIES_DIR,
    Cell,
    Query,
    QueryResult,
    bundled_queries,
    format_csv,
    format_table,
    open_store,
    register,
    resolve_query,
    run_query,
    with_timeout,
)
from kg.rdf import KG, build_graph, write_turtle

A, B = fx.DOC_A, fx.DOC_B
S_A, S_B = fx.SENTENCES_A, fx.SENTENCES_B
SANCTION = "impose embargo, boycott, or sanctions"

# fmt: off
EVENT_COLUMNS = ("event", "date", "source", "target", "cameo", "label", "modality", "attributed_to", "doc",
                 "evidence")
SANCTION_COLUMNS = ("event", "date", "source", "target", "target_text", "cameo", "modality", "doc",
                    "evidence")
PLANNED = (fx.EV_ARMS_PLANNED, None, "PRK", "RUS", "072", "arms transfer", "planned", "USA", A, S_A[0])
DENIED = (fx.EV_DENIED, None, "PRK", "RUS", "062", "cooperate militarily", "denied", None, A,
          fx.TRICKY_SENTENCE)
POSSIBLE = (fx.EV_ARMS_POSSIBLE, None, "PRK", "RUS", "072", "arms transfer", "possible", "USA", B, S_B[1])
TO_WAGNER = (fx.EV_ARMS_WAGNER, "2022-11", "PRK", "WAGNER", "072", "arms transfer", "asserted", "USA", A,
             S_A[1])


def cols(names: str) -> tuple[str, ...]:
    return tuple(names.split())


@pytest.fixture(scope="module")
def store() -> ox.Store:
    return open_store(build_graph(fx.results(), fx.actor_info))


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    write_turtle(build_graph(fx.results(), fx.actor_info), path)
    return path


def rows(store: ox.Store, name: str, **params: str) -> tuple[tuple[str, ...], list[tuple[Cell, ...]]]:
    result = run_query(store, bundled_queries()[name], params)
    return result.columns, result.rows


# ---------------------------------------------------------------- the bundled queries

def test_bundled_queries_and_their_parameters() -> None:
    queries = bundled_queries()
    assert {name: [p.name for p in q.params] for name, q in queries.items()} == {
        "actors": [], "arms-from": ["source"], "arms-to": ["target"], "balance": [],
        "chains": ["actor", "root"], "claims-by": ["claimant"], "connected-via": ["actor"], "denials": [],
        "documents": ["actor"],
        "dyad": ["a", "b"], "dyads": [], "events-by-month": [], "evidence": ["event"],
        "sanctions-by": ["source"], "sanctions-on": ["target"], "timeline": ["actor"], "unresolved-dates": []}
    assert all(q.description and q.name == Path(q.origin).stem for q in queries.values())
    assert queries["arms-to"].params[0].description == "code of the receiving actor (e.g. RUS)"


def test_queries_use_only_declared_kg_terms() -> None:
    used = {term for path in QUERIES_DIR.glob("*.rq") for term in re.findall(r"\bkg:(\w+)", path.read_text())}
    undeclared = []
    for term in sorted(used):
        try:
            KG[term]
        except (AttributeError, KeyError):
            undeclared.append(term)
    assert undeclared == []


def test_arms_to(store: ox.Store) -> None:
    assert rows(store, "arms-to", target="RUS") == (EVENT_COLUMNS, [PLANNED, DENIED, POSSIBLE])


def test_arms_from(store: ox.Store) -> None:
    assert rows(store, "arms-from", source="PRK") == (EVENT_COLUMNS, [PLANNED, DENIED, POSSIBLE, TO_WAGNER])
    assert rows(store, "arms-from", source="RUS") == (EVENT_COLUMNS, [])


def test_sanctions_by(store: ox.Store) -> None:
    assert rows(store, "sanctions-by", source="USA") == (SANCTION_COLUMNS, [
        (fx.EV_SANCTION_RUS, None, "USA", "RUS", "entitas Rusia", "163", "asserted", B, S_B[2]),
        (fx.EV_SANCTION_SVK, None, "USA", "SVK", "seorang pria Slovakia", "163", "asserted", A, S_A[3])])


def test_sanctions_on(store: ox.Store) -> None:
    assert rows(store, "sanctions-on", target="RUS") == (SANCTION_COLUMNS, [
        (fx.EV_SANCTION_RUS, None, "USA", "RUS", "entitas Rusia", "163", "asserted", B, S_B[2]),
        (fx.EV_SANCTION_WST, None, "WST", "RUS", "entitas Rusia", "163", "asserted", B, S_B[2])])


def test_timeline(store: ox.Store) -> None:
    assert rows(store, "timeline", actor="PRK") == (
        cols("actor when date published source target cameo label modality doc event"), [
            ("PRK", "2022-11", "2022-11", None, "PRK", "WAGNER", "072", "arms transfer", "asserted", A,
             fx.EV_ARMS_WAGNER),
            ("PRK", "2023-08-31", None, "2023-08-31", "PRK", "RUS", "072", "arms transfer", "possible", B,
             fx.EV_ARMS_POSSIBLE),
            ("PRK", None, None, None, "PRK", "RUS", "072", "arms transfer", "planned", A, fx.EV_ARMS_PLANNED),
            ("PRK", None, None, None, "PRK", "RUS", "062", "cooperate militarily", "denied", A, fx.EV_DENIED),
            ("PRK", None, None, None, "USA", "PRK", "012", "express concern", "asserted", A,
             fx.EV_CONCERN_PRK)])


def test_dyads(store: ox.Store) -> None:
    assert rows(store, "dyads") == (cols("source target events goldstein_sum min_cameo max_cameo"), [
        ("PRK", "RUS", 3, 17.8, "062", "072"), ("USA", "RUS", 2, -8.4, "012", "163"),
        ("USA", "SVK", 1, -8.0, "163", "163"), ("WST", "RUS", 1, -8.0, "163", "163"),
        ("RUS", "WAGNER", 1, 7.0, "070", "070"), ("PRK", "WAGNER", 1, 5.2, "072", "072"),
        ("USA", "PRK", 1, -0.4, "012", "012")])


def test_events_by_month(store: ox.Store) -> None:
    assert rows(store, "events-by-month") == (cols("month cameo label events"), [
        ("2022-11", "072", "arms transfer", 1), ("2023-08", "012", "express concern", 1),
        ("2023-08", "072", "arms transfer", 1), ("2023-08", "163", SANCTION, 2)])


def test_claims_by(store: ox.Store) -> None:
    assert rows(store, "claims-by", claimant="USA") == (
        cols("claimant event source target cameo label modality date doc evidence"), [
            ("USA", fx.EV_ARMS_PLANNED, "PRK", "RUS", "072", "arms transfer", "planned", None, A, S_A[0]),
            ("USA", fx.EV_ARMS_POSSIBLE, "PRK", "RUS", "072", "arms transfer", "possible", None, B, S_B[1]),
            ("USA", fx.EV_ARMS_WAGNER, "PRK", "WAGNER", "072", "arms transfer", "asserted", "2022-11", A,
             S_A[1])])


def test_denials(store: ox.Store) -> None:
    assert rows(store, "denials") == (
        cols("event source target cameo label source_text attributed_to doc evidence"),
        [(fx.EV_DENIED, "PRK", "RUS", "062", "cooperate militarily", "Korea Utara", None, A,
          fx.TRICKY_SENTENCE)])


def test_balance(store: ox.Store) -> None:
    assert rows(store, "balance") == (
        cols("actor_a actor_b events verbal_coop material_coop verbal_conflict material_conflict balance "
             "goldstein_sum"), [
            ("PRK", "RUS", 3, 0, 3, 0, 0, 3, 17.8), ("RUS", "USA", 2, 1, 0, 0, 1, 0, -8.4),
            ("PRK", "USA", 1, 1, 0, 0, 0, 1, -0.4), ("PRK", "WAGNER", 1, 0, 1, 0, 0, 1, 5.2),
            ("RUS", "WAGNER", 1, 0, 1, 0, 0, 1, 7.0), ("RUS", "WST", 1, 0, 0, 0, 1, -1, -8.0),
            ("SVK", "USA", 1, 0, 0, 0, 1, -1, -8.0)])


def test_evidence(store: ox.Store) -> None:
    start = len(" ".join(S_A[:4])) + 1
    assert rows(store, "evidence", event=fx.EV_ARMS_PLANNED) == (
        cols("event doc sentence_index start end trigger rule sentence"), [
            (fx.EV_ARMS_PLANNED, A, 0, 0, len(S_A[0]), "berencana untuk mengirim lebih banyak senjata",
             "transfer.kirim-ke", S_A[0]),
            (fx.EV_ARMS_PLANNED, A, 4, start, start + len(S_A[4]),
             "berencana untuk mengirim lebih banyak peralatan militer", "transfer.kirim-ke", S_A[4])])


def test_documents(store: ox.Store) -> None:
    assert rows(store, "documents", actor="RUS") == (cols("actor doc published title events url"), [
        ("RUS", B, fx.PUBLISHED_B, "Amerika Khawatir Rusia dapat Amunisi dari Korea Utara", 4, fx.URL_B),
        ("RUS", A, None, fx.HOSTILE_TITLE, 3, None)])
    assert rows(store, "documents", actor="WAGNER")[1] == [("WAGNER", A, None, fx.HOSTILE_TITLE, 2, None)]


def test_connected_via(store: ox.Store) -> None:
    assert rows(store, "connected-via", actor="WAGNER") == (cols("actor other via actor_via via_other"), [
        ("WAGNER", "USA", "PRK", 1, 1), ("WAGNER", "USA", "RUS", 1, 2), ("WAGNER", "WST", "RUS", 1, 1)])
    assert rows(store, "connected-via", actor="SVK")[1] == [
        ("SVK", "PRK", "USA", 1, 1), ("SVK", "RUS", "USA", 1, 2)]


def test_chains() -> None:
    from kg.model import Document
    from kg.pipeline import default_resources, process_document
    from kg.rdf import build_graph

    texts = [("Korea Utara mengirim senjata ke Rusia. Rusia mengirim senjata ke Suriah. "
             "Suriah mengirim senjata ke Hizbullah. Rusia menyerang Ukraina."),
             "Iran mengirim senjata ke Rusia. Rusia mengirim senjata ke Suriah."]
    resources = default_resources()
    chained = open_store(build_graph([process_document(Document(f"c{n}", text, None, "2024-01-01"), resources)
                                      for n, text in enumerate(texts)]))
    chains = bundled_queries()["chains"]
    header = cols("actor b c d root chains")
    # RUS -> SYR is stated in both documents: two combinations support the chain
    assert rows(chained, "chains", actor="PRK", root="07") == (header, [("PRK", "RUS", "SYR", "HEZBOLLAH", "07", 2)])
    assert rows(chained, "chains", actor="IRN", root="07") == (header, [("IRN", "RUS", "SYR", "HEZBOLLAH", "07", 2)])
    assert run_query(chained, chains, {"actor": "PRK", "root": "19"}).rows == []  # RUS -> UKR is one step only


def test_unresolved_dates(store: ox.Store) -> None:
    assert rows(store, "unresolved-dates") == (
        cols("event date_text published source target cameo label doc"),
        [(fx.EV_ARMS_POSSIBLE, "beberapa bulan mendatang", fx.PUBLISHED_B, "PRK", "RUS", "072",
          "arms transfer", B)])


def test_actors(store: ox.Store) -> None:
    assert rows(store, "actors") == (cols("code label label_en type wikidata events"), [
        ("RUS", "Rusia", "Russia", "state", "Q159", 7),
        ("PRK", "Korea Utara", "North Korea", "state", "Q423", 5),
        ("USA", "Amerika Serikat", "United States", "state", "Q30", 4),
        ("WAGNER", "Grup Wagner", "Wagner Group", "armed_group", "Q25412942", 2),
        ("SVK", "Slowakia", "Slovakia", "state", "Q214", 1),
        ("WST", "negara-negara Barat", "the West", "organisation", None, 1)])


def test_dyad(store: ox.Store) -> None:
    columns, found = rows(store, "dyad", a="RUS", b="PRK")
    assert columns == cols("a b date source target cameo label modality attributed_to doc event")
    assert [row[-1] for row in found] == [fx.EV_ARMS_PLANNED, fx.EV_DENIED, fx.EV_ARMS_POSSIBLE]
# fmt: on


def test_parameters_are_bound_not_pasted(store: ox.Store) -> None:
    # a value that would break out of a string literal if it were pasted into the query text
    assert rows(store, "arms-to", target='RUS" } UNION { ?e ?p ?o } #') == (EVENT_COLUMNS, [])


# ---------------------------------------------------------------- output formats

DYADS = QueryResult(
    ("source", "target", "events", "title"),
    [("PRK", "RUS", 3, "a\x1b[2Jb\nc"), ("USA", "SVK", 1, '=HYPERLINK("x")')],
    total=5,
)


def test_table_is_aligned_safe_and_says_what_was_cut() -> None:
    assert format_table(DYADS, max_width=8) == (
        "source  target  events  title\n"
        "------  ------  ------  --------\n"
        "PRK     RUS     3       a\ufffd[2Jb c\n"
        "USA     SVK     1       =HYPERL…\n"
        "(2 of 5 rows)\n"
    )


def test_csv_neutralises_formulas_and_control_characters() -> None:
    assert format_csv(DYADS) == (
        'source,target,events,title\nPRK,RUS,3,"a\ufffd[2Jb\nc"\nUSA,SVK,1,"\'=HYPERLINK(""x"")"\n'
    )


def test_json_keeps_types(store: ox.Store, graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["query", "dyads", "--graph", str(graph_file), "--format", "json", "--limit", "2"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == [
        {
            "source": "PRK",
            "target": "RUS",
            "events": 3,
            "goldstein_sum": 17.8,
            "min_cameo": "062",
            "max_cameo": "072",
        },
        {
            "source": "USA",
            "target": "RUS",
            "events": 2,
            "goldstein_sum": -8.4,
            "min_cameo": "012",
            "max_cameo": "163",
        },
    ]
    assert err == "5 more rows not shown (of 7; use --limit 0 for all)\n"


def test_ask_and_construct(store: ox.Store) -> None:
    assert run_query(store, Query('ASK { ?e kg:modality "denied" }')).boolean is True
    result = run_query(
        store, Query('CONSTRUCT { ?e kg:modality ?m } WHERE { ?e kg:modality ?m ; kg:cameo "163" }')
    )
    assert result.triples == "".join(
        f"<https://w3id.org/kg-id/resource/event/{e}> <https://w3id.org/kg-id/ontology#modality> "
        '"asserted" .\n'
        for e in (fx.EV_SANCTION_SVK, fx.EV_SANCTION_RUS, fx.EV_SANCTION_WST)
    )


# ---------------------------------------------------------------- resolving queries and errors


def test_resolve_query_from_name_file_and_text(tmp_path: Path) -> None:
    assert resolve_query("denials").name == "denials"
    path = tmp_path / "mine.rq"
    path.write_text(
        "# description: mine\n# param: x - an x\nSELECT ?x WHERE { ?s ?p ?x }\n", encoding="utf-8"
    )
    query = resolve_query(str(path))
    assert (query.name, query.description, [p.name for p in query.params]) == ("mine", "mine", ["x"])
    assert resolve_query("SELECT * WHERE { ?s ?p ?o }").name == "inline"


def test_unknown_query_suggests_close_names() -> None:
    with pytest.raises(QueryError, match=r"unknown query 'arm-to' .*did you mean arms-to, arms-from"):
        resolve_query("arm-to")
    with pytest.raises(QueryError, match=r"query file nothing\.rq not found"):
        resolve_query("nothing.rq")


def test_parameter_errors(store: ox.Store) -> None:
    arms_to = bundled_queries()["arms-to"]
    with pytest.raises(
        QueryError, match=r"query arms-to needs --param target=VALUE: code of the receiving actor"
    ):
        run_query(store, arms_to, {})
    with pytest.raises(QueryError, match=r"query arms-to has no parameter actor \(it takes: target\)"):
        run_query(store, arms_to, {"target": "RUS", "actor": "RUS"})
    with pytest.raises(QueryError, match="parameter 'nope' is not a variable the query selects"):
        run_query(store, Query("SELECT ?s WHERE { ?s ?p ?o }"), {"nope": "x"})


def test_syntax_error_is_one_line(store: ox.Store) -> None:
    with pytest.raises(QueryError, match=r"^inline query: SPARQL syntax error at 1:\d+") as info:
        run_query(store, Query("SELECT ?s WHERE { ?s ?p "))
    assert "\n" not in str(info.value)


def test_timeout_gives_up_and_reports() -> None:
    started = time.perf_counter()
    with pytest.raises(
        QueryError, match=r"query took longer than 0.05 s and was stopped \(raise --timeout\)"
    ):
        with_timeout(lambda: time.sleep(1.0), 0.05)
    assert time.perf_counter() - started < 0.9
    assert with_timeout(lambda: 42, 1.0) == 42
    with pytest.raises(ZeroDivisionError):
        with_timeout(lambda: 1 // 0, 1.0)


def test_named_graphs_of_nquads_are_queried(tmp_path: Path) -> None:
    dataset = rdflib.Dataset()
    named = dataset.graph(rdflib.URIRef("urn:x-kg:batch1"))
    for triple in build_graph(fx.results(), fx.actor_info):
        named.add(triple)
    path = tmp_path / "graph.nq"
    dataset.serialize(path, format="nquads")
    assert run_query(open_store(path), bundled_queries()["denials"]).total == 1


def test_missing_graph_file(tmp_path: Path) -> None:
    with pytest.raises(GraphError, match="graph file not found"):
        open_store(tmp_path / "graph.ttl")


# ---------------------------------------------------------------- command line


def cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="kg")
    register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_cli_csv(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "sanctions-on", "--param", "target=RUS", "--graph", str(graph_file), "--format", "csv"]
    assert cli(argv) == 0
    assert capsys.readouterr().out.splitlines() == [
        ",".join(SANCTION_COLUMNS),
        f"{fx.EV_SANCTION_RUS},,USA,RUS,entitas Rusia,163,asserted,{B},{S_B[2]}",
        f"{fx.EV_SANCTION_WST},,WST,RUS,entitas Rusia,163,asserted,{B},{S_B[2]}",
    ]


def test_cli_table_of_inline_query(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    query = "SELECT ?doc ?title WHERE { ?d schema:identifier ?doc ; schema:headline ?title } ORDER BY ?doc"
    assert cli(["query", query, "--graph", str(graph_file)]) == 0
    assert capsys.readouterr().out == (
        "doc                   title\n"
        "--------------------  -----------------------------------------------------\n"
        f"{A}  <img src=x onerror=alert(1)>\n"
        f"{B}  Amerika Khawatir Rusia dapat Amunisi dari Korea Utara\n"
        "(2 rows)\n"
    )


def test_cli_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("actors\n    Every code-level actor")
    assert "arms-to  --param target=…\n" in out
    assert "dyad  --param a=… --param b=…\n" in out


def test_cli_needs_a_query() -> None:
    with pytest.raises(QueryError, match="give a QUERY"):
        cli(["query"])


def test_cli_bad_param_syntax_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli(["query", "dyads", "--param", "no-equals-sign"])
    assert info.value.code == 2
    assert "expected NAME=VALUE" in capsys.readouterr().err
