"""bench/accuracy.py scores predictions against the development gold's format exactly.

The structure of the gold files themselves is checked in tests/test_gold_sets.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gold import load_accuracy


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
