"""kg: Indonesian world-politics news to an event knowledge graph."""

__version__ = "0.1.0"
