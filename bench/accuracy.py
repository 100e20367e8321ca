"""Accuracy of the pipeline on a hand-made gold set: news nobody tuned for.

Runs `process_document` on the articles of `bench/NAME_docs.jsonl` (read from the corpus) and
scores the events against `bench/NAME.jsonl` with the CONTRACT.md rule (`kg.evaluate.score`).
Prints precision, recall and F1 overall and per CAMEO root, modality and date accuracy on matched
events, publication-date accuracy and events per off-topic article; `--errors` lists the most
frequent error types, `--record` appends a dated row to `bench/RESULTS.md`, under the heading of
the gold set.

Two gold sets follow the same guidelines (`bench/devgold.md`): `devgold` (the default) is used for
error analysis; `heldout` is kept apart as an honest measure, so for it `--errors` prints counts
only, never documents or examples.

    python bench/accuracy.py [--gold devgold|heldout] [--corpus PATH] [--errors [N]] [--record]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kg.evaluate import score

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "id_news_dev.jsonl.gz"
GOLD = BENCH / "devgold.jsonl"
DOCS = BENCH / "devgold_docs.jsonl"
RESULTS = BENCH / "RESULTS.md"
SECTION = "## Accuracy on the development gold"
# Gold sets by name: bench/NAME.jsonl and bench/NAME_docs.jsonl, and their RESULTS.md heading.
SECTIONS = {
    "devgold": SECTION,
    "heldout": "## Accuracy on the held-out gold",
}
# Gold sets whose documents and examples are never printed (kept apart from error analysis).
SEALED = {"heldout"}
TABLE_HEAD = (
    "| date | commit | P | R | F1 | modality | event date | publication date | events/off-topic doc "
    "| gold / pred tuples | machine | command |\n"
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
)

Tuple4 = tuple[str, str, str, str]
Json = dict[str, Any]


@dataclass
class Ratio:
    """A count of successes out of a total, printed as a percentage."""

    hits: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{100 * self.value:5.1f}% ({self.hits}/{self.total})"


@dataclass
class RootScore:
    n_gold: int = 0
    found: int = 0
    n_pred: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    """Everything `evaluate` measures on one gold/prediction pair."""

    precision: float
    recall: float
    f1: float
    n_gold: int
    n_pred: int
    per_root: dict[str, RootScore]
    modality: Ratio
    event_date: Ratio
    false_positives: list[Tuple4] = field(default_factory=list)
    false_negatives: list[Tuple4] = field(default_factory=list)


@dataclass
class Run:
    """What the pipeline produced for the gold documents."""

    events: list[Json] = field(default_factory=list)
    published: dict[str, str | None] = field(default_factory=dict)
    topics: dict[str, str | None] = field(default_factory=dict)
    actors: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# Scoring (pure functions of gold and prediction lists)


def code(value: Any) -> str | None:
    """The actor code of a gold string or an events.jsonl actor object."""
    if isinstance(value, dict):
        value = value.get("code")
    return value if isinstance(value, str) else None


def root_of(obj: Json) -> str:
    return str(obj.get("cameo_root") or obj.get("cameo") or "")[:2]


def date_of(pred: Json) -> str | None:
    value = pred.get("date")
    if isinstance(value, dict):
        value = value.get("value")
    return value if isinstance(value, str) else None


def matches(gold: Json, pred: Json) -> bool:
    """Same document, source and target codes, and the predicted root among the gold `roots_ok`."""
    same = (pred.get("doc"), code(pred.get("source")), code(pred.get("target"))) == (
        gold["doc"],
        gold["source"],
        gold["target"],
    )
    return same and root_of(pred) in (gold.get("roots_ok") or [root_of(gold)])


def per_root(gold: list[Json], result_fp: Iterable[Tuple4], pred_tuples: set[Tuple4]) -> dict[str, RootScore]:
    """Per CAMEO root: recall over gold tuples of that root, precision over predictions of that root."""
    table: dict[str, RootScore] = defaultdict(RootScore)
    gold_ok: dict[Tuple4, set[str]] = defaultdict(set)
    for g in gold:
        gold_ok[(g["doc"], g["source"], g["target"], root_of(g))] |= set(g.get("roots_ok") or [root_of(g)])
    for (doc, s, t, root), ok in gold_ok.items():
        table[root].n_gold += 1
        table[root].found += any(p[:3] == (doc, s, t) and p[3] in ok for p in pred_tuples)
    wrong = set(result_fp)
    for tup in pred_tuples:
        table[tup[3]].n_pred += 1
        table[tup[3]].correct += tup not in wrong
    return dict(sorted(table.items()))


def attribute_accuracy(gold: list[Json], pred: list[Json]) -> tuple[Ratio, Ratio]:
    """Modality and date accuracy over gold lines that some prediction matches.

    A gold line counts as right when any matching prediction has its modality (or, for gold
    lines with a date, its date value).
    """
    by_key: dict[tuple[str, str | None, str | None], list[Json]] = defaultdict(list)
    for p in pred:
        by_key[(str(p.get("doc")), code(p.get("source")), code(p.get("target")))].append(p)
    modality, when = Ratio(), Ratio()
    for g in gold:
        found = [p for p in by_key.get((g["doc"], g["source"], g["target"]), []) if matches(g, p)]
        if not found:
            continue
        modality.total += 1
        modality.hits += any(p.get("modality") == g["modality"] for p in found)
        if g.get("date"):
            when.total += 1
            when.hits += any(date_of(p) == g["date"] for p in found)
    return modality, when


def evaluate(gold: list[Json], pred: list[Json], docs: set[str] | None = None) -> Accuracy:
    """Score predictions (events.jsonl records) against gold, over `docs` (default: every document
    named in gold or predictions, so events found in documents without gold events count as wrong)."""
    scope = docs if docs is not None else {g["doc"] for g in gold} | {str(p.get("doc")) for p in pred}
    pred = [p for p in pred if p.get("doc") in scope]
    result = score(gold, pred, scope)
    pred_tuples = {
        (str(p["doc"]), s, t, root_of(p))
        for p in pred
        if (s := code(p.get("source"))) and (t := code(p.get("target"))) and root_of(p)
    }
    modality, when = attribute_accuracy(gold, pred)
    return Accuracy(
        precision=result.precision,
        recall=result.recall,
        f1=result.f1,
        n_gold=result.n_gold,
        n_pred=result.n_pred,
        per_root=per_root(gold, result.false_positives, pred_tuples),
        modality=modality,
        event_date=when,
        false_positives=result.false_positives,
        false_negatives=result.false_negatives,
    )


def publication_accuracy(expected: dict[str, str], found: dict[str, str | None]) -> Ratio:
    """Documents whose pipeline publication day equals the gold one."""
    return Ratio(sum(found.get(doc) == day for doc, day in expected.items()), len(expected))


# ---------------------------------------------------------------------------------------------
# Error analysis


def fp_cause(tup: Tuple4, gold: list[Json], offtopic: set[str]) -> str:
    doc, s, t, _ = tup
    same_doc = [g for g in gold if g["doc"] == doc]
    if doc in offtopic:
        return "off-topic document"
    if any((g["source"], g["target"]) == (s, t) for g in same_doc):
        return "wrong CAMEO root"
    if any((g["source"], g["target"]) == (t, s) for g in same_doc):
        return "direction reversed"
    if any(g["source"] == s or g["target"] == t for g in same_doc):
        return "wrong actor (one side right)"
    return "spurious event"


def fn_cause(tup: Tuple4, ok: set[str], pred_tuples: set[Tuple4]) -> str:
    doc, s, t, _ = tup
    same_doc = [p for p in pred_tuples if p[0] == doc]
    if any(p[1:3] == (s, t) for p in same_doc):
        return "found with a wrong CAMEO root"
    if any(p[1:3] == (t, s) and p[3] in ok for p in same_doc):
        return "found reversed"
    if any((p[1] == s or p[2] == t) and p[3] in ok for p in same_doc):
        return "found with a wrong actor"
    return "missed"


def miss_cause(lines: list[Json], run: Run | None) -> str:
    """Why a gold event nobody found was missed: filter, actor recognition, or no rule."""
    if run is None or not lines:
        return "missed"
    doc = lines[0]["doc"]
    if run.topics.get(doc):
        return f"missed: document classed off-topic ({run.topics[doc]})"
    mentions = run.actors.get(doc, [])

    def seen(role: str) -> bool:
        return any(
            c == g[role] and s < hi and lo < e
            for g in lines
            for lo, hi in (g["evidence_span"], g[f"{role}_span"])
            for s, e, c in mentions
        )

    if not seen("source"):
        return "missed: source actor not recognised"
    if not seen("target"):
        return "missed: target actor not recognised"
    return "missed: both actors recognised, no event"


def rules_of(pred: list[Json]) -> dict[Tuple4, list[str]]:
    out: dict[Tuple4, list[str]] = defaultdict(list)
    for p in pred:
        key = (str(p.get("doc")), code(p.get("source")) or "", code(p.get("target")) or "", root_of(p))
        out[key].extend(str(m.get("rule")) for m in p.get("mentions", []))
    return out


def print_table(title: str, table: Counter[str], top: int) -> None:
    print(f"\n{title}:")
    for key, n in table.most_common(top):
        print(f"  {n:4d}  {key}")


def attribute_errors(gold: list[Json], pred: list[Json]) -> dict[str, Counter[str]]:
    """Modality confusions and kinds of date error on matched gold lines."""
    out: dict[str, Counter[str]] = {"modality: gold -> predicted": Counter(), "event date errors": Counter()}
    for g in gold:
        found = [p for p in pred if matches(g, p)]
        if not found:
            continue
        if all(p.get("modality") != g["modality"] for p in found):
            out["modality: gold -> predicted"][f"{g['modality']} -> {found[0].get('modality')}"] += 1
        dates = [date_of(p) for p in found]
        if g.get("date") and g["date"] not in dates:
            got = next((d for d in dates if d), None)
            if got is None:
                kind = "no date predicted"
            elif got[:4] != g["date"][:4]:
                kind = "wrong year"
            elif len(got) != len(g["date"]):
                grain = {4: "year", 7: "month", 10: "day"}
                kind = f"gold {grain.get(len(g['date']))}, predicted {grain.get(len(got))}"
            else:
                kind = "same granularity, wrong value"
            out["event date errors"][kind] += 1
    return out


def print_errors(
    acc: Accuracy, gold: list[Json], run: Run, offtopic: set[str], top: int, examples_shown: bool = True
) -> None:
    """The most frequent false-positive and false-negative types, with a few examples unless
    `examples_shown` is false (then only the counts are printed)."""
    rules = rules_of(run.events)
    pred_tuples = set(rules)
    lines: dict[Tuple4, list[Json]] = defaultdict(list)
    for g in gold:
        lines[(g["doc"], g["source"], g["target"], root_of(g))].append(g)
    tables: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[str, list[Tuple4]] = defaultdict(list)
    for tup in acc.false_positives:
        cause = fp_cause(tup, gold, offtopic)
        tables["FP by cause"][cause] += 1
        tables["FP by predicted root"][tup[3]] += 1
        for rule in set(rules.get(tup, [])) or {"?"}:
            tables["FP by rule"][rule] += 1
        examples[f"FP {cause}"].append(tup)
    for tup in acc.false_negatives:
        ok = {r for g in lines[tup] for r in g.get("roots_ok") or [tup[3]]}
        cause = fn_cause(tup, ok, pred_tuples)
        if cause == "missed":
            cause = miss_cause(lines[tup], run)
        tables["FN by cause"][cause] += 1
        tables["FN by gold root"][tup[3]] += 1
        examples[f"FN {cause}"].append(tup)
    tables.update(attribute_errors(gold, run.events))
    for title, table in tables.items():
        print_table(title, table, top)
    if not examples_shown:
        return
    print("\nexamples (doc:source>target/root):")
    for kind, tuples in sorted(examples.items(), key=lambda kv: -len(kv[1])):
        shown = ", ".join(f"{d[:40]}:{s}>{t}/{r}" for d, s, t, r in tuples[:3])
        print(f"  {kind} ({len(tuples)}): {shown}")


# ---------------------------------------------------------------------------------------------
# Reading and running


def read_jsonl(path: Path) -> list[Json]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_documents(corpus: Path, ids: set[str]) -> dict[str, Any]:
    """The gold documents as kg.model.Document, read the way `kg build` reads the corpus."""
    from kg.model import Document
    from kg.read import iter_documents

    found: dict[str, Any] = {}
    for item in iter_documents([corpus]):
        if isinstance(item, Document) and item.id in ids:
            found[item.id] = item
    return found


def run_pipeline(documents: Iterable[Any]) -> Run:
    """Events (events.jsonl form), publication days, off-topic classes and actor mentions."""
    from kg.output import event_json
    from kg.pipeline import default_resources, process_document

    resources = default_resources()
    run = Run()
    for doc in documents:
        result = process_document(doc, resources)
        run.events.extend(event_json(e) for e in result.events)
        run.published[doc.id] = result.clean.published[:10] if result.clean.published else None
        run.topics[doc.id] = result.topic
        run.actors[doc.id] = [(m.start, m.end, m.code) for m in result.actors]
    return run


# ---------------------------------------------------------------------------------------------
# Reporting


def print_report(acc: Accuracy, pub: Ratio, offtopic_rate: float, n_off: int, seconds: float) -> None:
    print(
        f"precision {100 * acc.precision:5.1f}%   recall {100 * acc.recall:5.1f}%   F1 {100 * acc.f1:5.1f}%"
    )
    print(f"  ({acc.n_gold} gold tuples, {acc.n_pred} predicted tuples)")
    print(f"modality on matched gold events   {acc.modality}")
    print(f"date on matched dated gold events {acc.event_date}")
    print(f"publication date                  {pub}")
    print(f"events per off-topic article      {offtopic_rate:.2f} ({n_off} articles)")
    print(f"time                              {seconds:.1f} s")
    print("\nper CAMEO root (found: gold tuples of the root matched, under their roots_ok;")
    print("correct: predictions of the root that match some gold tuple; '-': undefined)")
    print("root  gold found  pred correct      P      R     F1")
    for root, r in acc.per_root.items():
        p = f"{100 * r.precision:5.1f}" if r.n_pred else "    -"
        rc = f"{100 * r.recall:5.1f}" if r.n_gold else "    -"
        f = f"{100 * r.f1:5.1f}" if r.n_pred and r.n_gold else "    -"
        print(f"  {root}  {r.n_gold:4d}  {r.found:4d}  {r.n_pred:4d}  {r.correct:7d}  {p}  {rc}  {f}")


def commit() -> str:
    """The short commit id, with "+" when kg/ or data/ differ from it (read-only git calls)."""
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}

    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", *args], check=False, cwd=ROOT, env=env, capture_output=True, text=True)

    try:
        head = git("rev-parse", "--short", "HEAD").stdout.strip()
        dirty = git("diff", "--quiet", "HEAD", "--", "kg", "data").returncode == 1
    except OSError:
        return "?"
    return (head + ("+" if dirty else "")) or "?"


def record_row(acc: Accuracy, pub: Ratio, offtopic_rate: float, argv: Sequence[str]) -> str:
    cells = [
        date.today().isoformat(),
        commit(),
        f"{100 * acc.precision:.1f}",
        f"{100 * acc.recall:.1f}",
        f"{100 * acc.f1:.1f}",
        f"{100 * acc.modality.value:.1f}",
        f"{100 * acc.event_date.value:.1f}",
        f"{100 * pub.value:.1f}",
        f"{offtopic_rate:.2f}",
        f"{acc.n_gold} / {acc.n_pred}",
        f"{platform.node() or '?'} (Python {platform.python_version()})",
        "`python " + " ".join(["bench/accuracy.py", *argv]) + "`",
    ]
    return "| " + " | ".join(cells) + " |\n"


def append_row(path: Path, row: str, section: str = SECTION) -> None:
    """Add the row at the end of `section` (a "## " heading line), creating the section when
    missing; other sections are left as they are."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    start = text.find(section + "\n")
    if start < 0:
        sep = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        text += f"{sep}{section}\n\n{TABLE_HEAD}{row}"
    else:
        nxt = text.find("\n## ", start + len(section))
        end = len(text) if nxt < 0 else nxt + 1
        body = text[:end].rstrip("\n") + "\n"
        text = body + row + ("\n" + text[end:] if nxt >= 0 else "")
    path.write_text(text, encoding="utf-8")


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="Accuracy of the pipeline on a hand-made gold set.")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="the corpus JSONL(.gz)")
    ap.add_argument(
        "--gold",
        choices=sorted(SECTIONS),
        default="devgold",
        help="the gold set: reads bench/NAME.jsonl and bench/NAME_docs.jsonl (default devgold)",
    )
    ap.add_argument(
        "--errors", type=int, nargs="?", const=15, default=0, metavar="N", help="top N error types"
    )
    ap.add_argument("--record", action="store_true", help="append a dated row to bench/RESULTS.md")
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    if not args.corpus.is_file():
        print(f"corpus not found at {args.corpus}: nothing to measure (pass --corpus PATH)")
        return 0
    sealed = args.gold in SEALED
    gold, meta = read_jsonl(BENCH / f"{args.gold}.jsonl"), read_jsonl(BENCH / f"{args.gold}_docs.jsonl")
    expected = {m["doc"]: m["publication_date"] for m in meta}
    offtopic = {m["doc"] for m in meta if m["topic"] == "offtopic"}
    started = time.perf_counter()
    documents = read_documents(args.corpus, set(expected))
    missing = sorted(set(expected) - set(documents))
    if missing:
        shown = "" if sealed else ": " + ", ".join(missing[:5])
        print(f"warning: {len(missing)} gold documents are not in the corpus{shown}")
    run = run_pipeline(documents[d] for d in sorted(documents))
    pred, published = run.events, run.published
    seconds = time.perf_counter() - started
    acc = evaluate(gold, pred, set(documents))
    pub = publication_accuracy({d: v for d, v in expected.items() if d in documents}, published)
    off_events = sum(1 for p in pred if p["doc"] in offtopic)
    rate = off_events / len(offtopic) if offtopic else 0.0
    print_report(acc, pub, rate, len(offtopic), seconds)
    if args.errors:
        wrong = sorted(d for d in documents if published.get(d) != expected[d])
        if sealed:
            print(f"\npublication date wrong: {len(wrong)} documents")
        else:
            listed = ", ".join(f"{d} ({published.get(d)})" for d in wrong)
            print("\npublication date wrong: " + (listed or "none"))
        print_errors(acc, gold, run, offtopic, args.errors, examples_shown=not sealed)
    if args.record:
        append_row(RESULTS, record_row(acc, pub, rate, argv), SECTIONS[args.gold])
        print(f"\nrecorded in {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
