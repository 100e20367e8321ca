"""Shallow clause analysis for one sentence: tokens, actor groups and argument search.

Indonesian word order is SVO with prepositions marking most non-subject arguments, so a shallow
analysis goes far: the subject of a trigger is the nearest actor to its left not governed by a
preposition (or the sentence subject when the clause opens with "dan"/"sambil"…), and its target is
the first actor to its right introduced by one of the rule's prepositions.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from kg.model import ActorMention

TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
# Between two coordinated actors only these characters may stand, besides coordination words.
_COORD_PUNCT = re.compile(r"[\s,\[\]()“”\"'‘’]+")


@dataclass(frozen=True, slots=True)
class Token:
    i: int
    text: str
    low: str
    start: int  # document offsets
    end: int


@dataclass(frozen=True, slots=True)
class Group:
    """One actor or several coordinated actors ("AS dan negara-negara Barat")."""

    members: tuple[ActorMention, ...]
    first: int  # index of the first token covered
    last: int  # index of the last token covered
    prep: str | None  # preposition right before the group, if any
    np_prep: str | None = None  # preposition before a short noun phrase ending in the group
    np_at: int | None = None  # token index of that preposition


def tokenize(text: str, offset: int) -> list[Token]:
    return [
        Token(i, m.group(), m.group().lower(), m.start() + offset, m.end() + offset)
        for i, m in enumerate(TOKEN_RE.finditer(text))
    ]


def _token_span(tokens: list[Token], start: int, end: int) -> tuple[int, int] | None:
    # overlap, not containment: a mention may start inside a token ("negara-negara BRICS")
    covered = [t.i for t in tokens if t.start < end and t.end > start]
    return (covered[0], covered[-1]) if covered else None


def build_groups(
    tokens: list[Token], mentions: list[ActorMention], text: str, offset: int, sets: Mapping[str, frozenset[str]]
) -> list[Group]:
    """Group coordinated actor mentions and note the preposition in front of each group."""
    groups: list[Group] = []
    links: list[list[str]] = []  # per group, how each member joined: "and" or "comma"
    for mention in mentions:
        span = _token_span(tokens, mention.start, mention.end)
        if span is None:
            continue
        first, last = span
        link = _link(text, offset, groups[-1], mention, sets) if groups else None
        if link is not None:
            prev = groups[-1]
            groups[-1] = Group(prev.members + (mention,), prev.first, last, prev.prep, prev.np_prep, prev.np_at)
            links[-1].append(link)
            continue
        prep = _prep_before(tokens, first, sets["prepositions"], text, offset)
        np_at = None if prep else _np_prep(tokens, first, sets, text, offset, place=mention.type == "state")
        np_prep = prep or (tokens[np_at].low if np_at is not None else None)
        groups.append(Group((mention,), first, last, prep, np_prep, np_at))
        links.append([])
    return [part for g, how in zip(groups, links) for part in _split_commas(g, how)]


_EXAMPLES = ("seperti", "termasuk", "yakni", "yaitu")
NAME_WORDS = 4  # words of an unknown person's name after a title
_EXAMPLE_GAP = 7  # at most this many words in "dan beberapa negara Teluk seperti"


def _link(
    text: str, offset: int, group: Group, mention: ActorMention, sets: Mapping[str, frozenset[str]]
) -> str | None:
    last = group.members[-1]
    if (last.start, last.end) == (mention.start, mention.end):
        return "and"  # one anaphor standing for two actors ("kedua negara")
    between = text[last.end - offset : mention.start - offset]
    raw = [w for w in _COORD_PUNCT.split(between) if w]
    words = [w.lower() for w in raw]
    if not words:
        return "comma" if between.count(",") == 1 else None
    coord = sets["coordination"]
    if between[:1] == " ":
        # "Presiden Kenya William Ruto dan Presiden Ghana …": the name of a person the
        # lexicon does not know, right after the title, belongs to the title's mention
        k = 0
        while k < min(len(raw), NAME_WORDS) and raw[k][:1].isupper() and raw[k].isalpha() and words[k] not in coord:
            k += 1
        if 0 < k < len(raw):
            raw, words = raw[k:], words[k:]
    if any(w in ("dan", "serta", "maupun", "beserta", "bahkan") for w in words) and all(w in coord for w in words):
        return "and"
    if _example_list(raw, words, coord, sets["coordination_nouns"]):
        return "and"
    if words == ["dengan"] and group.prep == "antara":
        return "and"  # "antara Indonesia dengan Jepang"
    return None


def _example_list(raw: list[str], words: list[str], coord: frozenset[str], nouns: frozenset[str]) -> bool:
    """ "Arab Saudi dan beberapa negara Teluk seperti Bahrain": the actor and the examples
    of a collective noun that follows it are one list."""
    return (
        words[0] in ("dan", "serta")
        and words[-1] in _EXAMPLES
        and len(words) <= _EXAMPLE_GAP
        and any(w in nouns for w in words)
        and all(w in coord or w in nouns or r[0].isupper() for w, r in zip(words, raw))
    )


def _split_commas(group: Group, how: list[str]) -> list[Group]:
    """A comma joins actors only in a list that ends with "dan"/"serta" ("A, B, dan C"), or in an
    apposition of one state ("di Amman, Yordania": the country stays under the preposition)."""
    if "and" in how or not how:
        return [group]
    parts: list[list[ActorMention]] = []
    for m in group.members:
        if parts and parts[-1][-1].code == m.code and m.type == "state":
            parts[-1].append(m)
        else:
            parts.append([m])
    return [
        Group(tuple(p), group.first, group.last, group.prep if n == 0 else None, group.np_prep if n == 0 else None,
              group.np_at if n == 0 else None)
        for n, p in enumerate(parts)
    ]


# Nouns that begin like a meN-/di-/ber-/ter- verb: borrowed words ("diplomasi", "terorisme",
# "diktator", "dimensi") and a few native ones ("menteri", "berita").
_NOUN_SUFFIXES = ("asi", "isme", "itas", "tor", "ensi")
_LOOKALIKE_NOUNS = frozenset({
    "menteri", "berita", "beras", "dinas", "diplomat", "teritori", "terminal", "meja",
    # short titles of ministers and officials ("para Menlu negara ASEAN")
    "menlu", "menhan", "menkeu", "mendag", "mendagri", "menko", "direktur", "dirjen", "media", "teroris",
})


def verb_shaped(low: str) -> bool:
    """Does a lower-cased word look like a prefixed verb (meN-, di-, ber-, ter-)?"""
    return (
        len(low) >= 5
        and low.startswith(("me", "di", "ber", "ter"))
        and not low.endswith(_NOUN_SUFFIXES)
        and low not in _LOOKALIKE_NOUNS
    )


NP_GAP = 3
NP_APPOSITION_GAP = 3  # more nouns allowed before "yaitu"/"yakni"
_NOT_NOUNS = ("aux", "carry", "clause_stop", "coordination", "reporting_prefix", "reporting_postfix")


def _np_prep(
    tokens: list[Token], first: int, sets: Mapping[str, frozenset[str]], text: str = "", offset: int = 0, place: bool = False
) -> int | None:
    """ "atas upaya diplomasi Malaysia": the preposition before up to three plain nouns that end in
    the actor, as a token index. After an apposition word the noun phrase it renames may be longer
    ("ke negara-negara sekutu di Pasifik, yaitu Tuvalu …"). Used to find targets only; a subject is
    never looked for this way."""
    gap = NP_GAP
    j = first - 1
    while j >= max(0, first - 1 - gap - 1):
        low = tokens[j].low
        if "," in text[tokens[j].end - offset : tokens[j + 1].start - offset] and not _comma_inside_np(tokens, j, sets, place):
            return None  # a comma ends the noun phrase ("Dilansir dari Kompas.com, Korsel menuduh …")
        if low in sets["prepositions"]:
            return j if j < first - 1 else None
        if low in sets["apposition"] and gap == NP_GAP:
            gap += NP_APPOSITION_GAP
        elif low in sets["np_modifiers"]:
            pass  # "atas peran aktif Vietnam"
        elif gap > NP_GAP and low.replace("-", "").isalpha() and low in sets["coordination"]:
            pass  # the phrase an apposition renames may name allies ("ke negara sekutu di Pasifik, yaitu …")
        elif not low.replace("-", "").isalpha() or verb_shaped(low) or any(low in sets[k] for k in _NOT_NOUNS):
            return None
        j -= 1
    return None


def _comma_inside_np(tokens: list[Token], j: int, sets: Mapping[str, frozenset[str]], place: bool) -> bool:
    """A comma after token j that stays inside a noun phrase: before an apposition word ("Pasifik,
    yaitu Tuvalu") or, when the actor is a state, between place names ("di Honolulu, Hawaii, Amerika
    Serikat"; but "Sekretariat Presiden, Prabowo tiba …" ends the phrase before the person)."""
    if tokens[j + 1].low in sets["apposition"]:
        return True
    return place and tokens[j].text[:1].isupper() and tokens[j + 1].text[:1].isupper()


_LIST_BEFORE = re.compile(r"^\s*[\w-]+(?:\s+[\w-]+)?(?:\s*,\s*[\w-]+(?:\s+[\w-]+)?)*\s*,\s*(?:dan|serta)\s*$")


def _prep_before(tokens: list[Token], first: int, preps: frozenset[str], text: str, offset: int) -> str | None:
    if first == 0:
        return None
    prev = tokens[first - 1].low
    if prev in preps:
        return prev
    # "terhadap pemerintah, individu, dan entitas Rusia": a comma list of plain nouns between the
    # preposition and the actor still puts the actor under that preposition.
    if prev not in ("dan", "serta"):
        return None
    for j in range(first - 2, max(-1, first - 9), -1):
        if tokens[j].low in preps:
            listed = text[tokens[j].end - offset : tokens[first].start - offset]
            return tokens[j].low if _LIST_BEFORE.match(listed) else None
    return None


def group_at(groups: list[Group], token_index: int) -> Group | None:
    for g in groups:
        if g.first <= token_index <= g.last:
            return g
    return None
