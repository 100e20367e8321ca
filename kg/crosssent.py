"""Events whose participants are named in a later sentence: "... telah mendeportasi 300 WNA. ...
Sebagian besar WNA yang dideportasi itu berasal dari Vietnam dan Filipina."

An event is often told first with one side left generic ("warga negara asing", "nelayan") and a
later sentence points back at those participants, by their noun and the same verb in a passive
relative clause, and names where they come from. Such a sentence gives the earlier event its
missing side, once per state named ("berasal dari A, B, dan C" gives three events). A following
sentence that opens with a remainder word ("Sisanya adalah D dan E") continues the list.

The earlier sentence must hold a trigger of the same rule as the verb of the relative clause,
with a word of the pointing noun phrase among the few words after it (its object), and must not
have given that trigger an event already. The side found in the earlier sentence (the deporting
state) and everything else (modality, date, attribution) come from the earlier sentence: it is
extracted again with the participant noun standing for the named state. Provenance: the event's
mention is the earlier sentence with its trigger; the named side keeps its own mention, whose span
lies in the later sentence (so a reader can see where it was named).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from kg.date_grammar import alt
from kg.events import RawEvent, extract_sentence, find_triggers
from kg.model import ActorMention, Sentence, Timex
from kg.rules import RuleSet
from kg.syntax import tokenize

_WORD = re.compile(r"[\w-]+")
_LIST_GLUE = re.compile(r"\s*(?:,\s*)?(?:(?:dan|serta)\s+)?", re.IGNORECASE)
NP_WORDS = 4  # "Kebanyakan WNA", "Sebagian besar nelayan asing"
OBJECT_WINDOW = 8  # tokens after the earlier trigger where the participant noun may stand


@dataclass(frozen=True)
class Words:
    origin: tuple[str, ...]  # "berasal dari", "merupakan warga negara"
    remainder: tuple[str, ...]  # "sisanya", "selebihnya"
    demonstratives: tuple[str, ...]
    reach: int
    group_heads: tuple[str, ...] = ()  # "negara-negara": a plural noun a later sentence may rename
    renaming: tuple[str, ...] = ()  # "di antaranya", "yakni": the words that introduce its members


def words_from(settings: dict[str, Any], demonstratives: Sequence[str]) -> Words:
    part = settings["participants"]
    return Words(
        tuple(part["origin"]), tuple(part["remainder"]), tuple(demonstratives), part["reach"],
        tuple(part["group_heads"]), tuple(part["renaming"]),
    )


@lru_cache(maxsize=4)
def _pointing(w: Words) -> re.Pattern[str]:
    """ "Sebagian besar WNA yang dideportasi itu berasal dari": group np, verb, and the end is
    where the named states begin."""
    return re.compile(
        rf"^(?P<np>[\w-]+(?:\s+[\w-]+){{0,{NP_WORDS - 1}}}?)\s+yang\s+(?P<verb>[\w-]+)"
        rf"(?:\s+(?:{alt(w.demonstratives)}))?\s+(?:{alt(w.origin)})\s+",
        re.IGNORECASE,
    )


@lru_cache(maxsize=4)
def _remainder(w: Words) -> re.Pattern[str]:
    return re.compile(rf"^(?:{alt(w.remainder)})\s+(?:adalah|yaitu|yakni|berasal\s+dari|dari)\s+", re.IGNORECASE)


@lru_cache(maxsize=4)
def _renaming(w: Words) -> re.Pattern[str]:
    """ "Negara-negara tersebut di antaranya A, B dan C": the group a sentence before named by a plural
    noun, with its members."""
    return re.compile(
        rf"^(?P<head>{alt(w.group_heads)})(?:\s+[a-z][\w-]*)?\s+(?:{alt(w.demonstratives)})\s*,?\s+(?:{alt(w.renaming)})\s+",
        re.IGNORECASE,
    )


def _is_state(m: ActorMention) -> bool:
    return m.type == "state" or (m.country == m.code and len(m.code) == 3 and "." not in m.id)


def _listed(text: str, offset: int, at: int, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """The states coordinated from character `at` of the sentence on: "Bangladesh, Myanmar, dan Cina"."""
    out: list[ActorMention] = []
    pos = at
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start - offset < pos:
            continue
        if not _is_state(m) or not _LIST_GLUE.fullmatch(text[pos : m.start - offset]):
            break
        out.append(m)
        pos = m.end - offset
    return out


@dataclass
class Participants:
    """Per document: the events completed last, for a "Sisanya adalah ..." that continues the list."""

    words: Words
    rules: RuleSet
    modality: dict[str, object]
    last: list[RawEvent] = field(default_factory=list)
    last_at: int = -2

    def __post_init__(self) -> None:
        self.pattern = _pointing(self.words)
        self.rest = _remainder(self.words)
        self.renaming = _renaming(self.words) if self.words.group_heads and self.words.renaming else None

    def complete(
        self,
        sentence: Sentence,
        mentions: Sequence[ActorMention],
        earlier: Sequence[tuple[Sentence, list[ActorMention]]],
        dates: Callable[[Sentence], list[Timex]],
        raws: Sequence[RawEvent],
    ) -> list[RawEvent]:
        """New events for sentence `sentence` (with its `mentions`) naming the participants of an
        event told in one of the `earlier` sentences (with their mentions; `dates` gives a
        sentence's dates); `raws` are the document's events so far."""
        rest = self.rest.match(sentence.text)
        if rest is not None and self.last and self.last_at == sentence.index - 1:
            named = _listed(sentence.text, sentence.start, rest.end(), mentions)
            self.last_at = sentence.index
            return self._fan(self.last, named)
        renamed = self.renaming.match(sentence.text) if self.renaming is not None else None
        if renamed is not None and earlier and earlier[-1][0].index == sentence.index - 1:
            named = _listed(sentence.text, sentence.start, renamed.end(), mentions)
            if named:
                before, found = earlier[-1]
                return self._members(before, found, dates, renamed.group("head").lower(), named, raws)
        match = self.pattern.match(sentence.text)
        if match is None:
            return []
        named = _listed(sentence.text, sentence.start, match.end(), mentions)
        if not named:
            return []
        tokens = tokenize(sentence.text, sentence.start)
        verb_at = sentence.start + match.start("verb")
        rule = next((t.rule.id for t in find_triggers(tokens, self.rules) if tokens[t.first].start == verb_at), None)
        if rule is None:
            return []
        np = [w.lower() for w in _WORD.findall(match.group("np")) if len(w) >= 3]
        told = {r.mention.trigger_start for r in raws}
        for before, found in sorted(earlier, key=lambda e: -e[0].index):
            if not 0 < sentence.index - before.index <= self.words.reach:
                continue
            templates = self._templates(before, found, dates, rule, np, named[0], told)
            if templates:
                self.last, self.last_at = templates, sentence.index
                return self._fan(templates, named)
        return []

    def _templates(
        self,
        before: Sentence,
        found: list[ActorMention],
        dates: Callable[[Sentence], list[Timex]],
        rule: str,
        np: list[str],
        stand_in: ActorMention,
        told: set[int | None],
    ) -> list[RawEvent]:
        """The events of `before` for its trigger of `rule` whose object is a word of the pointing
        noun phrase `np`, extracted with that word standing for `stand_in`."""
        tokens = tokenize(before.text, before.start)
        for trig in find_triggers(tokens, self.rules):
            if trig.rule.id != rule or tokens[trig.first].start in told:
                continue
            window = tokens[trig.last + 1 : trig.last + 1 + OBJECT_WINDOW]
            word = next((t for t in window if t.low in np), None)
            if word is None or any(m.start < word.end and window[0].start < m.end for m in found):
                continue
            # the whole object ("sekitar 300 warga negara asing (WNA)") stands for the state
            start = window[0].start
            holder = replace(stand_in, start=start, end=word.end, text=before.text[start - before.start : word.end - before.start])
            mentions = sorted([*found, holder], key=lambda m: m.start)
            out = [
                r
                for r in extract_sentence(before, mentions, dates(before), self.rules, self.modality)
                if r.trigger_index == trig.first and r.target == holder
            ]
            if out:
                return out
        return []

    def _members(
        self,
        before: Sentence,
        found: list[ActorMention],
        dates: Callable[[Sentence], list[Timex]],
        head: str,
        named: Sequence[ActorMention],
        raws: Sequence[RawEvent],
    ) -> list[RawEvent]:
        """The events of `before` whose source or target is the plural noun `head` (named by no actor),
        one per state of `named`: the sentence before is extracted again with the noun standing for
        the first of them, and triggers that already gave an event are left alone."""
        told = {r.mention.trigger_start for r in raws}
        word = next((t for t in tokenize(before.text, before.start) if t.low == head), None)
        if word is None or any(m.start < word.end and word.start < m.end for m in found):
            return []
        holder = replace(named[0], start=word.start, end=word.end, text=word.text)
        mentions = sorted([*found, holder], key=lambda m: m.start)
        out: list[RawEvent] = []
        for r in extract_sentence(before, mentions, dates(before), self.rules, self.modality):
            if r.mention.trigger_start in told or holder not in (r.source, r.target):
                continue
            for m in named:
                if r.source == holder and m.code != r.target.code:
                    out.append(replace(r, source=m, mention=replace(r.mention, source_text=m.text)))
                elif r.target == holder and m.code != r.source.code:
                    out.append(replace(r, target=m, mention=replace(r.mention, target_text=m.text)))
        return out

    @staticmethod
    def _fan(templates: Sequence[RawEvent], named: Sequence[ActorMention]) -> list[RawEvent]:
        return [
            replace(t, target=m, mention=replace(t.mention, target_text=m.text))
            for t in templates
            for m in named
            if m.code != t.source.code
        ]
