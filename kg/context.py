"""What surrounds a trigger besides its modality (kg/modality.py): who the article says claims it,
and when it happened.

Attribution comes from reporting verbs ("X mengatakan bahwa …", "…, kata X"); a date attaches to the
nearest event it can govern, never across a reporting verb (whose date it is).
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.modality import REAL_MODALITIES, REPORT_LOOKAHEAD
from kg.model import ActorMention, EventDate, Timex
from kg.subjects import Clause, Trigger, subject, verb_like

_STRETCH_BREAKS = ",;:()\u2013\u2014-\"\u201c\u201d"  # punctuation that ends a stretch of a sentence

def _reporter_prefix(c: Clause, t: Trigger) -> tuple[int, str] | None:
    """(token index, code) of "X mengatakan bahwa" governing the trigger, if any."""
    verbs = c.rules.wordsets["reporting_prefix"]
    for r in range(t.first - 1, -1, -1):
        if c.tokens[r].low not in verbs:
            continue
        follow = c.tokens[r + 1 : min(r + 1 + REPORT_LOOKAHEAD, t.first)]
        if not any(tok.low == "bahwa" for tok in follow):
            continue
        speaker = subject(c, r)
        if speaker is not None:
            return r, speaker.members[0].code
    return None


def _reporter_postfix(c: Clause, t: Trigger) -> str | None:
    """Code of X in "…, kata X" / "menurut X" after the trigger."""
    verbs = c.rules.wordsets["reporting_postfix"]
    for g in c.groups:
        if g.first > t.last and g.first >= 1 and c.tokens[g.first - 1].low in verbs:
            return g.members[0].code
    return None


def attribution(c: Clause, t: Trigger) -> str | None:
    prefix = _reporter_prefix(c, t)
    if prefix is not None:
        return prefix[1]
    return _reporter_postfix(c, t)


def _is_report(c: Clause, j: int) -> bool:
    low = c.tokens[j].low
    ws = c.rules.wordsets
    return low in ws["reporting_prefix"] or low in ws["reporting_postfix"] or low in ws["reporting_anaphor"]


def _relative(c: Clause, t: Trigger) -> bool:
    j = t.first - 1
    aux = c.rules.wordsets["aux"]
    while j >= 0 and c.tokens[j].low in aux:
        j -= 1
    return j >= 0 and c.tokens[j].low == "yang"


def _token_index(c: Clause, char: int) -> int:
    return next((tok.i for tok in c.tokens if tok.end > char), len(c.tokens))


def _in_groups(c: Clause, lo: int, hi: int) -> bool:
    """Are tokens lo..hi-1 all inside actor groups (or none at all)?"""
    covered = {k for g in c.groups for k in range(g.first, g.last + 1)}
    return all(k in covered for k in range(lo, hi))


def _opens_clause(c: Clause, t: Trigger, j: int, tx: int) -> bool:
    """Does token j open a clause of its own that holds the date at token tx, so that the date is
    the embedded verb's? A purpose or complement clause ("mendorong X untuk mematuhi putusan tahun
    lalu", "agar ...") with a verb before the date, or a relative clause with an active verb on a
    noun after the trigger ("di tengah gencatan senjata yang berjalan sejak 3 Maret"). Not: a
    date set off by a comma ("..., Senin (5/6)" is the main clause's; "..., pada Juni" is not set
    off), a relative clause on the
    trigger itself ("serangan Israel yang terjadi pada Senin"), a passive relative clause ("di
    wilayah yang disengketakan pada Kamis": the date is most often the main clause's), a relative
    clause that a second verb has closed before the date."""
    low = c.tokens[j].low
    if c.comma_before(tx):
        return False
    verbs = [k for k in range(j + 1, tx) if verb_like(c, k)]
    if not verbs:
        return False
    if low == "yang":
        active = tuple(c.rules.wordsets["active_prefixes"])
        # a second verb ends the relative clause: "Sidang yang dihadiri X tersebut diselenggarakan pada"
        return not _in_groups(c, t.last + 1, j) and len(verbs) == 1 and c.tokens[verbs[0]].low.startswith(active)
    return low in c.rules.wordsets["date_clause_openers"]


def _governs_back(
    c: Clause, found: Sequence[tuple[Trigger, ActorMention]], tx: int, real: Sequence[bool]
) -> int | None:
    """A date after a trigger ("menyerang Israel pada 9 Oktober 2023") dates the nearest main event
    before it, unless a reporting verb stands between (then it is the date of the statement, but
    see `_own_statement`; `real[n]`: event n is stated as real, not planned or alleged) or
    the date sits in a clause opened after the trigger (then it is that clause's verb's)."""
    before = [n for n, (t, _) in enumerate(found) if t.last < tx and not _relative(c, t)]
    if not before:
        return None
    n = max(before, key=lambda k: found[k][0].last)
    return n if _reaches_back(c, found, n, tx, real) else None


def _occasion_of(c: Clause, t: Trigger, tx: int) -> bool:
    """ "Pertemuan puncak yang dihadiri oleh Albanese digelar di Lima pada 14-16 November": an
    event in a relative clause on the subject of an occurrence verb (berlangsung, digelar, terjadi)
    happens when the subject does. The occurrence verb is the first verb after the trigger, and the
    date is its own (not in a clause opened after it)."""
    if not _relative(c, t) or t.last >= tx:
        return False
    verbs = [j for j in range(t.last + 1, tx) if verb_like(c, j) or c.tokens[j].low in c.rules.wordsets["occurrence_verbs"]]
    if not verbs or c.tokens[verbs[0]].low not in c.rules.wordsets["occurrence_verbs"]:
        return False
    v = verbs[0]
    if any(_is_report(c, j) for j in range(t.last + 1, tx)):
        return False
    return not any(_opens_clause(c, t, j, tx) for j in range(v + 1, tx - 1)) and len(verbs) == 1


def _closing(c: Clause, tx: Timex, at: int) -> bool:
    """Is the date set off by a comma at the end of the sentence ("..., Minggu (13/7/2025).")?
    Such a date is the sentence's: it dates every main event before it, not only the nearest."""
    return c.comma_before(at) and not any(ch.isalnum() for ch in c.text[tx.end - c.offset :])


def _reaches_back(
    c: Clause, found: Sequence[tuple[Trigger, ActorMention]], n: int, tx: int, real: Sequence[bool]
) -> bool:
    """Can a date at token tx date event n before it (see `_governs_back`)?"""
    trig, source = found[n]
    reports = [j for j in range(trig.last + 1, tx) if _is_report(c, j)]
    if reports and not (real[n] and _own_statement(c, trig, source, reports, tx)):
        return False
    # the word right before the date is its own preposition ("setelah 7 Oktober"), no clause opener
    return not any(_opens_clause(c, trig, j, tx) or _noun_date(c, j, tx) for j in range(trig.last + 1, tx - 1))


def _noun_date(c: Clause, j: int, tx: int) -> bool:
    """ "menghubungi X setelah serangan pada Kamis (17/7)": a date in the phrase of a noun after a
    relational preposition (setelah, menyusul, akibat) is that noun's (the attack's), not the main
    event's. Not when the preposition governs the date itself ("setelah 7 Oktober": the loop stops
    before it), a verb ("setelah bertemu X pada Senin": that clause's, see `_opens_clause`) or the
    date is set off by a comma."""
    if c.tokens[j].low not in c.rules.wordsets["noun_date_openers"] or c.comma_before(tx):
        return False
    return not verb_like(c, j + 1) and not any(c.comma_before(k) for k in range(j + 1, tx))


def _own_statement(c: Clause, t: Trigger, source: ActorMention, reports: list[int], tx: int) -> bool:
    """ "Kami mendukung Palestina," kata Menlu RI, Kamis (10/11): an act of saying (an appeal,
    support, a demand ...) quoted from its own source happens when it is said, so the date of the
    statement is the event's. One postfix reporting verb ("kata", "ujar", not "menurut") whose
    speaker, named right after it (no comma between) and before the date, is the event's source."""
    if t.cameo[:2] not in c.rules.settings["speech_act_roots"] or len(reports) != 1:
        return False
    j = reports[0]
    if c.tokens[j].low not in c.rules.wordsets["reporting_postfix"] or c.tokens[j].low == "menurut":
        return False
    speaker = next((g for g in c.groups if j < g.first < tx), None)
    if speaker is None or any(c.comma_before(k) for k in range(j + 1, speaker.first + 1)):
        return False  # "ujar Susan, dilansir dari laman Istana ...": the group after the comma is no speaker
    return any(m.code == source.code for m in speaker.members)


def _governs_forward(
    c: Clause, found: Sequence[tuple[Trigger, ActorMention]], tx: int, end: int | None = None
) -> int | None:
    """A date before any trigger dates the next event, unless a report stands between whose speaker
    is not the event's source ("Pada bulan Maret, AS mengungkapkan bahwa Rusia …")."""
    if any(t.last < tx for t, _ in found):
        return None
    later = [n for n, (t, _) in enumerate(found) if t.first > tx and not _relative(c, t)]
    if not later:
        return None
    n = min(later, key=lambda k: found[k][0].first)
    trig, source = found[n]
    # end: the character after the date ("Senin (13/11)" holds brackets of its own)
    if end is not None and _own_verb_before(c, tx) and _breaks(c.text[end - c.offset : c.tokens[trig.first].start - c.offset]):
        return None
    for j in range(tx + 1, trig.first):
        if _is_report(c, j):
            speaker = subject(c, j)
            # "Kirby pada Rabu (30/8) mengatakan ia khawatir …": the report's date is the event's
            # date only when the reporter is the event's own source.
            if speaker is None or source not in speaker.members:
                return None
    return n


def _own_verb_before(c: Clause, tx: int) -> bool:
    """ "Didirikan tahun 1987, Hamas ...", "Erdogan, yang berupaya ... dalam referendum April nanti,
    menuduh ...": is there a verb (or "yang") before the date in its own stretch of the sentence,
    back to a comma or dash? Then, when a comma or dash also ends that stretch before the trigger,
    the date is that verb's, not the trigger's. A reporting verb is no such verb ("Kirby mengatakan
    pada Rabu bahwa ..." is left to `_governs_forward`), nor a word that only introduces the date
    ("rekaman tertanggal 15 Juni")."""
    dated = c.rules.wordsets["date_participles"]
    for j in range(tx - 1, -1, -1):
        if _break_before(c, j + 1):
            return False
        low = c.tokens[j].low
        if low == "yang" or verb_like(c, j) and not _is_report(c, j) and low not in dated:
            return True
    return False


def _break_before(c: Clause, k: int) -> bool:
    """Is there a comma, dash, colon or bracket between token k - 1 and token k?"""
    if not c.text or k <= 0 or k >= len(c.tokens):
        return False
    return _breaks(c.text[c.tokens[k - 1].end - c.offset : c.tokens[k].start - c.offset])


def _breaks(text: str) -> bool:
    return any(ch in text for ch in _STRETCH_BREAKS)


def _narrows(date: EventDate, tx: Timex) -> bool:
    """ "Pada Maret, X menyerang Y …, insiden pertama tahun ini": a fronted date that falls within
    the one found after the trigger says more precisely when the event happened."""
    return bool(date.value and tx.resolved and tx.value and tx.value != date.value and tx.value.startswith(date.value))


def attach_dates(
    c: Clause,
    found: Sequence[tuple[Trigger, ActorMention]],
    timexes: Sequence[Timex],
    modalities: Sequence[str] | None = None,
) -> list[EventDate]:
    """The date of each found event; a date following its trigger wins over one preceding it.
    `modalities` (one per event) tell which events are stated as real: only those take the date
    of the statement that quotes them."""
    dates = [EventDate() for _ in found]
    real = [m in REAL_MODALITIES for m in modalities] if modalities is not None else [True] * len(found)
    # "berlibur di Bali hingga pekan depan": a date after "hingga"/"sampai" is where something ends
    until = c.rules.wordsets["until_words"]
    timexes = [tx for tx in timexes if (at := _token_index(c, tx.start)) == 0 or c.tokens[at - 1].low not in until]
    for back in (True, False):
        for tx in timexes:
            at = _token_index(c, tx.start)
            n = _governs_back(c, found, at, real) if back else _governs_forward(c, found, at, tx.end)
            if n is None:
                continue
            span = (found[n][0].first, found[n][0].last)
            for k, (t, _) in enumerate(found):
                # every event of the trigger: the reverse of a reciprocal act, and the events derived
                # from it with another code (a converse visit, a visit to a host)
                if (t.first, t.last) == span and (dates[k].text is None or _narrows(dates[k], tx)):
                    dates[k] = EventDate(tx.value, tx.granularity, tx.text, tx.resolved, tx.start, tx.end)
    for tx in timexes:  # "KTT yang dihadiri X berlangsung pada 26 Oktober": the attending too
        at = _token_index(c, tx.start)
        for k, (t, _) in enumerate(found):
            if dates[k].text is None and tx.resolved and _occasion_of(c, t, at):
                dates[k] = EventDate(tx.value, tx.granularity, tx.text, tx.resolved, tx.start, tx.end)
    for tx in timexes:  # "X, dalam rangkaian kunjungan ke Belgia, bertemu Y, Minggu (13/7)": both events
        at = _token_index(c, tx.start)
        if not tx.resolved or not _closing(c, tx, at):
            continue
        for k, (t, _) in enumerate(found):
            if dates[k].text is None and t.last < at and not _relative(c, t) and _reaches_back(c, found, k, at, real):
                dates[k] = EventDate(tx.value, tx.granularity, tx.text, tx.resolved, tx.start, tx.end)
    return dates
