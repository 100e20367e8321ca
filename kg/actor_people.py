"""People with dated roles (data/lexicon/people.jsonl): who a person speaks for on a given day.

A person rolls up to the code of the role active at the article date, else the latest role that
had begun by then, else their first role, else their nationality.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import LexiconError
from kg.lexicon import FieldSpec, check_fields, iter_jsonl

PERSON_SPEC: dict[str, FieldSpec] = {
    "id": (str, True), "label": (str, True), "label_en": (str, False), "names": (list, True),
    "short": (list, False), "short_safe": (list, False), "roles": (list, False),
    "nationality": (str, False), "wikidata": (str, False), "note": (str, False),
}
ROLE_SPEC: dict[str, FieldSpec] = {
    "code": (str, True), "role": (str, True), "from": (str, True), "to": (str, False),
}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ID = re.compile(r"^PER\.[a-z0-9_]+$")


@dataclass(frozen=True, slots=True)
class Role:
    code: str
    role: str
    start: str  # YYYY-MM-DD, inclusive
    end: str | None  # YYYY-MM-DD, exclusive; None = still holds it


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    label: str
    label_en: str
    roles: tuple[Role, ...]
    nationality: str | None = None
    wikidata: str | None = None

    def code_at(self, when: str | None) -> str | None:
        """The code this person speaks for on `when` (YYYY-MM-DD), or by default."""
        if not self.roles:
            return self.nationality
        if when is None:
            return max(self.roles, key=lambda r: r.start).code
        active = [r for r in self.roles if r.start <= when and (r.end is None or when < r.end)]
        if active:
            return max(active, key=lambda r: r.start).code
        begun = [r for r in self.roles if r.start <= when]
        return max(begun, key=lambda r: r.start).code if begun else self.roles[0].code

    def active_at(self, when: str | None) -> bool:
        """Does this person hold one of their roles on `when`?"""
        return when is not None and any(r.start <= when and (r.end is None or when < r.end) for r in self.roles)

    def codes(self) -> tuple[str, ...]:
        found = [r.code for r in self.roles] + ([self.nationality] if self.nationality else [])
        return tuple(dict.fromkeys(found))


def _day(value: str, end: bool) -> str:
    """Complete a YYYY or YYYY-MM date to a day: the first day, or the day after the period."""
    parts = value.split("-")
    if len(parts) == 3:
        return value
    if len(parts) == 1:
        return f"{int(value) + 1:04d}-01-01" if end else f"{value}-01-01"
    year, month = int(parts[0]), int(parts[1])
    if not end:
        return f"{value}-01"
    return f"{year + 1:04d}-01-01" if month == 12 else f"{year:04d}-{month + 1:02d}-01"


def _role(obj: Any, path: Path, line: int, is_code: Callable[[str], bool]) -> Role:
    if not isinstance(obj, dict):
        raise LexiconError(str(path), line, f"each role must be an object, got {obj!r}")
    check_fields(obj, ROLE_SPEC, path, line)
    for key in ("from", "to"):
        if key in obj and not _DATE.match(obj[key]):
            raise LexiconError(str(path), line, f"role '{key}' must be YYYY[-MM[-DD]], got {obj[key]!r}")
    if not is_code(obj["code"]):
        raise LexiconError(str(path), line, f"role code {obj['code']!r} is not a known actor code")
    end = _day(obj["to"], True) if "to" in obj else None
    return Role(obj["code"], obj["role"], _day(obj["from"], False), end)


def _strings(obj: dict[str, Any], key: str, path: Path, line: int) -> list[str]:
    values = obj.get(key) or []
    if not all(isinstance(v, str) and v.strip() for v in values):
        raise LexiconError(str(path), line, f"'{key}' must be a list of non-empty strings")
    return list(values)


def load_people(
    path: Path, is_code: Callable[[str], bool]
) -> Iterator[tuple[Person, list[str], list[str], list[str]]]:
    """Yield (person, full names, memory-only short names, always-safe short names)."""
    seen: set[str] = set()
    for line, obj in iter_jsonl(path):
        check_fields(obj, PERSON_SPEC, path, line)
        if not _ID.match(obj["id"]) or obj["id"] in seen:
            raise LexiconError(str(path), line, f"id must be a new 'PER.lower_case' id, got {obj['id']!r}")
        seen.add(obj["id"])
        nationality = obj.get("nationality")
        if nationality is not None and not is_code(nationality):
            raise LexiconError(str(path), line, f"nationality {nationality!r} is not a known code")
        roles = tuple(_role(r, path, line, is_code) for r in obj.get("roles") or [])
        if not roles and nationality is None:
            raise LexiconError(str(path), line, "a person needs 'roles' or a 'nationality'")
        person = Person(obj["id"], obj["label"], obj.get("label_en") or obj["label"], roles,
                        nationality, obj.get("wikidata"))
        names, short, safe = (_strings(obj, key, path, line) for key in ("names", "short", "short_safe"))
        if not (names or short or safe):
            raise LexiconError(str(path), line, "a person needs at least one name")
        yield person, names, short, safe
