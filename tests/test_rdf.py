"""The RDF graph: IRIs, triples, deterministic Turtle, round trips, SHACL shapes and the networkx view."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import fixtures_rdf as fx
import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import GraphError
from kg.network import graph_from_file, graph_from_rdf
from kg.rdf import (
    KG,
    ONTOLOGY,
    OWL,
    RDF,
    RESOURCE_KINDS,
    SCHEMA,
    SEM,
    TIME,
    WD,
    XSD,
    build_graph,
    encode_key,
    load_graph,
    mint_iri,
    namespaces,
    turtle,
    write_turtle,
)
from kg.shapes import SHAPES, validate

ROOT = Path(__file__).resolve().parent.parent
RES = "https://w3id.org/kg-id/resource/"


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return build_graph(fx.results(), fx.actor_info)


def ev(event_id: str) -> URIRef:
    return mint_iri("event", event_id)


# ---------------------------------------------------------------- vocabulary and IRIs


def test_namespaces_are_read_from_the_ontology() -> None:
    ns = namespaces()
    assert ns["kg"] == "https://w3id.org/kg-id/ontology#"
    assert ns["kgr"] == RES
    assert str(SEM) == "http://semanticweb.cs.vu.nl/2009/11/sem/"
    assert sorted(RESOURCE_KINDS) == ["actor", "date", "doc", "event", "mention", "role", "rule"]


def test_iris_are_spelled_out_only_in_the_ontology() -> None:
    mine = ["kg/rdf.py", "kg/turtle.py", "kg/network.py", "kg/queries.py", "kg/trace.py", "kg/shapes.py"]
    mine += [str(p.relative_to(ROOT)) for p in sorted((ROOT / "schema" / "queries").glob("*.rq"))]
    offenders = [name for name in mine if "://" in (ROOT / name).read_text(encoding="utf-8")]
    assert offenders == []


def test_shapes_use_the_ontology_prefixes() -> None:
    shapes = rdflib.Graph(bind_namespaces="none").parse(SHAPES)
    declared = {prefix: str(iri) for prefix, iri in shapes.namespaces()}
    assert declared == {prefix: namespaces()[prefix] for prefix in declared}


def test_every_kg_term_in_the_graph_is_declared_in_the_ontology(graph: rdflib.Graph) -> None:
    ontology = rdflib.Graph().parse(ONTOLOGY)
    used = {p for p in graph.predicates() if str(p).startswith(str(KG))}
    used |= {o for o in graph.objects(None, RDF.type) if str(o).startswith(str(KG))}
    assert sorted(str(t) for t in used if (t, RDF.type, None) not in ontology) == []


def test_readable_ids_stay_readable() -> None:
    assert str(mint_iri("actor", "PER.john_kirby")) == RES + "actor/PER.john_kirby"
    assert str(mint_iri("event", "ev-0000000000000a01")) == RES + "event/ev-0000000000000a01"


def test_other_characters_are_percent_encoded() -> None:
    assert str(mint_iri("actor", "Kim Jong-un/ü")) == RES + "actor/Kim%20Jong-un%2F%C3%BC"
    assert encode_key('<img src=x onerror="a">') == "%3Cimg%20src%3Dx%20onerror%3D%22a%22%3E"
    assert encode_key("~") == "%7E"
    assert encode_key("") == "~"
    assert encode_key("..") == "%2E%2E"


def test_long_keys_are_cut_and_hashed_without_collisions() -> None:
    a, b = encode_key("x" * 200 + "a"), encode_key("x" * 200 + "b")
    assert a != b
    assert a.startswith("x" * 80 + "~") and len(a) == 97
    assert encode_key("é" * 100).startswith("%C3%A9" * 13 + "~")  # never splits a %XX escape


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown resource kind 'person'"):
        mint_iri("person", "x")


@settings(max_examples=60, deadline=None, database=None)
@given(st.text(max_size=30))
def test_any_text_gives_a_valid_reversible_iri(key: str) -> None:
    encoded = encode_key(key)
    assert all(c.isascii() and (c.isalnum() or c in "._-%~") for c in encoded)
    if key and key.strip(".") and "~" not in encoded:  # not empty, all dots, or cut and hashed
        assert unquote(encoded, errors="surrogatepass") == key  # reversible, hence collision-free
    iri = mint_iri("actor", key)
    graph = rdflib.Graph()
    graph.add((iri, SCHEMA.identifier, Literal("x")))
    text = turtle(graph)
    assert set(rdflib.Graph().parse(data=text, format="turtle").subjects()) == {iri}
    assert [q.subject.value for q in ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)] == [str(iri)]


# ---------------------------------------------------------------- what the graph says


def test_event_triples(graph: rdflib.Graph) -> None:
    e = ev(fx.EV_ARMS_PLANNED)
    assert graph.value(e, KG.source) == mint_iri("actor", "PRK")
    assert graph.value(e, KG.target) == mint_iri("actor", "RUS")
    assert graph.value(e, KG.cameo) == Literal("072")
    assert graph.value(e, KG.cameoRoot) == Literal("07")
    assert graph.value(e, KG.quadClass) == Literal(2)
    assert str(graph.value(e, KG.goldstein)) == "5.2"
    assert graph.value(e, KG.modality) == Literal("planned")
    assert graph.value(e, SEM.accordingTo) == mint_iri("actor", "USA")
    assert graph.value(e, KG.document) == mint_iri("doc", fx.DOC_A)
    assert sorted(map(str, graph.objects(e, KG.mention))) == [
        str(mint_iri("mention", f"{fx.EV_ARMS_PLANNED}.{i}")) for i in (1, 2)
    ]


def test_sem_roles(graph: rdflib.Graph) -> None:
    role = mint_iri("role", f"{fx.EV_SANCTION_SVK}.target")
    assert set(graph.objects(ev(fx.EV_SANCTION_SVK), SEM.hasActor)) == {
        mint_iri("role", f"{fx.EV_SANCTION_SVK}.source"),
        role,
    }
    assert graph.value(role, RDF.value) == mint_iri("actor", "SVK.NAT")
    assert graph.value(role, SEM.roleType) == KG.TargetRole


def test_mention_provenance(graph: rdflib.Graph) -> None:
    m = mint_iri("mention", f"{fx.EV_DENIED}.1")
    assert graph.value(m, KG.sentence) == Literal(fx.TRICKY_SENTENCE)
    assert graph.value(m, KG.trigger) == Literal("menjual > senjata")
    assert graph.value(m, KG.rule) == Literal("deny.membantah")
    assert graph.value(m, KG.document) == mint_iri("doc", fx.DOC_A)
    assert graph.value(m, KG.sentenceIndex) == Literal(2)
    start, end = int(str(graph.value(m, KG.start))), int(str(graph.value(m, KG.end)))
    text = fx.results()[1].clean.doc.text
    assert text[start:end] == fx.TRICKY_SENTENCE
    assert graph.value(m, KG.triggerStart) == Literal(text.index("menjual > senjata"))


def test_actor_roll_up_and_actor_info(graph: rdflib.Graph) -> None:
    nat, svk = mint_iri("actor", "SVK.NAT"), mint_iri("actor", "SVK")
    assert graph.value(nat, KG.rollsUpTo) == svk
    assert graph.value(nat, KG.actorType) == Literal("group")
    assert set(graph.objects(nat, SCHEMA.name)) == {
        Literal("warga Slovakia", lang="id"),
        Literal("Slovak national", lang="en"),
    }
    assert graph.value(svk, KG.rollsUpTo) == svk
    assert graph.value(svk, KG.code) == Literal("SVK")
    assert graph.value(svk, KG.actorType) == Literal("state")
    assert set(graph.objects(svk, SCHEMA.name)) == {
        Literal("Slowakia", lang="id"),
        Literal("Slovakia", lang="en"),
    }
    assert graph.value(svk, OWL.sameAs) == WD.Q214


def test_dates(graph: rdflib.Graph) -> None:
    month = mint_iri("date", fx.EV_ARMS_WAGNER)
    assert graph.value(ev(fx.EV_ARMS_WAGNER), SEM.hasTime) == month
    assert graph.value(month, KG.value) == Literal("2022-11")
    assert graph.value(month, TIME.unitType) == TIME.unitMonth
    assert graph.value(month, KG.dateText) == Literal("November 2022")
    assert graph.value(month, KG.resolved) == Literal(True)
    vague = mint_iri("date", fx.EV_ARMS_POSSIBLE)
    assert graph.value(vague, KG.value) is None
    assert graph.value(vague, KG.resolved) == Literal(False)
    assert graph.value(ev(fx.EV_DENIED), SEM.hasTime) is None


def test_documents(graph: rdflib.Graph) -> None:
    a, b = mint_iri("doc", fx.DOC_A), mint_iri("doc", fx.DOC_B)
    assert graph.value(a, SCHEMA.headline) == Literal(fx.HOSTILE_TITLE)
    assert graph.value(a, SCHEMA.datePublished) is None
    assert graph.value(a, KG.dateSource) == Literal("none")
    assert graph.value(b, SCHEMA.datePublished) == Literal(fx.PUBLISHED_B, datatype=XSD.dateTime)
    assert graph.value(b, SCHEMA.url) == Literal(fx.URL_B)
    assert graph.value(b, KG.nSentences) == Literal(3)


def test_resource_counts_and_no_blank_nodes(graph: rdflib.Graph) -> None:
    counts = {
        str(cls).rsplit("#", 1)[-1].rsplit("/", 1)[-1]: len(set(graph.subjects(RDF.type, cls)))
        for cls in (KG.Event, KG.Mention, KG.Document, KG.Date, KG.Actor, KG.Rule, SEM.Role)
    }
    assert counts == {
        "Event": 10,
        "Mention": 11,
        "Document": 2,
        "Date": 3,
        "Actor": 11,
        "Rule": 8,
        "Role": 20,
    }
    assert not any(isinstance(t, rdflib.BNode) for triple in graph for t in triple)


def test_duplicate_ids_are_refused() -> None:
    results = fx.results()
    with pytest.raises(GraphError, match="document id 004_74fedadd5d11810f appears twice"):
        build_graph(results + results[:1])


# ---------------------------------------------------------------- Turtle


def test_turtle_escapes_untrusted_text(graph: rdflib.Graph) -> None:
    text = turtle(graph)
    assert (
        'kg:sentence "Korea Utara \\"membantah\\" \\\\ menjual > senjata < ke Rusia,\\nkata pejabat." ;'
        in text
    )
    assert 'schema:headline "<img src=x onerror=alert(1)>" ;' in text
    assert "kg:quadClass 2 ;" in text and "kg:goldstein -8.0 ;" in text and "kg:resolved true ;" in text
    assert 'schema:datePublished "2023-08-31T14:09:00+07:00"^^xsd:dateTime ;' in text


def test_turtle_escapes_control_characters_and_lone_surrogates() -> None:
    g = rdflib.Graph()
    g.add((mint_iri("doc", "d"), SCHEMA.headline, Literal("a\x1b[31mb\ud800c")))
    assert 'schema:headline "a\\u001B[31mb\\uFFFDc" .' in turtle(g)
    loaded = rdflib.Graph().parse(data=turtle(g), format="turtle")
    assert str(loaded.value(mint_iri("doc", "d"), SCHEMA.headline)) == "a\x1b[31mb\ufffdc"


def test_write_turtle_is_deterministic(graph: rdflib.Graph, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ttl", tmp_path / "out" / "b.ttl"
    write_turtle(graph, first)
    write_turtle(build_graph(list(reversed(fx.results())), fx.actor_info), second)
    assert first.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.ttl", "b.ttl", "out"]  # no temp files left


def test_turtle_is_identical_across_hash_seeds(graph: rdflib.Graph, tmp_path: Path) -> None:
    script = (
        "import sys, fixtures_rdf as fx; from pathlib import Path; "
        "from kg.rdf import build_graph, write_turtle; "
        "write_turtle(build_graph(fx.results(), fx.actor_info), Path(sys.argv[1]))"
    )
    outputs = []
    for seed in ("0", "1"):
        out = tmp_path / f"seed{seed}.ttl"
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "tests")}
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env, cwd=ROOT)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == turtle(graph).encode("utf-8")


# ---------------------------------------------------------------- reading graphs back


def test_round_trip_through_rdflib(graph: rdflib.Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    assert isomorphic(load_graph(path), graph)
    assert isomorphic(rdflib.Graph().parse(path, format="turtle"), graph)


def test_round_trip_through_oxigraph(graph: rdflib.Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    ours = {str(q) for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)}
    reference = graph.serialize(format="nt", encoding="utf-8")  # rdflib's own writer, read by oxigraph
    assert ours == {str(q) for q in ox.parse(reference, format=ox.RdfFormat.N_TRIPLES)}
    assert len(ours) == len(graph)


@pytest.mark.parametrize("suffix,fmt", [(".nt", "nt"), (".jsonld", "json-ld")])
def test_load_other_formats(graph: rdflib.Graph, tmp_path: Path, suffix: str, fmt: str) -> None:
    path = tmp_path / f"graph{suffix}"
    graph.serialize(path, format=fmt)
    assert isomorphic(load_graph(path), graph)


def test_load_nquads_merges_named_graphs(graph: rdflib.Graph, tmp_path: Path) -> None:
    dataset = rdflib.Dataset()
    named = dataset.graph(mint_iri("doc", "named"))
    for triple in graph:
        named.add(triple)
    path = tmp_path / "graph.nq"
    dataset.serialize(path, format="nquads")
    assert isomorphic(load_graph(path), graph)


def test_load_errors_are_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(GraphError, match="graph file not found"):
        load_graph(tmp_path / "missing.ttl")
    with pytest.raises(
        GraphError, match=r"unknown graph format; expected one of \.ttl, \.nt, \.nq, \.jsonld"
    ):
        load_graph(tmp_path / "graph.xml")
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix x: <http://example.org/> .\nx:a x:b "unterminated .\n', encoding="utf-8")
    with pytest.raises(GraphError, match=r"bad\.ttl: not valid turtle \(.*line 2") as info:
        load_graph(bad)
    assert "\n" not in str(info.value)


# ---------------------------------------------------------------- SHACL


def test_fixture_graph_conforms(graph: rdflib.Graph) -> None:
    conforms, report = validate(graph)
    assert (conforms, report.splitlines()[1]) == (True, "Conforms: True")


def test_broken_graph_does_not_conform(graph: rdflib.Graph) -> None:
    broken = rdflib.Graph()
    for triple in graph:
        broken.add(triple)
    broken.remove((ev(fx.EV_DENIED), KG.target, None))
    broken.set((ev(fx.EV_DENIED), KG.modality, Literal("maybe")))
    broken.remove((mint_iri("date", fx.EV_ARMS_WAGNER), KG.value, None))
    conforms, report = validate(broken)
    assert conforms is False
    assert "Results (3):" in report
    assert "Message: an event has exactly one target actor" in report
    assert "Message: modality is one of asserted, planned, possible, alleged, denied, negated" in report
    assert "a resolved date has a value and a granularity" in report


# ---------------------------------------------------------------- networkx view


def test_network_nodes(graph: rdflib.Graph) -> None:
    network = graph_from_rdf(graph)
    assert list(network.nodes) == ["PRK", "RUS", "SVK", "USA", "WAGNER", "WST"]
    assert network.nodes["SVK"] == {
        "label": "Slowakia",
        "label_en": "Slovakia",
        "type": "state",
        "n_events": 1,
        "members": [{"id": "SVK.NAT", "label": "warga Slovakia", "type": "group", "n": 1}],
        "wikidata": "Q214",
    }
    assert network.nodes["USA"]["members"] == [
        {"id": "PER.john_kirby", "label": "John Kirby", "type": "person", "n": 1},
        {"id": "USA", "label": "Amerika Serikat", "type": "state", "n": 2},
        {"id": "USA.GOV", "label": "Pemerintah Amerika Serikat", "type": "state", "n": 1},
    ]
    assert {code: network.nodes[code]["n_events"] for code in network} == {
        "PRK": 5,
        "RUS": 7,
        "SVK": 1,
        "USA": 4,
        "WAGNER": 2,
        "WST": 1,
    }


def test_network_edges(graph: rdflib.Graph) -> None:
    network = graph_from_rdf(graph)
    assert network.number_of_edges() == 10
    assert network.edges["PRK", "RUS", fx.EV_ARMS_PLANNED] == {
        "event_id": fx.EV_ARMS_PLANNED,
        "cameo": "072",
        "cameo_root": "07",
        "label": "arms transfer",
        "plover": "AID",
        "quad_class": 2,
        "goldstein": 5.2,
        "modality": "planned",
        "date": None,
        "date_granularity": None,
        "date_text": None,
        "doc": fx.DOC_A,
        "doc_title": fx.HOSTILE_TITLE,
        "doc_url": None,
        "doc_date": None,
        "evidence": "Juru Bicara Departemen Luar Negeri AS mengungkapkan kekhawatiran bahwa Korea Utara "
        "berencana untuk mengirim lebih banyak senjata ke Rusia.",
        "source_text": "Korea Utara",
        "target_text": "Rusia",
        "trigger": "berencana untuk mengirim lebih banyak senjata",
        "rule": "transfer.kirim-ke",
        "attributed_to": "USA",
        "n_mentions": 2,
        "source_id": "PRK",
        "target_id": "RUS",
    }
    wagner = network.edges["PRK", "WAGNER", fx.EV_ARMS_WAGNER]
    assert (wagner["date"], wagner["date_granularity"], wagner["date_text"]) == (
        "2022-11",
        "month",
        "November 2022",
    )
    kirby = network.edges["USA", "RUS", fx.EV_CONCERN_KIRBY]
    assert (kirby["source_id"], kirby["doc_date"], kirby["doc_url"]) == (
        "PER.john_kirby",
        fx.PUBLISHED_B,
        fx.URL_B,
    )


def test_network_from_file_matches_network_from_rdf(graph: rdflib.Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    direct, from_file = graph_from_rdf(graph), graph_from_file(path)
    assert list(from_file.nodes(data=True)) == list(direct.nodes(data=True))
    assert list(from_file.edges(keys=True, data=True)) == list(direct.edges(keys=True, data=True))
    assert from_file.edges["PRK", "RUS", fx.EV_DENIED]["evidence"] == fx.TRICKY_SENTENCE


def test_generated_corpus_conforms_and_keeps_every_event() -> None:
    graph = build_graph(fx.synthetic(100), fx.actor_info)
    assert len(set(graph.subjects(RDF.type, KG.Event))) == graph_from_rdf(graph).number_of_edges() == 100
    assert validate(graph)[0] is True
