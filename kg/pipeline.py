"""One document through every stage: clean, split, actors, dates, events, merge.

`Resources` holds what is compiled once per process (gazetteer, date resolver, event rules);
`process_document` is a pure function of a Document and those resources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from kg.actors import ActorMatcher, DocMemory
from kg.anaphora import Referents, clitic_forms, clitics, quotations, resolve
from kg.clean import clean, split_sentences
from kg.crosssent import Participants, Words, words_from
from kg.dates import DateResolver, resolve_anaphoric
from kg.events import RawEvent, extract_sentence
from kg.frames import after_act_pattern, date_after_act, date_framed, frame_pattern
from kg.merge import merge_document
from kg.modality import load_modality
from kg.model import ActorMention, Document, DocumentResult, Sentence, Timex
from kg.output import text_hash
from kg.restate import date_quoted, date_repeated, date_restated, date_same_occasion, restating_pattern
from kg.rules import RuleSet, load_rules
from kg.topics import off_topic


@dataclass(frozen=True)
class Resources:
    actors: ActorMatcher
    dates: DateResolver
    rules: RuleSet
    modality: dict[str, Any]
    lexicon_dir: str | None = None  # where anaphora.json is read (None: data/lexicon)

    @classmethod
    def load(cls, lexicon_dir: Path | None = None) -> Resources:
        return cls(
            actors=ActorMatcher.load(lexicon_dir),
            dates=DateResolver.load(lexicon_dir),
            rules=load_rules(lexicon_dir),
            modality=load_modality(str(lexicon_dir) if lexicon_dir else None),
            lexicon_dir=str(lexicon_dir) if lexicon_dir else None,
        )

    @cached_property
    def frames(self) -> re.Pattern[str]:
        """ "Dalam pertemuan itu, …" (kg/frames.py), compiled once per process."""
        return frame_pattern(self.dates.words)

    @cached_property
    def after_act(self) -> re.Pattern[str]:
        """ "Selepas mendarat di X, …" (kg/frames.py), compiled once per process."""
        return after_act_pattern(self.dates.words)

    @cached_property
    def restating(self) -> re.Pattern[str]:
        """ "Pernyataan itu disampaikan …" (kg/restate.py), compiled once per process."""
        return restating_pattern(self.dates.words)

    @cached_property
    def clitic_verbs(self) -> dict[str, str]:
        """Verb forms that take "-nya" as their object or agent (kg/anaphora.py clitics)."""
        return clitic_forms(self.rules, self.lexicon_dir)

    @cached_property
    def participant_words(self) -> Words:
        """The words of kg/crosssent.py's pattern ("… yang dideportasi itu berasal dari …")."""
        return words_from(self.rules.settings, self.dates.words.demonstratives)


class Told:
    """The date a document gave last, for "saat itu" in the next `reach` sentences."""

    def __init__(self, reach: int, shifts: dict[str, int] | None = None) -> None:
        self.reach = reach
        self.shifts = shifts or {}
        self.last: Timex | None = None
        self.at = 0

    def resolve(self, index: int, found: list[Timex]) -> list[Timex]:
        near = self.last if self.last is not None and index - self.at <= self.reach else None
        out, last = resolve_anaphoric(found, near, self.shifts)
        if last is not None and last is not near:
            self.last, self.at = last, index
        return out


def undated(raws: list[RawEvent], index: int, reach: int) -> bool:
    """Is an event of the last `reach` sentences before sentence `index` still without a date?"""
    return any(r.date.text is None and 0 < index - r.mention.sentence_index <= reach for r in reversed(raws[-50:]))


@lru_cache(maxsize=2)
def default_resources(lexicon_dir: str | None = None) -> Resources:
    return Resources.load(Path(lexicon_dir) if lexicon_dir else None)


_CLOSING = (".", "!", "?", '"', "\u201d", "'", ":", ";", ")")


def _heading(text: str, s: Sentence) -> bool:
    """A paragraph of one sentence with no closing punctuation ("Sanksi ekonomi terhadap X") is a
    section heading or a list of headlines, not a statement of the body: it states no event."""
    if s.text.rstrip().endswith(_CLOSING):
        return False
    return text[: s.start].rstrip(" \t").endswith("\n") and text[s.end :].lstrip(" \t").startswith("\n")


def _after_publication(raw: RawEvent, anchor: str | None) -> bool:
    """Is an event stated as a plain fact dated after the article was published ("KTT … pada 26-28
    Oktober" in a 25 October article, "tarif … mulai bulan depan")? It is still to come: planned. Dates
    compare at their own granularity (a month with the publication month, a year with its year)."""
    value = raw.date.value
    if raw.modality != "asserted" or not raw.date.resolved or not value or not anchor:
        return False
    return value > anchor[: len(value)]


def process_document(doc: Document, res: Resources) -> DocumentResult:
    cleaned = clean(doc)
    sentences = split_sentences(cleaned)
    body = " ".join(doc.text[b.start : b.end] for b in cleaned.blocks)
    topic = off_topic(f"{cleaned.title or ''} {body}", res.rules.settings)
    anchor = cleaned.published_date
    memory = DocMemory()
    seen = Referents()
    raws: list[RawEvent] = []
    actors: list[ActorMention] = []
    timexes: list[Timex] = []
    dated: set[int] = set()  # sentences with a resolved date of their own (for date_same_occasion)
    told = Told(res.dates.words.anaphoric_reach, res.dates.words.anaphoric_shifts)
    refers_back = res.dates.refers_back(body)
    frames, restating = res.frames, res.restating
    speech_roots = res.rules.settings["speech_act_roots"]
    # names first (a quote's speaker may be named after it), then anaphors against them
    named_in = [res.actors.find(s.text, s.start, when=anchor, memory=memory) for s in sentences]
    quotes = quotations([(s.start, s.text) for s in sentences], named_in, res.lexicon_dir)
    participants = Participants(res.participant_words, res.rules, res.modality)
    told_before: list[tuple[Sentence, list[ActorMention]]] = []
    reach = res.dates.words.anaphoric_reach

    def dates_of(s: Sentence) -> list[Timex]:
        return res.dates.quoted_days(s.text, s.start, res.dates.find(s.text, s.start, anchor))

    for sentence, named in zip(sentences, named_in, strict=True):
        here = [q for q in quotes if q.start < sentence.end and sentence.start < q.end]
        anaphors = resolve(sentence.text, sentence.start, named, seen, res.lexicon_dir, here)
        anaphors += clitics(sentence.text, sentence.start, named, seen, res.clitic_verbs, here)
        mentions = sorted(named + anaphors, key=lambda m: m.start)
        seen.update(named, sentence.text, sentence.start, here)
        actors.extend(mentions)
        if topic is None and mentions:  # "WNA yang dideportasi tersebut berasal dari A dan B"
            raws.extend(participants.complete(sentence, mentions, told_before, dates_of, raws))
        told_before = [*told_before, (sentence, mentions)][-participants.words.reach :] if participants.words.reach else []
        restates = bool(raws) and restating.match(sentence.text) is not None
        if topic is None and len(mentions) == 1 and not refers_back and not restates and undated(raws, sentence.index, reach):
            # "X tiba di Y. ... X tiba di Bandara Z, Sabtu (25/10)": the act told again, with its day
            raws = date_repeated(sentence, mentions, dates_of(sentence), raws, res.rules, res.modality, reach)
        if topic is not None or (len(mentions) < 2 and not refers_back and not restates):
            continue  # an event needs two actors; skip the date search where none can be
        # with a "saat itu" in the text, every sentence's dates: the last may be what it stands for
        found = told.resolve(sentence.index, dates_of(sentence))
        if restates:  # "Pernyataan itu disampaikan ..., Senin (7/8)": dates events told before
            raws = date_restated(
                sentence.text, sentence.start, sentence.index, found, raws, restating, res.dates.words, speech_roots
            )
        heading = _heading(doc.text, sentence)
        if mentions and not heading:
            raws = date_repeated(sentence, mentions, found, raws, res.rules, res.modality, reach)
        if len(mentions) < 2 or heading:
            continue
        timexes.extend(found)
        if any(tx.resolved for tx in found):
            dated.add(sentence.index)
        new = extract_sentence(sentence, mentions, found, res.rules, res.modality)
        new = date_framed(sentence.text, sentence.index, new, raws, frames, res.dates.words)
        raws.extend(date_after_act(sentence.text, sentence.index, new, raws, res.after_act, reach))
    if topic is None:  # "X mengecam Y. … “…,” ujar X, Minggu (20/7)": the lead's statements take the quote's day
        raws = date_quoted(sentences, quotes, raws, dates_of, res.dates.words.statement_reach, speech_roots)
        raws = date_same_occasion(raws, frozenset(dated), res.dates.words.occasion_reach, res.rules.wordsets["other_occasion"])
    raws = [replace(r, modality="planned") if _after_publication(r, anchor) else r for r in raws]
    return DocumentResult(
        clean=cleaned,
        n_sentences=len(sentences),
        events=merge_document(doc.id, raws, res.rules),
        timexes=tuple(timexes),
        actors=tuple(actors),
        warnings=tuple(dict.fromkeys(doc.warnings + cleaned.warnings)),
        topic=topic,
        sha1=text_hash(doc.text),
    )


def lighten(result: DocumentResult) -> DocumentResult:
    """Drop the article text and per-mention lists once the events are out, to bound memory."""
    doc = replace(result.clean.doc, text="")
    return replace(result, clean=replace(result.clean, doc=doc), actors=(), timexes=())
