"""Regexes for Indonesian temporal expressions, generated from the date words (kg/date_words.py).

One master regex holds every rule as a named alternative, most specific first, so a sentence is scanned
once; each rule also has a parse regex with named groups that its handler in kg/dates.py reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.date_words import DateWords

FLAGS = re.IGNORECASE
Group = Callable[[str, str], str]

DAY = r"(?<![\w.,/:-])(?:3[01]|[12]\d|0?[1-9])(?!\d)"
DAY2 = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"  # second day of a range: may follow "-"
MONTH_NUMBER = r"(?:1[0-2]|0?[1-9])(?!\d)"
YEAR_DIGITS = r"(?<![\w.,])(?:1[89]\d\d|20\d\d)(?!\w|[.,]\d|-an(?!\w))"  # not 2.019, 2019an, 1990-an
NUMBER = r"(?<![\w.,])\d{1,3}(?!\d|[.,]\d)"
NUMERIC_END = r"(?![\w/]|[.,-]\d)"


@dataclass(frozen=True)
class Rule:
    """One alternative of the master regex: scan pattern, parse regex, and the handler that resolves it."""

    name: str
    handler: str  # key of kg.dates.HANDLERS
    scan: str  # prefix (not in the span) + core, the core as group f"{name}c"
    parse: re.Pattern[str]
    year_list: bool = False  # may be followed by more years: "pada 2011 dan 2013"

    @property
    def core_group(self) -> str:
        return f"{self.name}c"


def named(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


def plain(_name: str, pattern: str) -> str:
    return f"(?:{pattern})"


def phrase(text: str) -> str:
    """A lexicon phrase as regex: spaces match any whitespace run, any apostrophe matches any other."""
    return r"\s+".join(re.escape(part).replace("'", "['’‘`]") for part in text.split())


def alt(items: Iterable[str], bounded: bool = True) -> str:
    """Alternation of phrases, longest first, each kept from matching inside a longer word."""
    groups: dict[tuple[bool, bool], list[str]] = {}
    for item in sorted(set(items), key=lambda s: (-len(s), s)):
        key = (bounded and item[0].isalnum(), bounded and item[-1].isalnum())
        groups.setdefault(key, []).append(phrase(item))
    parts = []
    for (head, tail), phrases in sorted(groups.items()):
        before, after = (r"(?<!\w)" if head else ""), (r"(?!\w)" if tail else "")
        parts.append(f"{before}(?:{'|'.join(phrases)}){after}")
    return "(?:" + "|".join(parts) + ")"


def _capitalised(names: Iterable[str]) -> str:
    """Weekday names with a capital first letter: lower-case "minggu" is the week, not Sunday."""
    items = sorted(set(names), key=lambda s: (-len(s), s))
    return r"(?<!\w)(?:" + "|".join(f"(?-i:{n[0].upper()}){phrase(n[1:])}" for n in items) + r")(?!\w)"


class Pieces:
    """The shared sub-patterns, built from the lexicon."""

    def __init__(self, w: DateWords) -> None:
        dirs = w.directions
        self.month_full = alt(k for k in w.months if k not in w.abbreviations)
        self.month_any = f"(?:{self.month_full}|{alt(w.abbreviations)}(?:\\.(?=\\s*\\d))?)"
        self.weekday = _capitalised(w.weekdays) + rf"(?!\s+{alt(w.not_after_weekday)})"
        self.context = alt(w.context_words)
        self.context_or_opener = alt(w.context_words + w.range_openers)
        self.opener = alt(w.range_openers)
        self.window = alt(w.window_openers)
        self.part = alt(w.parts)
        self.head_day = alt(w.heads["day"])
        self.head_month = alt(w.heads["month"])
        self.head_year = alt(w.heads["year"])
        self.head_date = "(?:" + "|".join(
            phrase(h) + (r"\s+" if h[-1].isalnum() else r"\s*") for h in w.heads["date"]
        ) + ")"
        self.dir_any = alt(k for k, v in dirs.items() if v in ("past", "this", "future"))
        self.dir_edge = alt(k for k, v in dirs.items() if v in ("past", "future"))
        self.dir_count = alt(k for k, v in dirs.items() if v != "this")
        self.range_sep = "(?:" + "|".join(
            (rf"\s+{phrase(s)}\s+" if s[0].isalnum() else rf"\s*{phrase(s)}\s*")
            for s in sorted(w.range_separators, key=lambda s: (-len(s), s))
        ) + ")"
        self.list_sep = rf"\s+{alt(w.list_separators)}\s+"
        self.any_sep = f"(?:{self.range_sep}|{self.list_sep})"
        self.year = YEAR_DIGITS + rf"(?!\s+{alt(w.not_after_year)})"
        words = alt(w.numbers, bounded=False)
        self.number = (
            f"(?:{NUMBER}|(?<!\\w)(?:{words}\\s+(?:{phrase(w.number_teens)}|{phrase(w.number_tens)}"
            f"(?:\\s+{words})?)|{words})(?!\\w)|{alt(w.vague_quantities)})"
        )
        self.units = alt(w.units)
        self.se_units = alt(w.se_prefix + u for u in w.units)
        self.this_units = alt(u for u, (kind, n) in w.units.items() if kind != "day" and n == 1)
        self.week_units = alt(u for u, (kind, _n) in w.units.items() if kind == "week")
        self.parts_of_day = alt(w.parts_of_day)
        self.relative_days = alt(w.relative_days) + rf"(?!\s+{alt(w.not_after_relative_day)})"
        self.vague = alt(w.vague_expressions)
        self.periods = alt(w.periods)
        self.ordinal = f"(?:{alt(w.ordinals)}|[1-4](?!\\d))"

    def numeric_date(self, g: Group, parens: bool) -> str:
        """d/m or d/m/y as in "(30/8)", "(24-25/8/2015)"; parentheses required or optional."""
        o, c = (r"\(\s*", r"\s*\)") if parens else (r"\(?\s*", r"\s*\)?")
        year = g("py", r"\d{4}|\d{2}")
        return (
            f"{o}{g('pd', DAY)}(?:\\s*[-–]\\s*{DAY2})?\\s*/\\s*{g('pm', MONTH_NUMBER)}"
            f"(?:\\s*/\\s*{year})?{NUMERIC_END}{c}"
        )

    def year_tail(self, g: Group) -> str:
        """" 2023", " tahun 2023" or " tahun lalu" after a day or month."""
        return rf"(?:\s+(?:{self.head_year}\s+)?{g('y', self.year)}|\s+{self.head_year}\s+{g('ydir', self.dir_any)})"

    def day_month(self, g: Group) -> str:
        weekday = rf"(?:(?:{self.head_day}\s+)?{g('wd', self.weekday)}\s*,?\s*)?"
        second = rf"(?:{self.any_sep}{DAY2}\s+{g('m2', self.month_any)})?"
        return (
            rf"{weekday}(?:{self.head_date})?{g('d1', DAY)}(?:{self.any_sep}{DAY2})?\s+"
            rf"{g('m1', self.month_any)}{second}{self.year_tail(g)}?(?:\s+{g('dir', self.dir_any)})?"
        )

    def month(self, g: Group, month: str, part: str, head: str, tail: str) -> str:
        """Month expressions; `part`/`head` are "?" (optional) or "" (required)."""
        second = rf"(?:{self.any_sep}(?:{self.head_month}\s+)?{g('m2', month)})?"
        return rf"(?:{g('part', self.part)}\s+){part}(?:{self.head_month}\s+){head}{g('m1', month)}{second}{tail}"

    def year_expr(self, g: Group, part: str, head: str, sep: str, tail: str, second: str = "?") -> str:
        """Year expressions; `part`/`head`/`second` (a range end) are "?" (optional) or "" (required)."""
        end = rf"(?:(?:{sep})(?:{self.head_year}\s+)?{self.year}){second}"
        return rf"(?:{g('part', self.part)}\s+){part}(?:{self.head_year}\s+){head}{g('y', self.year)}{end}{tail}"


def build_rules(w: DateWords) -> list[Rule]:
    """All rules in priority order: at one position the first rule that matches wins."""
    p = Pieces(w)
    rules: list[Rule] = []

    def add(
        handler: str,
        core: Callable[[Group], str],
        prefix: str = "",
        parse: Callable[[Group], str] | None = None,
        year_list: bool = False,
    ) -> None:
        name = f"r{len(rules)}"
        scan = f"{prefix}(?P<{name}c>{core(plain)})"
        rules.append(Rule(name, handler, scan, re.compile((parse or core)(named), FLAGS), year_list))

    ctx, ctx_open, opener = rf"(?:{p.context}\s+)", rf"(?:{p.context_or_opener}\s+)", rf"(?:{p.opener}\s+)"
    year2 = r"\d{4}|\d{2}"

    def iso(g: Group) -> str:
        day, month, year = g("pd", r"3[01]|[12]\d|0[1-9]"), g("pm", r"1[0-2]|0[1-9]"), g("py", r"\d{4}")
        return rf"(?<![\w/.-]){year}-{month}-{day}(?!\d|[/.-]\d)"

    def numeric(g: Group) -> str:
        slash = rf"/{g('pm', MONTH_NUMBER)}/{g('py', year2)}"
        return rf"{g('pd', DAY)}(?:{slash}|-{MONTH_NUMBER}-\d{{4}}|\.{MONTH_NUMBER}\.\d{{4}}){NUMERIC_END}"

    def numeric_parse(g: Group) -> str:
        return rf"{g('pd', DAY)}[/.-]{g('pm', MONTH_NUMBER)}[/.-]{g('py', year2)}"

    def period(g: Group) -> str:
        year = rf"(?:\s*[/-]\s*|\s+(?:{p.head_year}\s+)?){g('y', p.year)}"
        return rf"{g('per', p.periods)}\s+{g('ord', p.ordinal)}(?:{year}|\s+{p.head_year}\s+{g('ydir', p.dir_any)})"

    def direction(g: Group, optional: bool = True, words: str = p.dir_any) -> str:
        return rf"(?:\s+{g('dir', words)})" + ("?" if optional else "")

    def month_tail(g: Group) -> str:
        return p.year_tail(g) + direction(g)

    def month_parse(g: Group) -> str:
        return p.month(g, p.month_any, "?", "?", p.year_tail(g) + "?" + direction(g))

    any_sep, range_sep = rf"{p.any_sep}|\s*/\s*", rf"{p.range_sep}|\s*/\s*"

    def year_parse(g: Group) -> str:
        return p.year_expr(g, "?", "?", any_sep, direction(g))

    def count(g: Group) -> str:
        amount = rf"{g('num', p.number)}\s+{g('unit', p.units)}"
        return rf"(?:{amount}|{g('se', p.se_units)})\s+{g('dir', p.dir_count)}"

    def unit(g: Group) -> str:
        return rf"(?:{g('part', p.part)}\s+)?{g('unit', p.this_units)}\s+{g('dir', p.dir_any)}"

    def weekday(g: Group) -> str:
        week = rf"\s+{g('wunit', p.week_units)}\s+{g('wdir', p.dir_any)}"
        date = rf"(?:\s*,?\s*{p.numeric_date(g, parens=False)})?"
        day = rf"(?:{p.head_day}\s+)?{g('wd', p.weekday)}(?:\s+{p.parts_of_day})?"
        return rf"{day}(?:{week}|\s+{g('dir', p.dir_any)})?{date}"

    def relative_day(g: Group) -> str:
        return rf"{g('rel', p.relative_days)}(?:\s*,?\s*{p.numeric_date(g, parens=True)})?"

    add("iso", iso)
    add("day_month", p.day_month, ctx_open + "?")
    add("numeric", numeric, parse=numeric_parse)
    add("period", period, ctx + "?")
    add("month", lambda g: p.month(g, p.month_any, "?", "?", month_tail(g)), ctx_open + "?", month_parse)
    add("month", lambda g: p.month(g, p.month_full, "?", "?", direction(g, False)), ctx_open + "?", month_parse)
    add("month", lambda g: p.month(g, p.month_full, "?", "", ""), ctx_open + "?", month_parse)
    add("month", lambda g: p.month(g, p.month_full, "", "?", ""), ctx_open + "?", month_parse)
    add("month", lambda g: p.month(g, p.month_full, "?", "?", ""), ctx_open, month_parse)
    add("year", lambda g: p.year_expr(g, "?", "?", any_sep, direction(g), ""), opener, year_parse, True)
    add("year", lambda g: p.year_expr(g, "?", "", range_sep, direction(g)), ctx + "?", year_parse, True)
    add("year", lambda g: p.year_expr(g, "", "?", range_sep, direction(g)), ctx + "?", year_parse, True)
    add("year", lambda g: p.year_expr(g, "?", "?", range_sep, direction(g)), ctx, year_parse, True)
    edge = lambda g: direction(g, False, p.dir_edge)  # noqa: E731  "2015 lalu" needs no preposition
    add("year", lambda g: p.year_expr(g, "?", "?", range_sep, edge(g)), "", year_parse, True)
    add("count", count, rf"(?:{p.window}\s+)?")
    add("unit", unit)
    add("weekday", weekday)
    add("relative_day", relative_day)
    add("vague", lambda g: p.vague)
    add("numeric", lambda g: p.numeric_date(g, parens=True), ctx_open)
    add("numeric", lambda g: p.head_date + p.numeric_date(g, parens=False))
    return rules


def compile_master(rules: list[Rule]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?P<{r.name}>{r.scan})" for r in rules), FLAGS)


WORD = re.compile(r"\w+")


def start_words(w: DateWords) -> tuple[frozenset[str], frozenset[str]]:
    """First words of every rule: (core words, which alone can start a date; prefix words, which start one
    only when a core word follows, e.g. "pada"). Digits are core too and are checked apart."""
    def firsts(phrases: Iterable[str]) -> set[str]:
        return {m.group() for text in phrases if (m := WORD.search(text)) is not None}

    core = firsts(
        [*w.months, *w.weekdays, *w.parts, *w.units, *w.numbers, *w.vague_quantities, *w.relative_days]
        + [w.se_prefix + u for u in w.units]
        + [*w.vague_expressions, *w.periods, *(h for heads in w.heads.values() for h in heads)]
    )
    prefix = firsts([*w.context_words, *w.range_openers, *w.window_openers]) - core
    return frozenset(core), frozenset(prefix)


def year_list_pattern(w: DateWords) -> re.Pattern[str]:
    """More years after a year expression: ", 2012 dan 2013", " atau tahun 2014"."""
    p = Pieces(w)
    lead = rf"(?:\s*,\s*(?:{alt(w.list_separators)}\s+)?|{p.list_sep})"
    return re.compile(rf"{lead}(?P<c>(?:{p.head_year}\s+)?(?P<y>{p.year}))", FLAGS)
