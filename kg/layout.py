"""Where the graph page puts each actor: connected components laid out one by one, then packed in rows.

kamada-kawai for small components, spring layout up to 500 actors, a near-pairs force layout beyond.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import networkx as nx
import numpy as np
from scipy.spatial import cKDTree

SEED = 7
_UNIT = 90.0  # pixels per sqrt(node) of a component's radius
_GAP = 22.0  # pixels between actors on the disc around their only partner
_PAD = 40.0  # pixels kept free around a dot (for its label) in components up to 500 actors


def layout_positions(nodes: list[str], edges: list[tuple[str, str]], sizes: dict[str, float] | None = None,
                     seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Pixel positions: each connected component laid out alone, then packed in rows, biggest first."""
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(sorted({(min(u, v), max(u, v)) for u, v in edges if u != v}))
    components = sorted((sorted(c, key=str) for c in nx.connected_components(simple)),
                        key=lambda c: (-len(c), str(c[0])))
    sizes = sizes or {}
    return _pack([_component_layout(_subgraph(simple, c), c, sizes, seed) for c in components])


def _subgraph(simple: nx.Graph, nodes: list[str]) -> nx.Graph:
    """A copy with nodes and edges in sorted order, so layouts do not depend on insertion order."""
    sub = nx.Graph()
    sub.add_nodes_from(nodes)
    sub.add_edges_from(sorted(tuple(sorted(e, key=str)) for e in simple.subgraph(nodes).edges()))
    return sub


def _component_layout(sub: nx.Graph, nodes: list[str], sizes: dict[str, float],
                      seed: int) -> tuple[list[str], np.ndarray]:
    """Pixel coordinates of one component, centred on 0."""
    if len(nodes) > 500:
        coords = _big_component(sub, nodes, sizes, seed)
    else:
        coords = _unit_layout(sub, nodes, seed) * _UNIT * math.sqrt(len(nodes))
        # the layouts know nothing of dot sizes: keep big dots and their labels from overlapping
        coords = _separate(coords, np.array([sizes.get(n, 10.0) + _PAD for n in nodes]))
    return nodes, coords - (coords.max(axis=0) + coords.min(axis=0)) / 2


def _unit_layout(sub: nx.Graph, nodes: list[str], seed: int) -> np.ndarray:
    """kamada_kawai for small components, spring_layout up to 500 nodes, scaled into [-1, 1]."""
    if len(nodes) == 1:
        return np.zeros((1, 2))
    if len(nodes) <= 30:
        pos = nx.kamada_kawai_layout(sub)
    elif len(nodes) <= 500:
        pos = nx.spring_layout(sub, seed=seed, iterations=100, method="force")
    else:
        return _scaled(_grid_force_layout(sub, nodes, seed))
    return _scaled(np.array([pos[n] for n in nodes], dtype=float))


def _scaled(coords: np.ndarray) -> np.ndarray:
    coords = coords - coords.mean(axis=0)
    return coords / (float(np.abs(coords).max()) or 1.0)


def _big_component(sub: nx.Graph, nodes: list[str], sizes: dict[str, float], seed: int) -> np.ndarray:
    """Over 500 actors: the core (actors with two or more partners) by force layout, each actor with a
    single partner on a sunflower disc around it, then overlapping discs pushed apart."""
    parent = {n: next(iter(sub[n])) for n in nodes if sub.degree(n) == 1}
    core = [n for n in nodes if n not in parent]
    leaves: dict[str, list[str]] = defaultdict(list)
    for leaf in nodes:
        if leaf in parent:
            leaves[parent[leaf]].append(leaf)
    hub = [sizes.get(n, 10.0) for n in core]
    radii = np.array([h + _GAP * (1.0 + math.sqrt(len(leaves[n]))) for n, h in zip(core, hub)])
    xy = _unit_layout(_subgraph(sub, core), core, seed) * _UNIT * math.sqrt(len(core))
    xy = _separate(xy, radii)
    out = dict(zip(core, xy))
    golden = math.pi * (3 - math.sqrt(5))
    for i, centre in enumerate(core):
        for j, leaf in enumerate(leaves[centre]):
            r = hub[i] + _GAP * (0.6 + math.sqrt(j + 1))
            out[leaf] = xy[i] + r * np.array([math.cos(j * golden), math.sin(j * golden)])
    return np.array([out[n] for n in nodes])


def _separate(xy: np.ndarray, radii: np.ndarray, rounds: int = 80) -> np.ndarray:
    """Push apart discs (centre xy, radius) that overlap, half the overlap each way per round."""
    xy = xy.copy()
    for _ in range(rounds):
        pairs = cKDTree(xy).query_pairs(2 * float(radii.max()), output_type="ndarray")
        if len(pairs) == 0:
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[i] - xy[j]
        dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-6)
        overlap = radii[i] + radii[j] - dist
        hit = overlap > 0
        if not hit.any():
            break
        push = delta[hit] / dist[hit, None] * (overlap[hit] / 2)[:, None]
        for axis in (0, 1):
            xy[:, axis] += (np.bincount(i[hit], push[:, axis], len(xy))
                            - np.bincount(j[hit], push[:, axis], len(xy))) * 0.6
    return xy


def _grid_force_layout(sub: nx.Graph, nodes: list[str], seed: int, iterations: int = 120) -> np.ndarray:
    """Fruchterman-Reingold with repulsion cut off at 2k (the paper's grid variant), for big components.

    networkx's spring_layout is quadratic per step; with a k-d tree of near pairs this is close to linear.
    """
    where = {n: i for i, n in enumerate(nodes)}
    ends = np.array([(where[u], where[v]) for u, v in sub.edges()], dtype=np.int64).reshape(-1, 2)
    size = len(nodes)
    pos = np.random.default_rng(seed).random((size, 2)) * math.sqrt(size)
    temperature = math.sqrt(size) / 10
    for step in range(iterations):
        near = cKDTree(pos).query_pairs(2.0, output_type="ndarray")
        disp = _pair_forces(pos, near, lambda d2: 1.0 / d2) + _pair_forces(pos, ends, lambda d2: -np.sqrt(d2))
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp * (np.minimum(length, temperature * (1 - step / iterations)) / length)[:, None]
    return pos


def _pair_forces(pos: np.ndarray, pairs: np.ndarray, strength: Any) -> np.ndarray:
    """Force on each node from pairs (i, j): strength(dist^2) along i - j, equal and opposite on j."""
    out = np.zeros_like(pos)
    if len(pairs) == 0:
        return out
    i, j = pairs[:, 0], pairs[:, 1]
    delta = pos[i] - pos[j]
    d2 = np.maximum((delta**2).sum(axis=1), 1e-6)
    force = delta * strength(d2)[:, None]
    for axis in (0, 1):
        out[:, axis] = (np.bincount(i, force[:, axis], len(pos)) - np.bincount(j, force[:, axis], len(pos)))
    return out


def _pack(placed: list[tuple[list[str], np.ndarray]]) -> dict[str, tuple[float, float]]:
    """Shelf packing of components (as squares around their extent) into rows about as wide as tall."""
    gap = _UNIT * 0.8
    boxes = [(nodes, coords, float(np.abs(coords).max()) + _UNIT * 0.5) for nodes, coords in placed]
    area = sum((2 * r + gap) ** 2 for _, _, r in boxes)
    width = max(math.sqrt(area) * 1.2, max((2 * r for _, _, r in boxes), default=0.0))
    out: dict[str, tuple[float, float]] = {}
    x = y = row = 0.0
    for nodes, coords, radius in boxes:
        if x > 0 and x + 2 * radius > width:
            x, y, row = 0.0, y + row + gap, 0.0
        for name, (px, py) in zip(nodes, coords + np.array([x + radius, y + radius])):
            out[name] = (round(float(px), 1), round(float(py), 1))
        x, row = x + 2 * radius + gap, max(row, 2 * radius)
    return out
