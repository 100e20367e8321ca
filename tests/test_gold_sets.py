"""Both gold sets (bench/devgold*.jsonl and bench/heldout*.jsonl) are well formed.

The gold holds offsets into the corpus, never article text, so the span checks read the corpus and
are skipped when ../shared/corpus is absent; they never print article text. The held-out set follows
the guidelines of bench/devgold.md on articles disjoint from the development gold.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from typing import Any

import pytest
from gold import (
    BENCH,
    CORPUS,
    DATE_FORMS,
    DOC_KEYS,
    GOLD_KEYS,
    MODALITIES,
    NON_STATE,
    lexicon_rows,
    read_jsonl,
)


def lexicon_non_state() -> set[str]:
    """The blocs and groups of devgold.md plus the organisations and armed groups of the lexicon."""
    curated = {
        str(row["code"])
        for row in lexicon_rows("actors.jsonl")
        if row.get("type") in {"organisation", "armed_group"} and "code" in row
    }
    return NON_STATE | curated


@dataclass(frozen=True)
class GoldSet:
    name: str
    min_docs: int
    min_offtopic: int
    non_state: set[str] = field(default_factory=lambda: set(NON_STATE))  # codes allowed besides states


SETS = [GoldSet("devgold", 60, 10), GoldSet("heldout", 30, 5, lexicon_non_state())]


@pytest.fixture(scope="module", params=SETS, ids=[s.name for s in SETS])
def gold_set(request: pytest.FixtureRequest) -> GoldSet:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def gold(gold_set: GoldSet) -> list[dict[str, Any]]:
    return read_jsonl(BENCH / f"{gold_set.name}.jsonl")


@pytest.fixture(scope="module")
def docs(gold_set: GoldSet) -> list[dict[str, Any]]:
    return read_jsonl(BENCH / f"{gold_set.name}_docs.jsonl")


@pytest.fixture(scope="module")
def corpus(gold_set: GoldSet, docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    if not CORPUS.is_file():
        pytest.skip(f"corpus not found at {CORPUS}: the {gold_set.name} span checks need ../shared/corpus")
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


def test_docs_file(gold_set: GoldSet, docs: list[dict[str, Any]]) -> None:
    ids = [d["doc"] for d in docs]
    assert len(ids) == len(set(ids)), "a document is listed twice"
    assert len(ids) >= gold_set.min_docs
    assert sum(d["topic"] == "offtopic" for d in docs) >= gold_set.min_offtopic
    for d in docs:
        assert set(d) == DOC_KEYS, d["doc"]
        assert d["topic"] in {"politics", "offtopic"}, d["doc"]
        assert re.fullmatch(DATE_FORMS["day"], d["publication_date"]), d["doc"]


def test_gold_schema(gold_set: GoldSet, gold: list[dict[str, Any]], docs: list[dict[str, Any]]) -> None:
    topic = {d["doc"]: d["topic"] for d in docs}
    for g in gold:
        where = f"{g.get('doc')} {g.get('source')}>{g.get('target')} {g.get('cameo')}"
        assert set(g) == GOLD_KEYS, where
        assert g["doc"] in topic, f"{where}: document not in {gold_set.name}_docs.jsonl"
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


def test_actor_codes(gold_set: GoldSet, gold: list[dict[str, Any]]) -> None:
    states = {str(row["id"]) for row in lexicon_rows("countries.jsonl") if "id" in row}
    for g in gold:
        for value in (g["source"], g["target"], g["attributed_to"]):
            if value is None:
                continue
            assert re.fullmatch(r"[A-Z][A-Z0-9]{1,11}", value), value
            assert value in gold_set.non_state or (value in states if states else len(value) == 3), value


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
        where = f"{g['doc']} {g['source']}>{g['target']} {g['cameo']}"
        for key in ("source_span", "target_span", "trigger_span", "evidence_span"):
            start, end = g[key]
            assert 0 <= start < end <= len(text), f"{where} {key}"
            piece = text[start:end]
            assert piece.strip() == piece, f"{where} {key}: span has surrounding whitespace"
        ev_start, ev_end = g["evidence_span"]
        assert ev_start <= g["trigger_span"][0] and g["trigger_span"][1] <= ev_end, where
