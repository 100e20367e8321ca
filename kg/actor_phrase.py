"""The small grammar that turns a run of lexicon matches into one actor mention: determiners, role
words, a head (state, body, person) and a person named after the role ("Menteri Pertahanan Rusia Sergey
Shoigu", "Kementerian Unifikasi Korea Selatan"). kg/actors.py finds the matches and calls it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kg.actor_lexicon import Entity, Term

if TYPE_CHECKING:
    from kg.actors import ActorMatcher, DocMemory

Token = tuple[int, int, str]  # start, end, normalised form
# Between an open role and its country: the office's own name, one to three capitalised words
# ("Kementerian Unifikasi Korea Selatan", "Menteri Lingkungan Hidup Jepang").
_OFFICE_NAME = re.compile(r"\s+(?:[^\W\d_][^\W_]*\s+){1,3}")


@dataclass(frozen=True, slots=True)
class Item:
    """A stretch of tokens that matched the lexicon, with every meaning that fits its casing."""

    first: int  # token indexes, end exclusive
    last: int
    start: int  # character offsets in the sentence
    end: int
    terms: tuple[Term, ...]  # strongest first
    key: str  # normalised surface, for DocMemory

    @property
    def kind(self) -> str:
        return self.terms[0].kind


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    actor_id: str
    code: str | None = None  # set when the text names the code ("Presiden Rusia Vladimir Putin")


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    tokens: list[Token]
    items: list[Item]
    headline: bool


def is_acronym_item(surface: str) -> bool:
    """'RI', 'DPR RI': acronyms keep their meaning after a capitalised word ('Presiden Pertama RI')."""
    return all(word.isupper() for word in surface.split())


def adjacent(text: str, end: int, item: Item) -> bool:
    return not text[end : item.start].strip()


class Phrase:
    """Parses [quantifier] role* [actor [(alias)]] [[,] person] starting at one item."""

    def __init__(
        self, matcher: ActorMatcher, sentence: Sentence, k: int, when: str | None,
        memory: DocMemory | None,
    ) -> None:
        self.m, self.sentence, self.when, self.memory = matcher, sentence, when, memory
        self.text, self.items = sentence.text, sentence.items
        self.k0 = self.k = k
        self.start = self.end = self.items[k].start

    def peek(self, kinds: tuple[str, ...], comma: bool = False) -> Item | None:
        if self.k >= len(self.items) or self.items[self.k].kind not in kinds:
            return None
        item = self.items[self.k]
        gap = self.text[self.end : item.start].strip()
        if self.k == self.k0 or not gap or (comma and gap == ","):
            return item
        return None

    def take(self, item: Item) -> None:
        self.k, self.end = self.k + 1, item.end

    def absorb_paren(self, accept: Callable[[Item], bool]) -> None:
        """'Menteri Luar Negeri (Menlu)', 'Amerika Serikat (AS)': a bracketed alias joins in."""
        if self.k >= len(self.items):
            return
        item = self.items[self.k]
        after = self.text[item.end :]
        if self.text[self.end : item.start].strip() == "(" and after.lstrip().startswith(")") and accept(item):
            self.k += 1
            self.end = item.end + len(after) - len(after.lstrip()) + 1

    def parse(self) -> tuple[Found | None, int]:
        while (det := self.peek(("det",))) is not None:
            self.take(det)
        roles: list[Term] = []
        while (role := self.peek(("role",)) or self._role_before_state()) is not None:
            self.take(role)
            roles.append(next(t for t in role.terms if t.kind == "role"))
            self.absorb_paren(lambda it: it.kind == "role")
        if self.k > self.k0 and not roles:  # a quantifier alone is no actor
            return None, self.k0 + 1
        entity = self._head(roles)
        if entity is False:
            return None, self.k
        return self._finish(roles, entity if isinstance(entity, Entity) else None)

    def _role_before_state(self) -> Item | None:
        """ "Kemlu Jepang": a name that stands for one state's body on its own ("Kemlu" is
        Indonesia's) and is also a role word is that role of the state named right after it."""
        item = self.peek(("actor",))
        if item is None or not any(t.kind == "role" for t in item.terms) or self.k + 1 >= len(self.items):
            return None
        nxt = self.items[self.k + 1]
        if nxt.kind != "actor" or not adjacent(self.text, item.end, nxt):
            return None
        entity = self.m.lex.entity(nxt.terms[0].target or "")
        return item if entity is not None and self.m.lex.belongs_to_state(entity) and "." not in entity.id else None

    def _head(self, roles: list[Term]) -> Entity | None | bool:
        """The country or organisation of the phrase; False if a blocker voids it."""
        head = self.peek(("actor",))
        if head is None and roles and roles[-1].open:
            head = self._after_office_name()
        if head is None:
            return None
        self.take(head)
        nxt = self.items[self.k] if self.k < len(self.items) else None
        if nxt is not None and nxt.kind == "suffix" and adjacent(self.text, head.end, nxt):
            self.k += 1  # "Jepang Terbuka", "Indonesia U-23"
            return False
        if self.k - 1 == self.k0 and self._inside_other_name(head):
            return False
        entity = self.m.lex.entity(head.terms[0].target or "")
        code = entity.code if entity else None
        self.absorb_paren(lambda it: it.kind == "actor" and self._code(it) == code)
        return entity

    def _after_office_name(self) -> Item | None:
        """The country after an open role and the office's capitalised name, outside headlines."""
        if self.k >= len(self.items) or self.items[self.k].kind != "actor" or self.sentence.headline:
            return None
        item = self.items[self.k]
        gap = self.text[self.end : item.start]
        if not _OFFICE_NAME.fullmatch(gap):
            return None
        return item if all(word[0].isupper() for word in gap.split()) else None

    def _inside_other_name(self, head: Item) -> bool:
        """'Universitas Indonesia', 'Sandro Wagner': right after an unknown capitalised word (not
        the first of the sentence, not a weekday or month, not in a headline) a place name, or a
        one-word person name, is part of the name of something else."""
        s, i = self.sentence, head.first - 1
        if i <= 0 or s.headline:
            return False
        if self.k0 > 0 and self.items[self.k0 - 1].last == head.first:
            return False  # the word before is known to the lexicon (a role, a blocker ...)
        start, end, norm = s.tokens[i]
        if s.text[end : head.start].strip() or not s.text[start].isupper():
            return False
        return norm not in self.m.ordinary_capitals and not is_acronym_item(s.text[head.start : head.end])

    def _code(self, item: Item) -> str | None:
        entity = self.m.lex.entity(item.terms[0].target or "")
        return entity.code if entity else None

    def _finish(self, roles: list[Term], head: Entity | None) -> tuple[Found | None, int]:
        # "pemerintahan Presiden Prabowo" is the government of the person, not the person
        links = {r.person for r in roles if r.person}
        link = "of" if "of" in links else ("is" if links else None)
        person_id = self._person(link, head)
        if person_id is not None:
            person = self.m.lex.people[person_id]
            code = head.code if head is not None else person.code_at(self.when)
            if link == "of" and code:
                suffix = next(r.target for r in reversed(roles) if r.person == "of")
                return Found(self.start, self.end, f"{code}.{suffix}"), self.k
            return Found(self.start, self.end, person_id, code), self.k
        if head is None:
            return None, self.k
        actor_id = head.id
        if roles and self.m.lex.belongs_to_state(head) and "." not in head.id:
            suffix = next((r.target for r in reversed(roles) if r.target), None)
            actor_id = f"{head.id}.{suffix}" if suffix else head.id
        return Found(self.start, self.end, actor_id), self.k

    def _person(self, link: str | None, head: Entity | None) -> str | None:
        """Take a following person name when the role words say it is the role holder."""
        if link is None and (head is not None or self.k > self.k0):
            return None
        item = self.peek(("person", "short"), comma=link == "is")
        if item is None or (self.k == self.k0 and item.last - item.first == 1 and self._inside_other_name(item)):
            return None  # "PT Hadji Kalla", "Pangeran Purbaya": a surname inside another name
        if self.k > self.k0 and "," in self.text[self.end : item.start] and self._inside_other_name(self.items[self.k0]):
            return None  # "dari Sekretariat Presiden, Prabowo …": the title is part of a body's name
        code = head.code if head is not None else None
        person_id = self.m.resolve_person(item, self.memory, code, self.when, titled=link == "is")
        if person_id is not None:
            self.take(item)
        return person_id
