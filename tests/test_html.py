"""The graph page as a file: self-contained, deterministic, escaped, and built from the right dyads.

What it does once opened in a browser is in test_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from browser import (
    HOSTILE_CODE,
    HOSTILE_DOC_ID,
    HOSTILE_DOC_TITLE,
    HOSTILE_EVIDENCE,
    HOSTILE_LABEL,
    HOSTILE_LABEL_EN,
    HOSTILE_MEMBER,
    HOSTILE_TITLE,
    SAFE_URL,
    add_actor,
    add_event,
    hostile_graph,
    sample_graph,
)

from kg.html import (
    QUAD_STYLE,
    TYPE_STYLE,
    cameo_root_labels,
    edge_style,
    layout_positions,
    render_page,
    safe_url,
    script_json,
    write_html,
)

DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.DOTALL)


def page_data(html: str) -> dict[str, Any]:
    match = DATA_BLOCK.search(html)
    assert match is not None
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def edges_by_dyad(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(e["from"], e["to"]): e for e in data["vis"]["edges"]}


def test_same_graph_gives_byte_identical_files(tmp_path: Path) -> None:
    write_html(sample_graph(), tmp_path / "a.html", title="Graf")
    write_html(sample_graph(), tmp_path / "b.html", title="Graf")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_insertion_order_does_not_change_the_page() -> None:
    original = sample_graph()
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(sorted(original.nodes(data=True), reverse=True))
    shuffled.add_edges_from(sorted(original.edges(keys=True, data=True), key=lambda e: str(e[2]), reverse=True))
    assert render_page(shuffled) == render_page(original)


def test_write_is_atomic_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out" / "graph.html"
    write_html(sample_graph(), target)
    write_html(sample_graph(), target)  # replacing an existing page
    assert sorted(p.name for p in target.parent.iterdir()) == ["graph.html"]
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


class TagLog(HTMLParser):
    """The elements a browser would build (script and style contents are not parsed as markup)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def parsed_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    log = TagLog()
    log.feed(html)
    return log.tags


def test_page_is_self_contained() -> None:
    html = render_page(sample_graph())
    tags = parsed_tags(html)
    assert [attrs for tag, attrs in tags if tag == "script"] == [[("type", "application/json"), ("id", "kg-data")],
                                                                [], []]
    assert {tag for tag, _ in tags} <= {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2",
                                        "div", "main", "aside", "section", "label", "input", "ul", "span",
                                        "button", "script"}
    assert [name for _, attrs in tags for name, _ in attrs if name in ("src", "href", "srcset", "action")] == []
    assert "cdnjs" not in html and "jsdelivr" not in html and "bootstrap" not in html
    assert "@version 9.1.2" in html  # vis-network itself is inlined


def test_content_security_policy_allows_exactly_the_inline_scripts() -> None:
    html = render_page(sample_graph())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert policy is not None
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    hashes = sorted("sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in scripts)
    assert sorted(re.findall(r"sha256-[A-Za-z0-9+/=]+", policy.group(1))) == hashes
    assert "default-src &#39;none&#39;" in policy.group(1)
    assert "unsafe-eval" not in policy.group(1)


def test_script_json_escapes_markup_and_line_separators() -> None:
    assert script_json({"a": "</script>&\u2028\u2029"}) == '{"a":"\\u003c/script\\u003e\\u0026\\u2028\\u2029"}'
    assert json.loads(script_json({"a": "</script>&\u2028"})) == {"a": "</script>&\u2028"}


def test_hostile_text_only_reaches_the_page_escaped() -> None:
    html = render_page(hostile_graph(), title=HOSTILE_TITLE)
    for raw in (HOSTILE_LABEL, HOSTILE_LABEL_EN, HOSTILE_MEMBER, HOSTILE_DOC_TITLE, HOSTILE_DOC_ID,
                "<script>window.__kgPwned", "<b>USA</b>", "<b onmouseover", "\u2028"):
        assert raw not in html
    block = DATA_BLOCK.search(html)
    assert block is not None and re.search(r"[<>&\u2028\u2029]", block.group(1)) is None
    assert "<title>&lt;/title&gt;&lt;script&gt;window.__kgPwned=6&lt;/script&gt;</title>" in html


def test_hostile_text_survives_unchanged_as_data() -> None:
    data = page_data(render_page(hostile_graph()))
    node = next(n for n in data["vis"]["nodes"] if n["id"] == HOSTILE_CODE)
    assert (node["label"], node["kg"]["label_en"]) == (HOSTILE_LABEL, HOSTILE_LABEL_EN)
    assert node["kg"]["members"] == [{"id": "<b>m</b>", "label": HOSTILE_MEMBER, "type": "person", "n": 1}]
    assert node["kg"]["wikidata"] is None  # not a Q-number: never turned into a link
    assert [e["evidence"] for e in data["events"]] == ["Kalimat bukti nomor 2.", HOSTILE_EVIDENCE]
    assert data["docs"] == [
        {"id": "doc-safe", "title": "Berita aman", "url": SAFE_URL, "date": "2023-08-31"},
        {"id": HOSTILE_DOC_ID, "title": HOSTILE_DOC_TITLE, "url": None, "date": "2023-08-31"},
    ]


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2"),
    ("HTTP://EXAMPLE.COM", "HTTP://EXAMPLE.COM"),
    ("  https://example.com/x  ", "https://example.com/x"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("//evil.example/x", None),
    ("http:/no-host", None),
    ("https://[::1", None),
    (None, None),
    (42, None),
])
def test_only_absolute_http_urls_are_kept(url: object, expected: str | None) -> None:
    assert safe_url(url) == expected


def test_parallel_events_of_a_dyad_become_one_edge() -> None:
    data = page_data(render_page(sample_graph()))
    edges = edges_by_dyad(data)
    assert len(edges) == 8 and len(data["events"]) == 9
    arms = edges[("PRK", "RUS")]
    assert [data["events"][i]["id"] for i in arms["kg"]["events"]] == ["ev-0001", "ev-0002"]
    assert arms["width"] == 3.0 and arms["dashes"] is False
    assert arms["color"]["color"] == QUAD_STYLE[2][0]
    assert arms["smooth"] == {"enabled": True, "type": "curvedCW", "roundness": 0.18}  # RUS -> PRK exists
    assert edges[("RUS", "PRK")]["smooth"]["type"] == "curvedCW"
    assert edges[("RUS", "UKR")]["smooth"] == {"enabled": False}
    assert edges[("PRK", "WAGNER")]["dashes"] is True  # its only event is alleged
    assert edges[("RUS", "UKR")]["color"]["color"] == QUAD_STYLE[4][0]


def test_edge_style_rules() -> None:
    def ev(quad: int, modality: str = "asserted") -> dict[str, Any]:
        return {"quad": quad, "modality": modality}

    assert edge_style([ev(3), ev(4), ev(4, "planned")]) == {
        "width": round(1.5 + 1.5 * math.log2(3), 2), "dashes": False,
        "color": {"color": QUAD_STYLE[4][0], "highlight": QUAD_STYLE[4][0], "hover": QUAD_STYLE[4][0],
                  "opacity": 0.85},
    }
    assert edge_style([ev(1, "denied"), ev(3, "negated")])["color"]["color"] == QUAD_STYLE[3][0]  # tie: conflict
    assert edge_style([ev(1, "denied"), ev(3, "negated")])["dashes"] is True
    assert edge_style([ev(2)] * 5000)["width"] == 8  # capped


def test_nodes_carry_size_colour_and_both_labels() -> None:
    data = page_data(render_page(sample_graph()))
    nodes = {n["id"]: n for n in data["vis"]["nodes"]}
    assert sorted(nodes) == ["PRK", "PUTIN", "RUS", "UKR", "UN", "USA", "WAGNER"]
    prk = nodes["PRK"]
    assert (prk["label"], prk["kg"]["label_en"], prk["kg"]["wikidata"]) == ("Korea Utara", "North Korea", "Q423")
    assert prk["size"] == round(10 + 4 * math.sqrt(5), 1)
    assert nodes["PUTIN"]["size"] == 10.0
    assert prk["color"]["background"] == TYPE_STYLE["state"][0]
    assert nodes["WAGNER"]["color"]["background"] == TYPE_STYLE["armed_group"][0]
    assert nodes["UN"]["color"]["background"] == TYPE_STYLE["organisation"][0]


def test_filter_lists_and_stats() -> None:
    data = page_data(render_page(sample_graph()))
    assert data["roots"][3] == {"root": "07", "label": "provide aid", "quad": 2, "n": 3}
    assert [r["root"] for r in data["roots"]] == ["01", "02", "04", "07", "11", "19"]
    assert data["modalities"] == [{"modality": "asserted", "n": 7}, {"modality": "planned", "n": 1},
                                  {"modality": "alleged", "n": 1}]
    assert data["stats"] == {"nodes": 7, "edges": 8, "events": 9, "total_nodes": 7, "total_edges": 8,
                             "total_events": 9, "omitted_nodes": 0, "omitted_edges": 0, "omitted_events": 0}
    event = data["events"][0]
    assert (event["id"], event["date"], event["attributed_to"], event["modality"]) == (
        "ev-0001", "2023-09", "USA", "planned")


def test_above_max_edges_only_the_strongest_dyads_are_kept() -> None:
    data = page_data(render_page(sample_graph(), max_edges=2))
    assert sorted(edges_by_dyad(data)) == [("PRK", "RUS"), ("PRK", "WAGNER")]
    assert sorted(n["id"] for n in data["vis"]["nodes"]) == ["PRK", "PUTIN", "RUS", "WAGNER"]
    assert data["stats"] == {"nodes": 4, "edges": 2, "events": 3, "total_nodes": 7, "total_edges": 8,
                             "total_events": 9, "omitted_nodes": 3, "omitted_edges": 6, "omitted_events": 6}


def test_untrusted_attribute_values_are_normalised() -> None:
    g = nx.MultiDiGraph()
    add_actor(g, "A", "A", "A", "alien", 1)
    add_actor(g, "B", "B", "B", "state", 1)
    add_event(g, 1, "A", "B", "190", 9, "x", modality="maybe", date="31/12/2023", goldstein=float("nan"),
              n_mentions="3")
    data = page_data(render_page(g))
    event = data["events"][0]
    assert (event["quad"], event["modality"], event["date"], event["goldstein"], event["n_mentions"]) == (
        0, "asserted", None, None, 1)
    node = next(n for n in data["vis"]["nodes"] if n["id"] == "A")
    assert node["color"]["background"] == TYPE_STYLE["group"][0]


def test_cameo_root_labels_come_from_the_lexicon() -> None:
    labels = cameo_root_labels()
    assert len(labels) == 20
    assert (labels["01"], labels["19"], labels["20"]) == ("make public statement", "fight",
                                                         "use unconventional mass violence")


def test_layout_is_deterministic_and_separates_nodes() -> None:
    nodes = [f"N{i:02d}" for i in range(40)]
    edges = [(nodes[i], nodes[(i * 7 + 3) % 40]) for i in range(40)]
    first = layout_positions(nodes, edges)
    assert first == layout_positions(list(reversed(nodes)), list(reversed(edges)))
    assert sorted(first) == nodes
    assert len(set(first.values())) == 40


def test_big_components_put_single_partner_actors_around_their_partner() -> None:
    hubs = ["H0", "H1", "H2"]
    leaves = [f"L{i:03d}" for i in range(600)]
    edges = [("H0", "H1"), ("H1", "H2")] + [(leaf, hubs[i % 3]) for i, leaf in enumerate(leaves)]
    sizes = {"H0": 60.0, "H1": 60.0, "H2": 60.0}
    pos = layout_positions(hubs + leaves, edges, sizes)
    assert len(set(pos.values())) == 603
    for i, leaf in enumerate(leaves):
        hub = pos[hubs[i % 3]]
        distance = math.dist(pos[leaf], hub)
        assert 60 < distance < 60 + 22 * (0.6 + math.sqrt(201)) + 0.2


def test_an_empty_graph_still_gives_a_page() -> None:
    data = page_data(render_page(nx.MultiDiGraph()))
    assert (data["vis"], data["events"], data["roots"], data["stats"]["nodes"]) == (
        {"nodes": [], "edges": []}, [], [], 0)
