"""Document topic filter: sports, entertainment, business and gadget news yield no world-politics events.

"Timnas Jepang menang atas Korea Selatan" names two states but reports a match. A document that
uses at least `min_distinct` distinct words of one off-topic list (data/lexicon/extraction.json) is
classed as that topic and the event rules are not run on it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=8)
def _patterns(topics: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (name, re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)"))
        for name, words in topics
    )


def off_topic(text: str, settings: dict[str, Any]) -> str | None:
    """The off-topic class of a document, or None when it may be about world politics.

    A war report that mentions a film boycott stays on topic: an off-topic class needs more
    distinct words than the document has political ones."""
    low = text.lower()
    counts = {name: len(set(p.findall(low))) for name, p in _patterns(tuple(settings["topics"].items()))}
    politics = counts.pop("politics", 0)
    for name, n in counts.items():
        if n >= settings["min_distinct"] and n > politics:
            return name
    return None
