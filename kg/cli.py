"""The `kg` command line: a thin layer over the library.

Exit codes: 0 ok; 1 bad input or failed query (one line on stderr, no traceback), also when a build
completed but skipped some input; 2 usage.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kg import __version__
from kg.errors import KgError

if TYPE_CHECKING:
    from kg.build import BuildReport

DEFAULT_INPUT = Path(__file__).resolve().parent.parent / "data" / "articles"
# Modules that add their own subcommand through register(subparsers).
COMMAND_MODULES = ("kg.queries", "kg.trace", "kg.browse", "kg.export", "kg.serve")


class Progress:
    """A one-line progress display on stderr, only when stderr is a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.started = time.perf_counter()
        self.last = 0.0

    def __call__(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if now - self.last < 0.2:
            return
        self.last = now
        rate = done / max(now - self.started, 1e-9)
        sys.stderr.write(f"\r  {done:,} articles processed  {rate:,.0f} articles/s ")
        sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 70 + "\r")


def _display_path(path: Path) -> Path:
    """The bundled input relative to the working directory when inside it, so that outputs (which
    record where each document came from) are the same in every clone."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def _problem(line: str) -> None:
    print(f"kg: skipped {line}", file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from kg.build import build

    inputs = [Path(p) for p in args.inputs] or [_display_path(DEFAULT_INPUT)]
    progress = Progress(not args.quiet)
    report = build(
        inputs,
        Path(args.output),
        jobs=args.jobs,
        html=not args.no_html,
        on_progress=progress,
        on_problem=_problem,  # problems are reported even with --quiet
        incremental=args.incremental,
        scheduler=args.scheduler,
    )
    progress.done()
    if not args.quiet:
        print_summary(report)
    if report.documents == 0 and report.skipped == 0:
        print("kg: no articles found in the inputs (.txt, .md, .html, .jsonl, .jsonl.gz)", file=sys.stderr)
        return 1
    return 1 if report.skipped else 0


def print_summary(r: BuildReport) -> None:
    print(f"documents   {r.documents:,} in the graph, {r.skipped:,} inputs skipped, {r.sentences:,} sentences")
    if r.unchanged or r.replaced:
        print(f"            incremental: {r.unchanged:,} unchanged, {r.replaced:,} changed and rebuilt")
    print(f"events      {r.events:,} ({len(r.actors):,} actors)")
    for name, count in sorted(r.by_type.items(), key=lambda kv: (-kv[1], kv[0]))[:10]:
        print(f"  {count:6,}  {name}")
    top = ", ".join(f"{code} {n}" for code, n in sorted(r.actors.items(), key=lambda kv: (-kv[1], kv[0]))[:8])
    if top:
        print(f"actors      {top}")
    print(f"dates       {r.unresolved_dates:,} event dates unresolved; {r.no_pub_date:,} documents without a publication date")
    print(f"warnings    {r.warnings:,}")
    outs = ", ".join(str(p) for p in r.outputs.values())
    print(f"wrote       {outs} in {r.seconds:.1f} s")


def cmd_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate_files

    s = evaluate_files(Path(args.gold), Path(args.pred))
    print(f"precision  {s.precision:.3f}  ({s.tp_pred}/{s.n_pred} predicted tuples correct)")
    print(f"recall     {s.recall:.3f}  ({s.tp_gold}/{s.n_gold} gold tuples found)")
    print(f"f1         {s.f1:.3f}")
    if args.verbose:
        for tup in s.false_positives:
            print("  FP", " ".join(tup))
        for tup in s.false_negatives:
            print("  FN", " ".join(tup))
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Indonesian world-politics news to an event knowledge graph.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    b = sub.add_parser("build", help="extract events from articles and write the graph outputs")
    b.add_argument("inputs", nargs="*", metavar="INPUT", help="files or directories (default: the bundled data/articles/)")
    b.add_argument("-o", "--output", default="output", help="output directory (default: output/)")
    b.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores for large inputs)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    b.add_argument("--no-html", action="store_true", help="skip graph.html (faster on very large inputs)")
    b.add_argument(
        "--scheduler", metavar="ADDRESS", default=None,
        help="run extraction on a Dask distributed cluster (e.g. tcp://host:8786; needs the 'dask' extra)",
    )
    b.add_argument(
        "--incremental", action="store_true",
        help="extend the build already in the output directory: only new or changed articles are processed",
    )
    b.set_defaults(func=cmd_build)
    e = sub.add_parser("eval", help="precision/recall/F1 of predicted events against gold")
    e.add_argument("gold", metavar="GOLD.jsonl")
    e.add_argument("pred", metavar="PRED.jsonl")
    e.add_argument("-v", "--verbose", action="store_true", help="list false positives and negatives")
    e.set_defaults(func=cmd_eval)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KgError as exc:
        print(f"kg: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("kg: interrupted; previous outputs left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
