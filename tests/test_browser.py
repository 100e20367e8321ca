"""The graph page in a real headless chromium, opened from disk with every non-file request blocked.

Needs /usr/bin/chromium (scripts/install_browser.sh); without it these tests fail with that hint.
Env KG_SCREENSHOT=path also saves the screenshot there; KG_SCREENSHOT_PAGE=graph.html screenshots that page
(e.g. the seed build's output/graph.html) instead of the hand-built sample.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser import (
    HOSTILE_CODE,
    HOSTILE_DOC_TITLE,
    HOSTILE_EVIDENCE,
    HOSTILE_LABEL,
    HOSTILE_LABEL_EN,
    HOSTILE_MEMBER,
    HOSTILE_TITLE,
    PageLog,
    big_graph,
    browser_context,
    chromium_path,
    hostile_graph,
    node_point,
    open_page,
    sample_graph,
)

from kg.html import write_html

pytestmark = pytest.mark.browser

VISIBLE = "() => [kgStats.visibleNodes, kgStats.visibleEdges, kgStats.visibleEvents]"


@pytest.fixture(scope="module")
def context() -> Iterator[Any]:
    with browser_context() as ctx:
        yield ctx


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "graph.html"
    write_html(sample_graph(), path, title="Contoh graf")
    return path


def assert_quiet(log: PageLog, path: Path) -> None:
    """Nothing but the file itself was requested, and nothing complained."""
    assert log.requests == [path.resolve().as_uri()]
    assert (log.console_errors, log.page_errors, log.dialogs) == ([], [], [])


def test_missing_chromium_fails_with_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(pytest.fail.Exception, match="run scripts/install_browser.sh"):
        chromium_path()


def test_page_opens_offline_with_all_nodes_and_edges(context: Any, sample_page: Path, tmp_path: Path) -> None:
    page, log = open_page(context, sample_page)
    assert page.evaluate("() => [kgStats.nodes, kgStats.edges, kgStats.events]") == [7, 8, 9]
    assert page.evaluate(VISIBLE) == [7, 8, 9]
    assert page.evaluate("() => [kgNetwork.body.data.nodes.length, kgNetwork.body.data.edges.length]") == [7, 8]
    assert page.inner_text("#stats") == "7 actors · 8 links · 9 events"
    assert page.locator("#legend .item").count() == 10
    assert page.locator("#roots input").count() == 6
    assert page.title() == "Contoh graf"
    page.screenshot(path=str(tmp_path / "sample.png"))
    assert (tmp_path / "sample.png").stat().st_size > 10_000
    assert_quiet(log, sample_page)
    page.close()


def test_search_shows_the_actor_and_its_neighbourhood(context: Any, sample_page: Path) -> None:
    page, log = open_page(context, sample_page)
    page.fill("#search", "wagner")  # English and Indonesian label
    assert page.evaluate(VISIBLE) == [2, 1, 1]
    assert page.locator("#search-results li").all_inner_texts() == ["Grup Wagner\nWAGNER"]
    page.fill("#search", "north korea")  # English only
    assert page.evaluate(VISIBLE) == [4, 4, 5]
    page.fill("#search", "kim jong")  # a member of PRK
    assert page.evaluate(VISIBLE) == [4, 4, 5]
    page.fill("#search", "UKR")  # code
    assert page.evaluate(VISIBLE) == [3, 2, 2]
    page.press("#search", "Enter")
    assert page.inner_text("#panel-title") == "Ukraina"
    page.fill("#search", "")
    assert page.evaluate(VISIBLE) == [7, 8, 9]
    assert_quiet(log, sample_page)
    page.close()


def test_filters_change_what_is_visible(context: Any, sample_page: Path) -> None:
    page, log = open_page(context, sample_page)
    page.uncheck('#modalities input[value="asserted"]')
    assert page.evaluate(VISIBLE) == [3, 2, 2]
    assert page.evaluate("() => kgNetwork.body.data.edges.get({filter: e => !e.hidden}).map(e => e.dashes)") == [
        True, True]
    page.check('#modalities input[value="asserted"]')
    page.click("#roots-none")
    assert page.evaluate(VISIBLE) == [0, 0, 0]
    assert page.is_visible("#empty")
    page.check('#roots input[value="19"]')
    assert page.evaluate(VISIBLE) == [2, 1, 1]
    page.click("#roots-all")
    page.fill("#date-from", "2023-08-30")
    page.fill("#date-to", "2023-08-31")
    assert page.evaluate(VISIBLE) == [5, 6, 6]  # five dated events and the undated one
    page.uncheck("#undated")
    assert page.evaluate(VISIBLE) == [5, 5, 5]
    page.click("#reset")
    assert page.evaluate(VISIBLE) == [7, 8, 9]
    assert_quiet(log, sample_page)
    page.close()


def test_clicking_a_node_highlights_it_and_fills_the_panel(context: Any, sample_page: Path) -> None:
    page, log = open_page(context, sample_page)
    x, y = node_point(page, "PRK")
    page.mouse.click(x, y)
    assert page.evaluate("() => kgStats.selected") == "PRK"
    assert page.inner_text("#panel-title") == "Korea Utara"
    assert page.locator("#panel-events li").count() == 5
    first = page.locator("#panel-events li").first
    assert first.locator(".evidence").inner_text() == "Kalimat bukti nomor 2."
    assert first.locator("a").get_attribute("href") == "https://example.com/berita/0"
    colours = page.evaluate("""() => ['RUS', 'UKR'].map(id => kgNetwork.body.data.nodes.get(id).color.background)""")
    assert colours == ["#3867b5", "#dfe3e8"]  # neighbour kept, the rest dimmed
    (x1, y1), (x2, y2) = node_point(page, "RUS"), node_point(page, "UKR")
    page.mouse.click((x1 + x2) / 2, (y1 + y2) / 2)  # the middle of the straight RUS -> UKR link
    assert page.inner_text("#panel-title") == "Rusia → Ukraina"
    assert page.locator("#panel-events .evidence").all_inner_texts() == ["Kalimat bukti nomor 7."]
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + 5)
    assert page.inner_text("#panel-title") == "Overview"
    assert_quiet(log, sample_page)
    page.close()


def test_hostile_text_renders_as_text_and_never_runs(context: Any, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    write_html(hostile_graph(), path, title=HOSTILE_TITLE)
    page, log = open_page(context, path)
    assert page.title() == HOSTILE_TITLE
    x, y = node_point(page, HOSTILE_CODE)
    page.mouse.move(x, y)
    page.wait_for_selector("div.vis-tooltip", state="visible")
    assert HOSTILE_LABEL_EN in page.inner_text("div.vis-tooltip")
    page.mouse.click(x, y)
    assert page.inner_text("#panel-title") == HOSTILE_LABEL
    assert HOSTILE_MEMBER in page.inner_text("#panel")
    evidence = page.locator("#panel-events .evidence").all_text_contents()
    assert evidence == [HOSTILE_EVIDENCE, "Kalimat bukti nomor 2."]  # newest first
    assert HOSTILE_DOC_TITLE in page.locator("#panel-events .doc").all_text_contents()[0]
    hrefs = page.evaluate("() => Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))")
    assert hrefs == ['https://example.com/a?x=1&y=%222%22']  # the javascript: URL stays plain text
    page.fill("#search", "onerror")
    assert page.evaluate(VISIBLE) == [2, 2, 2]
    assert page.evaluate("() => document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert page.evaluate("() => document.scripts.length") == 3
    assert page.evaluate("() => window.__kgPwned === undefined")
    assert_quiet(log, path)
    page.close()


def test_truncated_page_says_what_was_left_out(context: Any, tmp_path: Path) -> None:
    path = tmp_path / "top.html"
    write_html(sample_graph(), path, max_edges=2)
    page, log = open_page(context, path)
    assert page.evaluate(VISIBLE) == [4, 2, 3]
    assert page.inner_text("#notice") == (
        "Showing the 2 strongest of 8 links: 6 links (6 events) and 3 actors left out.")
    assert_quiet(log, path)
    page.close()


def test_five_thousand_actors_become_interactive(context: Any, tmp_path: Path) -> None:
    path, graph = tmp_path / "big.html", big_graph()
    write_html(graph, path, max_edges=10_000)
    hub_events = len(graph.in_edges("A0000", keys=True)) + len(graph.out_edges("A0000", keys=True))
    started = time.perf_counter()
    page, log = open_page(context, path, timeout_ms=20_000)
    ready = time.perf_counter() - started
    assert page.evaluate(VISIBLE) == [5000, 6173, 6338]
    started = time.perf_counter()
    page.fill("#search", "Aktor 4999")
    assert page.evaluate(VISIBLE) == [2, 1, 1]
    searched = time.perf_counter() - started
    print(f"\n5,000 actors: interactive after {ready:.2f} s (page says {page.evaluate('kgStats.readyMs')} ms), "
          f"search answered in {searched:.2f} s")
    assert ready < 20 and searched < 5
    page.fill("#search", "Aktor 0")
    page.press("#search", "Enter")
    assert page.inner_text("#panel-title") == "Aktor 0"
    assert page.locator("#panel-events li").count() == 100  # the busiest actor's events come in pages
    page.click("#panel .more-button")
    assert page.locator("#panel-events li").count() == 200
    assert page.text_content("#panel h3 >> nth=-1") == f"{hub_events:,} events"
    assert_quiet(log, path)
    page.close()


def test_screenshot(context: Any, sample_page: Path, tmp_path: Path) -> None:
    """A screenshot with an actor selected; env KG_SCREENSHOT keeps a copy, KG_SCREENSHOT_PAGE picks the page."""
    path = Path(os.environ.get("KG_SCREENSHOT_PAGE") or sample_page)
    page, log = open_page(context, path)
    busiest = page.evaluate("() => kgNetwork.body.data.nodes.get().sort((a, b) => b.size - a.size)[0].id")
    x, y = node_point(page, busiest)
    page.mouse.click(x, y)
    box = page.locator("#graph").bounding_box()
    page.mouse.move(box["x"] + 5, box["y"] + box["height"] - 5)  # off the actor: no tooltip in the picture
    shot = tmp_path / "graph.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    if os.environ.get("KG_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["KG_SCREENSHOT"])
    assert_quiet(log, path)
    page.close()
