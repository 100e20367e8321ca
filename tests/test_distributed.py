"""Extraction on a Dask cluster (kg/distributed.py) gives byte-identical outputs to a local build.

`kg build --scheduler` on a two-process LocalCluster (127.0.0.1) builds the bundled articles, the
malformed inputs of tests/nasty (read problems must keep their place) and a slice of the dev corpus
in small batches; every output file is compared byte for byte with a local `kg build -j 1`.
"""

# mypy: disallow-untyped-calls=False
# (distributed leaves Client, LocalCluster and Future methods unannotated)

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from kg.errors import KgError
from kg.model import Document, DocumentResult, ReadProblem
from kg.pipeline import default_resources, process_document

pytest.importorskip("distributed", reason="needs the 'dask' extra: pip install -e .[dask]")
from distributed import Client, LocalCluster

import kg.distributed
from kg.distributed import _batches, dask_results, process_batch

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
NASTY = ROOT / "tests" / "nasty"
CORPUS = ROOT.parent / "shared" / "corpus" / "id_news_dev.jsonl.gz"
# Lines 1001-1200 of the corpus: a stretch with events in it, read at test time, never copied.
CORPUS_SLICE = (1000, 1200)
OUTPUTS = ("graph.ttl", "graph.html", "events.jsonl", "documents.jsonl")


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    ) as running:
        yield running


@pytest.fixture(scope="module")
def client(cluster: LocalCluster) -> Iterator[Client]:
    with Client(cluster, set_as_default=False) as connected:
        yield connected


def _local_build(inputs: list[Path], out: Path) -> int:
    return main(["build", *map(str, inputs), "-o", str(out), "-j", "1", "-q"])


def _dask_build(
    inputs: list[Path], out: Path, cluster: LocalCluster, monkeypatch: pytest.MonkeyPatch, batch: int,
    in_flight: int | None = None,
) -> int:
    """`kg build --scheduler ADDRESS`, with batches small enough to spread over both workers."""
    original, calls = kg.distributed.dask_results, []

    def small_batches(
        items: Iterable[Document | ReadProblem], scheduler: Any, lexicon_dir: str | None, **options: Any
    ) -> Iterator[DocumentResult | ReadProblem]:
        calls.append(scheduler)
        return original(items, scheduler, lexicon_dir, **{**options, "batch": batch, "in_flight": in_flight})

    with monkeypatch.context() as patch:
        patch.setattr(kg.distributed, "dask_results", small_batches)
        code = main(["build", *map(str, inputs), "-o", str(out), "-q", "--scheduler", cluster.scheduler_address])
    assert calls == [cluster.scheduler_address]  # the build did go through the cluster
    return code


def _assert_same_outputs(local: Path, remote: Path) -> None:
    for name in OUTPUTS:
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name


def test_bundled_and_malformed_inputs_match_local_build(
    cluster: LocalCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = [ARTICLES, NASTY]
    local_code = _local_build(inputs, tmp_path / "local")
    # batches of 3 spread the documents and the problems over both workers and many partitions
    dask_code = _dask_build(inputs, tmp_path / "dask", cluster, monkeypatch, batch=3, in_flight=2)
    assert (dask_code, local_code) == (1, 1)  # 1: tests/nasty has unreadable inputs, reported in both
    _assert_same_outputs(tmp_path / "local", tmp_path / "dask")


@pytest.mark.corpus
def test_corpus_slice_matches_local_build(
    cluster: LocalCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not CORPUS.exists():
        pytest.skip(f"dev corpus not available at {CORPUS}: the corpus part of the Dask test is skipped")
    start, stop = CORPUS_SLICE
    sample = tmp_path / "slice.jsonl"
    with gzip.open(CORPUS, "rb") as src:
        sample.write_bytes(b"".join(islice(src, start, stop)))
    local_code = _local_build([sample], tmp_path / "local")
    dask_code = _dask_build([sample], tmp_path / "dask", cluster, monkeypatch, batch=16)
    assert (dask_code, local_code) == (0, 0)
    _assert_same_outputs(tmp_path / "local", tmp_path / "dask")
    assert (tmp_path / "local" / "events.jsonl").stat().st_size > 0  # the slice was chosen to have events


def test_results_keep_input_order_and_problems_in_place(client: Client) -> None:
    problem = ReadProblem("in.jsonl", 2, "not valid JSON (Expecting value)")
    docs = [Document(id=f"d{n}", text=f"Artikel nomor {n}. Rusia mengecam Ukraina.") for n in range(5)]
    items: list[Document | ReadProblem] = [*docs[:2], problem, *docs[2:]]
    results = list(dask_results(iter(items), client, None, batch=2, in_flight=1))
    ids = [r.clean.doc.id if isinstance(r, DocumentResult) else r for r in results]
    assert ids == ["d0", "d1", problem, "d2", "d3", "d4"]


def test_process_batch_is_local_processing_with_problems_passed_through() -> None:
    doc = Document(id="a", text="Presiden Rusia mengecam Amerika Serikat. Jepang membantu Filipina.")
    problem = ReadProblem("x.txt", None, "empty")
    got = process_batch([problem, doc], None)
    assert got[0] is problem
    assert got[1] == process_document(doc, default_resources(None))
    assert isinstance(got[1], DocumentResult)
    assert [(e.source.code, e.target.code, e.type.cameo) for e in got[1].events] == [("RUS", "USA", "111")]


def test_light_results_drop_text_and_mention_lists_only() -> None:
    doc = Document(id="a", text="Presiden Rusia mengecam Amerika Serikat.")
    full, light = process_batch([doc], None)[0], process_batch([doc], None, light=True)[0]
    assert isinstance(full, DocumentResult) and isinstance(light, DocumentResult)
    assert (len(full.actors), light.clean.doc.text, light.actors, light.timexes) == (2, "", (), ())
    assert (light.events, light.n_sentences, light.sha1) == (full.events, full.n_sentences, full.sha1)


def test_batches_cut_the_stream_lazily() -> None:
    docs = (Document(id=str(n), text="x") for n in range(7))
    assert [[d.id for d in chunk if isinstance(d, Document)] for chunk in _batches(docs, 3)] == [["0", "1", "2"], ["3", "4", "5"], ["6"]]


def test_bad_batch_size_and_bad_address_are_reported() -> None:
    with pytest.raises(ValueError, match="batch must be at least 1"):
        list(dask_results([], "tcp://127.0.0.1:8786", None, batch=0))
    with pytest.raises(KgError, match="cannot reach the Dask scheduler at nonsense://x"):
        list(dask_results([], "nonsense://x", None))
