"""`kg export`: every format read back with its own reader, exact counts and values on the fixture
graph and the seed articles, byte-identical re-runs, and the named-graph split of N-Quads."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import fixtures_rdf as fx
import networkx as nx
import pyarrow.parquet as pq
import pytest
import rdflib
from rdflib.compare import isomorphic

from kg.build import build
from kg.cli import DEFAULT_INPUT, main
from kg.export import FORMATS, export, export_files
from kg.network import graph_from_file
from kg.rdf import KG, RDF, build_graph, load_graph, mint_iri, write_turtle

ROOT = Path(__file__).resolve().parent.parent
N_TRIPLES = 513  # triples of the fixture graph
EDGE_HEADER = [
    "source",
    "target",
    "event_id",
    "cameo",
    "cameo_root",
    "label",
    "plover",
    "quad_class",
    "goldstein",
    "modality",
    "date",
    "date_granularity",
    "date_text",
    "doc",
    "doc_title",
    "doc_url",
    "doc_date",
    "evidence",
    "source_text",
    "target_text",
    "trigger",
    "rule",
    "attributed_to",
    "n_mentions",
    "source_id",
    "target_id",
]


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "graph.ttl"
    write_turtle(build_graph(fx.results(), fx.actor_info), path)
    return path


@pytest.fixture(scope="module")
def exported(graph_file: Path) -> dict[str, Path]:
    """Every format written once, beside the graph (the default output paths)."""
    return {fmt: export(fmt, graph_file)[0] for fmt in FORMATS}


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    build([DEFAULT_INPUT], out, html=False)
    return out / "graph.ttl"


def test_default_output_paths(exported: dict[str, Path], graph_file: Path) -> None:
    here = graph_file.parent
    assert exported == {
        "graphml": here / "graph.graphml",
        "gexf": here / "graph.gexf",
        "csv": here / "graph-csv" / "nodes.csv",
        "parquet": here / "graph-parquet" / "nodes.parquet",
        "jsonld": here / "graph.jsonld",
        "nt": here / "graph.nt",
        "nq": here / "graph.nq",
    }
    assert sorted(p.name for p in (here / "graph-csv").iterdir()) == ["edges.csv", "nodes.csv"]


# ---------------------------------------------------------------- network formats


def _check_network(g: nx.MultiDiGraph) -> None:
    assert (g.number_of_nodes(), g.number_of_edges()) == (6, 10)
    assert sorted(g.nodes) == ["PRK", "RUS", "SVK", "USA", "WAGNER", "WST"]
    edge = g.edges["PRK", "WAGNER", fx.EV_ARMS_WAGNER]
    assert (edge["date"], edge["date_granularity"], edge["cameo"], edge["quad_class"], edge["goldstein"]) == (
        "2022-11",
        "month",
        "072",
        2,
        5.2,
    )
    assert edge["evidence"] == fx.SENTENCES_A[1]
    assert "doc_date" not in edge  # missing values are left out, not written as empty strings
    assert g.edges["PRK", "RUS", fx.EV_DENIED]["evidence"] == fx.TRICKY_SENTENCE
    assert g.nodes["PRK"]["wikidata"] == "Q423" and g.nodes["PRK"]["n_events"] == 5
    assert json.loads(g.nodes["USA"]["members"]) == [
        {"id": "PER.john_kirby", "label": "John Kirby", "n": 1, "type": "person"},
        {"id": "USA", "label": "Amerika Serikat", "n": 2, "type": "state"},
        {"id": "USA.GOV", "label": "Pemerintah Amerika Serikat", "n": 1, "type": "state"},
    ]


def test_graphml(exported: dict[str, Path]) -> None:
    g = nx.read_graphml(exported["graphml"])
    assert isinstance(g, nx.MultiDiGraph)
    _check_network(g)
    assert g.nodes["WST"] == {
        "label": "negara-negara Barat",
        "label_en": "the West",
        "type": "organisation",
        "n_events": 1,
        "members": '[{"id":"WST","label":"negara-negara Barat","n":1,"type":"organisation"}]',
    }


def test_gexf(exported: dict[str, Path]) -> None:
    g = nx.read_gexf(exported["gexf"])
    _check_network(g)
    assert g.nodes["WAGNER"]["label"] == "Grup Wagner"
    assert g.edges["PRK", "WAGNER", fx.EV_ARMS_WAGNER]["label"] == "arms transfer"
    # the GEXF date is the newest article's, not the day of the export
    assert '<meta lastmodifieddate="2023-08-31">' in exported["gexf"].read_text(encoding="utf-8")


def test_csv(exported: dict[str, Path]) -> None:
    folder = exported["csv"].parent
    with open(folder / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(folder / "edges.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        edges = {row["event_id"]: row for row in reader}
        assert reader.fieldnames == EDGE_HEADER
    assert [(n["id"], n["label"], n["n_events"], n["wikidata"]) for n in nodes] == [
        ("PRK", "Korea Utara", "5", "Q423"),
        ("RUS", "Rusia", "7", "Q159"),
        ("SVK", "Slowakia", "1", "Q214"),
        ("USA", "Amerika Serikat", "4", "Q30"),
        ("WAGNER", "Grup Wagner", "2", "Q25412942"),
        ("WST", "negara-negara Barat", "1", ""),
    ]
    assert len(edges) == 10
    wagner = edges[fx.EV_ARMS_WAGNER]
    assert (wagner["source"], wagner["target"], wagner["date"], wagner["goldstein"], wagner["doc"]) == (
        "PRK",
        "WAGNER",
        "2022-11",
        "5.2",
        fx.DOC_A,
    )
    assert edges[fx.EV_DENIED]["evidence"] == fx.TRICKY_SENTENCE  # quotes, backslash, newline intact
    assert edges[fx.EV_SANCTION_RUS]["doc_url"] == fx.URL_B


def test_parquet(exported: dict[str, Path]) -> None:
    folder = exported["parquet"].parent
    nodes, edges = pq.read_table(folder / "nodes.parquet"), pq.read_table(folder / "edges.parquet")
    assert (nodes.num_rows, edges.num_rows) == (6, 10)
    assert edges.column_names == EDGE_HEADER
    assert {str(edges.schema.field(c).type) for c in ("quad_class", "n_mentions")} == {"int64"}
    assert str(edges.schema.field("goldstein").type) == "double"
    rows = {r["event_id"]: r for r in edges.to_pylist()}
    assert rows[fx.EV_ARMS_WAGNER]["date"] == "2022-11" and rows[fx.EV_ARMS_WAGNER]["goldstein"] == 5.2
    assert (
        rows[fx.EV_ARMS_WAGNER]["doc_date"] is None
        and rows[fx.EV_ARMS_POSSIBLE]["date_text"] == "beberapa bulan mendatang"
    )
    assert nodes.to_pylist()[3]["id"] == "USA" and nodes.to_pylist()[3]["n_events"] == 4


# ---------------------------------------------------------------- RDF formats


def test_jsonld(exported: dict[str, Path], graph_file: Path) -> None:
    data = json.loads(exported["jsonld"].read_text(encoding="utf-8"))
    assert data["@context"]["kg"] == "https://w3id.org/kg-id/ontology#"
    assert data["@context"]["ev"] == "https://w3id.org/kg-id/resource/event/"
    ids = [node["@id"] for node in data["@graph"]]
    assert ids == sorted(ids) and f"ev:{fx.EV_ARMS_WAGNER}" in ids
    back = rdflib.Graph().parse(exported["jsonld"], format="json-ld")
    assert len(back) == N_TRIPLES
    assert isomorphic(back, load_graph(graph_file))


def test_nt(exported: dict[str, Path], graph_file: Path) -> None:
    lines = exported["nt"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == N_TRIPLES and lines == sorted(lines)
    back = rdflib.Graph().parse(exported["nt"], format="nt")
    assert isomorphic(back, load_graph(graph_file))
    date = mint_iri("date", fx.EV_ARMS_WAGNER)
    assert str(back.value(date, KG.value)) == "2022-11"


def test_nq_puts_each_document_in_its_own_graph(exported: dict[str, Path], graph_file: Path) -> None:
    dataset = rdflib.Dataset()
    dataset.parse(exported["nq"], format="nquads")
    doc_a, doc_b = mint_iri("doc", fx.DOC_A), mint_iri("doc", fx.DOC_B)
    sizes = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
    assert sizes == {str(doc_a): 245, str(doc_b): 165, "urn:x-rdflib:default": 103}
    in_a = dataset.graph(doc_a)
    event = mint_iri("event", fx.EV_ARMS_WAGNER)
    assert (event, KG.document, doc_a) in in_a
    assert (mint_iri("date", fx.EV_ARMS_WAGNER), KG.value, rdflib.Literal("2022-11")) in in_a
    assert (
        mint_iri("mention", f"{fx.EV_ARMS_WAGNER}.1"),
        KG.sentence,
        rdflib.Literal(fx.SENTENCES_A[1]),
    ) in in_a
    assert (mint_iri("role", f"{fx.EV_ARMS_WAGNER}.source"), RDF.value, mint_iri("actor", "PRK")) in in_a
    assert (doc_a, RDF.type, KG.Document) in in_a
    # the default graph holds only what documents share: actors and extraction rules
    default = dataset.default_graph
    assert {o for _, o in default.subject_objects(RDF.type)} == {KG.Actor, KG.Rule}
    assert set(default.subjects()) == set(default.subjects(RDF.type))
    assert isomorphic(
        load_graph(exported["nq"]), load_graph(graph_file)
    )  # merging the graphs gives it all back


def test_seed_exports_agree_with_the_graph(seed_graph: Path, tmp_path: Path) -> None:
    network = graph_from_file(seed_graph)
    triples = len(load_graph(seed_graph))
    g = nx.read_graphml(export("graphml", seed_graph, tmp_path / "seed.graphml")[0])
    assert (g.number_of_nodes(), g.number_of_edges()) == (
        network.number_of_nodes(),
        network.number_of_edges(),
    )
    to_wagner = [
        (d["date"], d["cameo"], d["doc"])
        for _, target, d in g.out_edges("PRK", data=True)
        if target == "WAGNER" and d.get("date") == "2022-11"
    ]
    assert to_wagner == [("2022-11", "072", "000_deec51cd281f298f")]
    nq = export("nq", seed_graph, tmp_path / "seed.nq")[0]
    assert len(nq.read_text(encoding="utf-8").splitlines()) == triples
    dataset = rdflib.Dataset()
    dataset.parse(nq, format="nquads")
    named = {
        str(g.identifier)
        for g in dataset.graphs()
        if len(g) and g.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID
    }
    docs = {
        json.loads(line)["doc"] for line in (seed_graph.parent / "documents.jsonl").read_text().splitlines()
    }
    assert named == {str(mint_iri("doc", d)) for d in docs}


# ---------------------------------------------------------------- determinism and the command line

_EXPORT_ALL = """
import sys
from pathlib import Path
from kg.export import FORMATS, export, export_files
for fmt in FORMATS:
    export(fmt, Path(sys.argv[1]), Path(sys.argv[2]) / fmt)
"""


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_outputs_are_byte_identical_across_runs(graph_file: Path, tmp_path: Path) -> None:
    trees = []
    for seed in ("1", "2"):  # different hash seeds: no set or dict order may leak into a file
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", _EXPORT_ALL, str(graph_file), str(out)],
            check=True,
            env=env,
            cwd=ROOT,
            timeout=120,
        )
        trees.append(_tree(out))
    assert sorted(trees[0]) == [
        "csv/edges.csv",
        "csv/nodes.csv",
        "gexf",
        "graphml",
        "jsonld",
        "nq",
        "nt",
        "parquet/edges.parquet",
        "parquet/nodes.parquet",
    ]
    assert trees[0] == trees[1]


def test_cli_writes_to_stdout_and_files(
    graph_file: Path, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", "nt", "--graph", str(graph_file), "-o", "-"]) == 0
    assert capsysbinary.readouterr().out == export_files("nt", graph_file)[""]
    assert main(["export", "csv", "--graph", str(graph_file), "-o", str(tmp_path / "tables")]) == 0
    tables = tmp_path / "tables"
    assert capsysbinary.readouterr().out.decode() == f"wrote {tables / 'nodes.csv'}, {tables / 'edges.csv'}\n"
    umask = os.umask(0o022)
    os.umask(umask)
    assert (
        tables / "nodes.csv"
    ).stat().st_mode & 0o777 == 0o666 & ~umask  # not left private like a temp file


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "csv", "-o", "-"], "kg: csv export writes a directory; give -o DIR\n"),
        (["export", "nt", "-o", "{tmp}"], "kg: {tmp} is a directory; give a file name for the nt export\n"),
        (
            ["export", "graphml", "--graph", "{tmp}/none.ttl"],
            "kg: {tmp}/none.ttl: graph file not found (run `kg build` first, or pass --graph)\n",
        ),
        (
            ["export", "jsonld", "--graph", "{tmp}/graph.csv"],
            "kg: {tmp}/graph.csv: unknown graph format; expected one of .ttl, .nt, .nq, .jsonld\n",
        ),
    ],
)
def test_cli_errors(
    graph_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    args = [a.format(tmp=tmp_path) for a in argv]
    if "--graph" not in args:
        args += ["--graph", str(graph_file)]
    assert main(args) == 1
    assert capsys.readouterr().err == message.format(tmp=tmp_path)


def test_xml_formats_survive_control_characters(graph_file: Path, tmp_path: Path) -> None:
    graph = load_graph(graph_file)
    mention = mint_iri("mention", f"{fx.EV_DENIED}.1")
    graph.set((mention, KG.sentence, rdflib.Literal("Korea Utara\x01 membantah\x0b <b>&amp;</b>")))
    hostile = tmp_path / "hostile.ttl"
    write_turtle(graph, hostile)
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        g = read(export(fmt, hostile, tmp_path / f"hostile.{fmt}")[0])
        assert (
            g.edges["PRK", "RUS", fx.EV_DENIED]["evidence"]
            == "Korea Utara\ufffd membantah\ufffd <b>&amp;</b>"
        )
        assert g.nodes["PRK"]["label"] == "Korea Utara"


def test_a_graph_without_events(tmp_path: Path) -> None:
    empty = tmp_path / "empty.ttl"
    write_turtle(build_graph([]), empty)
    assert nx.read_graphml(export("graphml", empty)[0]).number_of_nodes() == 0
    assert "lastmodifieddate" not in export("gexf", empty)[0].read_text(encoding="utf-8")
    nodes, edges = export("csv", empty)
    assert (nodes.read_text(), edges.read_text()) == (
        "id,label,label_en,type,n_events,wikidata,members\n",
        ",".join(EDGE_HEADER) + "\n",
    )
    assert pq.read_table(export("parquet", empty)[1]).num_rows == 0
    assert export("nq", empty)[0].read_bytes() == b""
