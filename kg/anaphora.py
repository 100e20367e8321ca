"""Anaphors that stand for actors named earlier in the document: "kedua negara", "ketiga negara",
"negara tersebut", "negara-negara tersebut", a clause-initial "Ia"/"Dia", a bare title ("Presiden").

The resolver keeps, per document, the states and the person named most recently; an anaphor becomes
an ActorMention with its own span and text and the referent's id, code and label, so the evidence
still shows the words the article used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import LexiconError
from kg.lexicon import LEXICON_DIR, load_json
from kg.model import ActorMention

if TYPE_CHECKING:
    from kg.rules import RuleSet

KINDS = (
    "pair", "pair_people", "three", "group", "state", "person", "people", "title", "organ", "speaker",
    "organisation", "armed", "neighbour",
)
# what "organisasi itu" and "kelompok tersebut" may stand for
_TYPES = {"organisation": ("organisation",), "armed": ("armed_group",)}
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


def clitic_forms(rules: RuleSet, directory: str | None) -> dict[str, str]:
    """Verb forms (one word) of the rules anaphora.json lists under clitic_rules that take "-nya" as an
    argument, with their voice: an active verb whose rule takes a direct object, any di- passive."""
    path = (Path(directory) if directory else LEXICON_DIR) / "anaphora.json"
    wanted = set(_words(load_json(path), "clitic_rules", path))
    out: dict[str, str] = {}
    for options in rules.index.values():
        for rule, phrase, voice in options:
            if rule.id not in wanted or len(phrase) != 1:
                continue
            if voice == "passive" or (voice == "active" and "" in rule.target):
                out.setdefault(phrase[0], voice)
    known = {rule.id for options in rules.index.values() for rule, _, _ in options}
    if wanted - known:
        raise LexiconError(str(path), None, f"clitic_rules: unknown rule {min(wanted - known)!r}")
    return out


@lru_cache(maxsize=4)
def _quoting(directory: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """Words that name a quote's source right after it closes ("…,” demikian pernyataan X") and
    verbs that introduce a quote ("X mengatakan, “…")."""
    path = (Path(directory) if directory else LEXICON_DIR) / "anaphora.json"
    data = load_json(path)
    return frozenset(_words(data, "quote_attributions", path)), frozenset(_words(data, "quote_intros", path))


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
    previous: list[ActorMention] = field(default_factory=list)  # every actor named in the last sentence
    # the last two states named together ("antara Indonesia dan Inggris"), and the codes of the last
    # list of three or more ("Filipina, Prancis, dan Australia"): "kedua negara" is never two of a list
    paired: list[ActorMention] = field(default_factory=list)
    listed: frozenset[str] = frozenset()
    # the two actors a two-party anaphor ("keduanya", "kedua pihak") stood for in the last sentence
    # (`pair_here`: in the sentence being resolved); the next one continues the same pair
    pair: list[ActorMention] = field(default_factory=list)
    pair_here: list[ActorMention] = field(default_factory=list)
    # the person the text is about: the first named outside direct speech in the last sentence that
    # named one, or the speaker of that sentence's quote ("“… menelepon saya …,” urainya")
    topic: ActorMention | None = None

    def update(
        self, mentions: list[ActorMention], text: str = "", offset: int = 0, quotes: Sequence[Quote] = ()
    ) -> None:
        outside = [m for m in mentions if _is_person(m) and not _quoted(m.start, quotes)]
        speakers = [q.speaker for q in quotes if q.speaker is not None and _is_person(q.speaker)]
        if outside or speakers:
            self.topic = outside[0] if outside else speakers[-1]
        self.previous = list(mentions)
        self.pair, self.pair_here = self.pair_here, []
        self.previous_people = [m for m in mentions if _is_person(m)]
        first_person: ActorMention | None = None
        states = []
        for m in mentions:
            if not _is_person(m) and "." in m.id and m.country == m.code:
                self.organs = [o for o in self.organs if o.text != m.text] + [m]
            if _is_person(m):
                if first_person is None:
                    first_person = self.person = m  # the first person named is the sentence's topic
                self.titled = [p for p in self.titled if p.id != m.id] + [m]
            elif _is_state(m):
                self.states = [s for s in self.states if s.code != m.code] + [m]
                states.append(m)
        runs: list[list[ActorMention]] = []
        for m in states:
            if runs and _COORDINATION.fullmatch(text[runs[-1][-1].end - offset:m.start - offset]):
                runs[-1].append(m)
            else:
                runs.append([m])
        runs = [list({r.code: r for r in reversed(run)}.values())[::-1] for run in runs]
        first = next((run for run in runs if len(run) >= 2), None)
        if first is not None:
            self.group = first
        for run in runs:
            if len(run) == 2:
                self.paired = run
            elif len(run) >= 3:
                self.listed = frozenset(r.code for r in run)


def _quoted(at: int, quotes: Sequence[Quote]) -> bool:
    return any(q.start <= at < q.end for q in quotes)


def _is_person(m: ActorMention) -> bool:
    return m.type == "person" or m.named_person


def _is_state(m: ActorMention) -> bool:
    return m.type == "state" or (m.country == m.code and len(m.code) == 3)


def _as(referent: ActorMention, start: int, end: int, text: str) -> ActorMention:
    return replace(referent, start=start, end=end, text=text)


def resolve(
    text: str, offset: int, found: list[ActorMention], seen: Referents, lexicon_dir: str | None = None,
    quotes: Sequence[Quote] = (),
) -> list[ActorMention]:
    """Mentions for the anaphors of one sentence, resolved against what came before it (and, for a
    first person inside direct speech, against the document's `quotations`)."""
    pattern, kinds = _patterns(lexicon_dir)
    taken = [(m.start - offset, m.end - offset) for m in found]
    out: list[ActorMention] = []
    for match in pattern.finditer(text):
        s, e = match.span()
        if any(a < e and s < b for a, b in taken):
            continue
        kind = kinds[" ".join(match.group().lower().split())]
        if kind == "speaker":
            quote = next((q for q in quotes if q.start <= s + offset < q.end), None)
            if quote is not None:  # direct speech: its speaker, or no one
                if quote.speaker is not None:
                    out.append(_as(quote.speaker, s + offset, e + offset, text[s:e]))
            else:
                out.extend(_speaker(text, s, e, found, seen, offset, lexicon_dir))
        else:
            out.extend(_referents(kind, text, s, e, seen, offset, found))
    return sorted(out, key=lambda m: (m.start, m.code))


def _referents(
    kind: str, text: str, s: int, e: int, seen: Referents, offset: int, found: Sequence[ActorMention] = ()
) -> list[ActorMention]:
    words = text[s:e]
    carried = seen.pair_here or seen.pair
    if kind in ("pair", "pair_people") and len(carried) == 2:
        # "Keduanya juga membahas …. … yang dikritik kedua pihak": the same two, not two states named
        # in passing in between ("perbatasan AS dan Meksiko")
        return [_as(r, s + offset, e + offset, words) for r in carried]
    out = _referent_list(kind, text, s, e, seen, offset, found)
    if kind in ("pair", "pair_people", "people") and len({m.code for m in out}) == 2:
        seen.pair_here = out
    return out


def _referent_list(
    kind: str, text: str, s: int, e: int, seen: Referents, offset: int, found: Sequence[ActorMention] = ()
) -> list[ActorMention]:
    words = text[s:e]
    if kind == "pair_people":
        people = _last_two_countries(seen.titled)
        if people and (len(seen.states) < 2 or min(p.start for p in people) > seen.states[-2].start):
            return [_as(r, s + offset, e + offset, words) for r in people]
        kind = "pair"
    if kind == "pair" and len(seen.states) >= 2:
        pair = seen.states[-2:]
        if {r.code for r in pair} <= seen.listed and seen.paired and not {r.code for r in seen.paired} <= seen.listed:
            pair = seen.paired  # the last two named are the tail of a longer list: the last pair named together
        return [_as(r, s + offset, e + offset, words) for r in pair]
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
    if kind in _TYPES or kind == "neighbour":
        # "organisasi itu", "kelompok militan tersebut", "negara tetangganya": an actor of the
        # right type named earlier in the sentence or in the one before
        near = [*seen.previous, *(m for m in found if m.end - offset <= s)]
        if kind in _TYPES:
            near = [m for m in near if m.type in _TYPES[kind]]
        else:  # the neighbour of the first state of the sentence, not that state itself
            own = next((m for m in found if m.end - offset <= s and _is_state(m)), None)
            near = [m for m in near if own is not None and _is_state(m) and m.code != own.code]
        if near:
            return [_as(near[-1], s + offset, e + offset, words)]
        return []
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
_CLITIC = re.compile(r"(?<![\w-])(\w+)(nya)(?!\w)", re.IGNORECASE)


def clitics(
    text: str, offset: int, found: Sequence[ActorMention], seen: Referents, verbs: Mapping[str, str],
    quotes: Sequence[Quote] = (),
) -> list[ActorMention]:
    """The pronoun "-nya" joined to a verb trigger: the object of an active verb ("Menlu Iran
    meneleponnya") or the agent of a di- passive ("Negara yang dihubunginya"). It stands for a person:
    one named earlier in its own sentence with another actor (the verb's own subject) between them
    ("X mengaku Menlu Y meneleponnya"), else the person the text was about in the sentences before.
    `verbs` maps the verb forms that take it to their voice. Inside direct speech it is left alone."""
    out = []
    for match in _CLITIC.finditer(text):
        if match.group(1).lower() not in verbs or _quoted(match.start() + offset, quotes):
            continue
        s, e = match.span(2)
        before = [m for m in found if m.end - offset <= match.start() and not _quoted(m.start, quotes)]
        referent = seen.topic
        if len(before) >= 2 and _is_person(before[0]) and before[-1].code != before[0].code:
            referent = before[0]
        if referent is not None:
            out.append(_as(referent, s + offset, e + offset, text[s:e]))
    return out


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
    """ "Saya bicara dengan Sekjen OKI," ujar Retno: the first person is the one the sentence says speaks."""
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


# --- direct speech across sentences ------------------------------------------------------------

_QUOTE_REACH = 4  # sentences a quotation may run over; one left open longer is given up
_TOPIC_REACH = 2  # sentences before a quote where the person "ujarnya" stands for may be named
_OPENERS, _CLOSERS, _EITHER = "\u201c", "\u201d", '"'
_QUOTE_MARK = re.compile("[" + re.escape(_OPENERS + _CLOSERS + _EITHER) + "]")
_AFTER_CLOSE = re.compile(r"\s*,?\s*(?:demikian\s+)?(\w+)")
_SOURCE_GAP = re.compile(r"\s+(?:[a-z]\w*\s+){0,2}")  # "kata (seorang pejabat) AS", "pernyataan (misi) Uni Afrika"
_BEFORE_OPEN = re.compile(r"\s*(?:\w+\s+){0,2}?(\w+)(?:\s+kepada\s+\w+)?\s*[,:]?\s*")


@dataclass(frozen=True)
class Quote:
    """A stretch of direct speech (absolute offsets, quotation marks included) and its speaker."""

    start: int
    end: int
    speaker: ActorMention | None


def quotations(
    sentences: Sequence[tuple[int, str]], named: Sequence[Sequence[ActorMention]], lexicon_dir: str | None = None
) -> list[Quote]:
    """The document's direct speech with who says it: the actor after the closing mark and a speech
    word (\u201c\u2026,\u201d ujar X), the topic person before the quote for "ujarnya", the actor before the
    opening mark and an introducing verb (X mengatakan, \u201c\u2026), or, for a quote that opens its
    sentence right after a sentence closing a quote with a known speaker, that speaker."""
    verbs, anaphors = _speech(lexicon_dir)
    attributions, intros = _quoting(lexicon_dir)
    out: list[Quote] = []
    closed_in = -2  # the sentence where the last quote with a speaker closed
    for (i, qs), (j, qe) in _stretches(sentences):
        start_i, text_i = sentences[i]
        start_j, text_j = sentences[j]
        speaker = _source_after(text_j, start_j, qe, named[j], verbs | attributions)
        if speaker is None and (m := _AFTER_CLOSE.match(text_j, qe - start_j)) and m.group(1).lower() in anaphors:
            speaker = _topic_before(sentences, named, i, qs)
        if speaker is None:
            speaker = _source_before(text_i, start_i, qs, named[i], intros)
        if speaker is None and closed_in == i - 1 and not text_i[: qs - start_i].strip() and out:
            speaker = out[-1].speaker
        if speaker is not None:
            closed_in = j
        out.append(Quote(qs, qe, speaker))
    return out


def _stretches(sentences: Sequence[tuple[int, str]]) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(sentence, offset) of each quotation's opening mark and (sentence, offset after) its closing one."""
    out = []
    depth, opened = 0, (0, 0)
    for i, (start, text) in enumerate(sentences):
        if depth and i - opened[0] > _QUOTE_REACH:
            depth = 0
        for mark in _QUOTE_MARK.finditer(text):
            k, ch = mark.start(), mark.group()
            if ch in _OPENERS or (ch == _EITHER and not depth):
                if not depth:
                    opened = (i, start + k)
                depth += 1
            elif (ch in _CLOSERS or ch == _EITHER) and depth:
                depth -= 1
                if not depth:
                    out.append((opened, (i, start + k + 1)))
    return out


def _source_after(text: str, start: int, close: int, found: Sequence[ActorMention], words: frozenset[str]) -> ActorMention | None:
    m = _AFTER_CLOSE.match(text, close - start)
    if m is None or m.group(1).lower() not in words:
        return None
    end = m.end() + start
    for actor in found:
        if actor.start >= end:
            gap = text[end - start : actor.start - start]
            return actor if not gap or _SOURCE_GAP.fullmatch(gap) else None
    return None


def _source_before(text: str, start: int, open_: int, found: Sequence[ActorMention], intros: frozenset[str]) -> ActorMention | None:
    before = [a for a in found if a.end <= open_]
    if not before:
        return None
    m = _BEFORE_OPEN.fullmatch(text, before[-1].end - start, open_ - start)
    return before[-1] if m is not None and m.group(1).lower() in intros else None


def _topic_before(
    sentences: Sequence[tuple[int, str]], named: Sequence[Sequence[ActorMention]], i: int, open_: int
) -> ActorMention | None:
    """The person a quote opened in sentence i is about: one named before the mark in that sentence,
    else, for a quote opening its sentence, the subject of one of the two sentences before, when it
    is a person and no later of those sentences names an actor first."""
    here = [a for a in named[i] if a.end <= open_]
    if here:
        return here[0] if _is_person(here[0]) else None
    start, text = sentences[i]
    if text[: open_ - start].strip():
        return None  # "Ada yang berteriak, “…” katanya": someone the sentence does not name
    for k in range(i - 1, max(i - 1 - _TOPIC_REACH, -1), -1):
        if named[k]:
            return named[k][0] if _is_person(named[k][0]) else None
    return None
