"""`kg build` as a whole: parallel equals serial, bad input is reported and skipped, outputs are
atomic and locked, an interrupted build leaves the previous output intact."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.build import build_lock
from kg.cli import main
from kg.errors import KgError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "data" / "articles").glob("*.txt"))
OUTPUTS = ("graph.ttl", "graph.html", "events.jsonl", "documents.jsonl")


def seed_jsonl(path: Path, copies: int) -> Path:
    """A JSONL input of `copies` renamed copies of the two seed articles."""
    with path.open("w", encoding="utf-8") as fh:
        for n in range(copies):
            for seed in SEEDS:
                fh.write(json.dumps({"id": f"{seed.stem}-{n:03d}", "text": seed.read_text(encoding="utf-8")}) + "\n")
    return path


def read_outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    source = seed_jsonl(tmp_path / "in.jsonl", 40)
    assert main(["build", str(source), "-o", str(tmp_path / "one"), "-j", "1", "-q"]) == 0
    assert main(["build", str(source), "-o", str(tmp_path / "two"), "-j", "2", "-q"]) == 0
    assert read_outputs(tmp_path / "one") == read_outputs(tmp_path / "two")
    docs = (tmp_path / "one" / "documents.jsonl").read_text().splitlines()
    assert len(docs) == 80
    assert len((tmp_path / "one" / "events.jsonl").read_text().splitlines()) == 40 * 36


def test_bad_input_is_reported_and_the_rest_is_built(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "in.jsonl"
    good = json.dumps({"id": "a", "text": SEEDS[1].read_text(encoding="utf-8")})
    bad.write_text(good + "\n{broken\n" + json.dumps({"id": "b"}) + "\n", encoding="utf-8")
    assert main(["build", str(bad), "-o", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    lines = [x for x in captured.err.splitlines() if x.startswith("kg: skipped")]
    assert len(lines) == 2
    assert lines[0].startswith(f"kg: skipped {bad}:2: ")
    assert lines[1].startswith(f"kg: skipped {bad}:3: ")
    assert "2 inputs skipped" in captured.out
    docs = [json.loads(x) for x in (tmp_path / "out" / "documents.jsonl").read_text().splitlines()]
    assert [d["doc"] for d in docs] == ["a", None, None]
    assert [d.get("line") for d in docs] == [None, 2, 3]
    assert len((tmp_path / "out" / "events.jsonl").read_text().splitlines()) == 16


def test_missing_input_and_empty_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "out"), "-q"]) == 1
    (tmp_path / "empty").mkdir()
    assert main(["build", str(tmp_path / "empty"), "-o", str(tmp_path / "out2"), "-q"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"kg: skipped {tmp_path / 'nope.txt'}: no such file or directory"
    assert err[1:] == ["kg: no articles found in the inputs (.txt, .md, .html, .jsonl, .jsonl.gz)"]


def test_two_builds_cannot_write_the_same_directory(tmp_path: Path) -> None:
    with (
        build_lock(tmp_path),
        pytest.raises(KgError, match="another kg build is writing to this directory"),
        build_lock(tmp_path),
    ):
        pass


def test_interrupted_build_leaves_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["build", str(SEEDS[0]), "-o", str(out), "-q"]) == 0
    before = read_outputs(out)
    big = seed_jsonl(tmp_path / "big.jsonl", 3000)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(big), "-o", str(out), "-q", "-j", "1"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    # wait until the build is really under way (it holds the lock), then kill it hard
    while time.time() < deadline and not (out / ".kg-build.lock").exists():
        time.sleep(0.05)
    time.sleep(2.0)
    assert proc.poll() is None, "the build finished before it could be interrupted"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert read_outputs(out) == before
    assert main(["build", str(SEEDS[0]), "-o", str(out), "-q"]) == 0  # the lock died with the process


def test_build_of_the_hostile_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every hand-made nasty input at once: the build completes, every skipped item is named and
    counted, the Turtle parses in both rdflib and Oxigraph, and nothing from the inputs is live markup."""
    import pyoxigraph
    import rdflib

    nasty = ROOT / "tests" / "nasty"
    out = tmp_path / "out"
    code = main(["build", str(nasty), "-o", str(out), "-q"])
    err = capsys.readouterr().err.splitlines()
    docs = [json.loads(x) for x in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    skipped = [d for d in docs if d.get("skipped")]
    assert code == (1 if skipped else 0)
    assert len(err) == len(skipped) and all(line.startswith("kg: skipped ") for line in err)
    assert all(d["warnings"] and d["origin"].startswith(str(nasty)) for d in skipped)
    assert sum(1 for d in docs if not d.get("skipped")) > 20
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert len(rdflib.Graph().parse(data=ttl, format="turtle")) > 0
    store = pyoxigraph.Store()
    store.load(ttl.encode("utf-8"), pyoxigraph.RdfFormat.TURTLE)
    assert len(store) > 0
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "<img src=x onerror" not in html and "<script>alert" not in html
