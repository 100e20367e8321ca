"""Find actor mentions in a sentence: states, their governments, armies and nationals, blocs,
armed groups and people, each resolved to an id and a roll-up code (see CONTRACT.md).

Two passes, both linear in the sentence: a longest-match walk of the lexicon trie (names, role
words, blockers), then a small left-to-right grammar (kg/actor_phrase.py) that merges "role words + country + person"
into one mention ("Menteri Pertahanan Rusia Sergey Shoigu").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from kg.actor_lexicon import TOKEN, ActorLexicon, Pattern, norm_gap, norm_phrase, norm_token
from kg.actor_phrase import Found, Item, Phrase, Sentence, Token, adjacent
from kg.errors import ActorNotFound
from kg.lexicon import LEXICON_DIR, cached_json
from kg.model import ActorMention

_NAMED = ("actor", "person", "short")
_HEADLINE_SHARE = 0.6  # above this share of capitalised words a sentence is a title-case headline
# A name the lexicon does not know, set off by a comma after a state office ("Menteri Perdagangan
# Kenya, Lee Kinyanjui, ..."; "Duta besar RI di Peru, Ratna Sari menyambut ...")
_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]*)?"
_APPOSED_NAME = re.compile(
    rf",\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})(?=\s*[.;]|\s*,?\s+(?!dan\b|serta\b|atau\b)[a-z]|\s*$)"
)  # not an item of a list ("…, Komisi I DPR RI, Kejaksaan Agung, dan …")
# "Menteri Luar Negeri Uruguay Rodolfo Nin Novoa tiba …": an unknown name of two to four words right
# after the office, ending the clause or followed by a lower-case word
_ADJACENT_NAME = re.compile(
    rf"\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})(?=\s*[.;,]|\s+[a-z]|\s*$)"
)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[^\w,.;:]*$")
_OFFICE_PLACE = re.compile(r"\s+(?:di|untuk)\s+")
_SHORT_NAME = 4  # a first or last name shorter than this is not remembered on its own


class DocMemory:
    """Per-document state: people already named in full, so a later bare "Kirby" or "Kim" resolves.

    Create one per document and pass it to every ActorMatcher.find call on that document, in order.
    """

    def __init__(self) -> None:
        self._people: dict[str, str] = {}  # normalised name or short form -> person id
        # normalised unknown name (full, first or last word) -> the office it was named beside
        self.names: dict[str, ActorMention] = {}

    def remember(self, person_id: str, keys: Sequence[str]) -> None:
        for key in keys:
            self._people[key] = person_id

    def recall(self, key: str) -> str | None:
        return self._people.get(key)


class ActorMatcher:
    """The compiled gazetteer. Build it with ActorMatcher.load() (cached per lexicon folder)."""

    def __init__(self, lexicon: ActorLexicon, calendar: dict[str, dict[str, int]] | None = None) -> None:
        self.lex = lexicon
        # Capitalised words that do not start a proper name ("pada Senin Rusia ...").
        words = calendar or {}
        self.ordinary_capitals = {norm_token(w) for group in words.values() for w in group}

    @classmethod
    def load(cls, lexicon_dir: Path | None = None) -> ActorMatcher:
        return _load(lexicon_dir.resolve() if lexicon_dir is not None else None)

    # --- public API -----------------------------------------------------------------------------

    def find(
        self, text: str, offset: int = 0, when: str | None = None, memory: DocMemory | None = None
    ) -> list[ActorMention]:
        """All actor mentions in one sentence, ordered and non-overlapping; spans + offset.

        `when` (YYYY-MM-DD, the article date) picks the role a person held on that day.
        """
        tokens = _tokenize(text)
        sentence = Sentence(text, tokens, self._scan(text, tokens), _is_headline(text, tokens))
        items = sentence.items
        mentions = []
        k = 0
        while k < len(items):
            found, k_next = self._phrase(sentence, k, when, memory)
            if found is not None:
                mentions.append(self._mention(text, found, offset, when, memory))
            k = max(k_next, k + 1)
        if memory is not None:
            mentions = self._recall_names(text, offset, tokens, mentions, memory)
            self._learn_names(text, offset, mentions, memory)
        return mentions

    # --- people the lexicon does not know, learned from the document -----------------------------

    def _learn_names(self, text: str, offset: int, mentions: list[ActorMention], memory: DocMemory) -> None:
        """Remember an unknown name set off by a comma after a state office, so that later in the
        document the name (or its first or last word) stands for that office."""
        for k, m in enumerate(mentions):
            if m.type != "state" or m.named_person or "." not in m.id or m.country != m.code:
                continue  # only an organ of a state ("Duta Besar Pakistan"), not its nationals or firms
            if not self._names_holder(text, m.start - offset, m.text):
                continue
            at = m.end - offset
            nxt = mentions[k + 1] if k + 1 < len(mentions) else None
            if nxt is not None and _OFFICE_PLACE.fullmatch(text, at, nxt.start - offset) and nxt.type == "state":
                at = nxt.end - offset  # "Duta besar RI di Malaysia, ..."
            found = _APPOSED_NAME.match(text, at) or _ADJACENT_NAME.match(text, at)
            if found is None or any(o.start - offset < found.end(1) and found.start(1) < o.end - offset for o in mentions):
                continue
            rest = text[: m.start - offset] + " " + text[found.end(1) :]
            if _title_case(rest, _tokenize(rest)):
                continue  # a title-case headline: its capitals name nothing
            words = self._name_words(found.group(1))
            if not words or any(w in self.ordinary_capitals for w in words):
                continue  # a weekday or a month: not a name
            template = replace(m, named_person=True)
            memory.names[" ".join(words)] = template
            for word in {words[0], words[-1]}:  # alone, a word the lexicon knows keeps its meaning
                if len(word) >= _SHORT_NAME and word not in self.lex.root.children:
                    memory.names[word] = template

    def _name_words(self, name: str) -> list[str]:
        """The normalised words of a new name without the titles before it ("Jenderal", "Ibu");
        none if the lexicon knows a place or an organisation in it ("Dewan Pariwisata Singapura")."""
        tokens = _tokenize(name)
        first = 0
        for item in self._scan(name, tokens):
            if item.kind in ("role", "det") and item.first == first:
                first = item.last
            elif item.kind not in ("person", "short"):
                return []
        return [tok[2] for tok in tokens[first:]]

    def _names_holder(self, text: str, start: int, surface: str) -> bool:
        """An office phrase that names a person: it opens with a role word ("Menteri Pertahanan
        Jepang", "juru bicara militer Sudan") or comes after a capitalised title the lexicon does not
        know ("Ketua Komisi X DPR RI"); not "data Kemenkumham, ..."."""
        before = _WORD_BEFORE.search(text, 0, start)
        if before is not None and before.group(1)[0].isupper() and before.end(1) + 1 >= start:
            return True
        items = self._scan(surface, _tokenize(surface))
        return bool(items) and items[0].first == 0 and items[0].kind == "role"

    def _recall_names(
        self, text: str, offset: int, tokens: list[Token], mentions: list[ActorMention], memory: DocMemory
    ) -> list[ActorMention]:
        """Mentions for the names `_learn_names` remembered, where no other mention is."""
        if not memory.names:
            return mentions
        taken = [(m.start - offset, m.end - offset) for m in mentions]
        added = []
        i = 0
        while i < len(tokens):
            for size in (3, 2, 1):
                if i + size > len(tokens):
                    continue
                part = tokens[i : i + size]
                start, end = part[0][0], part[-1][1]
                key = " ".join(t[2] for t in part)
                if key not in memory.names or not all(text[t[0]].isupper() for t in part):
                    continue
                if size < 3 and _capital_beside(text, tokens, i + size, i + size - 1):
                    continue  # "Herman Deru": a longer name, someone else
                if any(a < end and start < b for a, b in taken) or text[start:end].isupper():
                    continue
                added.append(replace(memory.names[key], start=start + offset, end=end + offset, text=text[start:end]))
                i += size - 1
                break
            i += 1
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def lookup(self, name: str) -> list[tuple[str, str, str]]:
        """(id, code, label) of every actor a name, alias, id or code stands for, in any language."""
        results = []
        for actor_id in sorted(self.lex.index.get(norm_phrase(name), ())):
            info = self.actor_info(actor_id)
            results.append((actor_id, info["code"] or "", info["label"] or actor_id))
        return results

    def actor_info(self, actor_id: str) -> dict[str, str | None]:
        """label, label_en, type, code, wikidata and country of an actor id (and, for a state, its
        ISO 3166-1 codes iso_alpha2 and iso_alpha3)."""
        person = self.lex.people.get(actor_id)
        if person is not None:
            code = person.code_at(None)
            return {"label": person.label, "label_en": person.label_en, "type": "person", "code": code,
                    "wikidata": person.wikidata, "country": person.nationality or self._state_of(code)}
        entity = self.lex.entity(actor_id)
        if entity is None:
            raise ActorNotFound(f"unknown actor id {actor_id!r}")
        info = {"label": entity.label, "label_en": entity.label_en, "type": entity.type,
                "code": entity.code, "wikidata": entity.wikidata, "country": entity.country}
        if entity.alpha2:
            info.update(iso_alpha2=entity.alpha2, iso_alpha3=entity.id)
        return info

    # --- pass 1: longest match over the token trie ----------------------------------------------

    def _scan(self, text: str, tokens: list[Token]) -> list[Item]:
        items = []
        first_words = self.lex.root.children
        i, n = 0, len(tokens)
        while i < n:
            if tokens[i][2] not in first_words:  # the common case, kept free of calls
                i += 1
                continue
            item = self._longest(text, tokens, i)
            if item is None:
                i += 1
            else:
                items.append(item)
                i = item.last
        return items

    def _longest(self, text: str, tokens: list[Token], i: int) -> Item | None:
        node = self.lex.root.children.get(tokens[i][2])
        if node is None:
            return None
        path = [(i + 1, node)]
        j = i + 1
        while j < len(tokens) and node.children:
            key = norm_gap(text[tokens[j - 1][1] : tokens[j][0]]) + " " + tokens[j][2]
            child = node.children.get(key)
            if child is None:
                break
            node, j = child, j + 1
            path.append((j, node))
        for last, candidate in reversed(path):
            terms = tuple(p.term for p in candidate.patterns if self._fits(p, text, tokens, i, last))
            if terms:
                key = " ".join(tok[2] for tok in tokens[i:last])
                return Item(i, last, tokens[i][0], tokens[last - 1][1], terms, key)
        return None

    def _fits(self, pattern: Pattern, text: str, tokens: list[Token], i: int, last: int) -> bool:
        words = [text[start:end] for start, end, _ in tokens[i:last]]
        if any(exact and word != want for word, want, exact in zip(words, pattern.tokens, pattern.exact)):
            return False
        if pattern.cap_first and not words[0][0].isupper():
            return False
        if pattern.term.isolated and (
            _capital_beside(text, tokens, i - 1, i) or _capital_beside(text, tokens, last, last - 1)
        ):
            return False
        return not self._clitic_after(text, tokens, last)

    def _clitic_after(self, text: str, tokens: list[Token], last: int) -> bool:
        """'AS-nya': a hyphenated particle turns the name into an ordinary word."""
        if last >= len(tokens):
            return False
        gap = text[tokens[last - 1][1] : tokens[last][0]]
        return gap in ("-", "\u2010", "\u2011") and tokens[last][2] in self.lex.clitics

    # --- pass 2: role + country + person grammar ------------------------------------------------

    def _phrase(
        self, sentence: Sentence, k: int, when: str | None, memory: DocMemory | None
    ) -> tuple[Found | None, int]:
        text, items = sentence.text, sentence.items
        kind = items[k].kind
        if kind == "prefix":  # "Timnas Jepang", "bahasa Inggris": the name after it is void
            nxt = k + 1
            if nxt < len(items) and items[nxt].kind in _NAMED and adjacent(text, items[k].end, items[nxt]):
                return None, nxt + 1
            return None, k + 1
        if kind in ("block", "suffix"):
            return None, k + 1
        return Phrase(self, sentence, k, when, memory).parse()

    def resolve_person(
        self, item: Item, memory: DocMemory | None, code: str | None, when: str | None,
        titled: bool = False,
    ) -> str | None:
        """Which person a name means: a full or safe name; else the one this document named
        before; else the only candidate holding a role for the country of the phrase; else, right
        after a title ("Menlu Sugiono", "juru bicara Duterte"), the only person with that short name,
        or the only one of them holding a role on the article date."""
        full = [t.target for t in item.terms if t.kind == "person" and t.target]
        if full:
            return full[0]
        candidates = sorted({t.target for t in item.terms if t.kind == "short" and t.target})
        remembered = memory.recall(item.key) if memory is not None else None
        if remembered in candidates:
            return remembered
        if code is not None:
            fitting = [pid for pid in candidates if self.lex.people[pid].code_at(when) == code]
            if len(fitting) == 1:
                return fitting[0]
        if not titled:
            return None
        if len(candidates) > 1:
            candidates = [pid for pid in candidates if self.lex.people[pid].active_at(when)]
        return candidates[0] if len(candidates) == 1 else None

    def _mention(
        self, text: str, found: Found, offset: int, when: str | None, memory: DocMemory | None
    ) -> ActorMention:
        start, end = found.start, found.end
        if start > 0 and end < len(text) and text[start - 1] == "[" and text[end] == "]":
            start, end = start - 1, end + 1  # editorial insertion "[Korea Utara]": keep the brackets
        person = self.lex.people.get(found.actor_id)
        if person is not None:
            if memory is not None:
                memory.remember(person.id, self.lex.person_keys[person.id])
            code = found.code or person.code_at(when) or person.id
            return ActorMention(start + offset, end + offset, text[start:end], person.id, code,
                                person.label, "person", person.label_en,
                                person.nationality or self._state_of(code))
        entity = self.lex.entity(found.actor_id)
        assert entity is not None, found.actor_id  # ids come from the lexicon itself
        return ActorMention(start + offset, end + offset, text[start:end], entity.id, entity.code,
                            entity.label, entity.type, entity.label_en, entity.country)

    def _state_of(self, code: str | None) -> str | None:
        entity = self.lex.entities.get(code) if code else None
        return entity.id if entity is not None and entity.type == "state" else None


def _tokenize(text: str) -> list[Token]:
    if text.isascii():  # lower() keeps offsets for ASCII, so slice the lowered text once
        # ASCII lower-casing changes no word boundary, so tokenize the lowered text itself
        return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text.lower())]
    return [(m.start(), m.end(), norm_token(m.group())) for m in TOKEN.finditer(text)]


def _is_headline(text: str, tokens: list[Token]) -> bool:
    """A title-case line with no closing punctuation, where capitals say nothing about names."""
    if text.rstrip().endswith((".", "!", "?", '"', "\u201d", ":", ";")):
        return False
    return _title_case(text, tokens)


def _title_case(text: str, tokens: list[Token]) -> bool:
    words = [text[start] for start, end, _ in tokens if end - start > 3 and text[start].isalpha()]
    return len(words) >= 3 and sum(ch.isupper() for ch in words) > _HEADLINE_SHARE * len(words)


def _capital_beside(text: str, tokens: list[Token], n: int, own: int) -> bool:
    """A capitalised word right next to token `own` (only spaces between): part of a longer name."""
    if not 0 <= n < len(tokens):
        return False
    left, right = (tokens[n], tokens[own]) if n < own else (tokens[own], tokens[n])
    return not text[left[1] : right[0]].strip() and text[tokens[n][0]].isupper()


@lru_cache(maxsize=4)
def _load(lexicon_dir: Path | None) -> ActorMatcher:
    folder = lexicon_dir or LEXICON_DIR
    calendar_path = folder / "calendar.json"
    calendar = cached_json(str(calendar_path)) if calendar_path.is_file() else None
    if isinstance(calendar, dict):
        calendar = {k: v for k, v in calendar.items() if isinstance(v, dict)}
    return ActorMatcher(ActorLexicon.load(lexicon_dir), calendar)
