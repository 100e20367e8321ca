"""Hand-built DocumentResult records for the graph, query and trace tests.

Two seed-like documents: 000 (no publication date, a hostile title, a sentence full of quoting
characters) and 004 (published 2023-08-31). Every event id and expected value used by the tests is
a constant here, so the tests read as plain facts about this small world.
"""

from __future__ import annotations

from kg.model import (
    ActorMention,
    CleanDocument,
    Document,
    DocumentResult,
    Event,
    EventDate,
    EventMention,
    EventType,
    Span,
)

DOC_A = "000_deec51cd281f298f"
DOC_B = "004_74fedadd5d11810f"
HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
TRICKY_SENTENCE = 'Korea Utara "membantah" \\ menjual > senjata < ke Rusia,\nkata pejabat.'
PUBLISHED_B = "2023-08-31T14:09:00+07:00"
URL_B = "https://www.example.com/amerika-khawatir?id=1&x=2"

EV_ARMS_PLANNED = "ev-0000000000000a01"  # PRK -> RUS 072 planned, attributed to USA, two mentions
EV_ARMS_WAGNER = "ev-0000000000000a02"  # PRK -> WAGNER 072, November 2022
EV_SUPPORT_WAGNER = "ev-0000000000000a03"  # RUS.GOV (Kremlin) -> WAGNER 070
EV_SANCTION_SVK = "ev-0000000000000a04"  # USA -> SVK.NAT 163
EV_DENIED = "ev-0000000000000a05"  # PRK -> RUS 062 denied (the tricky sentence)
EV_CONCERN_PRK = "ev-0000000000000a06"  # USA.GOV -> PRK 012
EV_SANCTION_RUS = "ev-0000000000000b01"  # USA -> RUS.ENT 163
EV_SANCTION_WST = "ev-0000000000000b02"  # WST -> RUS.ENT 163
EV_CONCERN_KIRBY = "ev-0000000000000b03"  # PER.john_kirby -> RUS 012, 2023-08-30
EV_ARMS_POSSIBLE = "ev-0000000000000b04"  # PRK -> RUS 072 possible, attributed to USA, unresolved date

ARMS = EventType("072", "arms transfer", "AID", 2, 5.2)
AID = EventType("070", "provide aid", "AID", 2, 7.0)
SANCTION = EventType("163", "impose embargo, boycott, or sanctions", "SANCTION", 4, -8.0)
MIL_COOP = EventType("062", "cooperate militarily", "COOPERATE", 2, 7.4)
CONCERN = EventType("012", "express concern", "DISAPPROVE", 1, -0.4)

_ACTORS: dict[str, tuple[str, str, str, str | None, str | None]] = {
    # id: (code, label, type, label_en, country)
    "PRK": ("PRK", "Korea Utara", "state", "North Korea", None),
    "RUS": ("RUS", "Rusia", "state", "Russia", None),
    "RUS.GOV": ("RUS", "Pemerintah Rusia", "state", "Government of Russia", "RUS"),
    "RUS.ENT": ("RUS", "entitas Rusia", "group", None, "RUS"),
    "USA": ("USA", "Amerika Serikat", "state", "United States", None),
    "USA.GOV": ("USA", "Pemerintah Amerika Serikat", "state", "United States government", "USA"),
    "PER.john_kirby": ("USA", "John Kirby", "person", "John Kirby", "USA"),
    "SVK.NAT": ("SVK", "warga Slovakia", "group", "Slovak national", "SVK"),
    "WAGNER": ("WAGNER", "Grup Wagner", "armed_group", "Wagner Group", "RUS"),
    "WST": ("WST", "negara-negara Barat", "organisation", "the West", None),
}

WIKIDATA = {"PRK": "Q423", "RUS": "Q159", "USA": "Q30", "WAGNER": "Q25412942", "SVK": "Q214"}


def actor(actor_id: str, text: str, start: int = 0) -> ActorMention:
    code, label, kind, label_en, country = _ACTORS[actor_id]
    return ActorMention(start, start + len(text), text, actor_id, code, label, kind, label_en, country)


def actor_info(actor_id: str) -> dict[str, object]:
    """What a lexicon lookup would add: the Wikidata id, and names of code-level actors like SVK."""
    info: dict[str, object] = {"wikidata": WIKIDATA.get(actor_id)}
    if actor_id == "SVK":
        info.update(label="Slowakia", label_en="Slovakia", type="state")
    return info


class _Text:
    """Builds a document text sentence by sentence, remembering each sentence's offsets."""

    def __init__(self, sentences: list[str]) -> None:
        self.sentences = sentences
        self.offsets: list[tuple[int, int]] = []
        position = 0
        for sentence in sentences:
            self.offsets.append((position, position + len(sentence)))
            position += len(sentence) + 1
        self.text = " ".join(sentences)

    def span(self, index: int, words: str) -> tuple[int, int]:
        start = self.offsets[index][0] + self.sentences[index].index(words)
        return start, start + len(words)

    def mention(self, index: int, trigger: str, rule: str, source: str, target: str) -> EventMention:
        start, end = self.offsets[index]
        sentence = self.sentences[index]
        at = start + sentence.index(trigger)
        return EventMention(sentence, index, start, end, trigger, rule, at, at + len(trigger), source, target)


_A = _Text(
    [
        (
            "Juru Bicara Departemen Luar Negeri AS mengungkapkan kekhawatiran bahwa Korea Utara berencana "
            "untuk mengirim lebih banyak senjata ke Rusia."
        ),
        (
            "Korea Utara telah melakukan pengiriman senjata kepada kelompok tentara bayaran Wagner yang "
            "didukung oleh Kremlin pada November 2022."
        ),
        TRICKY_SENTENCE,
        "Sebagai respons, AS telah memberlakukan sanksi terhadap seorang pria Slovakia.",
        "Korea Utara berencana untuk mengirim lebih banyak peralatan militer ke Rusia.",
    ]
)

_B = _Text(
    [
        (
            "Juru bicara Dewan Keamanan Nasional John Kirby pada Rabu (30/8), mengatakan ia khawatir Rusia "
            "akan mendapat amunisi."
        ),
        "Rusia akan menerima sejumlah besar amunisi dari Korea Utara dalam beberapa bulan mendatang.",
        "AS dan negara-negara barat lainnya telah menjatuhkan puluhan sanksi terhadap entitas Rusia.",
    ]
)

SENTENCES_A, SENTENCES_B = _A.sentences, _B.sentences
NO_DATE = EventDate()


def _events_a() -> tuple[Event, ...]:
    m = _A.mention
    return (
        Event(
            EV_ARMS_PLANNED,
            DOC_A,
            actor("PRK", "Korea Utara"),
            actor("RUS", "Rusia"),
            ARMS,
            "planned",
            "USA",
            NO_DATE,
            (
                m(
                    0,
                    "berencana untuk mengirim lebih banyak senjata",
                    "transfer.kirim-ke",
                    "Korea Utara",
                    "Rusia",
                ),
                m(
                    4,
                    "berencana untuk mengirim lebih banyak peralatan militer",
                    "transfer.kirim-ke",
                    "Korea Utara",
                    "Rusia",
                ),
            ),
        ),
        Event(
            EV_ARMS_WAGNER,
            DOC_A,
            actor("PRK", "Korea Utara"),
            actor("WAGNER", "kelompok tentara bayaran Wagner"),
            ARMS,
            "asserted",
            "USA",
            EventDate("2022-11", "month", "November 2022", True, *_A.span(1, "November 2022")),
            (
                m(
                    1,
                    "melakukan pengiriman senjata",
                    "transfer.kirim-kepada",
                    "Korea Utara",
                    "kelompok tentara bayaran Wagner",
                ),
            ),
        ),
        Event(
            EV_SUPPORT_WAGNER,
            DOC_A,
            actor("RUS.GOV", "Kremlin"),
            actor("WAGNER", "kelompok tentara bayaran Wagner"),
            AID,
            "asserted",
            None,
            NO_DATE,
            (m(1, "didukung oleh", "aid.didukung-oleh", "Kremlin", "kelompok tentara bayaran Wagner"),),
        ),
        Event(
            EV_SANCTION_SVK,
            DOC_A,
            actor("USA", "AS"),
            actor("SVK.NAT", "seorang pria Slovakia"),
            SANCTION,
            "asserted",
            None,
            NO_DATE,
            (m(3, "memberlakukan sanksi", "sanction.berlakukan", "AS", "seorang pria Slovakia"),),
        ),
        Event(
            EV_DENIED,
            DOC_A,
            actor("PRK", "Korea Utara"),
            actor("RUS", "Rusia"),
            MIL_COOP,
            "denied",
            None,
            NO_DATE,
            (m(2, "menjual > senjata", "deny.membantah", "Korea Utara", "Rusia"),),
        ),
        Event(
            EV_CONCERN_PRK,
            DOC_A,
            actor("USA.GOV", "Juru Bicara Departemen Luar Negeri AS"),
            actor("PRK", "Korea Utara"),
            CONCERN,
            "asserted",
            None,
            NO_DATE,
            (
                m(
                    0,
                    "mengungkapkan kekhawatiran",
                    "comment.khawatir",
                    "Juru Bicara Departemen Luar Negeri AS",
                    "Korea Utara",
                ),
            ),
        ),
    )


def _events_b() -> tuple[Event, ...]:
    m = _B.mention
    return (
        Event(
            EV_SANCTION_RUS,
            DOC_B,
            actor("USA", "AS"),
            actor("RUS.ENT", "entitas Rusia"),
            SANCTION,
            "asserted",
            None,
            NO_DATE,
            (m(2, "menjatuhkan puluhan sanksi", "sanction.jatuhkan", "AS", "entitas Rusia"),),
        ),
        Event(
            EV_SANCTION_WST,
            DOC_B,
            actor("WST", "negara-negara barat"),
            actor("RUS.ENT", "entitas Rusia"),
            SANCTION,
            "asserted",
            None,
            NO_DATE,
            (
                m(
                    2,
                    "menjatuhkan puluhan sanksi",
                    "sanction.jatuhkan",
                    "negara-negara barat",
                    "entitas Rusia",
                ),
            ),
        ),
        Event(
            EV_CONCERN_KIRBY,
            DOC_B,
            actor("PER.john_kirby", "John Kirby"),
            actor("RUS", "Rusia"),
            CONCERN,
            "asserted",
            None,
            EventDate("2023-08-30", "day", "Rabu (30/8)", True, *_B.span(0, "Rabu (30/8)")),
            (m(0, "khawatir", "comment.khawatir", "John Kirby", "Rusia"),),
        ),
        Event(
            EV_ARMS_POSSIBLE,
            DOC_B,
            actor("PRK", "Korea Utara"),
            actor("RUS", "Rusia"),
            ARMS,
            "possible",
            "USA",
            EventDate(None, None, "beberapa bulan mendatang", False),
            (m(1, "akan menerima sejumlah besar amunisi", "transfer.terima-dari", "Korea Utara", "Rusia"),),
        ),
    )


def results() -> list[DocumentResult]:
    """The two documents, B first so that tests also check that input order does not matter."""
    doc_a = Document(DOC_A, _A.text, title=HOSTILE_TITLE, origin="000_deec51cd281f298f.txt")
    doc_b = Document(
        DOC_B,
        _B.text,
        title="Amerika Khawatir Rusia dapat Amunisi dari Korea Utara",
        date=PUBLISHED_B,
        url=URL_B,
        publisher="Contoh Media",
        origin="004_74fedadd5d11810f.txt",
    )
    clean_a = CleanDocument(doc_a, HOSTILE_TITLE, None, "none", (Span(0, len(_A.text)),))
    clean_b = CleanDocument(doc_b, doc_b.title, PUBLISHED_B, "metadata", (Span(0, len(_B.text)),))
    return [
        DocumentResult(clean_b, len(_B.sentences), _events_b()),
        DocumentResult(clean_a, len(_A.sentences), _events_a()),
    ]


def synthetic(n_events: int, per_doc: int = 5) -> list[DocumentResult]:
    """n_events generated events over n_events / per_doc documents, for size and speed checks."""
    codes = ["PRK", "RUS", "USA", "WAGNER", "WST", "RUS.GOV", "PER.john_kirby", "SVK.NAT", "USA.GOV"]
    kinds = [ARMS, AID, SANCTION, MIL_COOP, CONCERN]
    sentence = "Korea Utara berencana untuk mengirim lebih banyak senjata ke Rusia."
    results = []
    for d in range(0, n_events, per_doc):
        doc_id = f"syn_{d // per_doc:06d}"
        events = []
        for i in range(d, min(d + per_doc, n_events)):
            source, target = codes[i % len(codes)], codes[(i * 7 + 1) % len(codes)]
            date = EventDate(f"2023-{i % 12 + 1:02d}", "month", "bulan lalu", True) if i % 3 else NO_DATE
            start = (i - d) * (len(sentence) + 1)
            mention = EventMention(
                sentence, i - d, start, start + len(sentence), "mengirim", "transfer.kirim-ke"
            )
            events.append(
                Event(
                    f"ev-{i:016x}",
                    doc_id,
                    actor(source, "Korea Utara"),
                    actor(target, "Rusia"),
                    kinds[i % len(kinds)],
                    "asserted",
                    "USA" if i % 4 == 0 else None,
                    date,
                    (mention,),
                )
            )
        doc = Document(doc_id, " ".join([sentence] * len(events)), title=f"Artikel {doc_id}")
        clean = CleanDocument(doc, doc.title, "2023-08-31", "metadata", (Span(0, len(doc.text)),))
        results.append(DocumentResult(clean, len(events), tuple(events)))
    return results
