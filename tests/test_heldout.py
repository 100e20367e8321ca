"""The held-out gold (bench/heldout*.jsonl) is well formed.

The held-out set measures the pipeline on news nobody tuned it for: it follows the annotation
guidelines of bench/devgold.md, but its articles are disjoint from the development gold and are
not used for error analysis. These checks look at the files (schema, codes, dates) and, when
../shared/corpus is present, at the spans; they never print article text. The last tests check
the `--gold heldout` option of bench/accuracy.py (no corpus needed).
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
MIN_DOCS = 30
MIN_OFFTOPIC = 5


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def lexicon_rows(name: str) -> list[dict[str, Any]]:
    path = LEXICON / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip() and not line.startswith("#")]


def state_codes() -> set[str]:
    return {str(row["id"]) for row in lexicon_rows("countries.jsonl") if "id" in row}


def non_state_codes() -> set[str]:
    """The blocs and groups of devgold.md plus the organisations and armed groups of the lexicon."""
    curated = {
        str(row["code"])
        for row in lexicon_rows("actors.jsonl")
        if row.get("type") in {"organisation", "armed_group"} and "code" in row
    }
    return NON_STATE | curated


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return read_jsonl(BENCH / "heldout.jsonl")


@pytest.fixture(scope="module")
def docs() -> list[dict[str, Any]]:
    return read_jsonl(BENCH / "heldout_docs.jsonl")


@pytest.fixture(scope="module")
def corpus(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    if not CORPUS.is_file():
        pytest.skip(f"corpus not found at {CORPUS}: held-out span checks need ../shared/corpus")
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
    assert len(ids) >= MIN_DOCS
    assert sum(d["topic"] == "offtopic" for d in docs) >= MIN_OFFTOPIC
    for d in docs:
        assert set(d) == DOC_KEYS, d["doc"]
        assert d["topic"] in {"politics", "offtopic"}, d["doc"]
        assert re.fullmatch(DATE_FORMS["day"], d["publication_date"]), d["doc"]


def test_disjoint_from_devgold(docs: list[dict[str, Any]]) -> None:
    dev = {d["doc"] for d in read_jsonl(BENCH / "devgold_docs.jsonl")}
    shared = {d["doc"] for d in docs} & dev
    assert not shared, f"{len(shared)} held-out documents are also in the development gold"


def test_gold_schema(gold: list[dict[str, Any]], docs: list[dict[str, Any]]) -> None:
    topic = {d["doc"]: d["topic"] for d in docs}
    for g in gold:
        where = f"{g.get('doc')} {g.get('source')}>{g.get('target')} {g.get('cameo')}"
        assert set(g) == GOLD_KEYS, where
        assert g["doc"] in topic, f"{where}: document not in heldout_docs.jsonl"
        assert topic[g["doc"]] == "politics", f"{where}: off-topic documents have no gold events"
        assert g["modality"] in MODALITIES, where
        assert isinstance(g["label"], str) and g["label"], where
        assert g["source"] != g["target"], where


def test_every_political_doc_has_events(gold: list[dict[str, Any]], docs: list[dict[str, Any]]) -> None:
    with_events = {g["doc"] for g in gold}
    assert {d["doc"] for d in docs if d["topic"] == "politics"} <= with_events


def test_cameo_codes(gold: list[dict[str, Any]]) -> None:
    known = {str(row["cameo"]) for row in lexicon_rows("cameo.jsonl") if "cameo" in row}
    for g in gold:
        cameo, roots = g["cameo"], g["roots_ok"]
        assert re.fullmatch(r"\d{2,4}", cameo) and "01" <= cameo[:2] <= "20", cameo
        assert not known or cameo in known or cameo[:3] in known, f"unknown CAMEO code {cameo}"
        assert roots and roots[0] == cameo[:2], f"{cameo}: roots_ok must start with its own root"
        assert len(set(roots)) == len(roots) and all(re.fullmatch(r"\d{2}", r) for r in roots), roots


def test_actor_codes(gold: list[dict[str, Any]]) -> None:
    states, others = state_codes(), non_state_codes()
    for g in gold:
        for value in (g["source"], g["target"], g["attributed_to"]):
            if value is None:
                continue
            assert re.fullmatch(r"[A-Z][A-Z0-9]{1,11}", value), value
            assert value in others or (value in states if states else len(value) == 3), value


def test_dates(gold: list[dict[str, Any]]) -> None:
    for g in gold:
        value, grain = g["date"], g["date_granularity"]
        assert (value is None) == (grain is None), g["doc"]
        if value is not None:
            assert re.fullmatch(DATE_FORMS[grain], value), g["doc"]


# ---------------------------------------------------------------------------------------------
# Against the corpus


@pytest.mark.corpus
def test_docs_in_corpus(docs: list[dict[str, Any]], corpus: dict[str, dict[str, Any]]) -> None:
    missing = sorted({d["doc"] for d in docs} - set(corpus))
    assert not missing, f"not in the corpus: {missing}"
    for d in docs:
        assert d["publisher"] == corpus[d["doc"]]["publisher"], d["doc"]


@pytest.mark.corpus
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
        where = f"{g['doc']} {g['source']}>{g['target']} {g['cameo']}"
        assert ev_start <= g["trigger_span"][0] and g["trigger_span"][1] <= ev_end, where


# ---------------------------------------------------------------------------------------------
# bench/accuracy.py --gold heldout


def load_accuracy() -> ModuleType:
    """bench/accuracy.py as a module (bench/ is not a package)."""
    name = "heldout_accuracy"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_gold_option() -> None:
    module = load_accuracy()
    assert module.parse_args([]).gold == "devgold"
    assert module.parse_args(["--gold", "heldout"]).gold == "heldout"
    with pytest.raises(SystemExit):
        module.parse_args(["--gold", "nosuchset"])
    for name in module.SECTIONS:
        assert (BENCH / f"{name}.jsonl").is_file() and (BENCH / f"{name}_docs.jsonl").is_file(), name


def test_record_goes_under_its_own_heading(tmp_path: Path) -> None:
    module = load_accuracy()
    heldout = module.SECTIONS["heldout"]
    path = tmp_path / "RESULTS.md"
    module.append_row(path, "| dev 1 |\n")
    module.append_row(path, "| held 1 |\n", heldout)
    module.append_row(path, "| dev 2 |\n")
    module.append_row(path, "| held 2 |\n", heldout)
    text = path.read_text(encoding="utf-8")
    dev_at, held_at = text.index(module.SECTION + "\n"), text.index(heldout + "\n")
    assert dev_at < held_at
    assert "| dev 1 |\n| dev 2 |\n\n" + heldout in text
    assert text.endswith("| held 1 |\n| held 2 |\n")
    assert text.count(module.TABLE_HEAD) == 2
