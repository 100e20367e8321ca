"""The data behind kg/clean.py: boilerplate patterns (data/lexicon/boilerplate.jsonl), compiled
once and checked against their own examples, and the publication-date grammar built from the
month and weekday names of data/lexicon/calendar.json.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kg.errors import LexiconError
from kg.lexicon import FieldSpec, cached_json, check_fields, iter_jsonl, lexicon_path

# How each pattern kind is applied: against the whole trimmed line, at its start, or anywhere.
MATCH_MODE = {
    "drop_line": "full",
    "byline": "full",
    "sidebar_label": "full",
    "sidebar_item": "full",
    "lead_prefix": "start",
    "strip_prefix": "start",
    "cut_inline": "search",
}
KINDS = (*MATCH_MODE, "abbreviation")
SPEC: dict[str, FieldSpec] = {
    "kind": (str, True),
    "name": (str, True),
    "pattern": (str, False),
    "values": (list, False),
    "examples": (list, False),
    "counter_examples": (list, False),
    "triggers": (list, False),
    "note": (str, False),
}
TIMEZONES = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00", "gmt": "+00:00", "utc": "+00:00"}
Pattern = re.Pattern[str]
_GLOBAL_FLAGS = re.compile(r"\(\?([aiLmsux]+)\)")


@dataclass(frozen=True)
class Rules:
    """Compiled boilerplate rules: (name, pattern) pairs per kind, and the abbreviation set.

    combined[kind] is one alternation of all patterns of a kind: a single regex call rejects
    the (usual) line that no rule matches, which keeps cleaning fast on huge inputs.
    """

    patterns: dict[str, tuple[tuple[str, Pattern], ...]]
    abbreviations: frozenset[str]
    combined: dict[str, Pattern]
    # cut_inline rules with the lower-case strings one of which a line must contain to be tried:
    # scanning every character of every line with every inline pattern is the slow part otherwise.
    cuts: tuple[tuple[Pattern, tuple[str, ...]], ...] = ()

    def first_match(self, kind: str, line: str) -> str | None:
        """Name of the first rule of kind matching the whole line, else None."""
        if self.combined[kind].fullmatch(line) is None:
            return None
        for name, pattern in self.patterns[kind]:
            if pattern.fullmatch(line):
                return name
        return None


@cache
def load_rules(path: str | None = None) -> Rules:
    """Load and validate boilerplate.jsonl; a bad entry raises LexiconError naming file and line."""
    file = Path(path) if path else lexicon_path("boilerplate.jsonl")
    found: dict[str, list[tuple[str, Pattern]]] = {kind: [] for kind in MATCH_MODE}
    abbreviations: set[str] = set()
    cuts: list[tuple[Pattern, tuple[str, ...]]] = []
    for number, obj in iter_jsonl(file):
        check_fields(obj, SPEC, file, number)
        kind = obj["kind"]
        if kind not in KINDS:
            raise LexiconError(
                str(file), number, f"unknown kind '{kind}' (expected one of {', '.join(KINDS)})"
            )
        if kind == "abbreviation":
            abbreviations.update(_abbreviations(obj, file, number))
        else:
            found[kind].append((obj["name"], _compile(obj, file, number)))
        if kind == "cut_inline":
            cuts.append((found[kind][-1][1], _triggers(obj, file, number)))
    patterns = {k: tuple(v) for k, v in found.items()}
    combined = {k: _combine([p for _, p in v]) for k, v in patterns.items()}
    return Rules(patterns, frozenset(abbreviations), combined, tuple(cuts))


def _triggers(obj: dict[str, Any], file: Path, number: int) -> tuple[str, ...]:
    triggers = obj.get("triggers") or []
    if not all(isinstance(t, str) and t and t == t.lower() for t in triggers):
        raise LexiconError(str(file), number, "'triggers' must be non-empty lower-case strings")
    for example in obj.get("examples") or []:
        if triggers and not any(t in example.lower() for t in triggers):
            raise LexiconError(str(file), number, f"example {example!r} contains none of the triggers")
    return tuple(triggers)


def _combine(patterns: list[Pattern]) -> Pattern:
    """One alternation of patterns; a leading global flag group "(?i)" becomes a scoped "(?i:...)"."""
    parts = []
    for pattern in patterns:
        flags = _GLOBAL_FLAGS.match(pattern.pattern)
        if flags:
            parts.append(f"(?{flags.group(1)}:{pattern.pattern[flags.end() :]})")
        else:
            parts.append(f"(?:{pattern.pattern})")
    return re.compile("|".join(parts) or "(?!)")


def _abbreviations(obj: dict[str, Any], file: Path, number: int) -> list[str]:
    values = obj.get("values")
    if not values or not all(isinstance(v, str) and v and " " not in v for v in values):
        raise LexiconError(str(file), number, "abbreviation needs 'values': a list of words without spaces")
    return [v.rstrip(".") for v in values]


def _compile(obj: dict[str, Any], file: Path, number: int) -> Pattern:
    source = obj.get("pattern")
    if not source:
        raise LexiconError(str(file), number, f"kind '{obj['kind']}' needs a 'pattern'")
    if _GLOBAL_FLAGS.search(source, 1):
        raise LexiconError(str(file), number, "flags like (?i) only at the start, or scoped as (?i:...)")
    try:
        pattern = re.compile(source)
    except re.error as exc:
        raise LexiconError(str(file), number, f"bad regular expression ({exc})") from None
    test = _tester(pattern, MATCH_MODE[obj["kind"]])
    for example in obj.get("examples") or []:
        if not test(example):
            raise LexiconError(str(file), number, f"pattern does not match its example {example!r}")
    for example in obj.get("counter_examples") or []:
        if test(example):
            raise LexiconError(str(file), number, f"pattern matches its counter-example {example!r}")
    return pattern


def _tester(pattern: Pattern, mode: str) -> Callable[[str], bool]:
    if mode == "full":
        return lambda text: pattern.fullmatch(text.strip()) is not None
    if mode == "start":
        return lambda text: pattern.match(text) is not None
    return lambda text: pattern.search(text) is not None


# --- publication dates ------------------------------------------------------------------------


@dataclass(frozen=True)
class DateGrammar:
    dateline: Pattern  # a whole dateline: weekday, date, time, zone, then an optional tail
    months: dict[str, int]


@cache
def date_grammar() -> DateGrammar:
    calendar = cached_json(str(lexicon_path("calendar.json")))
    months: dict[str, int] = {str(k).lower(): int(v) for k, v in calendar["months"].items()}
    weekdays = [str(k).lower() for k in calendar["weekdays"]]
    month_alt = "|".join(re.escape(m) for m in sorted(months, key=lambda m: (-len(m), m)))
    weekday_alt = "|".join(re.escape(w) for w in sorted(weekdays, key=lambda w: (-len(w), w)))
    source = (
        r"(?:(?:diterbitkan|dipublikasikan|diposting|dirilis|terbit|published|posted)(?:\s+(?:pada|on))?\s*:?\s*)?"
        rf"(?:(?:{weekday_alt})\s*,?\s*)?"
        rf"(?:(?P<d>\d{{1,2}})\s+(?P<mon>{month_alt})\.?\s+(?P<y>\d{{4}})"
        r"|(?P<nd>\d{1,2})[/.-](?P<nm>\d{1,2})[/.-](?P<ny>\d{4})"
        r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
        r"(?:\s*[|,\-\u2013\u2014]?\s*(?:pukul\s+)?(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:[:.]\d{2})?"
        r"(?:\s*(?P<tz>wita|wib|wit|gmt|utc))?)?"
        r"(?P<tail>.*)"
    )
    return DateGrammar(re.compile(source, re.IGNORECASE | re.DOTALL), months)


def parse_dateline(line: str, rules: Rules) -> str | None:
    """The ISO publication date a dateline line states ("KAMIS, 31 AGUSTUS 2023 | 14:09 WIB"), else None.

    The line must be nothing but the date (with time, zone and an optional byline tail), so a
    sentence that merely mentions a date is never taken for a dateline.
    """
    grammar = date_grammar()
    match = grammar.dateline.fullmatch(line.strip())
    if match is None or not _dateline_tail(match.group("tail"), rules):
        return None
    day, month, year = _day_month_year(match, grammar.months)
    return iso_datetime(year, month, day, match.group("H"), match.group("M"), match.group("tz"))


def _day_month_year(match: re.Match[str], months: dict[str, int]) -> tuple[int, int, int]:
    if match.group("d"):
        return int(match.group("d")), months[match.group("mon").lower()], int(match.group("y"))
    if match.group("nd"):
        return int(match.group("nd")), int(match.group("nm")), int(match.group("ny"))
    return int(match.group("id")), int(match.group("im")), int(match.group("iy"))


def _dateline_tail(tail: str, rules: Rules) -> bool:
    rest = tail.strip()
    if not rest:
        return True
    if rest[0] not in "|,-\u2013\u2014\u2022\u00b7/":
        return False
    rest = rest.lstrip("|,-\u2013\u2014\u2022\u00b7/ \t")
    if not rest or rules.first_match("byline", rest):
        return True
    return len(rest) <= 60 and not re.search(r"[.!?]", rest)


def iso_datetime(
    year: int,
    month: int,
    day: int,
    hour: str | None = None,
    minute: str | None = None,
    zone: str | None = None,
    second: str | None = None,
) -> str | None:
    """ISO 8601 for a calendar date with an optional time and zone (WIB/WITA/WIT/UTC or +hh:mm)."""
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    if hour is None or minute is None:
        return date.isoformat()
    if int(hour) > 23 or int(minute) > 59 or int(second or 0) > 59:
        return None
    offset = TIMEZONES.get(zone.lower(), zone) if zone else ""
    return f"{date.isoformat()}T{int(hour):02d}:{int(minute):02d}:{int(second or 0):02d}{offset}"


_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?",
    re.IGNORECASE,
)
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def normalise_metadata_date(value: str, rules: Rules) -> tuple[str | None, str | None]:
    """(ISO date or None, warning or None) for a date given as metadata.

    Accepts ISO 8601 ("2023-08-31", "2023-08-31T14:09:00+07:00", "... Z"), slashed dates
    ("31/08/2023", "10/20/2025 10:38") and Indonesian written dates ("31 Agustus 2023").
    """
    text = value.strip()
    match = _ISO.fullmatch(text)
    if match:
        y, mo, d, hh, mm, ss, zone = match.groups()
        iso = iso_datetime(int(y), int(mo), int(d), hh, mm, _zone(zone), ss)
        return (iso, None) if iso else (None, f"invalid metadata date {text[:40]!r}")
    match = _SLASHED.fullmatch(text)
    if match:
        return _slashed_date(match, text)
    iso = parse_dateline(text, rules)
    if iso:
        return iso, None
    return None, f"unreadable metadata date {text[:40]!r}"


def _zone(zone: str | None) -> str | None:
    if zone is None:
        return None
    if zone.upper() == "Z":
        return "+00:00"
    return zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"


def _slashed_date(match: re.Match[str], text: str) -> tuple[str | None, str | None]:
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    warning = None
    if first > 12:
        day, month = first, second
    elif second > 12:
        month, day = first, second
    else:
        # Both orders are possible. Metadata exports seen so far write month first (US style,
        # "10/20/2025 10:38"); datelines in article text are read day first instead.
        month, day = first, second
        warning = f"ambiguous metadata date {text[:40]!r} read as month/day/year"
    iso = iso_datetime(year, month, day, match.group(4), match.group(5), None, match.group(6))
    return (iso, warning) if iso else (None, f"invalid metadata date {text[:40]!r}")
