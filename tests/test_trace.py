"""`kg trace`: naming actors, finding paths, filtering events and printing each hop's evidence."""

from __future__ import annotations

import argparse
import json
import sys
import types
from pathlib import Path

import fixtures_rdf as fx
import networkx as nx
import pytest

from kg.errors import ActorNotFound, QueryError
from kg.network import graph_from_rdf
from kg.rdf import build_graph, write_turtle
from kg.trace import Filters, format_json, format_text, register, resolve_actor, trace


@pytest.fixture(scope="module")
def network() -> nx.MultiDiGraph:
    return graph_from_rdf(build_graph(fx.results(), fx.actor_info))


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graph") / "graph.ttl"
    write_turtle(build_graph(fx.results(), fx.actor_info), path)
    return path


@pytest.fixture
def lexicon(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[tuple[str, str, str]]]:
    """A stand-in for kg.actors: names -> (id, code, label), filled in by each test."""
    names: dict[str, list[tuple[str, str, str]]] = {}

    class ActorMatcher:
        @classmethod
        def load(cls) -> ActorMatcher:
            return cls()

        def lookup(self, name: str) -> list[tuple[str, str, str]]:
            return names.get(name, [])

    module = types.ModuleType("kg.actors")
    module.ActorMatcher = ActorMatcher  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kg.actors", module)
    return names


def nodes(result_paths: tuple[tuple[object, ...], ...]) -> list[list[str]]:
    return [[path[0].start] + [hop.end for hop in path] for path in result_paths]  # type: ignore[attr-defined]


# ---------------------------------------------------------------- naming actors


@pytest.mark.parametrize(
    "name,code",
    [
        ("PRK", "PRK"),
        ("prk", "PRK"),
        ("Korea Utara", "PRK"),
        ("north  korea", "PRK"),
        ("Slovakia", "SVK"),
        ("warga Slovakia", "SVK"),
        ("PER.john_kirby", "USA"),
        ("John Kirby", "USA"),
        ("Grup Wagner", "WAGNER"),
    ],
)
def test_names_from_the_graph(
    network: nx.MultiDiGraph, lexicon: dict[str, object], name: str, code: str
) -> None:
    assert resolve_actor(network, name) == code


def test_aliases_from_the_actor_lexicon(network: nx.MultiDiGraph, lexicon: dict[str, object]) -> None:
    lexicon["Kremlin"] = [("RUS.GOV", "RUS", "Kremlin")]
    assert resolve_actor(network, "Kremlin") == "RUS"


def test_lexicon_actor_without_events(network: nx.MultiDiGraph, lexicon: dict[str, object]) -> None:
    lexicon["Kyiv"] = [("UKR", "UKR", "Ukraina")]
    with pytest.raises(ActorNotFound, match=r"^'Kyiv' is Ukraina \(UKR\), which has no events in g.ttl$"):
        resolve_actor(network, "Kyiv", "g.ttl")


def test_ambiguous_name(network: nx.MultiDiGraph, lexicon: dict[str, object]) -> None:
    lexicon["Semenanjung"] = [("PRK", "PRK", "Korea Utara"), ("RUS", "RUS", "Rusia")]
    with pytest.raises(
        ActorNotFound, match=r"'Semenanjung' is ambiguous: Korea Utara \(PRK\), Rusia \(RUS\)"
    ):
        resolve_actor(network, "Semenanjung")


def test_unknown_name_suggests_close_matches(network: nx.MultiDiGraph, lexicon: dict[str, object]) -> None:
    with pytest.raises(
        ActorNotFound, match=r"^unknown actor 'Rusa' in g.ttl; did you mean .*Rusia \(RUS\)\?$"
    ):
        resolve_actor(network, "Rusa", "g.ttl")
    with pytest.raises(ActorNotFound, match=r"^unknown actor 'zzzz' in the graph$"):
        resolve_actor(network, "zzzz")


def test_without_the_actor_lexicon(network: nx.MultiDiGraph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "kg.actors", None)  # makes `from kg.actors import ...` fail
    assert resolve_actor(network, "Amerika Serikat") == "USA"
    with pytest.raises(ActorNotFound, match="unknown actor 'Kremlin'"):
        resolve_actor(network, "Kremlin")


# ---------------------------------------------------------------- paths


def test_shortest_paths(network: nx.MultiDiGraph) -> None:
    result = trace(network, "SVK", "WAGNER")
    assert (result.shortest, result.n_paths) == (3, 2)
    assert nodes(result.paths) == [["SVK", "USA", "PRK", "WAGNER"], ["SVK", "USA", "RUS", "WAGNER"]]
    first_hop = result.paths[0][0]
    assert [(e["event_id"], e["direction"]) for e in first_hop.events] == [(fx.EV_SANCTION_SVK, "<-")]


def test_all_simple_paths(network: nx.MultiDiGraph) -> None:
    result = trace(network, "USA", "WAGNER", all_paths=True)
    assert nodes(result.paths) == [
        ["USA", "PRK", "WAGNER"],
        ["USA", "RUS", "WAGNER"],
        ["USA", "PRK", "RUS", "WAGNER"],
        ["USA", "RUS", "PRK", "WAGNER"],
    ]
    assert nodes(trace(network, "USA", "WAGNER", all_paths=True, max_hops=2).paths) == nodes(
        trace(network, "USA", "WAGNER").paths
    )
    assert [len(p) for p in trace(network, "USA", "WAGNER", all_paths=True, limit=1).paths] == [2]


def test_hop_events_in_time_order_with_direction(network: nx.MultiDiGraph) -> None:
    hop = trace(network, "RUS", "USA").paths[0][0]
    assert [(e["event_id"], e["direction"], e["date"]) for e in hop.events] == [
        (fx.EV_CONCERN_KIRBY, "<-", "2023-08-30"),
        (fx.EV_SANCTION_RUS, "<-", None),
    ]


def test_type_filter(network: nx.MultiDiGraph) -> None:
    result = trace(network, "SVK", "WAGNER", filters=Filters(types=("07", "16")))
    assert nodes(result.paths) == [["SVK", "USA", "RUS", "WAGNER"]]
    assert [e["event_id"] for e in result.paths[0][1].events] == [fx.EV_SANCTION_RUS]


def test_date_window_uses_event_date_then_publication_date(network: nx.MultiDiGraph) -> None:
    since = trace(network, "USA", "RUS", filters=Filters(since="2023-08-31"))
    assert [e["event_id"] for e in since.paths[0][0].events] == [fx.EV_SANCTION_RUS]
    month = trace(network, "PRK", "WAGNER", filters=Filters(since="2022-11-15", until="2022-11"))
    assert [e["event_id"] for e in month.paths[0][0].events] == [fx.EV_ARMS_WAGNER]
    assert trace(network, "PRK", "WAGNER", filters=Filters(until="2022-10")).shortest is None


def test_too_far_and_same_actor(network: nx.MultiDiGraph) -> None:
    result = trace(network, "WST", "SVK", max_hops=1)
    assert (result.shortest, result.paths) == (3, ())
    with pytest.raises(QueryError, match="both actors are PRK"):
        trace(network, "PRK", "PRK")
    with pytest.raises(ActorNotFound, match="no actor UKR in the graph"):
        trace(network, "PRK", "UKR")


# ---------------------------------------------------------------- output


def test_text_output(network: nx.MultiDiGraph) -> None:
    assert format_text(trace(network, "PRK", "WAGNER"), network) == (
        "Korea Utara (PRK) -- Grup Wagner (WAGNER): 1 path (shortest 1 hop, at most 3)\n"
        "\n"
        "1. Korea Utara (PRK) -- Grup Wagner (WAGNER)\n"
        "   PRK -- WAGNER: 1 event\n"
        "      PRK -> WAGNER | 072 arms transfer | 2022-11 | asserted | according to USA"
        " | doc 000_deec51cd281f298f\n"
        f'        "{fx.SENTENCES_A[1]}"\n'
    )


def test_text_output_keeps_untrusted_text_on_one_line(network: nx.MultiDiGraph) -> None:
    text = format_text(trace(network, "PRK", "RUS"), network)
    assert text.splitlines()[3:] == [
        "   PRK -- RUS: 3 events",
        (
            "      PRK -> RUS | 072 arms transfer | 'beberapa bulan mendatang' (unresolved) | possible"
            " | according to USA | doc 004_74fedadd5d11810f"
        ),
        f'        "{fx.SENTENCES_B[1]}"',
        ("      PRK -> RUS | 072 arms transfer | undated | planned | according to USA"
         " | doc 000_deec51cd281f298f"),
        f'        "{fx.SENTENCES_A[0]}"',
        "      PRK -> RUS | 062 cooperate militarily | undated | denied | doc 000_deec51cd281f298f",
        '        "Korea Utara "membantah" \\ menjual > senjata < ke Rusia, kata pejabat."',
    ]
    assert format_text(trace(network, "PRK", "RUS"), network, per_hop=1).splitlines()[-1] == (
        "      ... and 2 more (--per-hop)"
    )


def test_text_when_not_connected(network: nx.MultiDiGraph) -> None:
    assert format_text(trace(network, "WST", "SVK", max_hops=1), network) == (
        "negara-negara Barat (WST) and Slowakia (SVK) are 3 hops apart, more than --max-hops 1.\n"
    )
    assert format_text(trace(network, "PRK", "WAGNER", filters=Filters(types=("16",))), network) == (
        "Korea Utara (PRK) and Grup Wagner (WAGNER) are not connected in this graph (with these filters).\n"
    )


def test_json_output(network: nx.MultiDiGraph) -> None:
    body = json.loads(
        format_json(trace(network, "SVK", "WAGNER", filters=Filters(types=("16", "07"))), network)
    )
    assert (body["a"], body["b"], body["shortest"], body["n_paths"]) == (
        {"code": "SVK", "label": "Slowakia"},
        {"code": "WAGNER", "label": "Grup Wagner"},
        3,
        1,
    )
    hops = body["paths"][0]["hops"]
    assert [(h["from"], h["to"], h["n_events"]) for h in hops] == [
        ("SVK", "USA", 1),
        ("USA", "RUS", 1),
        ("RUS", "WAGNER", 1),
    ]
    assert hops[2]["events"][0] == {
        "event_id": fx.EV_SUPPORT_WAGNER,
        "direction": "->",
        "source_code": "RUS",
        "target_code": "WAGNER",
        "cameo": "070",
        "label": "provide aid",
        "quad_class": 2,
        "goldstein": 7.0,
        "modality": "asserted",
        "date": None,
        "date_granularity": None,
        "date_text": None,
        "attributed_to": None,
        "doc": fx.DOC_A,
        "doc_date": None,
        "evidence": fx.SENTENCES_A[1],
        "trigger": "didukung oleh",
        "n_mentions": 1,
    }


# ---------------------------------------------------------------- command line


def cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="kg")
    register(parser.add_subparsers())
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_cli(graph_file: Path, lexicon: dict[str, object], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["trace", "Korea Utara", "wagner group", "--graph", str(graph_file), "--format", "json"]) == 0
    body = json.loads(capsys.readouterr().out)
    assert body["paths"][0]["nodes"] == ["PRK", "WAGNER"]


def test_cli_unknown_actor(graph_file: Path, lexicon: dict[str, object]) -> None:
    with pytest.raises(ActorNotFound, match=f"unknown actor 'Atlantis' in {graph_file}"):
        cli(["trace", "Atlantis", "PRK", "--graph", str(graph_file)])


@pytest.mark.parametrize("option", [["--since", "2023-1"], ["--types", "7"], ["--max-hops", "0"]])
def test_cli_bad_options_are_usage_errors(option: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli(["trace", "PRK", "RUS", *option])
    assert info.value.code == 2
    assert "expected" in capsys.readouterr().err
