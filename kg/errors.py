"""Exceptions a user can act on. The CLI turns each into one line on stderr and an exit code."""

from __future__ import annotations


class KgError(Exception):
    """Base class: anything the CLI reports as one clear line (exit code 1)."""


class InputError(KgError):
    """An input file or item that cannot be read."""

    def __init__(self, origin: str, message: str, line: int | None = None) -> None:
        self.origin, self.line, self.message = origin, line, message
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {message}")


class LexiconError(KgError):
    """A bad entry in a data/lexicon file: names the file and line and what was expected."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"lexicon {where}: {message}")


class QueryError(KgError):
    """A SPARQL query that cannot be parsed or run, or a bad parameter."""


class GraphError(KgError):
    """A graph file that is missing or cannot be parsed."""


class ActorNotFound(KgError):
    """An actor name given on the command line that matches nothing; suggests close matches."""
