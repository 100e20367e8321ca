"""The interactive graph page: one self-contained HTML file (vis-network, CSS, code and data inlined).

Nodes are roll-up actors, edges are directed dyads aggregating their events. Article text reaches the
page only as escaped JSON in a data block; the page code turns it into DOM text, never into markup.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from pyvis.network import Network

from kg.layout import SEED, layout_positions
from kg.lexicon import iter_jsonl, lexicon_path
from kg.output import write_atomic

# SEED and layout_positions moved to kg.layout; they stay importable from here, where callers expect them.
__all__ = [
    "MODALITIES", "QUAD_STYLE", "SEED", "TEMPLATES", "TYPE_STYLE", "VIS_DIR", "cameo_root_labels",
    "content_security_policy", "edge_style", "layout_positions", "node_size", "render_page", "safe_url",
    "script_json", "write_html",
]

TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
MODALITIES = ("asserted", "planned", "possible", "alleged", "denied", "negated")
# actor type -> (colour, legend label); unknown types fall back to "group"
TYPE_STYLE: dict[str, tuple[str, str]] = {
    "state": ("#3867b5", "state"),
    "organisation": ("#8453c4", "organisation"),
    "armed_group": ("#3f4b57", "armed group"),
    "person": ("#d0467f", "person"),
    "group": ("#a1887f", "group"),
}
QUAD_STYLE: dict[int, tuple[str, str]] = {
    1: ("#6cc36a", "verbal cooperation"),
    2: ("#1e7b45", "material cooperation"),
    3: ("#f0962e", "verbal conflict"),
    4: ("#d7301f", "material conflict"),
    0: ("#9aa5b1", "unknown"),
}
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_WIKIDATA = re.compile(r"Q[1-9]\d{0,11}")
# What a script or style block must never contain, or the browser would end it early.
_BREAKOUT = re.compile(r"</script|</style|<!--", re.IGNORECASE)


def write_html(graph: nx.MultiDiGraph, path: Path, title: str = "kg", max_edges: int = 2000) -> None:
    """Write the graph page to path atomically; the same graph always gives the same bytes."""
    write_atomic(Path(path), render_page(graph, title=title, max_edges=max_edges).encode("utf-8"))


def render_page(graph: nx.MultiDiGraph, title: str = "kg", max_edges: int = 2000) -> str:
    """The page as text: pyvis holds the nodes and edges and renders them through kg/templates."""
    net, data = _network(graph, max_edges)
    net.heading = title
    assets = {name: _asset(TEMPLATES / name) for name in ("page.js", "page.css")}
    vis_js, vis_css = _asset(VIS_DIR / "vis-network.min.js"), _asset(VIS_DIR / "vis-network.css")
    data_json = script_json({**data, "vis": {"nodes": net.nodes, "edges": net.edges}})
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True)
    env.globals.update(
        data_json=Markup(data_json), vis_js=Markup(vis_js), vis_css=Markup(vis_css),
        page_js=Markup(assets["page.js"]), page_css=Markup(assets["page.css"]),
        csp=content_security_policy([vis_js, assets["page.js"]]),
    )
    net.templateEnv, net.path = env, "graph.html.j2"
    return str(net.generate_html())


def script_json(value: Any) -> str:
    """JSON that is safe inside a <script> element: no `<`, `>`, `&` or JS line separators left."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def content_security_policy(scripts: list[str]) -> str:
    """Only the page's own inline scripts may run (by hash), and nothing may be fetched."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'"
        for s in scripts
    )
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; "
            "font-src data:; base-uri 'none'; form-action 'none'")


def safe_url(value: object) -> str | None:
    """The URL if it is an absolute http(s) URL, else None (so it is shown as text, never a link)."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


@lru_cache(maxsize=1)
def cameo_root_labels() -> dict[str, str]:
    """CAMEO root code -> English label, from the project's CAMEO lexicon."""
    return {o["cameo"]: str(o["label"]) for _, o in iter_jsonl(lexicon_path("cameo.jsonl"))
            if isinstance(o.get("cameo"), str) and len(o["cameo"]) == 2}


def _asset(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if _BREAKOUT.search(text):
        raise ValueError(f"{path}: contains a sequence that would end its inline block early")
    return text


# ---------------------------------------------------------------- graph -> page data


def _network(graph: nx.MultiDiGraph, max_edges: int) -> tuple[Any, dict[str, Any]]:
    """A pyvis Network with one node per shown actor and one edge per shown dyad, and the page data."""
    dyads = _dyads(graph)
    kept = dyads[: max(0, max_edges)]
    nodes = _shown_nodes(graph, kept)
    events, docs = _events(graph, kept)
    sizes = {n: node_size(graph.nodes[n]) for n in nodes}
    positions = layout_positions(nodes, [(u, v) for u, v, _ in kept], sizes)
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for code in nodes:
        _add_node(net, code, graph.nodes[code], positions[code])
    reciprocal = {(u, v) for u, v, _ in kept if u != v} & {(v, u) for u, v, _ in kept}
    for index, (u, v, keys) in enumerate(kept):
        ids = [events["index"][(u, v, k)] for k in keys]
        _add_edge(net, f"d{index}", u, v, [events["list"][i] for i in ids], ids, (u, v) in reciprocal)
    n_events = sum(len(k) for _, _, k in dyads)
    shown_events = len(events["list"])
    data = {
        "events": events["list"], "docs": docs, "roots": _roots(events["list"]),
        "modalities": _modalities(events["list"]),
        "palette": {"types": [[t, c, name] for t, (c, name) in TYPE_STYLE.items()],
                    "quads": {str(k): v for k, v in QUAD_STYLE.items()}},
        "stats": {"nodes": len(nodes), "edges": len(kept), "events": shown_events,
                  "total_nodes": graph.number_of_nodes(), "total_edges": len(dyads), "total_events": n_events,
                  "omitted_nodes": graph.number_of_nodes() - len(nodes),
                  "omitted_edges": len(dyads) - len(kept), "omitted_events": n_events - shown_events},
    }
    return net, data


def _dyads(graph: nx.MultiDiGraph) -> list[tuple[str, str, list[Any]]]:
    """(source, target, event keys) per directed dyad, strongest first (events, then mentions)."""
    grouped: dict[tuple[str, str], list[Any]] = defaultdict(list)
    mentions: dict[tuple[str, str], int] = defaultdict(int)
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        grouped[(u, v)].append(key)
        mentions[(u, v)] += _int(attrs.get("n_mentions"), 1)
    order = sorted(grouped, key=lambda d: (-len(grouped[d]), -mentions[d], str(d[0]), str(d[1])))
    return [(u, v, sorted(grouped[(u, v)], key=str)) for u, v in order]


def _shown_nodes(graph: nx.MultiDiGraph, kept: list[tuple[str, str, list[Any]]]) -> list[str]:
    """Actors of the kept dyads, plus actors without any event (nothing of theirs was left out)."""
    touched = {u for u, _, _ in kept} | {v for _, v, _ in kept}
    lonely = {n for n in graph.nodes if graph.degree(n) == 0}
    return sorted(touched | lonely, key=str)


def _events(graph: nx.MultiDiGraph, kept: list[tuple[str, str, list[Any]]]) -> tuple[dict[str, Any], list[Any]]:
    """Event records of the kept dyads (in dyad order) and the documents they cite, each listed once."""
    records: list[dict[str, Any]] = []
    index: dict[tuple[Any, Any, Any], int] = {}
    docs: dict[str, int] = {}
    doc_list: list[dict[str, Any]] = []
    for u, v, keys in kept:
        for key in keys:
            attrs = graph.edges[u, v, key]
            doc_id = _text(attrs.get("doc")) or ""
            if doc_id not in docs:
                docs[doc_id] = len(doc_list)
                doc_list.append({"id": doc_id, "title": _text(attrs.get("doc_title")),
                                 "url": safe_url(attrs.get("doc_url")), "date": _text(attrs.get("doc_date"))})
            index[(u, v, key)] = len(records)
            records.append(_event_record(u, v, key, attrs, docs[doc_id]))
    return {"list": records, "index": index}, doc_list


def _event_record(u: str, v: str, key: Any, attrs: dict[str, Any], doc: int) -> dict[str, Any]:
    cameo = _text(attrs.get("cameo")) or ""
    root = _text(attrs.get("cameo_root")) or cameo[:2]
    date = _text(attrs.get("date"))
    modality = _text(attrs.get("modality"))
    goldstein = attrs.get("goldstein")
    return {
        "id": _text(attrs.get("event_id")) or str(key), "source": str(u), "target": str(v),
        "cameo": cameo, "root": root, "label": _text(attrs.get("label")) or cameo,
        "quad": _quad(attrs.get("quad_class")),
        "goldstein": float(goldstein) if isinstance(goldstein, (int, float)) and math.isfinite(goldstein) else None,
        "modality": modality if modality in MODALITIES else "asserted",
        "date": date if date and _DATE.fullmatch(date) else None, "date_text": _text(attrs.get("date_text")),
        "doc": doc, "evidence": _text(attrs.get("evidence")) or "",
        "source_text": _text(attrs.get("source_text")), "target_text": _text(attrs.get("target_text")),
        "trigger": _text(attrs.get("trigger")), "attributed_to": _text(attrs.get("attributed_to")),
        "n_mentions": _int(attrs.get("n_mentions"), 1),
    }


def node_size(attrs: dict[str, Any]) -> float:
    """Dot radius in pixels, growing with the square root of the actor's event count."""
    return round(min(10 + 4 * math.sqrt(max(_int(attrs.get("n_events"), 0), 0)), 60), 1)


def _add_node(net: Any, code: str, attrs: dict[str, Any], xy: tuple[float, float]) -> None:
    kind = _text(attrs.get("type")) or "group"
    colour = TYPE_STYLE.get(kind, TYPE_STYLE["group"])[0]
    n_events = _int(attrs.get("n_events"), 0)
    wikidata = _text(attrs.get("wikidata"))
    members = [
        {"id": _text(m.get("id")) or "", "label": _text(m.get("label")) or "", "type": _text(m.get("type")) or "",
         "n": _int(m.get("n"), 0)}
        for m in (attrs.get("members") or []) if isinstance(m, dict)
    ]
    net.add_node(
        str(code), label=_text(attrs.get("label")) or str(code), x=xy[0], y=xy[1],
        size=node_size(attrs),
        color={"background": colour, "border": "#ffffff",
               "highlight": {"background": colour, "border": "#111827"},
               "hover": {"background": colour, "border": "#111827"}},
        kg={"label_en": _text(attrs.get("label_en")), "type": kind, "n_events": n_events, "members": members,
            "wikidata": wikidata if wikidata and _WIKIDATA.fullmatch(wikidata) else None},
    )


def _add_edge(net: Any, edge_id: str, u: str, v: str, events: list[dict[str, Any]], ids: list[int],
              reciprocal: bool) -> None:
    style = edge_style(events)
    smooth = {"enabled": True, "type": "curvedCW", "roundness": 0.18} if reciprocal else {"enabled": False}
    net.add_edge(str(u), str(v), id=edge_id, smooth=smooth, kg={"events": ids}, **style)


def edge_style(events: list[dict[str, Any]]) -> dict[str, Any]:
    """Width by event count, colour by the dominant quad class, dashed when no event is asserted."""
    counts = Counter(e["quad"] for e in events)
    quad = max(counts, key=lambda q: (counts[q], q)) if counts else 0
    colour = QUAD_STYLE[int(quad)][0]
    return {
        "width": round(min(1.5 + 1.5 * math.log2(max(len(events), 1)), 8), 2),
        "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.85},
        "dashes": not any(e["modality"] == "asserted" for e in events),
    }


def _roots(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    labels = cameo_root_labels()
    counts = Counter(e["root"] for e in events)
    quads = {e["root"]: e["quad"] for e in events}
    return [{"root": r, "label": labels.get(r, r), "quad": quads[r], "n": counts[r]} for r in sorted(counts)]


def _modalities(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counts = Counter(e["modality"] for e in events)
    return [{"modality": m, "n": counts[m]} for m in MODALITIES if m in counts]


def _text(value: object) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _int(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _quad(value: object) -> int:
    return value if isinstance(value, int) and value in (1, 2, 3, 4) else 0
