"""The development gold (bench/devgold*.jsonl) is well formed, and bench/accuracy.py scores right.

The gold holds offsets into the corpus, never article text, so the span checks read the corpus
and are skipped when ../shared/corpus is absent. The scoring tests need nothing but the repo.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "id_news_dev.jsonl.gz"
LEXICON = ROOT / "data" / "lexicon"

GOLD_KEYS = {
    "doc", "source", "target", "cameo", "roots_ok", "modality", "attributed_to", "date",
    "date_granularity", "source_span", "target_span", "trigger_span", "evidence_span", "label",
}  # fmt: skip
DOC_KEYS = {"doc", "publication_date", "topic", "publisher"}
MODALITIES = {"asserted", "planned", "possible", "alleged", "denied", "negated"}
NON_STATE = {
    "UN", "EU", "NATO", "ASEAN", "AU", "G7", "WST", "HAMAS", "HEZBOLLAH", "HOUTHI", "WAGNER",
    "ISIL", "TALIBAN", "ALQAEDA", "ARSA", "SDF", "PKK",
}  # fmt: skip
DATE_FORMS = {"year": r"\d{4}", "month": r"\d{4}-\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def lexicon_ids(name: str, key: str) -> set[str]:
    path = LEXICON / name
    if not path.is_file():
        return set()
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip() and not line.startswith("#")]
    return {str(row[key]) for row in rows if key in row}


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return read_jsonl(BENCH / "devgold.jsonl")


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    return read_jsonl(BENCH / "devgold_docs.jsonl")


@pytest.fixture(scope="module")
def corpus(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    if not CORPUS.is_file():
        pytest.skip(f"corpus not found at {CORPUS}: span checks need ../shared/corpus")
    wanted = {d["doc"] for d in docs}
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["id"] in wanted:
                found[row["id"]] = row
    return found


# ---------------------------------------------------------------------------------------------
# The files on their own


def test_docs_file(docs: list[dict[str, Any]]) -> None:
    ids = [d["doc"] for d in docs]
    assert len(ids) == len(set(ids)), "a document is listed twice"
    assert len(ids) >= 60
    assert sum(d["topic"] == "offtopic" for d in docs) >= 10
    for d in docs:
        assert set(d) == DOC_KEYS, d["doc"]
        assert d["topic"] in {"politics", "offtopic"}, d["doc"]
        assert re.fullmatch(DATE_FORMS["day"], d["publication_date"]), d["doc"]


def test_gold_schema(gold: list[dict[str, Any]], docs: list[dict[str, Any]]) -> None:
    topic = {d["doc"]: d["topic"] for d in docs}
    for g in gold:
        where = f"{g.get('doc')} {g.get('source')}>{g.get('target')} {g.get('cameo')}"
        assert set(g) == GOLD_KEYS, where
        assert g["doc"] in topic, f"{where}: document not in devgold_docs.jsonl"
        assert topic[g["doc"]] == "politics", f"{where}: off-topic documents have no gold events"
        assert g["modality"] in MODALITIES, where
        assert isinstance(g["label"], str) and g["label"], where
        assert g["source"] != g["target"], where


def test_every_political_doc_has_events(gold: list[dict[str, Any]], docs: list[dict[str, Any]]) -> None:
    with_events = {g["doc"] for g in gold}
    assert {d["doc"] for d in docs if d["topic"] == "politics"} <= with_events


def test_cameo_codes(gold: list[dict[str, Any]]) -> None:
    known = lexicon_ids("cameo.jsonl", "cameo")
    for g in gold:
        cameo, roots = g["cameo"], g["roots_ok"]
        assert re.fullmatch(r"\d{2,4}", cameo) and "01" <= cameo[:2] <= "20", cameo
        assert not known or cameo in known or cameo[:3] in known, f"unknown CAMEO code {cameo}"
        assert roots and roots[0] == cameo[:2], f"{cameo}: roots_ok must start with its own root"
        assert len(set(roots)) == len(roots) and all(re.fullmatch(r"\d{2}", r) for r in roots), roots


def test_actor_codes(gold: list[dict[str, Any]]) -> None:
    states = lexicon_ids("countries.jsonl", "id")
    for g in gold:
        for value in (g["source"], g["target"], g["attributed_to"]):
            if value is None:
                continue
            assert re.fullmatch(r"[A-Z][A-Z0-9]{1,11}", value), value
            assert value in NON_STATE or (value in states if states else len(value) == 3), value


def test_dates(gold: list[dict[str, Any]]) -> None:
    for g in gold:
        value, grain = g["date"], g["date_granularity"]
        assert (value is None) == (grain is None), g
        if value is not None:
            assert re.fullmatch(DATE_FORMS[grain], value), g


# ---------------------------------------------------------------------------------------------
# Against the corpus


def test_docs_in_corpus(docs: list[dict[str, Any]], corpus: dict[str, dict[str, Any]]) -> None:
    missing = sorted({d["doc"] for d in docs} - set(corpus))
    assert not missing, f"not in the corpus: {missing}"
    for d in docs:
        assert d["publisher"] == corpus[d["doc"]]["publisher"], d["doc"]


def test_spans(gold: list[dict[str, Any]], corpus: dict[str, dict[str, Any]]) -> None:
    for g in gold:
        text = corpus[g["doc"]]["text"]
        for key in ("source_span", "target_span", "trigger_span", "evidence_span"):
            start, end = g[key]
            where = f"{g['doc']} {g['source']}>{g['target']} {g['cameo']} {key}"
            assert 0 <= start < end <= len(text), where
            piece = text[start:end]
            assert piece.strip() == piece, f"{where}: span has surrounding whitespace"
        ev_start, ev_end = g["evidence_span"]
        assert ev_start <= g["trigger_span"][0] and g["trigger_span"][1] <= ev_end, g


# ---------------------------------------------------------------------------------------------
# bench/accuracy.py scoring


def load_accuracy() -> ModuleType:
    """bench/accuracy.py as a module (bench/ is not a package)."""
    name = "devgold_accuracy"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def gold_line(
    doc: str, s: str, t: str, cameo: str, roots: list[str], modality: str, when: str | None
) -> dict[str, Any]:
    return {
        "doc": doc,
        "source": s,
        "target": t,
        "cameo": cameo,
        "roots_ok": roots,
        "modality": modality,
        "date": when,
    }


def pred(doc: str, s: str, t: str, cameo: str, modality: str, when: str | None) -> dict[str, Any]:
    return {
        "doc": doc,
        "source": {"code": s},
        "target": {"code": t},
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "modality": modality,
        "date": {"value": when},
        "mentions": [{"rule": "test"}],
    }


GOLD = [
    gold_line("d1", "USA", "RUS", "163", ["16"], "asserted", "2022-03"),
    gold_line("d1", "RUS", "UKR", "190", ["19", "18"], "asserted", None),
    gold_line("d1", "PRK", "RUS", "072", ["07", "06"], "planned", None),
    gold_line("d2", "IDN", "AUS", "042", ["04"], "asserted", "2017-07-08"),
]
PRED = [
    pred("d1", "USA", "RUS", "163", "asserted", "2022-03"),  # right
    pred("d1", "USA", "RUS", "1631", "asserted", None),  # same tuple: counted once
    pred("d1", "RUS", "UKR", "183", "alleged", None),  # right through roots_ok, modality wrong
    pred("d1", "PRK", "RUS", "040", "planned", None),  # wrong root
    pred("d2", "IDN", "AUS", "043", "asserted", "2017-07-09"),  # right, date wrong
    pred("d3", "USA", "CHN", "111", "asserted", None),  # in a document without gold events
]


def test_scoring_exact_numbers() -> None:
    acc = load_accuracy().evaluate(GOLD, PRED)
    assert (acc.n_gold, acc.n_pred) == (4, 5)
    assert acc.precision == pytest.approx(3 / 5)
    assert acc.recall == pytest.approx(3 / 4)
    assert acc.f1 == pytest.approx(2 / 3)
    assert (acc.modality.hits, acc.modality.total) == (2, 3)
    assert (acc.event_date.hits, acc.event_date.total) == (1, 2)
    assert sorted(acc.false_negatives) == [("d1", "PRK", "RUS", "07")]
    assert sorted(acc.false_positives) == [("d1", "PRK", "RUS", "04"), ("d3", "USA", "CHN", "11")]
    table = {root: (r.n_gold, r.found, r.n_pred, r.correct) for root, r in acc.per_root.items()}
    assert table == {
        "04": (1, 1, 2, 1),
        "07": (1, 0, 0, 0),
        "11": (0, 0, 1, 0),
        "16": (1, 1, 1, 1),
        "18": (0, 0, 1, 1),
        "19": (1, 1, 0, 0),
    }


def test_scoring_scope_and_publication_dates() -> None:
    module = load_accuracy()
    acc = module.evaluate(GOLD, PRED, {"d1", "d2"})
    assert acc.precision == pytest.approx(3 / 4)
    ratio = module.publication_accuracy(
        {"d1": "2022-03-02", "d2": "2017-07-09"}, {"d1": "2022-03-02", "d2": None}
    )
    assert (ratio.hits, ratio.total) == (1, 2)


def test_record_stays_in_its_section(tmp_path: Path) -> None:
    module = load_accuracy()
    path = tmp_path / "RESULTS.md"
    path.write_text("# Results\n\n## Other bench\n\n| a |\n", encoding="utf-8")
    module.append_row(path, "| row 1 |\n")
    module.append_row(path, "| row 2 |\n")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Results\n\n## Other bench\n\n| a |\n\n## Accuracy on the development gold\n")
    assert text.endswith("| row 1 |\n| row 2 |\n")
    path.write_text(text + "\n## Later bench\n\n| b |\n", encoding="utf-8")
    module.append_row(path, "| row 3 |\n")
    text = path.read_text(encoding="utf-8")
    assert "| row 2 |\n| row 3 |\n\n## Later bench\n\n| b |\n" in text
