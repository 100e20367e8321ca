"""Helpers shared by the benchmark scripts: corpus slices, timing with memory, and bench/RESULTS.md.

Memory is the peak of the summed PSS (proportional set size) of a process and all its descendants,
sampled from /proc: forked workers share the parent's pages, so summing their RSS would overcount.
CPU seconds (user + system, children included) are reported beside wall time because other work
on the machine slows wall time but barely changes CPU time.
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import islice
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "id_news_dev.jsonl.gz"
RESULTS = ROOT / "bench" / "RESULTS.md"
SAMPLE_SECONDS = 0.05
T = TypeVar("T")


# ---------------------------------------------------------------- inputs


def require_corpus(path: Path = CORPUS) -> Path:
    if not path.exists():
        sys.exit(f"bench: the dev corpus is not at {path} (these benchmarks need it)")
    return path


def corpus_slice(n: int | None, directory: Path, source: Path = CORPUS) -> Path:
    """The first n articles of the corpus as a .jsonl file in directory (the whole corpus for None)."""
    if n is None:
        return source
    target = directory / f"corpus_{n}.jsonl"
    if not target.exists():
        with gzip.open(source, "rb") as src:
            target.write_bytes(b"".join(islice(src, n)))
    return target


def count_lines(path: Path) -> int:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        return sum(1 for line in fh if line.strip())


# ---------------------------------------------------------------- measuring


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                found.extend(int(c) for c in fh.read().split())
    except OSError:
        pass  # the process ended between two reads
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_pss_mb(pid: int) -> float:
    """Summed PSS of pid and every process below it, in MB."""
    return sum(_pss_kb(current) for current in _tree(pid)) / 1024


class PeakMemory:
    """Samples the memory of a process tree in a background thread and keeps the peak."""

    def __init__(self, pid: int | None = None) -> None:
        self.pid = pid if pid is not None else os.getpid()
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, tree_pss_mb(self.pid))
            self._stop.wait(SAMPLE_SECONDS)

    def __enter__(self) -> None:
        self._thread.start()

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _tree(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        if current not in found:
            found.append(current)
            todo.extend(_children(current))
    return found


def tree_cpu_seconds(pid: int | None = None) -> float:
    """CPU seconds of a process tree: live processes, plus the children they have already reaped."""
    ticks = 0
    for current in _tree(pid if pid is not None else os.getpid()):
        try:
            with open(f"/proc/{current}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += sum(int(v) for v in fields[11:15])  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


@dataclass
class Measure:
    """Wall seconds, CPU seconds (this process and its reaped children) and peak tree memory."""

    wall: float = 0.0
    cpu: float = 0.0
    peak_mb: float = 0.0
    extra: dict[str, float] = field(default_factory=dict)


@contextmanager
def measured(pid: int | None = None) -> Iterator[Measure]:
    """Measure the block; CPU and memory are those of pid's process tree (this process by default)."""
    m = Measure()
    cpu0, t0 = tree_cpu_seconds(pid), time.perf_counter()
    peak = PeakMemory(pid)
    with peak:
        yield m
    m.wall, m.cpu, m.peak_mb = time.perf_counter() - t0, tree_cpu_seconds(pid) - cpu0, peak.peak_mb


def run_command(cmd: Sequence[str]) -> Measure:
    """Run a command to completion, measuring its wall time, CPU time and peak memory (its tree)."""
    cpu0, t0 = _cpu_seconds(), time.perf_counter()
    proc = subprocess.Popen(list(cmd), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = PeakMemory(proc.pid)
    with peak:
        _, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):  # 1: a build that skipped some input still wrote its outputs
        sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{err.decode(errors='replace')}")
    return Measure(wall=wall, cpu=_cpu_seconds() - cpu0, peak_mb=peak.peak_mb)


def best_of(repeat: int, run: Callable[[], Measure]) -> Measure:
    """The fastest of `repeat` runs (the one least disturbed by other work on the machine)."""
    runs = [run() for _ in range(max(1, repeat))]
    best = min(runs, key=lambda m: m.wall)
    best.peak_mb = max(m.peak_mb for m in runs)
    return best


def kg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


# ---------------------------------------------------------------- reporting


def machine() -> str:
    """One line naming the machine: cores, memory, CPU model and Python version."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"nproc {os.cpu_count()}, RAM {ram_gb:.1f} GB, CPU {model}, Python {platform.python_version()}"


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} / {five:.1f} (1 / 5 min)"


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table (also readable as plain text on the terminal)."""
    cells = [[str(c) for c in header]] + [[_fmt(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in cells]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def base_parser(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--record", action="store_true", help="append the results to bench/RESULTS.md")
    return parser


def report(section: str, command: Sequence[str], body: str, record: bool) -> None:
    """Print the results; with record, add them (dated, with machine and command) to RESULTS.md."""
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    entry = "\n".join([
        f"### {stamp}",
        "",
        f"* machine: {machine()}",
        f"* {load_average()} when it finished (other work shares the cores; compare ratios, not seconds)",
        f"* command: `{' '.join(command)}`",
        "",
        body.rstrip(),
        "",
    ])
    print(entry)
    if record:
        append_section(RESULTS, section, entry)
        print(f"recorded in {RESULTS.relative_to(ROOT)} under '## {section}'")


def append_section(path: Path, section: str, entry: str) -> None:
    """Add entry at the end of '## section' (created at the end if missing); other sections untouched."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    lines = text.rstrip("\n").split("\n")
    heading = f"## {section}"
    if heading not in lines:
        lines += ["", heading, ""]
        end = len(lines)
    else:
        start = lines.index(heading) + 1
        end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
        while end > start and not lines[end - 1].strip():
            end -= 1
        lines.insert(end, "")
        end += 1
    lines[end:end] = entry.rstrip("\n").split("\n")
    path.write_text("\n".join(lines).rstrip("\n") + "\n", encoding="utf-8")


def script_command() -> list[str]:
    """How this benchmark was started, as a command to run from the repository root."""
    script = Path(sys.argv[0]).resolve()
    shown = script.relative_to(ROOT) if script.is_relative_to(ROOT) else script
    return ["python", str(shown), *sys.argv[1:]]
