"""Anaphors that stand for actors named earlier in the document: "kedua negara", "ketiga negara",
"negara tersebut", "negara-negara tersebut", a clause-initial "Ia"/"Dia", a bare title ("Presiden").

The resolver keeps, per document, the states and the person named most recently; an anaphor becomes
an ActorMention with its own span and text and the referent's id, code and label, so the evidence
still shows the words the article used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from kg.errors import LexiconError
from kg.lexicon import LEXICON_DIR, load_json
from kg.model import ActorMention

KINDS = ("pair", "pair_people", "three", "group", "state", "person", "people", "title", "organ", "speaker")
_COORDINATION = re.compile(r"\s*(,|,?\s*dan|,?\s*serta)\s*", re.IGNORECASE)
_NAME_AFTER = re.compile(r"\s+[A-Z]")  # "Presiden Jokowi", "Menlu AS": a title of a name, not an anaphor
_CLAUSE_START = re.compile(r"(^|[,;:“”\"]|\bbahwa)\s*$", re.IGNORECASE)


def _words(data: object, key: str, path: Path) -> list[str]:
    words = data.get(key) if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
        raise LexiconError(str(path), None, f"'{key}' should be a list of words")
    return words


@lru_cache(maxsize=4)
def _speech(directory: str | None) -> tuple[frozenset[str], frozenset[str]]:
    path = (Path(directory) if directory else LEXICON_DIR) / "anaphora.json"
    data = load_json(path)
    return frozenset(_words(data, "speaker_verbs", path)), frozenset(_words(data, "speaker_anaphors", path))


@lru_cache(maxsize=4)
def _patterns(directory: str | None) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every anaphor (one scan per sentence, longest form first) and the kind of each."""
    path = (Path(directory) if directory else LEXICON_DIR) / "anaphora.json"
    data = load_json(path)
    kinds: dict[str, str] = {}
    for kind in KINDS:
        for word in _words(data, kind, path):
            if kinds.setdefault(word.lower(), kind) != kind:
                raise LexiconError(str(path), None, f"{word!r} is listed as both {kinds[word.lower()]} and {kind}")
    alternation = "|".join(re.escape(w) for w in sorted(kinds, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE), kinds


@dataclass
class Referents:
    """What a document has named so far, most recent last."""

    states: list[ActorMention] = field(default_factory=list)
    person: ActorMention | None = None
    # the first list of two or more coordinated states ("AS, Australia dan Jepang") of the last
    # sentence that had one
    group: list[ActorMention] = field(default_factory=list)
    titled: list[ActorMention] = field(default_factory=list)  # persons named with a title before them
    previous_people: list[ActorMention] = field(default_factory=list)  # people named in the last sentence
    # state organs named with their office word ("Kementerian Luar Negeri Turki", "Dubes AS")
    organs: list[ActorMention] = field(default_factory=list)

    def update(self, mentions: list[ActorMention], text: str = "", offset: int = 0) -> None:
        self.previous_people = [m for m in mentions if m.type == "person"]
        first_person: ActorMention | None = None
        states = []
        for m in mentions:
            if m.type != "person" and "." in m.id and m.country == m.code:
                self.organs = [o for o in self.organs if o.text != m.text] + [m]
            if m.type == "person":
                if first_person is None:
                    first_person = self.person = m  # the first person named is the sentence's topic
                self.titled = [p for p in self.titled if p.id != m.id] + [m]
            elif m.type == "state" or (m.country == m.code and len(m.code) == 3):
                self.states = [s for s in self.states if s.code != m.code] + [m]
                states.append(m)
        run: list[ActorMention] = []
        for m in states:
            if run and _COORDINATION.fullmatch(text[run[-1].end - offset:m.start - offset]):
                run.append(m)
                continue
            if len({r.code for r in run}) >= 2:
                break
            run = [m]
        if len({r.code for r in run}) >= 2:
            self.group = list({r.code: r for r in reversed(run)}.values())[::-1]


def _as(referent: ActorMention, start: int, end: int, text: str) -> ActorMention:
    return replace(referent, start=start, end=end, text=text)


def resolve(text: str, offset: int, found: list[ActorMention], seen: Referents, lexicon_dir: str | None = None) -> list[ActorMention]:
    """Mentions for the anaphors of one sentence, resolved against what came before it."""
    pattern, kinds = _patterns(lexicon_dir)
    taken = [(m.start - offset, m.end - offset) for m in found]
    out: list[ActorMention] = []
    for match in pattern.finditer(text):
        s, e = match.span()
        if any(a < e and s < b for a, b in taken):
            continue
        kind = kinds[" ".join(match.group().lower().split())]
        if kind == "speaker":
            out.extend(_speaker(text, s, e, found, seen, offset, lexicon_dir))
        else:
            out.extend(_referents(kind, text, s, e, seen, offset, found))
    return sorted(out, key=lambda m: (m.start, m.code))


def _referents(
    kind: str, text: str, s: int, e: int, seen: Referents, offset: int, found: Sequence[ActorMention] = ()
) -> list[ActorMention]:
    words = text[s:e]
    if kind == "pair_people":
        people = _last_two_countries(seen.titled)
        if people and (len(seen.states) < 2 or min(p.start for p in people) > seen.states[-2].start):
            return [_as(r, s + offset, e + offset, words) for r in people]
        kind = "pair"
    if kind == "pair" and len(seen.states) >= 2:
        return [_as(r, s + offset, e + offset, words) for r in seen.states[-2:]]
    if kind == "three" and (len(seen.group) == 3 or len(seen.states) >= 3):
        three = seen.group if len(seen.group) == 3 else seen.states[-3:]  # a list of three named together
        return [_as(r, s + offset, e + offset, words) for r in three]
    if kind == "group" and seen.group:
        return [_as(r, s + offset, e + offset, words) for r in seen.group]
    if kind == "state" and seen.states:
        return [_as(seen.states[-1], s + offset, e + offset, words)]
    if kind == "people" and _CLAUSE_START.search(text[:s]):
        # "Mereka sepakat …" right after a sentence naming two people of two countries: those two
        pair = list({p.code: p for p in seen.previous_people}.values())
        return [_as(r, s + offset, e + offset, words) for r in pair] if len(pair) == 2 else []
    if kind == "person" and seen.person is not None and _CLAUSE_START.search(text[:s]):
        return [_as(seen.person, s + offset, e + offset, words)]
    if kind == "title" and not _NAME_AFTER.match(text, e):
        title = words.lower()
        earlier = [m for m in found if m.type == "person" and m.end - offset <= s]  # same sentence, before
        holder = next((p for p in reversed([*seen.titled, *earlier]) if p.text.lower().startswith(title + " ")), None)
        if holder is not None:
            return [_as(holder, s + offset, e + offset, words)]
    if kind == "organ" and words[0].isupper() and not _NAME_AFTER.match(text, e):
        # "menurut Kementerian": the last state organ (or titled person) named with that word
        title = words.lower()
        earlier = [m for m in found if m.end - offset <= s]
        named = [*seen.organs, *seen.titled, *(m for m in earlier if "." in m.id or m.type == "person")]
        named.sort(key=lambda m: m.start)
        holder = next((o for o in reversed(named) if o.text.lower().startswith(title + " ")), None)
        if holder is not None:
            return [_as(holder, s + offset, e + offset, words)]
    return []


_WORD = re.compile(r"\w+")


def _last_two_countries(people: list[ActorMention]) -> list[ActorMention]:
    """The last person named and the last one before them from another country, in naming order."""
    if not people:
        return []
    last = people[-1]
    other = next((p for p in reversed(people[:-1]) if p.code != last.code), None)
    return [other, last] if other is not None else []


def _speaker(
    text: str, s: int, e: int, found: list[ActorMention], seen: Referents, offset: int, lexicon_dir: str | None
) -> list[ActorMention]:
    """ "Saya bicara dengan Sekjen PBB," ujar Retno: the first person is the one the sentence says speaks."""
    verbs, anaphors = _speech(lexicon_dir)
    words = [(m.group().lower(), m.end()) for m in _WORD.finditer(text)]
    for n, (word, end) in enumerate(words):
        if word in verbs and end > e:
            after = [m for m in found if m.start - offset >= end and m.start - offset - end <= 2]
            if after:
                return [_as(after[0], s + offset, e + offset, text[s:e])]
        if word in anaphors and end > e and seen.person is not None:
            return [_as(seen.person, s + offset, e + offset, text[s:e])]
    return []
