"""Launching the system chromium with Playwright for the graph page tests.

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
