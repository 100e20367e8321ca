"""`kg timeline`, `kg actors`, `kg events`: exact rows and tables on the fixture graph, filters,
actor and document resolution, and the bundled seed articles."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import fixtures_rdf as fx
import networkx as nx
import pytest

from kg.browse import (
    EventFilter,
    actor_rows,
    date_key,
    select_events,
    shown_date,
    sort_events,
    timeline,
)
from kg.build import build
from kg.cli import DEFAULT_INPUT, main
from kg.network import graph_from_file
from kg.rdf import build_graph, write_turtle
from kg.trace import Filters

A, B = fx.DOC_A, fx.DOC_B


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browse") / "graph.ttl"
    write_turtle(build_graph(fx.results(), fx.actor_info), path)
    return path


@pytest.fixture(scope="module")
def network(graph_file: Path) -> nx.MultiDiGraph:
    return graph_from_file(graph_file)


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    build([DEFAULT_INPUT], out, html=False)
    return out


def kg(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def ids(rows: list[dict[str, object]]) -> list[object]:
    return [r["event_id"] for r in rows]


# ---------------------------------------------------------------- timeline


def test_timeline_is_in_date_order_with_undated_events_last(network: nx.MultiDiGraph) -> None:
    rows = timeline(network, "PRK")
    # 2022-11 first; then the undated event of the article published 2023-08-31; then the undated
    # events of the article without a date, by event id
    assert ids(rows) == [
        fx.EV_ARMS_WAGNER,
        fx.EV_ARMS_POSSIBLE,
        fx.EV_ARMS_PLANNED,
        fx.EV_DENIED,
        fx.EV_CONCERN_PRK,
    ]
    assert [(r["direction"], r["counterpart"]) for r in rows] == [
        ("->", "WAGNER"),
        ("->", "RUS"),
        ("->", "RUS"),
        ("->", "RUS"),
        ("<-", "USA"),
    ]
    assert [shown_date(r) for r in rows] == ["2022-11", "(2023-08-31)", "", "", ""]


def test_timeline_table(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kg(capsys, "timeline", "Korea Utara", "--graph", str(graph_file), "--width", "100")
    assert (code, err) == (0, "")
    assert out == (
        "PRK  Korea Utara / North Korea: 5 events, 4 as source, 1 as target\n"
        "\n"
        "date          dir  with    type                      modality  doc                   evidence\n"
        "------------  ---  ------  ------------------------  --------  --------------------  ------------------------------\n"
        "2022-11       ->   WAGNER  072 arms transfer         asserted  000_deec51cd281f298f  Korea Utara telah melakukan p…\n"
        "(2023-08-31)  ->   RUS     072 arms transfer         possible  004_74fedadd5d11810f  Rusia akan menerima sejumlah …\n"
        "              ->   RUS     072 arms transfer         planned   000_deec51cd281f298f  Juru Bicara Departemen Luar N…\n"
        '              ->   RUS     062 cooperate militarily  denied    000_deec51cd281f298f  Korea Utara "membantah" \\ men…\n'
        "              <-   USA     012 express concern       asserted  000_deec51cd281f298f  Juru Bicara Departemen Luar N…\n"
        "(5 rows)\n"
        "(a date in parentheses is the article's publication date: the event itself is undated)\n"
    )


def test_timeline_width_zero_keeps_the_whole_sentence_on_one_line(
    graph_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = kg(
        capsys, "timeline", "PRK", "--graph", str(graph_file), "--width", "0", "--modality", "denied"
    )
    assert code == 0
    assert out.splitlines()[4].endswith(
        'Korea Utara "membantah" \\ menjual > senjata < ke Rusia, kata pejabat.'
    )
    assert "(1 row)" in out and "parentheses" not in out


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--types", "07"], [fx.EV_ARMS_WAGNER, fx.EV_ARMS_POSSIBLE, fx.EV_ARMS_PLANNED]),
        (["--type", "062,012"], [fx.EV_DENIED, fx.EV_CONCERN_PRK]),
        (["--modality", "denied,planned"], [fx.EV_ARMS_PLANNED, fx.EV_DENIED]),
        # a date window keeps events by their own date, else their article's; undated ones are left out
        (["--since", "2023"], [fx.EV_ARMS_POSSIBLE]),
        (["--until", "2022-12"], [fx.EV_ARMS_WAGNER]),
        (["--since", "2022-11-15", "--until", "2022-11-20"], [fx.EV_ARMS_WAGNER]),
        (["--doc", B], [fx.EV_ARMS_POSSIBLE]),
    ],
)
def test_timeline_filters(
    graph_file: Path, capsys: pytest.CaptureFixture[str], options: list[str], expected: list[str]
) -> None:
    code, out, _ = kg(capsys, "timeline", "PRK", "--graph", str(graph_file), "--format", "json", *options)
    assert code == 0
    assert [row["event_id"] for row in json.loads(out)] == expected


def test_timeline_json_row(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kg(capsys, "timeline", "wagner group", "--graph", str(graph_file), "--format", "json")
    rows = json.loads(out)
    assert code == 0 and ids(rows) == [fx.EV_ARMS_WAGNER, fx.EV_SUPPORT_WAGNER]
    assert rows[0] == {
        "event_id": fx.EV_ARMS_WAGNER,
        "date": "2022-11",
        "date_granularity": "month",
        "date_text": "November 2022",
        "doc_date": None,
        "direction": "<-",
        "counterpart": "PRK",
        "source_code": "PRK",
        "target_code": "WAGNER",
        "cameo": "072",
        "label": "arms transfer",
        "quad_class": 2,
        "goldstein": 5.2,
        "modality": "asserted",
        "attributed_to": "USA",
        "doc": A,
        "evidence": fx.SENTENCES_A[1],
    }


def test_timeline_csv_header_and_row(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kg(
        capsys, "timeline", "PRK", "--graph", str(graph_file), "--format", "csv", "--modality", "denied"
    )
    assert code == 0
    assert out.splitlines()[0] == (
        "event_id,date,date_granularity,date_text,doc_date,direction,counterpart,"
        "source_code,target_code,cameo,label,quad_class,goldstein,modality,"
        "attributed_to,doc,evidence"
    )
    assert fx.EV_DENIED in out and "menjual > senjata < ke Rusia" in out


def test_unknown_actor_is_one_line_with_close_matches(
    graph_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = kg(capsys, "timeline", "Wagnr", "--graph", str(graph_file))
    assert (code, out, err) == (
        1,
        "",
        f"kg: unknown actor 'Wagnr' in {graph_file}; did you mean Grup Wagner (WAGNER)?\n",
    )
    # the lexicon knows Ukraine, which has no events in this graph
    code, out, err = kg(capsys, "timeline", "Ukraina", "--graph", str(graph_file))
    assert (code, out, err) == (
        1,
        "",
        f"kg: 'Ukraina' is Ukraina (UKR), which has no events in {graph_file}\n",
    )


def test_bad_arguments_are_usage_errors(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for options in (["--since", "31-08-2023"], ["--types", "sanctions"], ["--modality", "maybe"]):
        with pytest.raises(SystemExit) as exit_info:
            main(["timeline", "PRK", "--graph", str(graph_file), *options])
        assert exit_info.value.code == 2
    capsys.readouterr()


def test_missing_graph_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = kg(capsys, "actors", "--graph", str(tmp_path / "none.ttl"))
    assert code == 1
    assert (
        err == f"kg: {tmp_path / 'none.ttl'}: graph file not found (run `kg build` first, or pass --graph)\n"
    )


# ---------------------------------------------------------------- actors


def test_actor_counts(network: nx.MultiDiGraph) -> None:
    rows = actor_rows(network)
    assert [(r["code"], r["events"], r["as_source"], r["as_target"], r["members"]) for r in rows] == [
        ("RUS", 7, 1, 6, 3),
        ("PRK", 5, 4, 1, 1),
        ("USA", 4, 4, 0, 3),
        ("WAGNER", 2, 0, 2, 1),
        ("SVK", 1, 0, 1, 1),
        ("WST", 1, 1, 0, 1),
    ]
    assert [r["code"] for r in actor_rows(network, "name")] == ["USA", "WAGNER", "PRK", "WST", "RUS", "SVK"]
    assert [r["code"] for r in actor_rows(network, "code")] == ["PRK", "RUS", "SVK", "USA", "WAGNER", "WST"]
    assert [r["code"] for r in actor_rows(network, kind="armed_group")] == ["WAGNER"]


def test_actors_table(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kg(capsys, "actors", "--graph", str(graph_file), "--type", "state", "--sort", "code")
    assert code == 0
    assert out == (
        "code  label            label_en       type   events  as_source  as_target  members  wikidata\n"
        "----  ---------------  -------------  -----  ------  ---------  ---------  -------  --------\n"
        "PRK   Korea Utara      North Korea    state  5       4          1          1        Q423\n"
        "RUS   Rusia            Russia         state  7       1          6          3        Q159\n"
        "SVK   Slowakia         Slovakia       state  1       0          1          1        Q214\n"
        "USA   Amerika Serikat  United States  state  4       4          0          3        Q30\n"
        "(4 rows)\n"
    )


def test_unknown_actor_type_lists_the_types(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = kg(capsys, "actors", "--graph", str(graph_file), "--type", "country")
    assert code == 1
    assert (
        err
        == "kg: no actors of type 'country' in the graph; types present: armed_group, organisation, state\n"
    )


# ---------------------------------------------------------------- events


def test_events_sorted_by_type_then_date(network: nx.MultiDiGraph) -> None:
    assert ids(sort_events(select_events(network), "type")) == [
        fx.EV_CONCERN_KIRBY,
        fx.EV_CONCERN_PRK,
        fx.EV_DENIED,
        fx.EV_SUPPORT_WAGNER,
        fx.EV_ARMS_WAGNER,
        fx.EV_ARMS_POSSIBLE,
        fx.EV_ARMS_PLANNED,
        fx.EV_SANCTION_RUS,
        fx.EV_SANCTION_WST,
        fx.EV_SANCTION_SVK,
    ]


def test_events_sorted_by_date(network: nx.MultiDiGraph) -> None:
    rows = sort_events(select_events(network), "date")
    assert ids(rows)[:2] == [fx.EV_ARMS_WAGNER, fx.EV_CONCERN_KIRBY]
    assert [date_key(r)[0] for r in rows] == [0, 0, 1, 1, 1, 2, 2, 2, 2, 2]


def test_events_filter_by_actor_and_document(network: nx.MultiDiGraph) -> None:
    where = EventFilter(Filters(types=("163",)), actor="RUS", doc=B)
    assert ids(sort_events(select_events(network, where))) == [fx.EV_SANCTION_RUS, fx.EV_SANCTION_WST]


def test_events_most_hostile_first_with_limit(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = kg(
        capsys,
        "events",
        "--graph",
        str(graph_file),
        "--type",
        "16",
        "--sort",
        "goldstein",
        "--limit",
        "2",
        "--width",
        "120",
    )
    assert code == 0
    assert out == (
        "date          source  target  type                                       modality  goldstein  doc                   evidence\n"
        "------------  ------  ------  -----------------------------------------  --------  ---------  --------------------  ------------------------------\n"
        "(2023-08-31)  USA     RUS     163 impose embargo, boycott, or sanctions  asserted  -8.0       004_74fedadd5d11810f  AS dan negara-negara barat la…\n"
        "(2023-08-31)  WST     RUS     163 impose embargo, boycott, or sanctions  asserted  -8.0       004_74fedadd5d11810f  AS dan negara-negara barat la…\n"
        "(2 of 3 rows)\n"
        "(a date in parentheses is the article's publication date: the event itself is undated)\n"
    )
    assert err == "1 more events not shown (of 3; use --limit 0 for all)\n"


def test_events_by_actor_name_as_json(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kg(
        capsys,
        "events",
        "--graph",
        str(graph_file),
        "--actor",
        "Amerika Serikat",
        "--modality",
        "asserted",
        "--until",
        "2023-08-30",
        "--format",
        "json",
    )
    rows = json.loads(out)
    assert code == 0 and ids(rows) == [fx.EV_CONCERN_KIRBY]
    assert rows[0]["source_id"] == "PER.john_kirby" and rows[0]["date"] == "2023-08-30"


def test_unknown_document_suggests_ids(graph_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = kg(capsys, "events", "--graph", str(graph_file), "--doc", "004")
    assert code == 1
    assert err == f"kg: no events from document '004' in {graph_file}; did you mean {B}?\n"
    code, _, err = kg(capsys, "events", "--graph", str(graph_file), "--doc", "999")
    assert (code, err) == (
        1,
        f"kg: no events from document '999' in {graph_file} (2 documents have events)\n",
    )


# ---------------------------------------------------------------- the bundled seed articles


def test_seed_timeline_starts_with_the_arms_delivery_to_wagner(
    seed_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = kg(
        capsys, "timeline", "North Korea", "--graph", str(seed_dir / "graph.ttl"), "--format", "json"
    )
    first = json.loads(out)[0]
    assert code == 0
    assert (first["date"], first["direction"], first["counterpart"], first["cameo"]) == (
        "2022-11",
        "->",
        "WAGNER",
        "072",
    )


def test_seed_actor_counts_agree_with_events_jsonl(seed_dir: Path) -> None:
    events = [
        json.loads(line) for line in (seed_dir / "events.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    rows = actor_rows(graph_from_file(seed_dir / "graph.ttl"))
    assert {r["code"]: r["as_source"] for r in rows if r["as_source"]} == Counter(
        e["source"]["code"] for e in events
    )
    assert {r["code"]: r["as_target"] for r in rows if r["as_target"]} == Counter(
        e["target"]["code"] for e in events
    )
