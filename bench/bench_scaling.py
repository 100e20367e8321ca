"""How `kg build` grows with its input: time and peak memory for 1k, 2k, 4k and all 7.5k articles.

Each size is the first N articles of the dev corpus, built by `kg build` in a subprocess. Growth is
linear when the time each further article costs (the marginal time between two sizes) stays flat;
a least-squares line time = fixed + n * per_article separates the start-up cost from the rest.

    python bench/bench_scaling.py [--sizes 1000,2000,4000,all] [--jobs 2] [--repeat 1] [--record]
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from common import (
    Measure,
    base_parser,
    best_of,
    corpus_slice,
    count_lines,
    kg_command,
    report,
    require_corpus,
    run_command,
    script_command,
    table,
)

LINEAR_TOLERANCE = 1.5  # the last marginal per-article time may be at most this times the first


def fit_line(xs: list[int], ys: list[float]) -> tuple[float, float]:
    """Least squares y = a + b x; returns (a, b)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    var = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / var if var else 0.0
    return my - b * mx, b


def measure_sizes(sizes: list[int | None], jobs: int, repeat: int, out: Path) -> list[tuple[int, Measure]]:
    results = []
    for size in sizes:
        source = corpus_slice(size, out, require_corpus())
        n = count_lines(source)
        command = kg_command("build", str(source), "-o", str(out / f"n{n}"), "-j", str(jobs), "-q")
        results.append((n, best_of(repeat, lambda command=command: run_command(command))))  # type: ignore[misc]
    return results


def body(results: list[tuple[int, Measure]], jobs: int) -> str:
    ns = [n for n, _ in results]
    fixed, per_article = fit_line(ns, [m.wall for _, m in results])
    cpu_fixed, cpu_per_article = fit_line(ns, [m.cpu for _, m in results])
    rows, marginals = [], []
    previous: tuple[int, Measure] | None = None
    for n, m in results:
        marginal = "" if previous is None else (m.wall - previous[1].wall) / (n - previous[0]) * 1000
        if previous is not None:
            marginals.append(float(marginal))
        rows.append([n, round(m.wall, 1), round(m.cpu, 1), round(m.peak_mb), round(m.wall / n * 1000, 2),
                     round(m.cpu / n * 1000, 2), marginal if marginal == "" else round(float(marginal), 2)])
        previous = (n, m)
    linear = len(marginals) < 2 or marginals[-1] <= LINEAR_TOLERANCE * marginals[0]
    mem_fixed, mem_per_article = fit_line(ns, [m.peak_mb for _, m in results])
    return "\n".join([
        f"`kg build --jobs {jobs}` on the first N articles of the dev corpus",
        "",
        table(["articles", "wall s", "CPU s", "peak MB", "wall ms/article", "CPU ms/article",
               "marginal wall ms/article"], rows),
        "",
        (f"* fitted wall time: {fixed:.1f} s fixed + {per_article * 1000:.2f} ms per article "
         f"(CPU: {cpu_fixed:.1f} s + {cpu_per_article * 1000:.2f} ms per article)"),
        f"* fitted peak memory: {mem_fixed:.0f} MB + {mem_per_article * 1000:.1f} MB per 1,000 articles",
        f"* growth linear (last marginal time <= {LINEAR_TOLERANCE}x the first): {'yes' if linear else 'NO'}",
    ])


def main() -> None:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000,all", help="comma-separated article counts; 'all' = corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest counts")
    args = parser.parse_args()
    sizes = [None if s == "all" else int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        results = measure_sizes(sizes, args.jobs, args.repeat, Path(tmp))
    report("bench_scaling: time and memory against input size", script_command(), body(results, args.jobs), args.record)


if __name__ == "__main__":
    main()
