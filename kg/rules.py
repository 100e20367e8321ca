"""Event patterns and word lists from data/lexicon/, validated and compiled once per process.

A rule names its trigger by root (expanded through kg.morph) or by literal words, the CAMEO code it
yields, and how its arguments are found (target prepositions, genitive role, inverted or symmetric).
The compiled form is a dict from a trigger's first token to candidate rules, so matching a sentence
costs one look-up per token.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg import morph
from kg.errors import LexiconError
from kg.lexicon import LEXICON_DIR, check_fields, load_json, load_jsonl
from kg.model import ACTOR_TYPES, EventType

RULE_FIELDS: dict[str, Any] = {
    "id": (str, True),
    "cameo": (str, True),
    "roots": (list, False),
    "affixes": (list, False),
    "words": (list, False),
    "voice": (str, False),
    "object": (str, False),
    "object_window": (int, False),
    "object_after_target": (bool, False),
    "before": (str, False),
    "before_window": (int, False),
    "target": (list, False),
    "target_window": (int, False),
    "direct_window": (int, False),
    "source_prep": (list, False),
    "genitive": (str, False),
    "subject": (str, False),
    "symmetric": (bool, False),
    "reciprocal": (bool, False),
    "dyad": (bool, False),
    "between": (bool, False),
    "qualifiers": (dict, False),
    "priority": (int, False),
    "not_after": (str, False),
    "unless": (str, False),
    "source_types": (list, False),
    "target_types": (list, False),
    "location_agent": (bool, False),
    "converse": (str, False),
    "note": (str, False),
}
CAMEO_FIELDS: dict[str, Any] = {
    "cameo": (str, True),
    "label": (str, True),
    "goldstein": (float, True),
    "plover": (str, True),
    "quad_class": (int, True),
}
VOICES = ("active", "passive", "noun", "intransitive", "base")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    cameo: str
    phrases: tuple[tuple[tuple[str, ...], str], ...]  # (token sequence, voice)
    object: str | None = None  # word set that must follow the trigger
    object_window: int = 5
    object_after_target: bool = False  # the object word set may follow the target ("menyebut X sebagai teroris")
    before: str | None = None  # word set that must precede the trigger
    before_window: int = 4
    target: tuple[str, ...] = ()  # prepositions introducing the target; "" direct object; "*" any
    target_window: int = 14
    direct_window: int | None = None  # how far a bare direct object may stand (default: extraction.json)
    source_prep: tuple[str, ...] = ()  # inverted rules: the source follows one of these
    genitive: str | None = None  # role of an actor right after a nominal (or base) trigger: source|target
    subject: str = "nearest"  # nearest: nearest actor not governed by a preposition; any: nearest actor
    symmetric: bool = False  # "antara X dan Y" / a coordinated subject without target: both directions
    reciprocal: bool = False  # a meeting, talks, a clash: X with Y is also Y with X
    dyad: bool = False  # "perang Israel-Iran": a hyphenated pair after the noun are its two parties
    between: bool = False  # "menengahi antara X dan Y": each party between which it acts is a target
    qualifiers: tuple[tuple[str, str], ...] = ()  # (word set, cameo) refining the code by the object
    priority: int = 0
    not_after: str | None = None  # word set that, right before the trigger, cancels it
    unless: str | None = None  # word set that, within two tokens after the trigger, cancels it
    source_types: tuple[str, ...] = ()  # actor types the source must have (empty: any)
    target_types: tuple[str, ...] = ()  # actor types the target must have (empty: any)
    location_agent: bool = False  # a passive without agent: the state where it happened ("ditahan di Turki")
    converse: str | None = None  # CAMEO code of the same event seen from the target (host -> visit)


@dataclass(frozen=True, slots=True)
class RuleSet:
    rules: tuple[Rule, ...]
    index: dict[str, tuple[tuple[Rule, tuple[str, ...], str], ...]]  # first token -> (rule, phrase, voice)
    wordsets: dict[str, frozenset[str]]
    multiword: dict[str, tuple[tuple[str, ...], ...]]  # word set -> its multi-token entries
    cameo: dict[str, EventType]
    settings: dict[str, Any]  # extraction.json: windows, actor-type policy, topic filter

    def event_type(self, code: str) -> EventType:
        return self.cameo[code]


def _load_cameo(path: Path) -> dict[str, EventType]:
    table = {}
    for entry in load_jsonl(path, CAMEO_FIELDS):
        table[entry["cameo"]] = EventType(
            entry["cameo"], entry["label"], entry["plover"], entry["quad_class"], entry["goldstein"]
        )
    return table


def _load_wordsets(path: Path) -> dict[str, list[str]]:
    data = load_json(path)
    if not isinstance(data, dict):
        raise LexiconError(str(path), None, "expected an object of word lists")
    out = {}
    for name, words in data.items():
        if name.startswith("_"):
            continue
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise LexiconError(str(path), None, f"word set '{name}' should be a list of non-empty strings")
        out[name] = [w.lower() for w in words]
    return out


def _phrases(entry: dict[str, Any], path: Path, line: int) -> list[tuple[tuple[str, ...], str]]:
    phrases: list[tuple[tuple[str, ...], str]] = []
    affixes = tuple(entry.get("affixes") or morph.DEFAULT_AFFIXES)
    for root in entry.get("roots") or []:
        try:
            surfaces = morph.forms(root, affixes)
        except ValueError as exc:
            raise LexiconError(str(path), line, str(exc)) from None
        phrases.extend(((s,), voice) for s, voice in surfaces.items())
    voice = entry.get("voice", "active")
    if voice not in VOICES:
        raise LexiconError(str(path), line, f"voice must be one of {', '.join(VOICES)}")
    for word in entry.get("words") or []:
        phrases.append((tuple(word.lower().split()), voice))
    # A nominal trigger also takes the possessive: "kunjungannya", "lawatannya ke Arab Saudi".
    phrases.extend(
        ((p[0] + "nya",), v) for p, v in list(phrases) if v == "noun" and len(p) == 1 and not p[0].endswith("nya")
    )
    # "pasca" is written joined to the noun it governs: "pascaserangan", "pascakunjungan"
    phrases.extend(((f"pasca{p[0]}",), v) for p, v in list(phrases) if v == "noun" and len(p) == 1)
    if not phrases:
        raise LexiconError(str(path), line, "a rule needs 'roots' or 'words'")
    return phrases


def _compile_rule(entry: dict[str, Any], path: Path, line: int, known: set[str], sets: set[str]) -> Rule:
    for key in ("cameo", "converse"):
        if key in entry and entry[key] not in known:
            raise LexiconError(str(path), line, f"unknown CAMEO code {entry[key]!r} (see cameo.jsonl)")
    for key in ("object", "before", "not_after", "unless"):
        if entry.get(key) and entry[key] not in sets:
            raise LexiconError(str(path), line, f"'{key}' names unknown word set {entry[key]!r}")
    qualifiers = tuple(sorted((entry.get("qualifiers") or {}).items()))
    for name, code in qualifiers:
        if name not in sets or code not in known:
            raise LexiconError(str(path), line, f"bad qualifier {name!r}: {code!r}")
    if entry.get("genitive") not in (None, "source", "target"):
        raise LexiconError(str(path), line, "genitive must be 'source' or 'target'")
    if entry.get("subject", "nearest") not in ("nearest", "any"):
        raise LexiconError(str(path), line, "subject must be 'nearest' or 'any'")
    for field in ("source_types", "target_types"):
        bad = [t for t in entry.get(field) or [] if t not in ACTOR_TYPES]
        if bad:
            raise LexiconError(str(path), line, f"{field}: unknown actor type {bad[0]!r} (one of {', '.join(ACTOR_TYPES)})")
    return Rule(
        id=entry["id"],
        cameo=entry["cameo"],
        phrases=tuple(_phrases(entry, path, line)),
        object=entry.get("object"),
        object_window=entry.get("object_window", 5),
        object_after_target=bool(entry.get("object_after_target", False)),
        before=entry.get("before"),
        before_window=entry.get("before_window", 4),
        target=tuple(entry.get("target") or ()),
        target_window=entry.get("target_window", 14),
        direct_window=entry.get("direct_window"),
        source_prep=tuple(entry.get("source_prep") or ()),
        genitive=entry.get("genitive"),
        subject=entry.get("subject", "nearest"),
        symmetric=bool(entry.get("symmetric", False)),
        dyad=bool(entry.get("dyad", False)),
        between=bool(entry.get("between", False)),
        reciprocal=bool(entry.get("reciprocal", False)),
        qualifiers=qualifiers,
        priority=entry.get("priority", 0),
        not_after=entry.get("not_after"),
        unless=entry.get("unless"),
        source_types=tuple(entry.get("source_types") or ()),
        target_types=tuple(entry.get("target_types") or ()),
        location_agent=bool(entry.get("location_agent", False)),
        converse=entry.get("converse"),
    )


SETTINGS_INT = (
    "subject_window", "noun_subject_window", "direct_window", "group_source_min_root", "private_target_max_root",
    "threat_window", "hosted_window", "pledge_window",
)


def _load_settings(path: Path) -> dict[str, Any]:
    data = load_json(path)
    if not isinstance(data, dict):
        raise LexiconError(str(path), None, "expected a JSON object")
    for key in SETTINGS_INT:
        if not isinstance(data.get(key), int):
            raise LexiconError(str(path), None, f"'{key}' should be an integer")
    topics = data.get("topics")
    if not isinstance(topics, dict) or not isinstance(topics.get("min_distinct"), int):
        raise LexiconError(str(path), None, "'topics' needs 'min_distinct' and word lists")
    lists = {k: v for k, v in topics.items() if not k.startswith("_") and k != "min_distinct"}
    for name, words in lists.items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise LexiconError(str(path), None, f"topics.{name} should be a list of words")
    settings: dict[str, Any] = {k: data[k] for k in SETTINGS_INT}
    if not isinstance(data.get("threat_cameo"), str):
        raise LexiconError(str(path), None, "'threat_cameo' should be a CAMEO code string")
    settings["threat_cameo"] = data["threat_cameo"]
    threat_codes = data.get("threat_codes", {})
    if not isinstance(threat_codes, dict) or not all(
        isinstance(k, str) and len(k) == 2 and k.isdigit() and isinstance(v, str) and v.startswith("13") and v.isdigit()
        for k, v in threat_codes.items()
    ):
        raise LexiconError(str(path), None, "'threat_codes' should map two-digit CAMEO roots to 13x codes")
    settings["threat_codes"] = dict(threat_codes)
    pledge = data.get("pledge_codes")
    if not isinstance(pledge, dict) or not all(
        isinstance(k, str) and k.isdigit() and isinstance(v, str) and v.startswith("03") and v.isdigit()
        for k, v in pledge.items()
    ):
        raise LexiconError(str(path), None, "'pledge_codes' should map CAMEO codes or roots to 03x codes")
    settings["pledge_codes"] = dict(pledge)
    roots_keys = (
        "object_agent_roots", "speech_act_roots", "mutual_roots", "fronted_noun_roots", "helped_roots", "casualty_roots",
        "shared_partner_roots", "hosted_roots", "experienced_roots", "owned_object_roots", "distant_patient_roots",
    )
    for key in roots_keys:
        roots = data.get(key)
        if not isinstance(roots, list) or not all(isinstance(r, str) and len(r) == 2 and r.isdigit() for r in roots):
            raise LexiconError(str(path), None, f"'{key}' should be a list of two-digit CAMEO roots")
        settings[key] = frozenset(roots)
    part = data.get("participants")
    if (
        not isinstance(part, dict)
        or not isinstance(part.get("reach"), int)
        or not all(isinstance(part.get(k), list) and all(isinstance(w, str) and w.strip() for w in part[k])
                   for k in ("origin", "remainder", "group_heads", "renaming"))
    ):
        raise LexiconError(
            str(path), None, "'participants' needs 'reach' and word lists 'origin', 'remainder', 'group_heads', 'renaming'"
        )
    settings["participants"] = {
        "reach": part["reach"],
        **{k: tuple(w.lower() for w in part[k]) for k in ("origin", "remainder", "group_heads", "renaming")},
    }
    settings["min_distinct"] = topics["min_distinct"]
    settings["topics"] = {name: tuple(w.lower() for w in words) for name, words in sorted(lists.items())}
    return settings


def load_rules(directory: Path | None = None) -> RuleSet:
    directory = directory or LEXICON_DIR
    cameo = _load_cameo(directory / "cameo.jsonl")
    raw_sets = _load_wordsets(directory / "wordsets.json")
    path = directory / "events.jsonl"
    rules: list[Rule] = []
    seen: set[str] = set()
    for line, entry in _numbered(path):
        check_fields(entry, RULE_FIELDS, path, line)
        if entry["id"] in seen:
            raise LexiconError(str(path), line, f"duplicate rule id {entry['id']!r}")
        seen.add(entry["id"])
        rules.append(_compile_rule(entry, path, line, set(cameo), set(raw_sets)))
    index: dict[str, list[tuple[Rule, tuple[str, ...], str]]] = {}
    for rule in rules:
        for phrase, voice in rule.phrases:
            index.setdefault(phrase[0], []).append((rule, phrase, voice))
    wordsets = {name: frozenset(w for w in words if " " not in w) for name, words in raw_sets.items()}
    multiword = {
        name: tuple(sorted({tuple(w.split()) for w in words if " " in w}, key=lambda p: (-len(p), p)))
        for name, words in raw_sets.items()
    }
    return RuleSet(
        rules=tuple(rules),
        index={k: tuple(sorted(v, key=lambda c: (-len(c[1]), -c[0].priority, c[0].id))) for k, v in index.items()},
        wordsets=wordsets,
        multiword=multiword,
        cameo=cameo,
        settings=_load_settings(directory / "extraction.json"),
    )


def _numbered(path: Path) -> list[tuple[int, dict[str, Any]]]:
    from kg.lexicon import iter_jsonl

    return list(iter_jsonl(path))


@lru_cache(maxsize=4)
def default_rules(directory: str | None = None) -> RuleSet:
    return load_rules(Path(directory) if directory else None)
