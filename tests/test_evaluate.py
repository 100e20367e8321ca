"""`kg eval` scoring over unique (doc, source, target, CAMEO root) tuples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.evaluate import score

GOLD = [
    {"doc": "a", "source": "PRK", "target": "RUS", "cameo": "072", "roots_ok": ["07", "06"]},
    {"doc": "a", "source": "PRK", "target": "RUS", "cameo": "072", "roots_ok": ["07", "06"]},
    {"doc": "a", "source": "USA", "target": "SVK", "cameo": "163", "roots_ok": ["16"]},
    {"doc": "a", "source": None, "target": None, "cameo": "040", "roots_ok": ["04"]},
]


def pred(doc: str, s: str, t: str, cameo: str) -> dict[str, object]:
    return {"doc": doc, "source": {"code": s}, "target": {"code": t}, "cameo": cameo, "cameo_root": cameo[:2]}


def test_score_counts_unique_tuples_and_roots_ok() -> None:
    predictions = [
        pred("a", "PRK", "RUS", "062"),  # root 06 is in roots_ok: correct
        pred("a", "PRK", "RUS", "061"),  # same tuple as above once reduced to the root
        pred("a", "RUS", "PRK", "072"),  # wrong direction
        pred("b", "USA", "RUS", "163"),  # a document without gold is out of scope
    ]
    s = score(GOLD, predictions)
    assert (s.tp_pred, s.n_pred, s.tp_gold, s.n_gold) == (1, 2, 1, 2)
    assert s.false_positives == [("a", "RUS", "PRK", "07")]
    assert s.false_negatives == [("a", "USA", "SVK", "16")]
    assert (round(s.precision, 3), round(s.recall, 3), round(s.f1, 3)) == (0.5, 0.5, 0.5)


def test_eval_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold, predicted = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD))
    predicted.write_text(json.dumps(pred("a", "USA", "SVK", "163")) + "\n")
    assert main(["eval", str(gold), str(predicted)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "precision  1.000  (1/1 predicted tuples correct)",
        "recall     0.500  (1/2 gold tuples found)",
        "f1         0.667",
    ]


def test_eval_bad_file_is_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a"}\nnot json\n')
    assert main(["eval", str(bad), str(bad)]) == 1
    err = capsys.readouterr().err
    assert err == f"kg: {bad}:2: not valid JSON (Expecting value)\n"
