"""The Indonesian date words of data/lexicon/dates.json and calendar.json, checked on load.

A bad entry raises LexiconError naming the file and the line of the offending key or word, so a data
change can be fixed without reading kg/dates.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from kg.errors import LexiconError
from kg.lexicon import lexicon_path, load_json

DIRECTIONS = ("past", "this", "future", "later", "ahead")
UNITS = ("day", "week", "month", "year")
_APOSTROPHES = str.maketrans({"’": "'", "`": "'", "‘": "'"})


def norm(text: str | None) -> str:
    """Lower-case, single-spaced, one apostrophe: the form the lexicon keys are written in."""
    return " ".join((text or "").lower().translate(_APOSTROPHES).split())


@dataclass(frozen=True)
class DateWords:
    """Validated date vocabulary; every key lower-case (see `norm`)."""

    months: dict[str, int]
    abbreviations: tuple[str, ...]
    weekdays: dict[str, int]
    context_words: tuple[str, ...]
    range_openers: tuple[str, ...]
    range_separators: tuple[str, ...]
    list_separators: tuple[str, ...]
    window_openers: tuple[str, ...]
    heads: dict[str, tuple[str, ...]]
    numbers: dict[str, int]
    number_teens: str
    number_tens: str
    se_prefix: str
    vague_quantities: tuple[str, ...]
    units: dict[str, tuple[str, int]]
    directions: dict[str, str]  # word -> one of DIRECTIONS
    relative_days: dict[str, int]
    not_after_relative_day: tuple[str, ...]
    vague_expressions: tuple[str, ...]
    anaphoric_expressions: tuple[str, ...]  # "saat itu": the time the text spoke of last
    anaphoric_reach: int  # how many sentences back that time may have been given
    statement_reach: int  # how many sentences a quote may follow the statements it dates (kg/restate.py)
    occasion_reach: int  # how many sentences after a dated event the same two parties' undated acts share its day
    after_act_prepositions: tuple[str, ...]  # "Selepas mendarat di X, ...": see kg/frames.py date_after_act
    anaphoric_shifts: dict[str, int]  # "sehari sebelumnya": the day the text spoke of last, shifted (-1)
    frame_prepositions: tuple[str, ...]  # "dalam pertemuan itu": see kg/frames.py
    demonstratives: tuple[str, ...]
    occasion_nouns: tuple[str, ...]  # "dalam kesempatan itu" points at the occasion just told of
    statement_nouns: tuple[str, ...]  # "Pernyataan itu disampaikan, Senin": see kg/restate.py
    restate_not_between: tuple[str, ...]
    restate_start_verbs: tuple[str, ...]
    since_words: tuple[str, ...]
    parts: dict[str, tuple[float, float]]
    week_days: dict[str, tuple[int, int]]  # "akhir pekan" -> (5, 6), "awal pekan" -> (0, 0)
    parts_of_day: tuple[str, ...]
    market_days: tuple[str, ...]
    future_markers: tuple[str, ...]
    clause_breaks: tuple[str, ...]
    future_cue_chars: int
    citation_words: tuple[str, ...]
    weekday_place_words: tuple[str, ...]
    periods: dict[str, int]
    ordinals: dict[str, int]
    not_after_year: tuple[str, ...]
    not_after_weekday: tuple[str, ...]

    @property
    def prepositions(self) -> frozenset[str]:
        return frozenset(self.context_words + self.range_openers + self.window_openers)

    def month(self, word: str) -> int:
        return self.months[norm(word).rstrip(".")]

    def weekday(self, word: str) -> int:
        return self.weekdays[norm(word)]

    def direction(self, word: str) -> str:
        return self.directions[norm(word)]

    def part(self, word: str | None) -> tuple[float, float] | None:
        return self.parts[norm(word)] if word else None

    def ordinal(self, word: str) -> int:
        """The value of "3", "ketiga", "III"; ValueError for a word the case-blind pattern matched
        but that lower-cases to no ordinal ("İ" -> "i̇")."""
        key = norm(word)
        if key.isdigit():
            return int(key)
        if key not in self.ordinals:
            raise ValueError(f"not an ordinal: {word!r}")
        return self.ordinals[key]

    def number(self, text: str) -> int | None:
        """The value of "3", "tiga", "dua belas", "dua puluh lima"; None for vague amounts."""
        tokens = norm(text).split()
        if tokens[0].isdigit():
            return int(tokens[0])
        if tokens[0] in self.vague_quantities:
            return None
        value = self.numbers[tokens[0]]
        if len(tokens) == 1:
            return value
        if tokens[1] == self.number_teens:
            return 10 + value
        return value * 10 + (self.numbers[tokens[2]] if len(tokens) > 2 else 0)


def load_date_words(directory: Path | None = None) -> DateWords:
    """Load and check dates.json and calendar.json from `directory` (default data/lexicon)."""
    calendar = _Checker(lexicon_path("calendar.json", directory))
    dates = _Checker(lexicon_path("dates.json", directory))
    months = calendar.int_map("months", 1, 12)
    abbreviations = dates.words("month_abbreviations")
    for word in abbreviations:
        if word not in months:
            dates.fail(word, f"abbreviation '{word}' is not a month name of calendar.json")
    return DateWords(
        months=months,
        abbreviations=abbreviations,
        weekdays=calendar.int_map("weekdays", 0, 6),
        context_words=dates.words("context_words"),
        range_openers=dates.words("range_openers"),
        range_separators=dates.words("range_separators"),
        list_separators=dates.words("list_separators"),
        window_openers=dates.words("window_openers"),
        heads=dates.heads(),
        numbers=dates.int_map("numbers", 1, 1000),
        number_teens=dates.word("number_teens"),
        number_tens=dates.word("number_tens"),
        se_prefix=dates.word("se_prefix"),
        vague_quantities=dates.words("vague_quantities"),
        units=dates.units(),
        directions=dates.directions(),
        relative_days=dates.int_map("relative_days", -7, 7),
        not_after_relative_day=dates.words("not_after_relative_day"),
        vague_expressions=dates.words("vague_expressions"),
        anaphoric_expressions=dates.words("anaphoric_expressions"),
        anaphoric_reach=dates.integer("anaphoric_reach", 0, 10),
        statement_reach=dates.integer("statement_reach", 0, 10),
        occasion_reach=dates.integer("occasion_reach", 0, 10),
        after_act_prepositions=dates.words("after_act_prepositions"),
        anaphoric_shifts=dates.int_map("anaphoric_shifts", -31, 31),
        frame_prepositions=dates.words("frame_prepositions"),
        demonstratives=dates.words("demonstratives"),
        occasion_nouns=dates.words("occasion_nouns"),
        statement_nouns=dates.words("statement_nouns"),
        restate_not_between=dates.words("restate_not_between"),
        restate_start_verbs=dates.words("restate_start_verbs"),
        since_words=dates.words("since_words"),
        parts=dates.fractions("parts"),
        week_days=dates.week_days(),
        parts_of_day=dates.words("parts_of_day"),
        market_days=dates.words("market_days"),
        future_markers=dates.words("future_markers"),
        clause_breaks=dates.words("clause_breaks"),
        future_cue_chars=dates.integer("future_cue_chars", 1, 200),
        citation_words=dates.words("citation_words"),
        weekday_place_words=dates.words("weekday_place_words"),
        periods=dates.int_map("periods", 1, 12),
        ordinals=dates.int_map("ordinals", 1, 12),
        not_after_year=dates.words("not_after_year"),
        not_after_weekday=dates.words("not_after_weekday"),
    )


class _Checker:
    """Reads one JSON lexicon and checks its entries, reporting the line of a bad key or word."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = load_json(path)
        self.lines = path.read_text(encoding="utf-8").splitlines()
        if not isinstance(self.data, dict):
            raise LexiconError(str(path), 1, "expected a JSON object")

    def fail(self, token: str, message: str, after: str | None = None) -> NoReturn:
        raise LexiconError(str(self.path), self._line_of(token, after), message)

    def _line_of(self, token: str, after: str | None) -> int | None:
        """The line where `"token"` first occurs (after the line of key `after`, if given)."""
        start = (self._line_of(after, None) or 1) - 1 if after else 0
        needle = f'"{token}"'
        for number in range(start, len(self.lines)):
            if needle in self.lines[number]:
                return number + 1
        return None

    def get(self, key: str, kind: type, sub: str | None = None) -> Any:
        value = self.data.get(key)
        if sub is not None:
            value = value.get(sub) if isinstance(value, dict) else None
        if not isinstance(value, kind) or not value:
            name = f"{key}.{sub}" if sub else key
            self.fail(sub or key, f"'{name}' should be a non-empty {kind.__name__}", key)
        return value

    def word(self, key: str) -> str:
        return self.phrase(key, self.get(key, str))

    def phrase(self, key: str, text: Any) -> str:
        if not isinstance(text, str) or not text.strip() or text != norm(text):
            self.fail(str(text), f"'{key}': {text!r} should be a non-empty lower-case phrase", key)
        return text

    def words(self, key: str, sub: str | None = None) -> tuple[str, ...]:
        items = self.get(key, list, sub)
        seen: set[str] = set()
        for item in items:
            self.phrase(key, item)
            if item in seen:
                self.fail(item, f"'{key}': {item!r} is listed twice", key)
            seen.add(item)
        return tuple(items)

    def integer(self, key: str, low: int, high: int) -> int:
        value = self.data.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(key, f"'{key}' should be an integer {low}..{high}, got {value!r}")
        return value

    def int_map(self, key: str, low: int, high: int) -> dict[str, int]:
        mapping: Mapping[str, Any] = self.get(key, dict)
        for word, value in mapping.items():
            self.phrase(key, word)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                self.fail(word, f"'{key}.{word}' should be an integer {low}..{high}, got {value!r}", key)
        return dict(mapping)

    def heads(self) -> dict[str, tuple[str, ...]]:
        return {kind: self.words("heads", kind) for kind in ("day", "date", "month", "year")}

    def units(self) -> dict[str, tuple[str, int]]:
        units: dict[str, tuple[str, int]] = {}
        for word, spec in self.get("units", dict).items():
            self.phrase("units", word)
            ok = isinstance(spec, dict) and sorted(spec) == ["n", "unit"]
            if not ok or spec["unit"] not in UNITS or not isinstance(spec["n"], int) or spec["n"] < 1:
                self.fail(word, f'\'units.{word}\' should be {{"unit": one of {UNITS}, "n": >= 1}}', "units")
            units[word] = (spec["unit"], spec["n"])
        return units

    def directions(self) -> dict[str, str]:
        table: dict[str, str] = {}
        given = self.get("directions", dict)
        for kind in sorted(set(given) - set(DIRECTIONS)):
            self.fail(kind, f"unknown direction '{kind}' (expected one of {DIRECTIONS})", "directions")
        for kind in DIRECTIONS:
            for word in self.words("directions", kind):
                if word in table:
                    self.fail(word, f"direction word '{word}' is listed twice", "directions")
                table[word] = kind
        return table

    def fractions(self, key: str) -> dict[str, tuple[float, float]]:
        parts: dict[str, tuple[float, float]] = {}
        for word, pair in self.get(key, dict).items():
            self.phrase(key, word)
            ok = isinstance(pair, list) and len(pair) == 2
            ok = ok and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in pair)
            if not ok or not 0 <= pair[0] < pair[1] <= 1:
                self.fail(word, f"'{key}.{word}' should be [start, end] with 0 <= start < end <= 1", key)
            parts[word] = (float(pair[0]), float(pair[1]))
        return parts

    def week_days(self) -> dict[str, tuple[int, int]]:
        """ "week_days": a part of a week ("akhir pekan") -> [first, last] weekday, 0 Monday .. 6 Sunday."""
        table: dict[str, tuple[int, int]] = {}
        for phrase, days in self.get("week_days", dict).items():
            self.phrase("week_days", phrase)
            ok = isinstance(days, list) and len(days) == 2
            ok = ok and all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days)
            if not ok or days[0] > days[1]:
                self.fail(phrase, f"'week_days.{phrase}' should be [first, last], weekday numbers 0..6", "week_days")
            table[norm(phrase)] = (days[0], days[1])
        return table
