"""Precomputed node positions for graphs too large for in-browser physics.

``networkx.spring_layout`` needs tens of seconds for a few thousand nodes
(its sparse Fruchterman-Reingold loops over nodes in Python).  This module
runs the same force model vectorised in numpy, with repulsion approximated
by the centroids of a coarse grid (a one-level Barnes-Hut), which lays out
5,000 nodes in about a second.  The result is not as tidy as a full
simulation, but it only has to be a good starting picture that opens fast.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import numpy as np

#: Cells per side of the grid whose centroids stand in for far-away nodes.
GRID = 16


def fast_layout(
    nodes: list[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]],
    *,
    iterations: int = 50,
    seed: int = 1,
    spacing: float = 45.0,
) -> dict[Hashable, tuple[float, float]]:
    """Return force-directed positions for ``nodes``, deterministic for a given seed.

    Each connected component is laid out on its own, scaled so that a node
    has about ``spacing``² of room, and the components are then packed in
    rows, largest first: one simulation of everything would fling isolated
    nodes to a far ring and crush the big component into a ball.

    Args:
        nodes: The node ids, in a stable order.
        edges: Pairs of node ids that attract each other.
        iterations: Simulation steps; the step size cools geometrically.
        seed: Seed of the random starting positions.
        spacing: Roughly the distance in pixels between neighbouring nodes.

    Returns:
        ``{node: (x, y)}`` in pixels.

    Example:
        >>> pos = fast_layout(["a", "b", "c"], [("a", "b")])
        >>> sorted(pos) == ["a", "b", "c"]
        True
    """
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[a], index[b]) for a, b in edges if a != b]
    components = _components(len(nodes), pairs)
    members = {i: c for c, component in enumerate(components) for i in component}
    by_component: list[list[tuple[int, int]]] = [[] for _ in components]
    for a, b in pairs:
        by_component[members[a]].append((a, b))
    rng = np.random.default_rng(seed)
    shapes = []
    for component, cedges in zip(components, by_component, strict=True):
        shapes.append(_component_layout(component, cedges, iterations=iterations, rng=rng))
    pos = np.zeros((len(nodes), 2))
    for component, (x, y), local in _pack(shapes, components):
        pos[component] = local + np.array([x, y])
    pos *= spacing
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, pos, strict=True)}


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Return the connected components (node indices), largest first, ties by first index."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda c: (-len(c), c[0]))


def _component_layout(
    component: list[int], pairs: list[tuple[int, int]], *, iterations: int, rng: np.random.Generator
) -> np.ndarray:
    """Return centred positions of one component, about one square unit of room per node."""
    n = len(component)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.6, 0.0], [0.6, 0.0]])
    local = {node: i for i, node in enumerate(component)}
    arr = np.array([(local[a], local[b]) for a, b in pairs], dtype=np.int64).reshape(-1, 2)
    src, dst = arr[:, 0], arr[:, 1]
    side = float(np.sqrt(n))
    pos = rng.random((n, 2)) * side
    temperature = side / 8
    for _ in range(iterations):
        disp = _repulsion(pos)
        delta = pos[src] - pos[dst]
        pull = delta * np.sqrt((delta * delta).sum(1))[:, None]
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        disp -= (pos - pos.mean(0)) * 0.02
        length = np.sqrt((disp * disp).sum(1)) + 1e-9
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature *= 0.93
    pos -= pos.mean(0)
    rms = float(np.sqrt((pos * pos).sum(1).mean())) or 1.0
    # a disc with one unit of area per node has an RMS radius of 0.4 * sqrt(n)
    return pos * (0.4 * np.sqrt(n) / rms)


def _pack(shapes: list[np.ndarray], components: list[list[int]]) -> list[tuple[list[int], tuple[float, float], np.ndarray]]:
    """Place components in rows (largest first) and return each one's centre."""
    radii = [float(np.sqrt((s * s).sum(1)).max()) + 1.0 for s in shapes]
    width = max(2 * max(radii, default=1.0), float(np.sqrt(sum((2 * r) ** 2 for r in radii))) * 1.15)
    placed = []
    x = y = row_height = 0.0
    for component, shape, r in zip(components, shapes, radii, strict=True):
        if x > 0 and x + 2 * r > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        placed.append((component, (x + r, y + r), shape))
        x += 2 * r
        row_height = max(row_height, 2 * r)
    total = np.array([c for _, c, _ in placed]) if placed else np.zeros((1, 2))
    middle = (total.min(0) + total.max(0)) / 2
    return [(component, (cx - middle[0], cy - middle[1]), shape) for component, (cx, cy), shape in placed]


def _repulsion(pos: np.ndarray) -> np.ndarray:
    """Return the repulsive displacement of every node from the grid-cell centroids."""
    lo = pos.min(0)
    span = float((pos.max(0) - lo).max()) + 1e-6
    cell = np.minimum(((pos - lo) / span * GRID).astype(np.int64), GRID - 1)
    cid = cell[:, 0] * GRID + cell[:, 1]
    mass = np.bincount(cid, minlength=GRID * GRID).astype(float)
    sums = np.stack(
        [np.bincount(cid, weights=pos[:, 0], minlength=GRID * GRID), np.bincount(cid, weights=pos[:, 1], minlength=GRID * GRID)],
        axis=1,
    )
    occupied = np.flatnonzero(mass)
    m = mass[occupied]
    centroid = sums[occupied] / m[:, None]
    d = pos[:, None, :] - centroid[None, :, :]
    disp = np.einsum("ijk,ij->ik", d, m[None, :] / (np.einsum("ijk,ijk->ij", d, d) + 0.05))
    # Replace the node's own cell (which contains the node itself) by the
    # centroid of the other nodes in it, so that close neighbours still push apart.
    own = np.searchsorted(occupied, cid)
    d_own = pos - centroid[own]
    disp -= d_own * (m[own] / ((d_own * d_own).sum(1) + 0.05))[:, None]
    others = m[own] - 1
    rest = (sums[occupied][own] - pos) / np.maximum(others, 1)[:, None]
    d_rest = pos - rest
    disp += d_rest * (others / ((d_rest * d_rest).sum(1) + 0.05))[:, None]
    return disp
