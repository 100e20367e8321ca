"""Events restated later with their date: "Pernyataan itu disampaikan di Manila, Senin (7/8)."

News often tells an event first and gives its day a sentence or two later, in a sentence whose
subject points back to it with a demonstrative: "Latihan bersama ... itu sudah dimulai sejak
Selasa, 25 Agustus", "Pernyataan tersebut disampaikan usai pertemuan ..., Senin (7/8)". Such a
sentence dates the undated events it points back to: those of the last sentence (within the
reach of "saat itu") that told of events whose trigger holds the subject's noun, or, for a noun
naming an act of saying ("pernyataan", "seruan"), speech-act events. Only a day counts (a month
or a year after the subject is too often a reference point: "yang pertama sejak 2018"), of the
main clause (not after "setelah", "menyusul", "yang" ... unless set off by a comma), outside quotes.

Two more ways a later sentence dates what the text told before: the same act told again by the
same source with a day of its own (`date_repeated`: "X tiba di Y. ... X dan rombongan tiba di
Bandara Z pada Sabtu (25/10)"), and a quote of the speaker with a closing day for the acts of
saying told before it (`date_quoted`: "X mengecam Y. ... “…,” ujarnya, Minggu (20/7)").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import replace

from kg.anaphora import Quote
from kg.arguments import after
from kg.context import attach_dates
from kg.date_grammar import alt
from kg.date_words import DateWords
from kg.events import RawEvent, find_triggers
from kg.modality import REAL_MODALITIES, modality
from kg.model import ActorMention, EventDate, Sentence, Timex
from kg.rules import RuleSet
from kg.subjects import Clause, subject
from kg.syntax import build_groups, tokenize, verb_shaped

LEAD_CHARS = 30  # "Sementara itu, ": a short connective before the subject
SUBJECT_WORDS = 8  # "Latihan gabungan bersandi Garuda Shield itu"
QUOTES = "\"“”"
ACTIVE_VOICES = ("active", "intransitive", "base")  # a restating trigger whose subject is its source
_WORD = re.compile(r"[\w-]+")


def restating_pattern(words: DateWords) -> re.Pattern[str]:
    """Matches a subject pointed back to by a demonstrative at the start of a sentence; group
    "subject" is the noun phrase without the demonstrative, "noun" its head."""
    return re.compile(
        rf"^(?:[^,.]{{0,{LEAD_CHARS}}},\s*)?(?P<subject>(?P<noun>\w+)(?:\s+[^\s,.;:!?()\"“”]+){{0,{SUBJECT_WORDS}}}?)"
        rf"\s+{alt(words.demonstratives)}(?=[\s,])",
        re.IGNORECASE,
    )


def _points_at(subject: list[str], raw: RawEvent, words: DateWords, speech_roots: frozenset[str]) -> bool:
    """Is `raw` what the subject ("latihan bersama itu", "pernyataan tersebut") stands for? Its
    trigger holds the head noun and every verb-like word of the subject ("latihan bersama"), or
    the head names an act of saying and the event is one."""
    trigger = set(raw.mention.trigger.lower().split())
    noun = subject[0]
    if noun in trigger:
        return all(w in trigger for w in subject[1:] if verb_shaped(w))
    return noun in words.statement_nouns and raw.cameo[:2] in speech_roots


def _day(text: str, offset: int, after: int, found: Sequence[Timex], words: DateWords) -> Timex | None:
    """The first day the sentence gives after its subject (which ends at `after`) for the subject
    itself: resolved to a day, outside quotes, in the main clause (see `_main_clause`)."""
    if any(q in text for q in QUOTES):
        return None
    for tx in found:
        at = tx.start - offset
        if at >= after and tx.resolved and tx.granularity == "day" and not tx.anaphoric:
            return tx if _main_clause(text[after:at], words) else None
    return None


def _main_clause(between: str, words: DateWords) -> bool:
    """Is a date after `between` (the words from the subject to it) the subject's? Not after a
    relational word or a clause opener ("yang terbesar sejak 7 Oktober", "menyusul latihan ...
    awal pekan ini", "membahas serangan yang terjadi Senin"), unless set off by a comma ("...
    usai pertemuan di Manila, Senin (7/8)") or the start of the subject ("dimulai sejak Selasa")."""
    if between.rstrip().endswith(","):
        return True
    before = [w.lower() for w in _WORD.findall(between)]
    if len(before) >= 2 and before[-1] in words.since_words and before[-2] in words.restate_start_verbs:
        before = before[:-1]
    return not any(w in words.restate_not_between for w in before)


def date_restated(
    text: str,
    offset: int,
    index: int,
    found: Sequence[Timex],
    raws: list[RawEvent],
    pattern: re.Pattern[str],
    words: DateWords,
    speech_roots: frozenset[str],
) -> list[RawEvent]:
    """The document's events `raws`, the undated ones that sentence `index` (text `text` at
    `offset`, dates `found`) restates with a day dated by that day."""
    match = pattern.match(text)
    if match is None or not found:
        return raws
    tx = _day(text, offset, match.end(), found, words)
    if tx is None:
        return raws
    subject = [w.lower() for w in _WORD.findall(match.group("subject"))]
    near = [
        k
        for k, r in enumerate(raws)
        if 0 < index - r.mention.sentence_index <= words.anaphoric_reach and _points_at(subject, r, words, speech_roots)
    ]
    if not near:
        return raws
    last = max(raws[k].mention.sentence_index for k in near)
    day = EventDate(tx.value, tx.granularity, tx.text, tx.resolved, tx.start, tx.end)
    chosen = {k for k in near if raws[k].mention.sentence_index == last and raws[k].date.text is None}
    return [replace(r, date=day) if k in chosen else r for k, r in enumerate(raws)]


def date_repeated(
    sentence: Sentence,
    mentions: list[ActorMention],
    found: Sequence[Timex],
    raws: list[RawEvent],
    rules: RuleSet,
    modality_data: dict[str, object],
    reach: int,
) -> list[RawEvent]:
    """ "Presiden X tiba di Malaysia. ... X dan rombongan tiba di Bandara Subang pada Sabtu (25/10)":
    a later sentence (within `reach`) that tells the same act again, with a day of its own, dates
    the undated events it repeats: the same CAMEO code and modality, said in the active voice of
    the same source (an actor of the trigger's subject), with no target or one of the same
    country. Returns `raws` with those dated."""
    index = sentence.index
    undated = [
        k for k, r in enumerate(raws) if r.date.text is None and 0 < index - r.mention.sentence_index <= reach
    ]
    if not undated or not any(tx.resolved and tx.granularity == "day" for tx in found):
        return raws
    tokens = tokenize(sentence.text, sentence.start)
    clause = Clause(tokens, build_groups(tokens, mentions, sentence.text, sentence.start, rules.wordsets), rules,
                    sentence.text, sentence.start)
    dated: dict[int, EventDate] = {}
    for trig in find_triggers(tokens, rules):
        if trig.voice not in ACTIVE_VOICES or trig.rule.source_prep or any(tokens[j].low in rules.wordsets["again_markers"]
                                                   for j in range(max(0, trig.first - 3), trig.first)):
            continue
        group = subject(clause, trig.first, trig.rule.subject)
        if group is None:
            continue
        mood = modality(clause, trig, modality_data)
        day = attach_dates(clause, [(trig, group.members[0])], found, [mood])[0]
        if not day.resolved or day.granularity != "day":
            continue
        target = after(clause, trig, trig.rule.target)
        sources = {m.id for m in group.members}
        for k in undated:
            r = raws[k]
            if r.cameo == trig.cameo and r.modality == mood and r.source.id in sources and (
                target is None or any(m.code == r.target.code for m in target.members)
            ):
                dated.setdefault(k, day)
    if not dated:
        return raws
    return [replace(r, date=dated[k]) if k in dated else r for k, r in enumerate(raws)]


def date_quoted(
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote],
    raws: list[RawEvent],
    dates_of: Callable[[Sentence], list[Timex]],
    reach: int,
    speech_roots: frozenset[str],
) -> list[RawEvent]:
    """ "Paus Leo mengecam Israel. ... “Saya meminta ...,” ujarnya seperti dilansir Reuters, Selasa
    (20/7/2025).": the lead tells what a speaker said, a quote of the same speaker within `reach`
    sentences after gives the day it was said, at the end of its sentence after a comma. The
    undated acts of saying (roots `speech_roots`) of the speaker's country before the quote take
    that day, unless a sentence from the event up to the quote gives a date of its own not after
    that day (then the quote may be of another occasion; a later date is a plan told of)."""
    undated = [k for k, r in enumerate(raws) if r.date.text is None and r.cameo[:2] in speech_roots]
    if not undated or not quotes:
        return raws
    at = [s.start for s in sentences]
    given: dict[int, list[str]] = {}

    def gives_date(i: int, day: str) -> bool:
        """Does sentence i give a date not after `day` (a later one is a plan, no other occasion)?"""
        if i not in given:
            given[i] = [str(tx.value) for tx in dates_of(sentences[i]) if tx.resolved]
        return any(value <= day or day.startswith(value) for value in given[i])

    dated: dict[int, EventDate] = {}
    for quote in quotes:
        if quote.speaker is None:
            continue
        first, last = bisect_right(at, quote.start) - 1, bisect_right(at, quote.end - 1) - 1
        day = _closing_day(sentences[last], quote.end, dates_of(sentences[last]))
        if day is None:
            continue
        for k in undated:
            r = raws[k]
            i = r.mention.sentence_index
            if k in dated or not first - reach <= i < first or r.source.code != quote.speaker.code:
                continue
            if not any(gives_date(j, str(day.value)) for j in range(i, first)):
                dated[k] = EventDate(day.value, day.granularity, day.text, day.resolved, day.start, day.end)
    if not dated:
        return raws
    return [replace(r, date=dated[k]) if k in dated else r for k, r in enumerate(raws)]


def _closing_day(sentence: Sentence, after: int, found: Sequence[Timex]) -> Timex | None:
    """The day that closes the sentence after a comma (", Minggu (20/7/2025)."), after offset `after`."""
    for tx in found:
        rest = sentence.text[tx.end - sentence.start :]
        before = sentence.text[: tx.start - sentence.start].rstrip()
        if tx.start >= after and tx.resolved and tx.granularity == "day" and not tx.anaphoric \
                and before.endswith(",") and not any(ch.isalnum() for ch in rest):
            return tx
    return None


def date_same_occasion(
    raws: list[RawEvent], dated_sentences: frozenset[int], reach: int, elsewhen: frozenset[str]
) -> list[RawEvent]:
    """ "Trump bertemu Netanyahu pada Minggu (25/9). … Dalam pertemuan itu Trump mengatakan kepada
    Netanyahu …": an undated event stated as real, in a sentence that gives no date of its own
    (`dated_sentences`: the indexes of sentences with a resolved date), up to `reach` sentences after a
    real event between the same two parties (either direction) dated to a day, happened on that
    occasion: it takes that day. Not when the text dated the two parties' events before to more
    than one day (which occasion is then unclear), nor when a word of the sentence places it at
    another time (`elsewhen`: "dulu", "pernah", "sebelumnya", "kembali" …)."""
    if reach <= 0:
        return raws
    out = list(raws)
    order = sorted(range(len(raws)), key=lambda k: raws[k].mention.sentence_index)
    last: dict[frozenset[str | None], RawEvent] = {}
    days: dict[frozenset[str | None], set[str | None]] = {}
    for k in order:
        r = raws[k]
        pair = frozenset((r.source.code, r.target.code))
        index = r.mention.sentence_index
        real = r.modality in REAL_MODALITIES
        if r.date.text is not None:
            last[pair] = r
            days.setdefault(pair, set()).add(r.date.value)
            continue
        before = last.get(pair)
        if (
            real
            and before is not None
            and index not in dated_sentences
            and not elsewhen.intersection(w.lower() for w in _WORD.findall(r.mention.sentence))
            and 0 < index - before.mention.sentence_index <= reach
            and before.modality in REAL_MODALITIES
            and before.date.resolved
            and before.date.granularity == "day"
            and len(days[pair]) == 1
        ):
            out[k] = replace(r, date=before.date)
    return out
