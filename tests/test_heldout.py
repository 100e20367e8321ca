"""The held-out gold (bench/heldout*.jsonl) stays apart from the development gold, and bench/accuracy.py
scores it with `--gold heldout` and records it under its own heading (no corpus needed).

The held-out set measures the pipeline on news nobody tuned it for: it follows the annotation
guidelines of bench/devgold.md on articles disjoint from the development gold and is not used for
error analysis. The structure of its files is checked in tests/test_gold_sets.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gold import BENCH, load_accuracy, read_jsonl


def test_disjoint_from_devgold() -> None:
    docs = read_jsonl(BENCH / "heldout_docs.jsonl")
    dev = {d["doc"] for d in read_jsonl(BENCH / "devgold_docs.jsonl")}
    shared = {d["doc"] for d in docs} & dev
    assert not shared, f"{len(shared)} held-out documents are also in the development gold"


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
