"""Indonesian temporal expressions: find them in a sentence and resolve them against the publication date.

A fast path of regexes compiled once from data/lexicon/dates.json and calendar.json (see kg/date_grammar.py)
finds and resolves the common forms; dateparser is only the fallback of `resolve()` for other expressions.

Conventions, chosen so that a value is never more precise than the text supports:
* Span: the expression itself. Prepositions that attach it to the clause (pada, sejak, hingga, antara,
  dari, dalam, di ...) are left out; head nouns (hari, tanggal, bulan, tahun), part-of-period words (awal,
  akhir, pertengahan) and direction words (lalu, silam, mendatang) are in: "pada November 2022" -> span
  "November 2022"; "pada bulan Maret" -> "bulan Maret"; "sejak 2014" -> "2014".
* Each expression denotes a calendar interval; its value is the finest unit (day, month, year) that contains
  the whole interval, else it is unresolved. "awal bulan ini" -> that month, "pertengahan 2022" -> 2022,
  "kuartal III 2025" -> 2025.
* Weeks ("pekan lalu", "minggu ini", "sepekan lalu", "dua pekan lalu", "pekan depan") are calendar weeks
  Monday-Sunday: the week containing anchor + 7n days. By the rule above a week inside one month gives that
  month, a week across two months gives the year, a week across New Year is unresolved. "akhir pekan" is
  Saturday+Sunday; "awal pekan" is Monday, the day news pairs it with ("awal pekan ini, Senin (3/11)"), not
  the first third of the week. "minggu" before lalu/ini/depan is the week, not Sunday.
* Ranges ("1-3 September 2023", "antara 2019 dan 2021", "Juni-Juli 2025") take their start; the span covers
  the whole range. Lists of years ("pada 2011 dan 2013") give one expression per year.
* Day and month without a year ("30 Agustus", "Rabu (30/8)", "pada (30/8)"): the latest such date on or before
  anchor + 92 days (news reports the past but also announces the coming months); with lalu/silam the latest
  on or before the anchor, with mendatang/depan the earliest on or after it. A weekday given with dd/mm never
  moves the date: the digits win (a mismatch is most often a typo, and moving by a year would be worse).
* Month without a year ("pada Maret", "bulan Maret", "Maret lalu"): the latest March not after the anchor's
  month; "Maret mendatang" the earliest March not before it; "Maret tahun lalu" March of anchor year - 1.
* Weekday alone ("pada Senin", "kata dia, Senin."; capitalised): the latest Monday on or before the anchor;
  "Senin lalu" strictly before, "Senin depan" strictly after, "Senin pekan lalu" the Monday of last week.
* Future cue: news reports the past, so the undirected forms above lean back; but after a future marker
  (akan, bakal, dijadwalkan ...) at most 40 characters before, with no clause break (, ; : " ( ) between,
  they lean forward: "akan digelar pada Maret" -> the earliest March not before the anchor's month,
  "akan dibahas Senin" -> the first Monday on or after the anchor. "..., kata dia, Senin." stays past.
* Vague ("beberapa tahun lalu", "puluhan tahun silam", "baru-baru ini", "dalam beberapa hari ke depan",
  "dalam tiga bulan mendatang", any "... ke depan" window) -> unresolved, text kept.
* Without an anchor every relative expression is unresolved (value None, resolved False). Timex.anchor is
  set for every anchor-relative expression and left None for absolute ones ("31 Agustus 2023").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from kg.date_calendar import Interval, containing, month_iv, week_iv, year_iv
from kg.date_grammar import (
    WORD,
    Rule,
    alt,
    build_rules,
    candidate_pattern,
    compile_master,
    future_cue_pattern,
    prefix_kinds,
    word_kinds,
    year_list_pattern,
)
from kg.date_handlers import CUED, HANDLERS, Cue, Resolution
from kg.date_words import DateWords, load_date_words, norm
from kg.model import Timex

_ANCHOR = re.compile(r"\d{4}-\d{2}-\d{2}")
# Digits start a date on their own only as d/m/y, y-m-d or a year; other numbers need a date word.
_DATE_DIGITS = re.compile(r"\d\s*[/.-]\s*\d|(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_SPACE = re.compile(r"\s+")
_NO_KINDS: frozenset[str] = frozenset()
_MAX_FALLBACK_CHARS = 80  # dateparser gets slow and unreliable on long untrusted strings
Hit = tuple[Rule, tuple[int, int], Resolution]


class DateResolver:
    """Finds Indonesian temporal expressions and resolves them; build once with `DateResolver.load()`."""

    def __init__(self, words: DateWords) -> None:
        self.words = words
        self._rules: dict[str, Rule] = {rule.name: rule for rule in build_rules(words)}
        self._year_list = year_list_pattern(words)
        self._kinds = word_kinds(words)
        self._prefixes = prefix_kinds(words)
        self._start_words = frozenset(self._kinds)
        self._candidates = candidate_pattern([*self._kinds, *self._prefixes])
        self._future = future_cue_pattern(words)
        self._cue_chars = words.future_cue_chars
        self._anaphoric = re.compile(alt([*words.anaphoric_expressions, *words.anaphoric_shifts]), re.IGNORECASE)
        # one master regex per (kinds of the first word, preposition kind): only the rules that can match
        self._masters: dict[tuple[frozenset[str], str], re.Pattern[str] | None] = {}

    @classmethod
    def load(cls, lexicon_dir: Path | None = None) -> DateResolver:
        """The resolver for the lexicon in `lexicon_dir` (default data/lexicon), compiled once per process."""
        return _cached_resolver(str(lexicon_dir) if lexicon_dir else "")

    def find(self, text: str, offset: int = 0, anchor: str | None = None) -> list[Timex]:
        """All temporal expressions of `text`, in order, non-overlapping, spans shifted by `offset`."""
        lowered = _lower(text)
        if self._start_words.isdisjoint(WORD.findall(lowered)) and not _DATE_DIGITS.search(text):
            return []  # the common case, decided in C: no word that can begin a date
        base, anchor_text = parse_anchor(anchor)
        found: list[Timex] = []
        pos = 0
        for candidate in self._candidates.finditer(lowered):
            if candidate.start() < pos or (hit := self._at(text, lowered, candidate, base)) is None:
                continue
            rule, (start, pos), result = hit
            if result.skip:
                continue
            found.append(_timex(text, start, pos, offset, result, anchor_text))
            if rule.year_list:
                pos = self._continue_years(text, pos, offset, found)
        return found

    def _at(self, text: str, lowered: str, candidate: re.Match[str], base: date | None) -> Hit | None:
        """The expression right after a candidate preposition ("pada", "antara", "dalam"), which stays
        out of the span, or else the expression starting at the candidate word."""
        word = candidate.group()
        if word in self._prefixes:
            hit = self._after_preposition(text, lowered, candidate.end(), word, base)
            if hit is not None:
                return hit
        if word in self._kinds or word[0].isdigit():
            return self._match(text, lowered, candidate.start(), self._kinds_of(word), "none", base)
        return None

    def _kinds_of(self, word: str) -> frozenset[str]:
        kinds = self._kinds.get(word, _NO_KINDS)
        return kinds | {"digit"} if word[0].isdigit() else kinds

    def _after_preposition(
        self, text: str, lowered: str, end: int, word: str, base: date | None
    ) -> Hit | None:
        space = _SPACE.match(text, end)
        if space is None or space.end() >= len(text):
            return None
        at = space.end()
        following = WORD.match(lowered, at)
        if text[at] == "(":
            kinds: frozenset[str] = frozenset({"paren"})
        elif following is not None:
            kinds = self._kinds_of(following.group())
        else:
            return None
        for prefix in sorted(self._prefixes[word]):
            if kinds and (hit := self._match(text, lowered, at, kinds, prefix, base)) is not None:
                return hit
        return None

    def _match(
        self, text: str, lowered: str, at: int, kinds: frozenset[str], prefix: str, base: date | None
    ) -> Hit | None:
        master = self._master(kinds, prefix)
        match = master.match(text, at) if master is not None else None
        if match is None:
            return None
        rule = self._rules[str(match.lastgroup)]
        future = rule.handler in CUED and self._future_cue(lowered, at)
        result = self._run(rule, match.group(), Cue(prefix == "window", future), base)
        return None if result is None else (rule, match.span(), result)

    def _future_cue(self, lowered: str, at: int) -> bool:
        """A future marker ("akan", "bakal") shortly before `at`, in the same clause."""
        return self._future.search(lowered, max(0, at - self._cue_chars), at) is not None

    def _master(self, kinds: frozenset[str], prefix: str) -> re.Pattern[str] | None:
        key = (kinds, prefix)
        if key not in self._masters:
            rules = [r for r in self._rules.values() if r.starts & kinds and prefix in r.prefixes]
            self._masters[key] = compile_master(rules) if rules else None
        return self._masters[key]

    def quoted_days(self, text: str, offset: int, found: list[Timex]) -> list[Timex]:
        """ "“Pagi tadi pasukan Irak mulai menyerang …,” kata X": a day counted from today ("hari
        ini", "kemarin", "besok") inside a quotation counts from the day the words were said, which
        is not the publication day: the day of the statement when the sentence gives it after the
        quote ("…,” kata X, Selasa (4/11)"), else unknown. `found`: the expressions of `text`."""
        spans = quoted_spans(text)
        if not spans:
            return found
        out = []
        for tx in found:
            span = next((sp for sp in spans if sp[0] <= tx.start - offset < sp[1]), None)
            if span is not None and self._counts_from_today(tx):
                said = next((d for d in found if d.start - offset >= span[1] and d.resolved
                             and d.granularity == "day" and not _inside(spans, d.start - offset)), None)
                again = self.find(tx.text, 0, said.value) if said is not None else []
                if again and again[0].resolved:
                    tx = replace(tx, value=again[0].value, granularity=again[0].granularity, anchor=said.value if said else None)
                else:
                    tx = replace(tx, value=None, granularity=None, resolved=False)
            out.append(tx)
        return out

    def _counts_from_today(self, tx: Timex) -> bool:
        """ "hari ini", "pagi tadi", "kemarin", "besok": a day relative to now, without digits."""
        return norm(tx.text) in self.words.relative_days and not any(ch.isdigit() for ch in tx.text)

    def refers_back(self, text: str) -> bool:
        """Does the text hold an expression like "saat itu" that stands for an earlier date?"""
        return self._anaphoric.search(text) is not None

    def resolve(self, expression: str, anchor: str | None) -> Timex:
        """Resolve one expression (e.g. "pekan lalu"); falls back to dateparser for unknown forms."""
        hits = self.find(expression, 0, anchor)
        whole = Timex(0, len(expression), expression, None, None, False, None)
        if len(hits) == 1 and self._covers(expression, hits[0]):
            return replace(hits[0], start=0, end=len(expression), text=expression)
        base, anchor_text = parse_anchor(anchor)
        result = _dateparser_resolution(expression, base)
        value = containing(result.interval) if result.interval else None
        return replace(
            whole,
            value=value[0] if value else None,
            granularity=value[1] if value else None,
            resolved=value is not None,
            anchor=anchor_text if result.relative else None,
        )

    def _run(self, rule: Rule, core: str, cue: Cue, base: date | None) -> Resolution | None:
        parsed = rule.parse.fullmatch(core)
        if parsed is None:
            return None
        try:
            return HANDLERS[rule.handler](self.words, parsed, cue, base)
        except (OverflowError, ValueError):  # calendar arithmetic beyond year 1..9999 from an odd anchor
            return Resolution(None, True)

    def _continue_years(self, text: str, pos: int, offset: int, found: list[Timex]) -> int:
        while (more := self._year_list.match(text, pos)) is not None:
            start, end = more.span("c")
            year = int(more.group("y"))
            found.append(_timex(text, start, end, offset, Resolution(year_iv(year), False), None))
            pos = end
        return pos

    def _covers(self, expression: str, hit: Timex) -> bool:
        """True if the expression is the hit, give or take a leading preposition and punctuation."""
        prefix = norm(expression[: hit.start])
        return (prefix == "" or prefix in self.words.prepositions) and not any(
            ch.isalnum() for ch in expression[hit.end :]
        )


@cache
def _cached_resolver(directory: str) -> DateResolver:
    return DateResolver(load_date_words(Path(directory) if directory else None))


def _lower(text: str) -> str:
    """Lower case with every offset kept (str.lower turns a few letters, like 'İ', into two)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` inside quotation marks. Curly quotes pair by direction; straight
    ones in order. A quote opened in an earlier sentence ends in this one ("…," kata X) when the
    first mark follows punctuation; one left open runs to the end."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(text):
        if ch == "“":
            start = i
        elif ch == "”":
            spans.append((0 if start is None else start, i))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    marks = [i for i, ch in enumerate(text) if ch == '"']
    if len(marks) % 2:
        if text[: marks[0]].rstrip()[-1:] in (",", ".", "!", "?"):
            spans.append((0, marks[0]))
            marks = marks[1:]
        else:
            spans.append((marks[-1], len(text)))
            marks = marks[:-1]
    spans.extend((marks[k], marks[k + 1]) for k in range(0, len(marks), 2))
    return spans


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    return any(a <= at < b for a, b in spans)


def parse_anchor(anchor: str | None) -> tuple[date | None, str | None]:
    """The anchor day of an ISO date or datetime string; an unusable anchor counts as no anchor."""
    if not anchor or not _ANCHOR.match(anchor):
        return None, None
    try:
        day = date.fromisoformat(anchor[:10])
    except ValueError:
        return None, None
    return day, day.isoformat()


def _timex(text: str, start: int, end: int, offset: int, result: Resolution, anchor: str | None) -> Timex:
    value = containing(result.interval) if result.interval else None
    return Timex(
        start=start + offset,
        end=end + offset,
        text=text[start:end],
        value=value[0] if value else None,
        granularity=value[1] if value else None,
        resolved=value is not None,
        anchor=anchor if result.relative else None,
        anaphoric=result.anaphoric,
    )


def resolve_anaphoric(
    found: list[Timex], antecedent: Timex | None, shifts: Mapping[str, int] | None = None
) -> tuple[list[Timex], Timex | None]:
    """ "Pada November 2010, ledakan ... Saat itu, Presiden ... menuding ...": "saat itu" (and
    "ketika itu", "waktu itu") stands for the date the text gave last, `antecedent` or an earlier
    expression of the same sentence. `shifts` count days from it ("Sehari sebelumnya": -1), for a
    day only. Returns the sentence's expressions with those filled in and the last resolved date
    for the next sentence. Unresolved when no date came before."""
    out = []
    for tx in found:
        days = (shifts or {}).get(norm(tx.text))
        if tx.anaphoric and not tx.resolved and antecedent is not None and days is None:
            tx = replace(tx, value=antecedent.value, granularity=antecedent.granularity, resolved=True,
                         anchor=antecedent.anchor)
        elif tx.anaphoric and not tx.resolved and antecedent is not None and antecedent.granularity == "day":
            day = date.fromisoformat(str(antecedent.value)) + timedelta(days=days or 0)
            tx = replace(tx, value=day.isoformat(), granularity="day", resolved=True, anchor=antecedent.value)
        elif tx.resolved and not tx.anaphoric:
            antecedent = tx
        out.append(tx)
    return out, antecedent


# --- dateparser fallback -------------------------------------------------------------------------

# Relative forms are told from absolute ones by parsing against two bases that differ in year, month and day;
# these four differ pairwise in each, so for any anchor one of them differs from it in all three.
_BASES = tuple(datetime(*ymd, 12) for ymd in ((1999, 2, 3), (2011, 7, 15), (2005, 10, 24), (1987, 12, 9)))


def _dateparser_resolution(expression: str, anchor: date | None) -> Resolution:
    """Ask dateparser (slow; only for forms the fast path does not know) and map its period to ours."""
    if len(expression) > _MAX_FALLBACK_CHARS or not any(ch.isalnum() for ch in expression):
        return Resolution(None, False)
    if anchor is None:
        first, second = (_dateparser_interval(expression, base) for base in _BASES[:2])
        return Resolution(first, False) if first and first == second else Resolution(None, first is not None)
    # noon: "1 jam lalu" stays on the anchor day, whatever hour it was published
    base = datetime(anchor.year, anchor.month, anchor.day, 12)
    other = next(b for b in _BASES if b.year != base.year and b.month != base.month and b.day != base.day)
    near, far = _dateparser_interval(expression, base), _dateparser_interval(expression, other)
    return Resolution(near, near is not None and near != far)


def _dateparser_interval(expression: str, base: datetime) -> Interval | None:
    try:
        data = _date_data_parser(base).get_date_data(expression)
    except Exception:  # noqa: BLE001  # dateparser raises many kinds of errors on odd untrusted text
        return None
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period in ("day", "time"):
        return day, day
    if period == "week":
        return week_iv(day)
    if period == "month":
        return month_iv(day.year, day.month)
    return year_iv(day.year)


@lru_cache(maxsize=16)
def _date_data_parser(base: datetime) -> Any:  # dateparser ships no type hints
    from dateparser.date import DateDataParser  # imported late: it costs ~0.3 s

    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    return DateDataParser(languages=["id"], settings=settings)
