"""`kg build`: stream the inputs through the pipeline (in parallel) and write every output.

All outputs are first written to temporary files in the output directory and renamed into place
together at the end, under a lock, so an interrupted or concurrent build never leaves a mix.
"""

from __future__ import annotations

import fcntl
import multiprocessing as mp
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import KgError
from kg.incremental import load_previous
from kg.model import Document, DocumentResult, ReadProblem
from kg.output import atomic_writer, document_json, dumps, event_json, problem_json, text_hash
from kg.pipeline import default_resources, lighten, process_document
from kg.read import iter_documents

OUTPUTS = ("graph.ttl", "graph.html", "events.jsonl", "documents.jsonl")
PARALLEL_THRESHOLD = 64  # below this many documents a worker pool costs more than it saves


@dataclass
class BuildReport:
    documents: int = 0
    skipped: int = 0
    sentences: int = 0
    events: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    unresolved_dates: int = 0
    no_pub_date: int = 0
    warnings: int = 0
    problems: list[str] = field(default_factory=list)
    unchanged: int = 0  # incremental: articles already built with the same text
    replaced: int = 0  # incremental: articles rebuilt because their text changed
    seconds: float = 0.0
    outputs: dict[str, Path] = field(default_factory=dict)

    def add(self, r: DocumentResult) -> None:
        self.documents += 1
        self.sentences += r.n_sentences
        self.events += len(r.events)
        self.warnings += len(r.warnings)
        self.no_pub_date += r.clean.published is None
        for e in r.events:
            self.by_type[f"{e.type.cameo} {e.type.label}"] += 1
            self.actors[e.source.code] += 1
            self.actors[e.target.code] += 1
            self.unresolved_dates += e.date.text is not None and not e.date.resolved


# ---------------------------------------------------------------- workers

_WORKER_LEXICON: str | None = None


def _init_worker(lexicon_dir: str | None) -> None:
    global _WORKER_LEXICON
    _WORKER_LEXICON = lexicon_dir
    default_resources(lexicon_dir)


def _work(doc: Document) -> DocumentResult | ReadProblem:
    try:
        return process_document(doc, default_resources(_WORKER_LEXICON))
    except RecursionError:
        return ReadProblem(doc.origin or doc.id, None, "too deeply nested to process")


def _results(
    items: Iterable[Document | ReadProblem], jobs: int, lexicon_dir: str | None
) -> Iterator[DocumentResult | ReadProblem]:
    """Process documents in order; problems pass straight through, in their place."""
    if jobs <= 1:
        _init_worker(lexicon_dir)
        for item in items:
            yield item if isinstance(item, ReadProblem) else _work(item)
        return
    ctx = mp.get_context("fork" if sys.platform != "win32" else "spawn")
    with ctx.Pool(jobs, initializer=_init_worker, initargs=(lexicon_dir,)) as pool:
        yield from pool.imap(_passthrough, items, chunksize=8)


def _passthrough(item: Document | ReadProblem) -> DocumentResult | ReadProblem:
    """A pool worker's job: the result comes back light (no article text, no per-mention lists), as the
    build keeps it anyway, so that less is pickled through the pipe."""
    if isinstance(item, ReadProblem):
        return item
    result = _work(item)
    return result if isinstance(result, ReadProblem) else lighten(result)


# ---------------------------------------------------------------- build


@contextmanager
def build_lock(out_dir: Path) -> Iterator[None]:
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / ".kg-build.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise KgError(f"{out_dir}: another kg build is writing to this directory") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def choose_jobs(inputs: Sequence[Path], jobs: int | None) -> int:
    if jobs is not None:
        return max(1, jobs)
    big = any(str(p).endswith((".jsonl", ".jsonl.gz")) for p in inputs)
    if not big:
        files = sum(1 for p in inputs for _ in (p.rglob("*") if p.is_dir() else [p]))
        big = files > PARALLEL_THRESHOLD
    return (os.cpu_count() or 1) if big else 1


def build(
    inputs: Sequence[Path],
    out_dir: Path,
    jobs: int | None = None,
    html: bool = True,
    on_progress: Callable[[int], None] | None = None,
    on_problem: Callable[[str], None] | None = None,
    lexicon_dir: Path | None = None,
    incremental: bool = False,
    scheduler: object | None = None,
) -> BuildReport:
    """Build every output in out_dir from inputs; with `incremental`, extend the previous build there;
    with `scheduler` (a Dask address such as "tcp://host:8786", or a Client), extract on that cluster."""
    from kg.html import write_html
    from kg.network import graph_from_file
    from kg.rdf import build_triples, write_turtle

    started = time.perf_counter()
    report = BuildReport()
    lex = str(lexicon_dir) if lexicon_dir else None
    resources = default_resources(lex)
    with build_lock(out_dir):
        previous = {r.clean.doc.id: r for r in load_previous(out_dir, resources.rules)} if incremental else {}
        records: list[DocumentResult | ReadProblem] = list(previous.values())
        position = {doc_id: n for n, doc_id in enumerate(previous)}
        items = _skip_unchanged(iter_documents(inputs), previous, report)
        if scheduler is not None:
            from kg.distributed import dask_results

            results = dask_results(items, scheduler, lex, light=True)  # type: ignore[arg-type]
        else:
            results = _results(items, choose_jobs(inputs, jobs), lex)
        for seen, result in enumerate(results, start=1):
            if isinstance(result, ReadProblem):
                if on_problem is not None:
                    on_problem(str(result))
                records.append(result)
            elif result.clean.doc.id in position:
                records[position[result.clean.doc.id]] = lighten(result)
                report.replaced += 1
            else:
                records.append(lighten(result))
            if on_progress is not None:
                on_progress(seen)
        kept = _write_jsonl(records, out_dir, report)
        write_turtle(build_triples(kept, resources.actors.actor_info), out_dir / "graph.ttl")
        del kept
        if html:
            # the network view is read back from the Turtle just written (streamed by Oxigraph), so no
            # second in-memory copy of the graph is held
            write_html(graph_from_file(out_dir / "graph.ttl"), out_dir / "graph.html", title=_page_title(inputs))
    report.seconds = time.perf_counter() - started
    report.outputs = {name: out_dir / name for name in OUTPUTS if html or name != "graph.html"}
    return report


def _skip_unchanged(
    items: Iterable[Document | ReadProblem], previous: dict[str, DocumentResult], report: BuildReport
) -> Iterator[Document | ReadProblem]:
    """Articles already in the previous build with the same text are not processed again."""
    for item in items:
        if isinstance(item, Document) and item.id in previous and previous[item.id].sha1 == text_hash(item.text):
            report.unchanged += 1
            continue
        yield item


def _write_jsonl(
    records: list[DocumentResult | ReadProblem], out_dir: Path, report: BuildReport
) -> list[DocumentResult]:
    kept = []
    with atomic_writer(out_dir / "events.jsonl") as events_fh, atomic_writer(out_dir / "documents.jsonl") as docs_fh:
        for record in records:
            if isinstance(record, ReadProblem):
                report.skipped += 1
                report.problems.append(str(record))
                docs_fh.write(dumps(problem_json(record)) + "\n")
                continue
            report.add(record)
            kept.append(record)
            for event in record.events:
                events_fh.write(dumps(event_json(event)) + "\n")
            docs_fh.write(dumps(document_json(record)) + "\n")
    return kept


def _page_title(inputs: Sequence[Path]) -> str:
    names = ", ".join(p.name for p in inputs[:3])
    return f"kg: {names}" + (" …" if len(inputs) > 3 else "")
