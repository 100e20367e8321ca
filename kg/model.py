"""Typed records passed between pipeline stages.

Every stage is a function from these frozen records to these frozen records; nothing is mutated
after creation. All character offsets are into ``Document.text`` (the text as read, before
cleaning), so any span can be traced back to the words it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DateSource = Literal["metadata", "text", "none"]
Granularity = Literal["year", "month", "day"]
Modality = Literal["asserted", "planned", "possible", "alleged", "denied", "negated"]
# state: a country or its government/officials; organisation: IGOs, blocs, ministries used as
# organisations, companies, media; armed_group: named non-state armed groups; person: a named
# individual; group: unnamed people or bodies of a country ("seorang pria Slovakia", "entitas Rusia").
ActorType = Literal["state", "organisation", "armed_group", "person", "group"]

MODALITIES: tuple[str, ...] = ("asserted", "planned", "possible", "alleged", "denied", "negated")
ACTOR_TYPES: tuple[str, ...] = ("state", "organisation", "armed_group", "person", "group")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk, before any cleaning."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None  # publication date from metadata, as given (ISO 8601 expected)
    url: str | None = None
    publisher: str | None = None
    origin: str = ""  # where it was read from: "path" or "path:line" for JSONL
    warnings: tuple[str, ...] = ()  # problems met while reading (e.g. encoding fallback)


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """An input item that could not be read; reported, counted and skipped."""

    origin: str  # file path
    line: int | None  # 1-based line for JSONL inputs
    message: str

    def __str__(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CleanDocument:
    """The article body with boilerplate removed, as spans of the original text."""

    doc: Document
    title: str | None
    published: str | None  # ISO 8601: "2023-08-31T14:09:00+07:00" or "2023-08-31"; None if unknown
    date_source: DateSource
    blocks: tuple[Span, ...]  # kept paragraphs, in order, offsets into doc.text
    warnings: tuple[str, ...] = ()

    @property
    def published_date(self) -> str | None:
        """The publication day as YYYY-MM-DD (the anchor for relative dates)."""
        return self.published[:10] if self.published else None


@dataclass(frozen=True, slots=True)
class Sentence:
    doc: str
    index: int
    start: int
    end: int
    text: str  # == doc.text[start:end]


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A span of text resolved to an actor of the lexicon."""

    start: int
    end: int
    text: str
    id: str  # most specific entity: "USA", "USA.GOV", "PERSON.john_kirby", "RUS.MIL"
    code: str  # roll-up code used for counting and evaluation: "USA", "UN", "WAGNER"
    label: str  # Indonesian display label
    type: str  # one of ACTOR_TYPES
    label_en: str | None = None
    country: str | None = None  # ISO alpha-3 a non-state actor belongs to (Wagner -> RUS), if any
    # a person the lexicon does not know, named beside a state office ("Menteri Perdagangan Kenya,
    # Lee Kinyanjui" ... "Kinyanjui"): the mention stands for that office, and "Dia" may refer to it
    named_person: bool = False


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression resolved (or not) against an anchor date."""

    start: int
    end: int
    text: str
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    granularity: Granularity | None
    resolved: bool
    anchor: str | None = None  # YYYY-MM-DD the expression was resolved against
    anaphoric: bool = False  # "saat itu": stands for an earlier date of the text (see kg.dates.resolve_anaphoric)


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None = None
    granularity: Granularity | None = None
    text: str | None = None
    resolved: bool = False
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class EventMention:
    """One place in a document that states an event: the evidence."""

    sentence: str
    sentence_index: int
    start: int  # sentence start offset in doc.text
    end: int  # sentence end offset in doc.text
    trigger: str
    rule: str
    trigger_start: int | None = None
    trigger_end: int | None = None
    source_text: str | None = None
    target_text: str | None = None


@dataclass(frozen=True, slots=True)
class EventType:
    """A CAMEO code with its derived classifications (from data/lexicon/cameo.jsonl)."""

    cameo: str
    label: str
    plover: str
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float

    @property
    def root(self) -> str:
        return self.cameo[:2]


@dataclass(frozen=True, slots=True)
class Event:
    """An actor -> action -> target event, after merging, with all its mentions."""

    id: str
    doc: str
    source: ActorMention
    target: ActorMention
    type: EventType
    modality: str
    attributed_to: str | None
    date: EventDate
    mentions: tuple[EventMention, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything extracted from one document."""

    clean: CleanDocument
    n_sentences: int
    events: tuple[Event, ...]
    timexes: tuple[Timex, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    warnings: tuple[str, ...] = ()
    topic: str | None = None  # "sports", "entertainment" ... when the document is off-topic
    sha1: str | None = None  # content hash of the article text (incremental builds)
