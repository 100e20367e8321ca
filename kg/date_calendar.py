"""Calendar arithmetic for kg/dates.py: every temporal expression denotes an interval of days.

The value reported is the finest calendar unit (day, month, year) containing the whole interval, so an
expression is never given more precision than it has ("pekan lalu" across two months -> the year).
"""

from __future__ import annotations

import math
from calendar import monthrange
from datetime import date, timedelta

from kg.model import Granularity

Interval = tuple[date, date]  # first and last day, both included
# Yearless day dates may lie this far after the anchor: news reports the past but also announces the
# coming months (in the dev corpus such dates 32-92 days ahead were nearly all announcements).
LOOKAHEAD_DAYS = 92
FORWARD = frozenset({"future", "later", "onward"})  # "onward": after a future marker, anchor day included


def containing(interval: Interval) -> tuple[str, Granularity] | None:
    """("YYYY-MM-DD", "day"), ("YYYY-MM", "month") or ("YYYY", "year"); None if no unit holds it all."""
    first, last = interval
    if first == last:
        return first.isoformat(), "day"
    if (first.year, first.month) == (last.year, last.month):
        return first.isoformat()[:7], "month"
    if first.year == last.year:
        return f"{first.year:04d}", "year"
    return None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day_iv(day: date | None) -> Interval | None:
    return (day, day) if day else None


def month_iv(year: int, month: int) -> Interval:
    return date(year, month, 1), date(year, month, monthrange(year, month)[1])


def year_iv(year: int) -> Interval:
    return date(year, 1, 1), date(year, 12, 31)


def week_iv(day: date) -> Interval:
    """The calendar week (Monday to Sunday) containing the day."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def months_iv(year: int, first: int, last: int) -> Interval:
    return month_iv(year, first)[0], month_iv(year, last)[1]


def part_iv(interval: Interval, fraction: tuple[float, float] | None) -> Interval:
    """The part of an interval named by awal/pertengahan/akhir, given as fractions of its length."""
    if fraction is None:
        return interval
    n = (interval[1] - interval[0]).days + 1
    first = min(n - 1, int(fraction[0] * n))
    last = max(first, min(n - 1, math.ceil(fraction[1] * n) - 1))
    return interval[0] + timedelta(days=first), interval[0] + timedelta(days=last)


def shifted(anchor: date, unit: str, k: int) -> Interval:
    """The day, calendar week, month or year that is k units away from the anchor's."""
    if unit == "day":
        day = anchor + timedelta(days=k)
        return day, day
    if unit == "week":
        return week_iv(anchor + timedelta(days=7 * k))
    if unit == "month":
        total = anchor.year * 12 + anchor.month - 1 + k
        return month_iv(total // 12, total % 12 + 1)
    return year_iv(anchor.year + k)


def yearless_day(day: int, month: int, anchor: date, direction: str | None) -> date | None:
    """The year of "30 Agustus" / "(30/8)": latest on or before anchor + LOOKAHEAD_DAYS; with "lalu" on or
    before the anchor; forward the earliest on or after it. None if no such date (29 Feb)."""
    candidates = [d for y in range(anchor.year - 4, anchor.year + 5) if (d := safe_date(y, month, day))]
    if direction in FORWARD:
        return min((d for d in candidates if d >= anchor), default=None)
    if direction == "this":
        return safe_date(anchor.year, month, day)
    limit = anchor if direction == "past" else anchor + timedelta(days=LOOKAHEAD_DAYS)
    return max((d for d in candidates if d <= limit), default=None)


def yearless_month(month: int, anchor: date, direction: str | None) -> Interval:
    """The year of "Maret": the latest March not after the anchor's month; forward the earliest not before."""
    if direction == "this":
        return month_iv(anchor.year, month)
    if direction in FORWARD:
        return month_iv(anchor.year + (month < anchor.month), month)
    return month_iv(anchor.year - (month > anchor.month), month)


def weekday_date(weekday: int, anchor: date, direction: str | None) -> date:
    """The day of a weekday: "Senin" the latest Monday on or before the anchor; "Senin lalu" strictly before;
    "Senin depan" strictly after; after a future marker on or after; "Senin ini" the Monday of that week."""
    if direction == "this":
        return week_iv(anchor)[0] + timedelta(days=weekday)
    if direction == "onward":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    if direction in FORWARD:
        return anchor + timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)
    back = (anchor.weekday() - weekday) % 7
    return anchor - timedelta(days=back or (7 if direction == "past" else 0))
