"""Helpers for the graph page tests: hand-built graphs, and the system chromium driven by Playwright.

Playwright's own browser download is not used: the tests drive Debian's chromium (scripts/install_browser.sh)
with the network cut off, recording every request, console error, page error and dialog.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
INSTALL_HINT = "run scripts/install_browser.sh (installs Debian's chromium) or set KG_CHROMIUM"


def chromium_path() -> Path:
    """The chromium binary (env KG_CHROMIUM, else /usr/bin/chromium); fails the test when it is missing."""
    path = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
    if not path.is_file():
        pytest.fail(f"chromium not found at {path}: {INSTALL_HINT}", pytrace=False)
    return path


@dataclass
class PageLog:
    """What a page did besides drawing: every request, blocked request, console error, page error, dialog."""

    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def attach(self, page: Any) -> None:
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.page_errors.append(str(e)))
        page.on("dialog", self._dialog)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


@contextmanager
def browser_context() -> Iterator[Any]:
    """A persistent chromium context with a fresh profile; requests to anything but file:// are aborted."""
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: pip install -e '.[test]'", pytrace=False)
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile, executable_path=str(executable), headless=True, args=CHROMIUM_ARGS,
                viewport={"width": 1440, "height": 900}, service_workers="block",
            )
            context.route("**/*", _only_files)
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _only_files(route: Any) -> None:
    if route.request.url.startswith("file://"):
        route.continue_()
    else:
        route.abort()


def open_page(context: Any, path: Path, timeout_ms: int = 20_000) -> tuple[Any, PageLog]:
    """Open a page file from disk, wait until the graph reports it is drawn, return the page and its log."""
    page = context.new_page()
    log = PageLog()
    log.attach(page)
    page.goto(path.resolve().as_uri())
    page.wait_for_function("window.kgStats && window.kgStats.ready === true", timeout=timeout_ms)
    return page, log


def node_point(page: Any, node_id: str) -> tuple[float, float]:
    """The page coordinates of a node's centre, so a test can click it with the real mouse."""
    point = page.evaluate(
        """(id) => {
            const net = window.kgNetwork, p = net.canvasToDOM(net.getPositions([id])[id]);
            const box = document.getElementById('graph').getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""",
        node_id,
    )
    return float(point[0]), float(point[1])


# ---------------------------------------------------------------- graphs built by hand (kg/network.py schema)

HOSTILE_LABEL = "<img src=x onerror=alert(1)>"
HOSTILE_LABEL_EN = "</script><script>window.__kgPwned=1</script>"
HOSTILE_MEMBER = "<svg onload=window.__kgPwned=2>"
HOSTILE_EVIDENCE = ("Kalimat <script>window.__kgPwned=3</script> & \"kutipan\" 'tunggal'\u2028baris <!-- x --> "
                    "<b onmouseover=alert(3)>tebal</b>")
HOSTILE_DOC_TITLE = "<img src=x onerror=alert(2)>"
HOSTILE_DOC_ID = "</script><script>alert(5)</script>"
HOSTILE_JS_URL = "javascript:window.__kgPwned=4"
HOSTILE_TITLE = "</title><script>window.__kgPwned=6</script>"
HOSTILE_CODE = 'X"Y<z>'
SAFE_URL = 'https://example.com/a?x=1&y="2"'


def add_actor(g: nx.MultiDiGraph, code: str, label: str, label_en: str, kind: str, n_events: int,
              members: list[dict[str, Any]] | None = None, wikidata: str | None = None) -> None:
    g.add_node(code, label=label, label_en=label_en, type=kind, n_events=n_events, members=members or [],
               wikidata=wikidata)


def add_event(g: nx.MultiDiGraph, number: int, source: str, target: str, cameo: str, quad: int, label: str,
              modality: str = "asserted", date: str | None = None, **extra: Any) -> str:
    """One event edge with every attribute of the schema; extra overrides any of them."""
    event_id = f"ev-{number:04d}"
    attrs: dict[str, Any] = {
        "event_id": event_id, "cameo": cameo, "cameo_root": cameo[:2], "label": label, "plover": "X",
        "quad_class": quad, "goldstein": 1.5, "modality": modality, "date": date,
        "date_granularity": {4: "year", 7: "month", 10: "day"}.get(len(date or ""), None),
        "date_text": None, "doc": f"doc-{number % 2}", "doc_title": f"Judul berita {number % 2}",
        "doc_url": f"https://example.com/berita/{number % 2}", "doc_date": "2023-08-31",
        "evidence": f"Kalimat bukti nomor {number}.", "source_text": source, "target_text": target,
        "trigger": "kirim", "rule": "test.rule", "attributed_to": None, "n_mentions": 1,
    }
    attrs.update(extra)
    g.add_edge(source, target, key=event_id, **attrs)
    return event_id


def sample_graph() -> nx.MultiDiGraph:
    """Seven actors, nine events, eight dyads (one reciprocal pair, one self-loop, one actor without events)."""
    g = nx.MultiDiGraph()
    add_actor(g, "PRK", "Korea Utara", "North Korea", "state", 5,
              [{"id": "kim-jong-un", "label": "Kim Jong-un", "type": "person", "n": 2}], "Q423")
    add_actor(g, "RUS", "Rusia", "Russia", "state", 5, wikidata="Q159")
    add_actor(g, "USA", "Amerika Serikat", "United States", "state", 2)
    add_actor(g, "WAGNER", "Grup Wagner", "Wagner Group", "armed_group", 1)
    add_actor(g, "UN", "PBB", "United Nations", "organisation", 2)
    add_actor(g, "UKR", "Ukraina", "Ukraine", "state", 2)
    add_actor(g, "PUTIN", "Vladimir Putin", "Vladimir Putin", "person", 0)
    add_event(g, 1, "PRK", "RUS", "072", 2, "provide military aid", "planned", "2023-09", attributed_to="USA")
    add_event(g, 2, "PRK", "RUS", "072", 2, "provide military aid", "asserted", "2023-10-02")
    add_event(g, 3, "RUS", "PRK", "040", 1, "consult", "asserted", "2023")
    add_event(g, 4, "USA", "PRK", "112", 3, "accuse", "asserted", "2023-08-31")
    add_event(g, 5, "PRK", "WAGNER", "072", 2, "provide military aid", "alleged", "2022-11")
    add_event(g, 6, "UN", "RUS", "112", 3, "accuse", "asserted", None, date_text="pekan lalu")
    add_event(g, 7, "RUS", "UKR", "190", 4, "use conventional military force", "asserted", "2023-08-30")
    add_event(g, 8, "UKR", "UN", "020", 1, "appeal", "asserted", "2023-08-30")
    add_event(g, 9, "USA", "USA", "010", 1, "make statement", "asserted", "2023-08-30")
    return g


def hostile_graph() -> nx.MultiDiGraph:
    """Markup, script breakouts, quotes, line separators and a javascript: URL in every text field."""
    g = nx.MultiDiGraph()
    add_actor(g, HOSTILE_CODE, HOSTILE_LABEL, HOSTILE_LABEL_EN, "state", 2,
              [{"id": "<b>m</b>", "label": HOSTILE_MEMBER, "type": "person", "n": 1}], 'Q1" onmouseover="alert(1)')
    add_actor(g, "RUS", "Rusia", "Russia", "state", 2)
    add_event(g, 1, HOSTILE_CODE, "RUS", "112", 3, "<i>accuse</i>", "alleged", "2023-08-31",
              evidence=HOSTILE_EVIDENCE, doc_title=HOSTILE_DOC_TITLE, doc_url=HOSTILE_JS_URL, doc=HOSTILE_DOC_ID,
              date_text='"><b>', attributed_to="<b>USA</b>", source_text=HOSTILE_LABEL)
    add_event(g, 2, "RUS", HOSTILE_CODE, "040", 1, "consult", "asserted", "2023-08-30",
              doc_url=SAFE_URL, doc="doc-safe", doc_title="Berita aman")
    return g


def big_graph(n_nodes: int = 5000, n_hubs: int = 60, seed: int = 3) -> nx.MultiDiGraph:
    """A news-like synthetic graph: every minor actor meets one or two of a few hub states."""
    import random

    rng = random.Random(seed)
    g = nx.MultiDiGraph()
    codes = [f"A{i:04d}" for i in range(n_nodes)]
    kinds = ("state", "organisation", "armed_group", "person", "group")
    for i, code in enumerate(codes):
        add_actor(g, code, f"Aktor {i}", f"Actor {i}", "state" if i < n_hubs else kinds[i % 5], 0)
    pairs = [(c, codes[min(int(rng.paretovariate(1.2)) - 1, n_hubs - 1)])
             for c in codes[n_hubs:] for _ in range(1 + (rng.random() < 0.2))]
    pairs += [tuple(rng.sample(codes[:n_hubs], 2)) for _ in range(400)]  # type: ignore[misc]
    for number, (a, b) in enumerate(pairs):
        source, target = (a, b) if rng.random() < 0.5 else (b, a)
        root = rng.randint(1, 20)
        add_event(g, number, source, target, f"{root:02d}0", 1 + (root - 1) // 5, f"type {root}",
                  rng.choice(("asserted", "asserted", "planned", "alleged")), f"2023-{rng.randint(1, 12):02d}",
                  doc=f"doc-{number % 300}")
        g.nodes[source]["n_events"] += 1
        g.nodes[target]["n_events"] += 1
    return g
