"""Resolution of each kind of temporal expression matched by kg/date_grammar.py.

A handler reads the named groups of its rule's parse regex and returns the interval the expression
denotes (None when it depends on a missing anchor or is vague), or None when the text is no date after all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from kg.date_calendar import (
    Interval,
    day_iv,
    month_iv,
    months_iv,
    part_iv,
    safe_date,
    shifted,
    weekday_date,
    year_iv,
    yearless_day,
    yearless_month,
)
from kg.date_words import DateWords, norm

# How far from the publication date a weekday with digits ("Kamis (24/7)") may plausibly name a day.
WEEKDAY_PAST_DAYS, WEEKDAY_AHEAD_DAYS = 45, 14
_STEP = {"past": -1, "this": 0, "future": 1, "later": 1}


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a handler found: the denoted interval (None if it cannot be known) and anchor dependence."""

    interval: Interval | None
    relative: bool
    skip: bool = False  # matched, but no date: the year in a law's number ("Nomor 30 Tahun 2014")
    anaphoric: bool = False  # "saat itu": the document's previous date, filled in by `resolve_anaphoric`


@dataclass(frozen=True, slots=True)
class Cue:
    """What the words before an expression say: after "dalam" (a window), after "akan" (the future)."""

    window: bool = False
    future: bool = False


Handler = Callable[[DateWords, "re.Match[str]", Cue, "date | None"], "Resolution | None"]
CUED = frozenset({"day_month", "month", "weekday"})  # rules whose undirected forms a future cue turns


def _relative(anchor: date | None, compute: Callable[[date], Interval | None]) -> Resolution:
    return Resolution(compute(anchor) if anchor else None, True)


def _direction(w: DateWords, word: str | None, cue: Cue) -> str | None:
    """The direction word's, else "onward" after a future marker ("akan digelar pada Maret")."""
    if word:
        return w.direction(word)
    return "onward" if cue.future else None


def _dated(m: re.Match[str], anchor: date | None) -> Resolution | None:
    """An explicit numeric d/m[/y] (groups pd, pm, py): absolute with a year, else yearless."""
    day, month = int(m["pd"]), int(m["pm"])
    if safe_date(2000, month, day) is None:
        return None
    if m["py"]:
        year = int(m["py"]) + (2000 if len(m["py"]) == 2 else 0)
        found = safe_date(year, month, day)
        return Resolution(day_iv(found), False) if found else None
    return _relative(anchor, lambda a: day_iv(yearless_day(day, month, a, None)))


def numeric(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "30/8/2023", "2023-08-30", "pada (30/8)", "tanggal 30/8"."""
    return _dated(m, anchor)


def day_month(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "31 Agustus 2023", "Kamis, 31 Agustus", "1-3 September 2023", "5 Juni lalu", "5 Juni tahun lalu"."""
    day, month = int(m["d1"]), w.month(m["m1"])
    if safe_date(2000, month, day) is None:
        return None
    if m["y"]:  # a range across New Year ("30 Desember-2 Januari 2024") starts the year before
        year = int(m["y"]) - (1 if m["m2"] and w.month(m["m2"]) < month else 0)
        found = safe_date(year, month, day)
        return Resolution(day_iv(found), False) if found else None
    if m["ydir"]:
        step = _STEP[w.direction(m["ydir"])]
        return _relative(anchor, lambda a: day_iv(safe_date(a.year + step, month, day)))
    direction = _direction(w, m["dir"], cue)
    return _relative(anchor, lambda a: day_iv(yearless_day(day, month, a, direction)))


def month(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "November 2022", "bulan Maret", "Maret lalu", "awal April mendatang", "Maret tahun lalu"."""
    number, part = w.month(m["m1"]), w.part(m["part"])
    if m["y"]:
        year = int(m["y"]) - (1 if m["m2"] and w.month(m["m2"]) < number else 0)
        return Resolution(part_iv(month_iv(year, number), part), False)
    if m["ydir"]:
        step = _STEP[w.direction(m["ydir"])]
        return _relative(anchor, lambda a: part_iv(month_iv(a.year + step, number), part))
    direction = _direction(w, m["dir"], cue)
    return _relative(anchor, lambda a: part_iv(yearless_month(number, a, direction), part))


def year(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "tahun 2019", "pada 2019", "akhir 2021", "antara 2019 dan 2021", "2015 lalu"."""
    return Resolution(part_iv(year_iv(int(m["y"])), w.part(m["part"])), False)


def period(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "kuartal III 2025", "semester pertama tahun ini": a run of months, so a year."""
    size, index = w.periods[norm(m["per"])], w.ordinal(m["ord"])
    if index * size > 12:
        return None
    first, last = (index - 1) * size + 1, index * size
    if m["y"]:
        return Resolution(months_iv(int(m["y"]), first, last), False)
    step = _STEP[w.direction(m["ydir"])]
    return _relative(anchor, lambda a: months_iv(a.year + step, first, last))


def count(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "dua hari lalu", "sepekan lalu", "3 bulan lagi", "beberapa tahun lalu" (vague: no value)."""
    direction = w.direction(m["dir"])
    if m["se"]:
        amount: int | None = 1
        unit, size = w.units[norm(m["se"])[len(w.se_prefix) :]]
    else:
        amount = w.number(m["num"])
        unit, size = w.units[norm(m["unit"])]
    if amount is None or direction == "ahead" or (cue.window and direction != "past"):
        return Resolution(None, True)  # a vague amount, or a window ("dalam 3 hari ke depan"): no point
    k = amount * size * (-1 if direction == "past" else 1)
    return _relative(anchor, lambda a: shifted(a, unit, k))


def unit(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "pekan lalu", "bulan ini", "tahun depan", "akhir tahun lalu", "akhir pekan ini" (Sat+Sun),
    "awal pekan ini" (Monday)."""
    kind, _size = w.units[norm(m["unit"])]
    step = _STEP[w.direction(m["dir"])]
    named = w.week_days.get(f"{norm(m['part'])} {norm(m['unit'])}") if kind == "week" else None
    if named is not None:
        first, last = named

        def days_of_week(a: date) -> Interval:
            monday = shifted(a, "week", step)[0]
            return monday + timedelta(days=first), monday + timedelta(days=last)

        return _relative(anchor, days_of_week)
    part = w.part(m["part"])
    return _relative(anchor, lambda a: part_iv(shifted(a, kind, step), part))


def weekday(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "Rabu (30/8)" (the digits win), "pada Senin", "Senin lalu", "Senin pekan depan"."""
    number = w.weekday(m["wd"])
    if m["pd"]:
        return _consistent(_dated(m, anchor), number, int(m["pd"]), int(m["pm"]), anchor)
    if m["wunit"]:
        step = _STEP[w.direction(m["wdir"])]
        return _relative(anchor, lambda a: day_iv(shifted(a, "week", step)[0] + timedelta(days=number)))
    direction = _direction(w, m["dir"], cue)
    return _relative(anchor, lambda a: day_iv(weekday_date(number, a, direction)))


def _consistent(res: Resolution | None, number: int, day: int, month: int, anchor: date | None) -> Resolution | None:
    """ "Kamis (24/7/2205)" in a July 2025 article: a weekday with digits names a day close to the
    publication date. When the digits give a day far from it that is not that weekday, and exactly one
    close reading is (the anchor's year, or the anchor's month for a mistyped month), the digits hold
    a typo and that reading wins. A close day keeps its digits ("Selasa (30/8)" on Thursday 31/8)."""
    if res is None or res.interval is None or anchor is None:
        return res
    stated = res.interval[0]
    if stated.weekday() == number or _close(stated, anchor):
        return res
    readings = {safe_date(anchor.year, month, day), safe_date(anchor.year, anchor.month, day)}
    near = [d for d in readings if d is not None and d.weekday() == number and _close(d, anchor)]
    return Resolution(day_iv(near[0]), True) if len(near) == 1 else res


def _close(day: date, anchor: date) -> bool:
    return anchor - timedelta(days=WEEKDAY_PAST_DAYS) <= day <= anchor + timedelta(days=WEEKDAY_AHEAD_DAYS)


def relative_day(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "kemarin", "hari ini", "besok", "lusa", "hari ini (25/8)" (the digits win)."""
    if m["pd"]:
        return _dated(m, anchor)
    days = w.relative_days[norm(m["rel"])]
    return _relative(anchor, lambda a: shifted(a, "day", days))


def vague(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "baru-baru ini", "beberapa waktu lalu", "dalam waktu dekat": relative, never a value."""
    return Resolution(None, True)


def anaphoric(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    """Forms: "saat itu", "ketika itu", "pada waktu itu": no value of its own; kg.dates.resolve_anaphoric
    gives it the date the text spoke of last."""
    return Resolution(None, True, anaphoric=True)


def skip(w: DateWords, m: re.Match[str], cue: Cue, anchor: date | None) -> Resolution | None:
    return Resolution(None, False, skip=True)


HANDLERS: dict[str, Handler] = {
    "numeric": numeric,
    "day_month": day_month,
    "month": month,
    "year": year,
    "period": period,
    "count": count,
    "unit": unit,
    "weekday": weekday,
    "relative_day": relative_day,
    "vague": vague,
    "anaphoric": anaphoric,
    "skip": skip,
}
