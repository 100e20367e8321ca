"""Extraction on a Dask distributed cluster, for inputs one machine cannot process in time.

`dask_results` is a drop-in for the local worker pool of `kg build`: it cuts the document stream
into batches, runs them on the cluster's workers (each worker process loads the lexicons on its
first batch and keeps them) and yields the results in input order, so the outputs are
byte-identical to a local build whatever the number of workers or batches. Needs the optional
extra `dask` (`pip install -e .[dask]`), and kg installed (and `lexicon_dir`, if given, readable at
the same path) on every worker.
"""

# mypy: disallow-untyped-calls=False
# (distributed leaves Client, LocalCluster and Future methods unannotated)

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from threading import Lock
from typing import TYPE_CHECKING

from kg.errors import KgError
from kg.model import Document, DocumentResult, ReadProblem
from kg.pipeline import Resources, default_resources, lighten, process_document

if TYPE_CHECKING:
    from distributed import Client, Future

Item = Document | ReadProblem
Result = DocumentResult | ReadProblem
CONNECT_TIMEOUT = "30s"
_LOAD_LOCK = Lock()


def dask_results(
    items: Iterable[Item],
    scheduler: str | Client,
    lexicon_dir: str | None,
    batch: int = 256,
    in_flight: int | None = None,
    light: bool = False,
) -> Iterator[Result]:
    """Process documents on a Dask cluster; problems pass straight through, in their place.

    `scheduler` is an address ("tcp://host:8786") or a connected Client (left open). At most
    `in_flight` batches (default: two per worker thread) are submitted and not yet yielded, so
    memory stays bounded however long the stream. With `light`, workers drop the article text
    and per-mention lists before sending results back (what `kg build` keeps anyway).
    """
    if batch < 1:
        raise ValueError("batch must be at least 1")
    with _client(scheduler) as client:
        limit = in_flight if in_flight is not None else 2 * max(1, sum(client.nthreads().values()))
        pending: deque[Future[list[Result]]] = deque()
        try:
            for chunk in _batches(items, batch):
                pending.append(client.submit(process_batch, chunk, lexicon_dir, light, pure=False))
                if len(pending) >= max(1, limit):
                    yield from _collect(pending.popleft())
            while pending:
                yield from _collect(pending.popleft())
        finally:
            # A consumer that stops early (error, interrupt) must not leave work running on the cluster.
            if pending:
                client.cancel(list(pending))


def process_batch(items: list[Item], lexicon_dir: str | None, light: bool = False) -> list[Result]:
    """What a worker runs: one batch, in order, with the resources its process loaded once."""
    res = _resources(lexicon_dir)
    return [item if isinstance(item, ReadProblem) else process_item(item, res, light) for item in items]


def process_item(doc: Document, res: Resources, light: bool = False) -> Result:
    """One document, exactly as the local pool of `kg build` processes it."""
    try:
        result = process_document(doc, res)
    except RecursionError:
        return ReadProblem(doc.origin or doc.id, None, "too deeply nested to process")
    return lighten(result) if light else result


def _resources(lexicon_dir: str | None) -> Resources:
    # Worker threads share one process: load once under a lock rather than once per thread.
    with _LOAD_LOCK:
        return default_resources(lexicon_dir)


def _collect(future: Future[list[Result]]) -> list[Result]:
    results: list[Result] = future.result()
    future.release()
    return results


def _batches(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    stream = iter(items)
    while chunk := list(islice(stream, size)):
        yield chunk


@contextmanager
def _client(scheduler: str | Client) -> Iterator[Client]:
    """Use a given Client as is; connect to an address and close that connection when done."""
    try:
        from distributed import Client
    except ImportError:
        raise KgError("running on a Dask cluster needs the 'dask' extra: pip install 'kg[dask]'") from None
    if isinstance(scheduler, Client):
        yield scheduler
        return
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise KgError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        yield client
    finally:
        client.close()
