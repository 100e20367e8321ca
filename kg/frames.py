"""Events framed by an earlier one: "Dalam pertemuan itu, X memuji Y" happened when that meeting did.

A sentence that opens with a preposition and a noun pointed back to by a demonstrative ("Dalam
pertemuan itu", "Dari pertemuan tersebut", "Lebih lanjut, dalam kunjungan ini") places its events
inside an event the text told of before. Those of its events without a date of their own take the
date of that earlier event: the last dated event whose trigger holds the same noun, else, for a
noun naming an occasion ("dalam kesempatan itu", "dalam percakapan tersebut"), the last dated
event of the previous sentences (within the reach of "saat itu"). "Dalam konteks ini" frames
nothing. A relative clause makes the noun definite too ("Dalam pertemuan yang turut dihadiri
Menko, ..."), but then only an earlier event with that very noun is pointed back to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kg.date_grammar import alt
from kg.date_words import DateWords
from kg.events import RawEvent

LEAD_CHARS = 30  # "Lebih lanjut, ": a short connective before the frame


def frame_pattern(words: DateWords) -> re.Pattern[str]:
    """Matches a frame at the start of a sentence; group "noun" is the noun pointed back to, group
    "relative" is set when a relative clause, not a demonstrative, makes it definite ("Dalam
    pertemuan yang turut dihadiri X, ...")."""
    return re.compile(
        rf"^(?:[^,.]{{0,{LEAD_CHARS}}},\s*)?{alt(words.frame_prepositions)}\s+(?P<noun>\w+)"
        rf"(?:(?:\s+[\w-]+){{0,2}}?\s+{alt(words.demonstratives)}|\s+(?P<relative>yang)(?!\w))",
        re.IGNORECASE,
    )


def _antecedent(
    noun: str, before: Sequence[RawEvent], index: int, reach: int, occasions: frozenset[str]
) -> RawEvent | None:
    """The last dated event whose trigger holds `noun`; for a noun naming an occasion
    ("percakapan", "kesempatan"), else the last dated event of the previous `reach` sentences.
    Other nouns ("dalam konteks ini", "dalam hal itu") point at no event."""
    dated = [r for r in before if r.date.resolved]
    same = [r for r in dated if noun in r.mention.trigger.lower()]
    if same:
        return same[-1]
    if noun not in occasions:
        return None
    recent = [r for r in dated if 0 < index - r.mention.sentence_index <= reach]
    return recent[-1] if recent else None


def date_framed(
    text: str,
    index: int,
    new: list[RawEvent],
    before: Sequence[RawEvent],
    pattern: re.Pattern[str],
    words: DateWords,
) -> list[RawEvent]:
    """The events `new` of sentence `index` (text `text`), undated ones dated by the event their
    opening frame points back to, if any; `before` are the document's earlier events."""
    reach, occasions = words.anaphoric_reach, frozenset(words.occasion_nouns)
    if not any(r.date.text is None for r in new):
        return new
    match = pattern.match(text)
    if match is None:
        return new
    if match.group("relative"):
        occasions = frozenset()  # "dalam kesempatan yang baik" names no occasion told before
    earlier = _antecedent(match.group("noun").lower(), before, index, reach, occasions)
    if earlier is None:
        return new
    return [replace(r, date=earlier.date) if r.date.text is None else r for r in new]


def after_act_pattern(words: DateWords) -> re.Pattern[str]:
    """Matches "Selepas mendarat di X," at the start of a sentence: a time preposition ("setelah",
    "usai", "selepas") and the clause it opens, up to its comma (group "clause")."""
    return re.compile(rf"^{alt(words.after_act_prepositions)}\s+(?P<clause>[^,.;:!?\"“”()]+),", re.IGNORECASE)


def date_after_act(
    text: str,
    index: int,
    new: list[RawEvent],
    before: Sequence[RawEvent],
    pattern: re.Pattern[str],
    reach: int,
) -> list[RawEvent]:
    """ "X tiba di Y, Sabtu (25/10). Selepas mendarat di Y, X disambut oleh Z.": a sentence that
    opens with a clause after "setelah"/"selepas"/"usai" telling again an act the text gave a day
    for (the same source, target country and CAMEO code, within `reach` sentences) happens right after it: its
    undated events `new` take that day. `before`: the document's earlier events."""
    if not any(r.date.text is None for r in new):
        return new
    match = pattern.match(text)
    if match is None:
        return new
    end = new[0].mention.start + match.end("clause") if new else 0
    fronted = [r for r in new if (r.mention.trigger_end or end + 1) <= end]
    days = [
        r.date
        for r in before
        if r.date.resolved and r.date.granularity == "day" and 0 < index - r.mention.sentence_index <= reach
        and any(f.source.id == r.source.id and f.target.code == r.target.code and f.cameo == r.cameo for f in fronted)
    ]
    if not days or len({d.value for d in days}) > 1:
        return new
    return [replace(r, date=days[-1]) if r.date.text is None else r for r in new]
