"""`kg build` on a Dask LocalCluster (2 worker processes) versus the local pool with --jobs 2.

Both builds run in this process on the same input through kg.build.build; the Dask one has its
extraction routed through kg.distributed.dask_results. The outputs are checked byte for byte.
Cluster start-up is timed apart: a real cluster is started once and serves many builds.

    python bench/bench_dask.py [--limit N] [--batches 64,256] [--repeat 1] [--record]
"""

# mypy: disallow-untyped-calls=False
# (distributed leaves LocalCluster and Client unannotated)

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from common import (
    ROOT,
    Measure,
    base_parser,
    corpus_slice,
    count_lines,
    measured,
    report,
    require_corpus,
    script_command,
    table,
)
from distributed import Client, LocalCluster

import kg.build
from kg.distributed import dask_results
from kg.model import Document, DocumentResult, ReadProblem

OUTPUTS = ("graph.ttl", "graph.html", "events.jsonl", "documents.jsonl")


def local_build(source: Path, out: Path) -> Measure:
    with measured() as m:
        kg.build.build([source], out, jobs=2)
    return m


def dask_build(source: Path, out: Path, client: Client, batch: int) -> Measure:
    def on_cluster(
        items: Iterable[Document | ReadProblem], jobs: int, lexicon_dir: str | None
    ) -> Iterator[DocumentResult | ReadProblem]:
        return dask_results(items, client, lexicon_dir, batch=batch, light=True)

    original = kg.build._results
    kg.build._results = on_cluster
    try:
        with measured() as m:
            kg.build.build([source], out, jobs=2)
    finally:
        kg.build._results = original
    return m


def same_outputs(a: Path, b: Path) -> bool:
    return all((a / name).read_bytes() == (b / name).read_bytes() for name in OUTPUTS)


def main() -> None:
    parser = base_parser(__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the corpus")
    parser.add_argument("--batches", default="64,256", help="comma-separated batch sizes for the Dask runs")
    parser.add_argument("--repeat", type=int, default=2, help="runs per setting; the fastest counts")
    args = parser.parse_args()
    batches = [int(b) for b in args.batches.split(",")]
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        out = Path(tmp)
        source = corpus_slice(args.limit, out, require_corpus())
        n = count_lines(source)
        with measured() as startup:
            cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address="127.0.0.1:0")
            client = Client(cluster, set_as_default=False)
            client.wait_for_workers(2)
        with cluster, client:
            # one small build first, so neither measured run pays this process's first imports
            kg.build.build([ROOT / "data" / "articles"], out / "warm-up", jobs=1)
            runs: list[tuple[str, Measure, bool]] = []
            for k in range(args.repeat):
                runs.append(("local pool, --jobs 2", local_build(source, out / f"local{k}"), True))
                for batch in batches:
                    m = dask_build(source, out / f"dask{batch}.{k}", client, batch)
                    runs.append((f"Dask LocalCluster, 2 workers, batch {batch}", m,
                                 same_outputs(out / "local0", out / f"dask{batch}.{k}")))
    names = list(dict.fromkeys(name for name, _, _ in runs))
    fastest = {name: min((m for k, m, _ in runs if k == name), key=lambda m: m.wall) for name in names}
    identical = {name: all(same for k, _, same in runs if k == name) for name in names}
    base = fastest[names[0]]
    rows = [[name, round(m.wall, 1), round(m.cpu, 1), round(m.peak_mb), round(n / m.wall, 1),
             f"{m.wall / base.wall:.2f}x", "yes" if identical[name] else "NO"] for name, m in fastest.items()]
    text = "\n".join([
        f"{n:,} articles; whole build (extract + graph.ttl + graph.html) in this process",
        "",
        table(["run", "wall s", "CPU s (tree)", "peak MB (tree)", "articles/s", "time / local",
               "outputs identical to local"], rows),
        "",
        f"* starting the LocalCluster (scheduler + 2 worker processes) took {startup.wall:.1f} s, not counted above",
    ])
    report("bench_dask: Dask LocalCluster vs local --jobs 2", script_command(), text, args.record)


if __name__ == "__main__":
    main()
