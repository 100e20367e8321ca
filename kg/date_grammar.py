"""Regexes for Indonesian temporal expressions, generated from the date words (kg/date_words.py).

Each rule says which kinds of word it can start with and which prepositions it may follow. kg/dates.py
finds candidate words with one trie-shaped regex, then tries there a master regex of just the rules that
can start with that word (most specific first); a rule's parse regex has the named groups its handler
in kg/date_handlers.py reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
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
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Rule:
    """One rule: the word kinds it can start with, the prepositions it takes, its patterns and handler."""

    name: str  # group name in the master regexes
    handler: str  # key of kg.date_handlers.HANDLERS
    scan: str  # pattern of the expression (the span); prepositions are matched in kg/dates.py
    parse: re.Pattern[str]
    starts: frozenset[str]  # kinds of its first word (see `word_kinds`), "digit" or "paren"
    prefixes: frozenset[str]  # "none" (may stand alone) and/or "context", "opener", "window"
    year_list: bool = False  # may be followed by more years: "pada 2011 dan 2013"


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
        places = "".join(rf"(?<!{re.escape(word)}\s)" for word in w.weekday_place_words)  # "Pasar Minggu"
        self.weekday = places + _capitalised(w.weekdays) + rf"(?!\s+{alt(w.not_after_weekday)})"
        self.part = alt(w.parts)
        self.head_day = alt(w.heads["day"])
        self.head_month = alt(w.heads["month"])
        self.head_year = alt(w.heads["year"])
        self.head_date = (
            "(?:"
            + "|".join(phrase(h) + (r"\s+" if h[-1].isalnum() else r"\s*") for h in w.heads["date"])
            + ")"
        )
        self.dir_any = alt(k for k, v in dirs.items() if v in ("past", "this", "future"))
        self.dir_edge = alt(k for k, v in dirs.items() if v in ("past", "future"))
        self.dir_count = alt(k for k, v in dirs.items() if v != "this")
        self.dir_this = alt(k for k, v in dirs.items() if v == "this")
        self.range_sep = (
            "(?:"
            + "|".join(
                (rf"\s+{phrase(s)}\s+" if s[0].isalnum() else rf"\s*{phrase(s)}\s*")
                for s in sorted(w.range_separators, key=lambda s: (-len(s), s))
            )
            + ")"
        )
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
        self.after_weekday = rf"(?:\s+{alt(w.parts_of_day)})?(?:\s+{alt(w.market_days)})?"
        self.citation = alt(w.citation_words)
        self.relative_days = alt(w.relative_days) + rf"(?!\s+{alt(w.not_after_relative_day)})"
        self.vague = alt(w.vague_expressions)
        self.anaphoric = alt([*w.anaphoric_expressions, *w.anaphoric_shifts])
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
        """The year after a day or month: " 2023", " tahun 2023" or " tahun lalu"."""
        return rf"(?:\s+(?:{self.head_year}\s+)?{g('y', self.year)}|\s+{self.head_year}\s+{g('ydir', self.dir_any)})"

    def day_month(self, g: Group) -> str:
        # "Minggu sore, 13 Juli 2025": a part of the day may follow the weekday
        weekday = rf"(?:(?:{self.head_day}\s+)?{g('wd', self.weekday)}{self.after_weekday}\s*,?\s*)?"
        second = rf"(?:{self.any_sep}{DAY2}\s+{g('m2', self.month_any)})?"
        return (
            rf"{weekday}(?:{self.head_date})?{g('d1', DAY)}(?:{self.any_sep}{DAY2})?\s+"
            rf"{g('m1', self.month_any)}{second}{self.year_tail(g)}?(?:\s+{g('dir', self.dir_any)})?"
        )

    def month(self, g: Group, month: str, part: str, head: str, tail: str) -> str:
        """Month expressions; `part`/`head` are "?" (optional) or "" (required)."""
        second = rf"(?:{self.any_sep}(?:{self.part}\s+)?(?:{self.head_month}\s+)?{g('m2', month)})?"
        return rf"(?:{g('part', self.part)}\s+){part}(?:{self.head_month}\s+){head}{g('m1', month)}{second}{tail}"

    def year_expr(self, g: Group, part: str, head: str, sep: str, tail: str, second: str = "?") -> str:
        """Year expressions; `part`/`head`/`second` (a range end) are "?" (optional) or "" (required)."""
        end = rf"(?:(?:{sep})(?:{self.head_year}\s+)?{self.year}){second}"
        return (
            rf"(?:{g('part', self.part)}\s+){part}(?:{self.head_year}\s+){head}{g('y', self.year)}{end}{tail}"
        )


ALONE, CTX, CTX_OPEN, OPENER = (
    frozenset({"none"}),
    frozenset({"none", "context"}),
    frozenset({"none", "context", "opener"}),
    frozenset({"opener"}),
)


def build_rules(w: DateWords) -> list[Rule]:
    """All rules in priority order: where several match at one position the first wins."""
    p = Pieces(w)
    rules: list[Rule] = []

    def add(
        handler: str,
        starts: str,
        prefixes: frozenset[str],
        core: Callable[[Group], str],
        parse: Callable[[Group], str] | None = None,
        year_list: bool = False,
    ) -> None:
        kinds = frozenset(starts.split())
        parsed = re.compile((parse or core)(named), FLAGS)
        rules.append(Rule(f"r{len(rules)}", handler, core(plain), parsed, kinds, prefixes, year_list))

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

    def month(month: str, part: str, head: str, tail: Callable[[Group], str]) -> Callable[[Group], str]:
        return lambda g: p.month(g, month, part, head, tail(g))

    def month_parse(g: Group) -> str:
        return p.month(g, p.month_any, "?", "?", p.year_tail(g) + "?" + direction(g))

    any_sep, range_sep = rf"{p.any_sep}|\s*/\s*", rf"{p.range_sep}|\s*/\s*"

    def year(
        part: str, head: str, sep: str, tail: Callable[[Group], str], end: str = "?"
    ) -> Callable[[Group], str]:
        return lambda g: p.year_expr(g, part, head, sep, tail(g), end)

    def year_parse(g: Group) -> str:
        return p.year_expr(g, "?", "?", any_sep, direction(g))

    def count(g: Group) -> str:
        amount = rf"{g('num', p.number)}\s+{g('unit', p.units)}"
        return rf"(?:{amount}|{g('se', p.se_units)})\s+{g('dir', p.dir_count)}"

    def counted_this(g: Group) -> str:
        """ "berusia 52 tahun ini", "selama dua tahun ini": a span of years up to now or an age,
        not "tahun ini" (this year)."""
        return rf"(?<!ke-){p.number}\s+{p.units}\s+{p.dir_this}(?!\w)"  # "HUT ke-75 tahun ini" is this year

    def unit(g: Group) -> str:
        return rf"(?:{g('part', p.part)}\s+)?{g('unit', p.this_units)}\s+{g('dir', p.dir_any)}"

    def weekday(g: Group) -> str:
        """Forms: "Rabu", "Senin-Jumat", "Kamis malam", "Senin pekan lalu", "Sabtu (15/8) pekan lalu"."""
        week = rf"\s+{g('wunit', p.week_units)}\s+{g('wdir', p.dir_any)}"
        date = rf"(?:\s*,?\s*{p.numeric_date(g, parens=False)}(?:\s+(?:{p.week_units}\s+)?{p.dir_any})?)?"
        day = rf"(?:{p.head_day}\s+)?{g('wd', p.weekday)}(?:{p.any_sep}{p.weekday})?{p.after_weekday}"
        return rf"{day}(?:{week}|\s+{g('dir', p.dir_any)})?{date}"

    def citation(g: Group) -> str:
        """A law's number ("UU Nomor 30 Tahun 2014"): its year is no date of anything reported."""
        return rf"{p.citation}\s*\d+[a-z]?(?:\s*/\s*[\w.-]+)*\s+{p.head_year}\s+{p.year}"

    def relative_day(g: Group) -> str:
        return rf"{g('rel', p.relative_days)}(?:\s*,?\s*{p.numeric_date(g, parens=True)})?"

    def no_tail(g: Group) -> str:
        return ""

    def edge(g: Group) -> str:  # "2015 lalu" needs no preposition
        return direction(g, False, p.dir_edge)

    month_starts = "part head_month month"
    add("skip", "citation", ALONE, citation)
    add("numeric", "digit", ALONE, iso)
    add("day_month", "digit weekday head_day head_date", CTX_OPEN, p.day_month)
    add("numeric", "digit", ALONE, numeric, numeric_parse)
    add("period", "period", CTX, period)
    add(
        "month",
        month_starts,
        CTX_OPEN,
        month(p.month_any, "?", "?", lambda g: p.year_tail(g) + direction(g)),
        month_parse,
    )
    add(
        "month",
        month_starts,
        CTX_OPEN,
        month(p.month_full, "?", "?", lambda g: direction(g, False)),
        month_parse,
    )
    add("month", "part head_month", CTX_OPEN, month(p.month_full, "?", "", no_tail), month_parse)
    add("month", "part", CTX_OPEN, month(p.month_full, "", "?", no_tail), month_parse)
    add("month", "month", CTX_OPEN - ALONE, month(p.month_full, "?", "?", no_tail), month_parse)
    add("year", "part head_year digit", OPENER, year("?", "?", any_sep, direction, ""), year_parse, True)
    add("year", "part head_year", CTX, year("?", "", range_sep, direction), year_parse, True)
    add("year", "part", CTX, year("", "?", range_sep, direction), year_parse, True)
    add("year", "digit", CTX - ALONE, year("?", "?", range_sep, direction), year_parse, True)
    add("year", "part head_year digit", ALONE, year("?", "?", range_sep, edge), year_parse, True)
    add("count", "digit number vague_quantity se_unit", frozenset({"none", "window"}), count)
    add("unit", "part unit", ALONE, unit)
    add("weekday", "head_day weekday", ALONE, weekday)
    add("relative_day", "relative", ALONE, relative_day)
    add("vague", "vague", ALONE, lambda g: p.vague)
    add("skip", "digit number vague_quantity", ALONE, counted_this)
    add("anaphoric", "anaphoric", CTX, lambda g: p.anaphoric)
    add("numeric", "paren", CTX_OPEN - ALONE, lambda g: p.numeric_date(g, parens=True))
    add("numeric", "head_date", ALONE, lambda g: p.head_date + p.numeric_date(g, parens=False))
    return rules


def word_kinds(w: DateWords) -> dict[str, frozenset[str]]:
    """Kinds of the words a rule can start with, by lower-case first word (digits are kind "digit")."""
    groups: dict[str, Iterable[str]] = {
        "month": w.months,
        "weekday": w.weekdays,
        "part": w.parts,
        "unit": w.units,
        "se_unit": [w.se_prefix + u for u in w.units],
        "number": w.numbers,
        "vague_quantity": w.vague_quantities,
        "relative": w.relative_days,
        "vague": w.vague_expressions,
        "anaphoric": [*w.anaphoric_expressions, *w.anaphoric_shifts],
        "period": w.periods,
        "citation": w.citation_words,
        **{f"head_{kind}": heads for kind, heads in w.heads.items()},
    }
    return _first_words(groups)


def prefix_kinds(w: DateWords) -> dict[str, frozenset[str]]:
    """Kinds of the prepositions a rule may follow; a word that can start a rule itself is no preposition."""
    groups = {"context": w.context_words, "opener": w.range_openers, "window": w.window_openers}
    starts = word_kinds(w)
    return {word: kinds for word, kinds in _first_words(groups).items() if word not in starts}


def _first_words(groups: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for kind, phrases in groups.items():
        for text in phrases:
            if (first := WORD.search(text)) is not None:
                table.setdefault(first.group(), set()).add(kind)
    return {word: frozenset(kinds) for word, kinds in sorted(table.items())}


def compile_master(rules: list[Rule]) -> re.Pattern[str]:
    """One regex with every given rule as a named alternative, in priority order."""
    return re.compile("|".join(f"(?P<{r.name}>{r.scan})" for r in rules), FLAGS)


def candidate_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """Finds, in lower-cased text, the words a rule or preposition starts with and tokens starting with a
    digit. A trie-shaped regex: the scan tries a handful of first letters per position, not every word."""
    return re.compile(rf"\b{_trie(sorted(set(words)))}\b|(?<!\w)\d\w*")


Trie = dict[str, "Trie"]  # one level per character; the key "" marks the end of a word


def _trie(words: list[str]) -> str:
    tree: Trie = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(tree)


def _trie_regex(node: Trie) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def future_cue_pattern(w: DateWords) -> re.Pattern[str]:
    """A future marker ("akan", "bakal") at the end of lower-cased text, with no clause break after it."""
    breaks = re.escape("".join(w.clause_breaks))
    return re.compile(rf"{alt(w.future_markers)}[^{breaks}]*\Z")


def year_list_pattern(w: DateWords) -> re.Pattern[str]:
    """More years after a year expression: ", 2012 dan 2013", " atau tahun 2014"."""
    p = Pieces(w)
    lead = rf"(?:\s*,\s*(?:{alt(w.list_separators)}\s+)?|{p.list_sep})"
    return re.compile(rf"{lead}(?P<c>(?:{p.head_year}\s+)?(?P<y>{p.year}))", FLAGS)
