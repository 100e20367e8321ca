"""Shared by the gold-set tests: where the gold files live, what a row may hold, and bench/accuracy.py
loaded as a module (bench/ is not a package)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

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


def lexicon_rows(name: str) -> list[dict[str, Any]]:
    path = LEXICON / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip() and not line.startswith("#")]


def load_accuracy() -> ModuleType:
    """bench/accuracy.py as a module, loaded once per test session."""
    name = "kg_bench_accuracy"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCH / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module
