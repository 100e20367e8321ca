"""`kg eval`: precision, recall and F1 of predicted events against gold (CONTRACT.md scoring).

Scoring is over unique (doc, source code, target code, CAMEO root) tuples: a predicted tuple is
correct when some gold event of the same document has the same source and target codes and lists
the predicted root in `roots_ok`; a gold tuple is found when some prediction satisfies it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError

Tuple4 = tuple[str, str, str, str]


@dataclass
class Score:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0
    false_positives: list[Tuple4] = field(default_factory=list)
    false_negatives: list[Tuple4] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    if not path.is_file():
        raise InputError(str(path), "file not found")
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not valid JSON ({exc.msg})", number) from None
            if not isinstance(obj, dict):
                raise InputError(str(path), "expected a JSON object", number)
            yield obj


def _code(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("code")
    return value if isinstance(value, str) else None


def _root(obj: dict[str, Any]) -> str | None:
    cameo = obj.get("cameo_root") or obj.get("cameo")
    return str(cameo)[:2] if cameo else None


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]], docs: set[str] | None = None) -> Score:
    """Score predictions against gold, restricted to the gold documents (or `docs`)."""
    allowed: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    gold_tuples: dict[Tuple4, set[str]] = defaultdict(set)
    for g in gold:
        s, t, root = _code(g.get("source")), _code(g.get("target")), _root(g)
        if not (s and t and root):
            continue  # gold events without both actors are optional for a rule-based system
        ok = set(g.get("roots_ok") or [root])
        allowed[(g["doc"], s, t)] |= ok
        gold_tuples[(g["doc"], s, t, root)] |= ok
    scope = docs if docs is not None else {g["doc"] for g in gold}
    pred_tuples = {
        (p["doc"], s, t, r)
        for p in pred
        if p.get("doc") in scope and (s := _code(p.get("source"))) and (t := _code(p.get("target"))) and (r := _root(p))
    }
    result = Score(n_pred=len(pred_tuples), n_gold=len(gold_tuples))
    for tup in sorted(pred_tuples):
        if tup[3] in allowed.get(tup[:3], set()):
            result.tp_pred += 1
        else:
            result.false_positives.append(tup)
    for (doc, s, t, root), ok in sorted(gold_tuples.items()):
        if any(p[:3] == (doc, s, t) and p[3] in ok for p in pred_tuples):
            result.tp_gold += 1
        else:
            result.false_negatives.append((doc, s, t, root))
    return result


def evaluate_files(gold_path: Path, pred_path: Path) -> Score:
    return score(list(read_jsonl(gold_path)), list(read_jsonl(pred_path)))
