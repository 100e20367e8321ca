"""SHACL validation of a kg graph against schema/shapes.ttl (pyshacl).

Used by tests and by anyone who wants to check an exported graph; validation of a large graph is
slow (pyshacl is pure Python), so the build does not run it by default.
"""

from __future__ import annotations

from functools import lru_cache

import rdflib

from kg.rdf import SCHEMA_DIR

SHAPES = SCHEMA_DIR / "shapes.ttl"


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph(bind_namespaces="none").parse(SHAPES, format="turtle")


def validate(graph: rdflib.Graph) -> tuple[bool, str]:
    """(conforms, report text) of the graph against the kg shapes."""
    import pyshacl  # slow to import; only needed here

    conforms, _results, text = pyshacl.validate(
        graph, shacl_graph=shapes_graph(), inference="none", abort_on_first=False, allow_warnings=False
    )
    return bool(conforms), str(text)
