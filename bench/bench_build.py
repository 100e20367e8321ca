"""Full `kg build` (extract + Turtle + HTML) of the dev corpus: wall time, CPU time and peak memory.

Runs `kg build` as a subprocess with each --jobs value (baseline: the first), then times the
phases of one in-process build to show where the time goes, and optionally profiles a smaller
build with cProfile. Targets: <= 60 s wall on 2 cores and <= 1.5 GB peak memory for the corpus.

    python bench/bench_build.py [--jobs 1,2] [--limit N] [--repeat R] [--profile 1000] [--record]
"""

from __future__ import annotations

import cProfile
import io
import pstats
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from common import (
    Measure,
    base_parser,
    best_of,
    corpus_slice,
    count_lines,
    kg_command,
    measured,
    report,
    require_corpus,
    run_command,
    script_command,
    table,
)

TARGET_WALL = 60.0
TARGET_MB = 1536.0
# (module, attribute, phase name): the stages of kg.build.build after extraction, as build looks them
# up at call time. Names a version of build does not use stay at 0 s; none of them calls another.
PHASES = (
    ("kg.build", "_write_jsonl", "events.jsonl + documents.jsonl"),
    ("kg.rdf", "build_triples", "triples from the records"),
    ("kg.rdf", "build_graph", "rdflib graph from the records"),
    ("kg.rdf", "write_turtle", "graph.ttl"),
    ("kg.network", "graph_from_file", "network view (read back from graph.ttl)"),
    ("kg.network", "graph_from_rdf", "network view (from the rdflib graph)"),
    ("kg.html", "write_html", "graph.html (layout + page)"),
)


def build_runs(source: Path, jobs: list[int], repeat: int, out: Path) -> tuple[str, list[Measure]]:
    n = count_lines(source)
    rows, runs = [], []
    for j in jobs:
        command = kg_command("build", str(source), "-o", str(out / f"j{j}"), "-j", str(j), "-q")
        m = best_of(repeat, lambda command=command: run_command(command))  # type: ignore[misc]
        runs.append(m)
        base = runs[0]
        rows.append([j, round(m.wall, 1), round(m.cpu, 1), round(m.peak_mb), round(n / m.wall, 1), f"{base.wall / m.wall:.2f}x"])
    text = table(["--jobs", "wall s", "CPU s", "peak MB (PSS, tree)", "articles/s", f"speed vs --jobs {jobs[0]}"], rows)
    return f"{n:,} articles from {source.name}\n\n{text}", runs


@contextmanager
def phase_timers(times: dict[str, float]) -> Iterator[None]:
    """Wrap the later stages of the build so each adds its seconds to times[name]."""
    import importlib

    saved: list[tuple[Any, str, Any]] = []
    for module_name, attr, name in PHASES:
        module = importlib.import_module(module_name)
        original = getattr(module, attr, None)
        if original is None:
            continue
        saved.append((module, attr, original))
        setattr(module, attr, _timed(original, name, times))
    try:
        yield
    finally:
        for module, attr, original in saved:
            setattr(module, attr, original)


def _timed(func: Callable[..., Any], name: str, times: dict[str, float]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            times[name] = times.get(name, 0.0) + time.perf_counter() - t0

    return wrapper


def phase_table(source: Path, jobs: int, out: Path) -> str:
    from kg.build import build

    times: dict[str, float] = {}
    with phase_timers(times), measured() as m:
        build([source], out / "phases", jobs=jobs)
    rows = [["read + extract (pool)", round(m.wall - sum(times.values()), 1)]]
    rows += [[name, round(times[name], 2)] for _, _, name in PHASES if name in times]
    rows += [["total", round(m.wall, 1)]]
    return f"Phases of one in-process build with --jobs {jobs} (wall seconds):\n\n" + table(["phase", "s"], rows)


def profile(source: Path, limit: int, out: Path, top: int = 25) -> str:
    from kg.build import build

    sample = corpus_slice(limit, out, source)
    profiler = cProfile.Profile()
    profiler.enable()
    build([sample], out / "profile", jobs=1)
    profiler.disable()
    text = []
    for key in ("tottime", "cumulative"):
        buffer = io.StringIO()
        stats = pstats.Stats(profiler, stream=buffer).strip_dirs().sort_stats(key)
        stats.print_stats(top)
        listing = buffer.getvalue()
        text.append(f"cProfile of `kg build` on the first {limit:,} articles, --jobs 1, top {top} by {key}:\n")
        text.append("```\n" + listing[listing.find("   ncalls") :].rstrip() + "\n```\n")
    return "\n".join(text)


def verdict(runs: list[Measure], jobs: list[int]) -> str:
    lines = []
    for j, m in zip(jobs, runs):
        if j == 2:
            ok = "met" if m.wall <= TARGET_WALL else "NOT met"
            lines.append(f"* target <= {TARGET_WALL:.0f} s wall with --jobs 2: {ok} ({m.wall:.1f} s)")
    peak = max(m.peak_mb for m in runs)
    lines.append(f"* target peak <= {TARGET_MB / 1024:.1f} GB: {'met' if peak <= TARGET_MB else 'NOT met'} ({peak:.0f} MB)")
    return "\n".join(lines)


def main() -> None:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values; the first is the baseline")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the corpus")
    parser.add_argument("--repeat", type=int, default=1, help="runs per setting; the fastest counts")
    parser.add_argument("--no-phases", action="store_true", help="skip the in-process phase timing")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="also cProfile a build of N articles")
    args = parser.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        out = Path(tmp)
        source = corpus_slice(args.limit, out, require_corpus())
        body, runs = build_runs(source, jobs, args.repeat, out)
        parts = [body, verdict(runs, jobs)]
        if not args.no_phases:
            parts.append(phase_table(source, max(jobs), out))
        if args.profile:
            parts.append(profile(require_corpus(), args.profile, out))
    report("bench_build: full kg build of the dev corpus", script_command(), "\n\n".join(parts), args.record)


if __name__ == "__main__":
    main()
