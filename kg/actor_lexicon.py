"""The actor gazetteer: countries, curated actors, people, role words and blockers, loaded from
data/lexicon/ (validated with file and line) and compiled once into a token trie.

kg/actors.py walks the trie over each sentence; this module only knows the data and its shape.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from kg.actor_people import Person, load_people
from kg.errors import LexiconError
from kg.lexicon import LEXICON_DIR, FieldSpec, check_fields, iter_jsonl
from kg.model import ACTOR_TYPES

TOKEN = re.compile(r"[^\W_]+")
# Characters between two tokens that do not change a name: "Kim Jong-un" == "Kim Jong Un".
_JOINERS = dict.fromkeys(map(ord, " \t\r\n\u00a0\u202f-\u2010\u2011\u2012\u2013\u2014'\u2019`"))

# Which term wins when one surface form means several things (lower = stronger).
PRIORITY = {"block": 0, "actor": 1, "person": 2, "short": 3, "role": 4, "det": 5, "prefix": 6, "suffix": 7}

COUNTRY_SPEC: dict[str, FieldSpec] = {
    "id": (str, True), "code": (str, True), "label": (str, True), "label_en": (str, True),
    "names": (list, True), "names_en": (list, False), "type": (str, True), "alpha2": (str, False),
    "wikidata": (str, False),
}
ENTITY_SPEC: dict[str, FieldSpec] = {
    "id": (str, True), "code": (str, True), "label": (str, True), "label_en": (str, True),
    "type": (str, True), "names": (list, True), "names_en": (list, False), "isolated": (list, False),
    "country": (str, False), "short_label": (str, False), "wikidata": (str, False), "note": (str, False),
}
EXTEND_SPEC: dict[str, FieldSpec] = {
    "id": (str, True), "add_names": (list, True), "names_en": (list, False), "isolated": (list, False),
    "label": (str, False),
    "label_en": (str, False), "short_label": (str, False), "wikidata": (str, False), "note": (str, False),
}
SUFFIX_SPEC: dict[str, FieldSpec] = {
    "kind": (str, True), "suffix": (str, True), "label": (str, True), "label_en": (str, True),
    "type": (str, True),
}
ROLE_SPEC: dict[str, FieldSpec] = {
    "kind": (str, True), "suffix": (str, False), "person": (str, False), "names": (list, True),
    "open": (bool, False), "note": (str, False),
}
BLOCKER_SPEC: dict[str, FieldSpec] = {"kind": (str, True), "names": (list, True), "note": (str, False)}


def norm_token(token: str) -> str:
    """Case- and accent-insensitive form of one token."""
    if token.isascii():
        return token.lower()
    decomposed = unicodedata.normalize("NFKD", token)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def norm_gap(gap: str) -> str:
    """What is left of the text between two tokens once spaces, hyphens and apostrophes go."""
    return gap.translate(_JOINERS)


def norm_phrase(text: str) -> str:
    return " ".join(norm_token(m.group()) for m in TOKEN.finditer(text))


@dataclass(frozen=True, slots=True)
class Entity:
    """A non-person actor: a state, something belonging to one ("RUS.GOV"), a bloc or a group."""

    id: str
    code: str
    label: str
    label_en: str
    type: str
    country: str | None = None
    wikidata: str | None = None
    short_label: str | None = None
    alpha2: str | None = None  # ISO 3166-1, states from countries.jsonl only


@dataclass(frozen=True, slots=True)
class Suffix:
    key: str
    label: str
    label_en: str
    type: str


@dataclass(frozen=True, slots=True)
class Term:
    """What a surface form means. target: an actor id, a person id, or a suffix (None = the state)."""

    kind: str
    target: str | None = None
    person: str | None = None  # for roles: "is" / "of" / None (see roles.jsonl)
    isolated: bool = False
    open: bool = False  # for roles: the office's own name may stand before the country (roles.jsonl)


@dataclass(frozen=True, slots=True)
class Pattern:
    tokens: tuple[str, ...]  # the name's tokens as written in the lexicon
    exact: tuple[bool, ...]  # tokens that must match case-sensitively (acronyms)
    cap_first: bool  # the text must start with a capital letter
    term: Term


@dataclass(slots=True)
class Node:
    children: dict[str, Node] = field(default_factory=dict)
    patterns: list[Pattern] = field(default_factory=list)


def _is_acronym(token: str, n_tokens: int) -> bool:
    letters = [ch for ch in token if ch.isalpha()]
    if not letters or len(letters) > 4:
        return False
    if all(ch.isupper() for ch in letters):
        return True
    return n_tokens == 1 and len(letters) <= 3 and token[0].isupper()  # "Xi" but not "xi", "XI"


def make_pattern(name: str, term: Term) -> tuple[list[str], Pattern]:
    """Trie keys and the case rules of one lexicon name."""
    matches = list(TOKEN.finditer(name))
    tokens = tuple(m.group() for m in matches)
    keys = [norm_token(tokens[0])]
    for prev, cur in itertools.pairwise(matches):
        keys.append(norm_gap(name[prev.end() : cur.start()]) + " " + norm_token(cur.group()))
    exact = tuple(_is_acronym(tok, len(tokens)) for tok in tokens)
    cap_first = tokens[0][0].isupper() and not exact[0]
    return keys, Pattern(tokens, exact, cap_first, term)


def _names(obj: dict[str, Any], key: str, path: Path, line: int) -> list[str]:
    values = obj.get(key) or []
    for value in values:
        if not isinstance(value, str) or not TOKEN.search(value):
            raise LexiconError(str(path), line, f"'{key}' must hold non-empty names, got {value!r}")
    return list(values)


class ActorLexicon:
    """All actor data, validated, with the compiled trie and the lookup index."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.suffixes: dict[str, Suffix] = {}
        self.people: dict[str, Person] = {}
        self.root = Node()
        self.clitics: set[str] = set()
        self.index: dict[str, set[str]] = {}  # normalised name / id / code -> ids, for lookup()
        self.person_keys: dict[str, tuple[str, ...]] = {}  # person id -> names and shorts, normalised
        self._derived: dict[str, Entity] = {}

    @classmethod
    def load(cls, directory: Path | None = None) -> ActorLexicon:
        folder = directory or LEXICON_DIR
        lex = cls()
        lex._load_roles(folder / "roles.jsonl")
        lex._load_countries(folder / "countries.jsonl")
        lex._load_actors(folder / "actors.jsonl")
        lex._load_people(folder / "people.jsonl")
        lex._load_blockers(folder / "blockers.jsonl")
        return lex

    # --- building -------------------------------------------------------------------------------

    def add_name(self, name: str, term: Term, index_id: str | None = None) -> None:
        keys, pattern = make_pattern(name, term)
        node = self.root
        for key in keys:
            node = node.children.setdefault(key, Node())
        node.patterns.append(pattern)
        node.patterns.sort(key=lambda p: PRIORITY[p.term.kind])
        if index_id is not None:
            self.index.setdefault(norm_phrase(name), set()).add(index_id)

    def _add_entity(self, entity: Entity, names: list[str], isolated: list[str], extra: list[str]) -> None:
        self.entities[entity.id] = entity
        codes = (entity.code,) if entity.code == entity.id else ()  # "PRK" looks up the state only
        for label in (entity.id, *codes, entity.label, entity.label_en, *extra):
            self.index.setdefault(norm_phrase(label), set()).add(entity.id)
        for name in names:
            self.add_name(name, Term("actor", entity.id), entity.id)
        for name in isolated:
            self.add_name(name, Term("actor", entity.id, isolated=True), entity.id)

    def _load_countries(self, path: Path) -> None:
        for line, obj in iter_jsonl(path):
            check_fields(obj, COUNTRY_SPEC, path, line)
            entity = Entity(obj["id"], obj["code"], obj["label"], obj["label_en"], "state",
                            country=obj["code"], wikidata=obj.get("wikidata"), alpha2=obj.get("alpha2"))
            self._add_entity(entity, _names(obj, "names", path, line), [],
                             _names(obj, "names_en", path, line))

    def _load_actors(self, path: Path) -> None:
        extensions = []
        for line, obj in iter_jsonl(path):
            if "add_names" in obj:
                check_fields(obj, EXTEND_SPEC, path, line)
                extensions.append((line, obj))
                continue
            check_fields(obj, ENTITY_SPEC, path, line)
            if obj["type"] not in ACTOR_TYPES:
                raise LexiconError(str(path), line, f"type must be one of {', '.join(ACTOR_TYPES)}")
            entity = Entity(obj["id"], obj["code"], obj["label"], obj["label_en"], obj["type"],
                            obj.get("country"), obj.get("wikidata"), obj.get("short_label"))
            self._add_entity(entity, _names(obj, "names", path, line),
                             _names(obj, "isolated", path, line), _names(obj, "names_en", path, line))
        # After all definitions, states before derived ids ("USA" sets the short label "USA.GOV" uses).
        for line, obj in sorted(extensions, key=lambda pair: ("." in pair[1]["id"], pair[0])):
            self._extend(obj, path, line)

    def _extend(self, obj: dict[str, Any], path: Path, line: int) -> None:
        base = self.entity(obj["id"])
        if base is None:
            raise LexiconError(str(path), line, f"'add_names' for unknown id {obj['id']!r}")
        changes = {k: obj[k] for k in ("label", "label_en", "short_label", "wikidata") if k in obj}
        entity = replace(base, **changes)
        self._add_entity(entity, _names(obj, "add_names", path, line),
                         _names(obj, "isolated", path, line), _names(obj, "names_en", path, line))

    def _load_people(self, path: Path) -> None:
        for person, names, shorts, safe in load_people(path, self._is_code):
            self.people[person.id] = person
            for label in (person.id, person.label, *names, *shorts, *safe):
                self.index.setdefault(norm_phrase(label), set()).add(person.id)
            for name in [*names, *safe]:
                self.add_name(name, Term("person", person.id))
            for name in shorts:
                self.add_name(name, Term("short", person.id))
            self.person_keys[person.id] = tuple(sorted({norm_phrase(n) for n in (*names, *shorts, *safe)}))

    def _is_code(self, code: str) -> bool:
        return any(e.code == code for e in self.entities.values())

    def _load_roles(self, path: Path) -> None:
        for line, obj in iter_jsonl(path):
            kind = obj.get("kind")
            if kind == "suffix":
                check_fields(obj, SUFFIX_SPEC, path, line)
                if obj["type"] not in ACTOR_TYPES:
                    raise LexiconError(str(path), line, f"type must be one of {', '.join(ACTOR_TYPES)}")
                self.suffixes[obj["suffix"]] = Suffix(obj["suffix"], obj["label"], obj["label_en"], obj["type"])
                continue
            if kind not in ("role", "det"):
                raise LexiconError(str(path), line, "kind must be 'suffix', 'role' or 'det'")
            check_fields(obj, ROLE_SPEC, path, line)
            suffix, person = obj.get("suffix"), obj.get("person")
            if suffix is not None and suffix not in self.suffixes:
                raise LexiconError(str(path), line, f"unknown suffix {suffix!r} (define it first)")
            if person not in (None, "is", "of"):
                raise LexiconError(str(path), line, "person must be 'is', 'of' or absent")
            is_open = bool(obj.get("open"))
            if is_open and kind != "role":
                raise LexiconError(str(path), line, "'open' is for kind 'role' only")
            for name in _names(obj, "names", path, line):
                self.add_name(name, Term(kind, suffix, person, open=is_open))

    def _load_blockers(self, path: Path) -> None:
        kinds = {"phrase": "block", "prefix": "prefix", "suffix": "suffix", "clitic": "clitic"}
        for line, obj in iter_jsonl(path):
            check_fields(obj, BLOCKER_SPEC, path, line)
            if obj["kind"] not in kinds:
                raise LexiconError(str(path), line, f"kind must be one of {', '.join(kinds)}")
            for name in _names(obj, "names", path, line):
                if obj["kind"] == "clitic":
                    self.clitics.add(norm_token(name))
                else:
                    self.add_name(name, Term(kinds[obj["kind"]]))

    # --- reading --------------------------------------------------------------------------------

    def belongs_to_state(self, entity: Entity) -> bool:
        """True for a state and for what belongs to one (its government, army, nationals)."""
        return entity.country is not None and entity.code == entity.country

    def entity(self, actor_id: str) -> Entity | None:
        """The entity of an id, including derived ids such as "USA.GOV" (state + suffix)."""
        found = self.entities.get(actor_id) or self._derived.get(actor_id)
        if found is not None or "." not in actor_id:
            return found
        base_id, _, key = actor_id.rpartition(".")
        base, suffix = self.entities.get(base_id), self.suffixes.get(key)
        if base is None or suffix is None or base.type != "state" or "." in base_id:
            return None
        short = base.short_label or base.label
        derived = Entity(actor_id, base.code, suffix.label.format(label=short),
                         suffix.label_en.format(label_en=base.label_en), suffix.type, base.code)
        self._derived[actor_id] = derived
        return derived

