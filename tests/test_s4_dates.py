"""Dates given in a later sentence: an act told again with its day (kg/restate.py date_repeated).

Sentences are written for these tests. Each case is (publication date, text) and the exact
(source, target, CAMEO, modality, date value) of every event found, in any order.
"""

from __future__ import annotations

import pytest

from kg.dates import DateResolver
from kg.model import Event
from tests.documents import event_rows, events_of


def _value(e: Event) -> str | None:
    return e.date.value


def _modality(e: Event) -> str:
    return e.modality


Row = tuple[object, ...]

REPEATED: list[tuple[str, str, list[Row]]] = [
    # the lead tells the arrival, the next sentence tells it again with its day
    (
        "2024-03-09",
        ("Presiden Joko Widodo tiba di Vietnam untuk kunjungan kenegaraan. "
        "Menurut keterangan resmi Istana, Joko Widodo dan rombongan tiba di Bandara Noi Bai pada Jumat (8/3/2024) malam."),
        [("IDN", "VNM", "042", "asserted", "2024-03-08")],
    ),
    # "juga": another arrival, not the first one told again
    (
        "2024-03-09",
        ("Presiden Joko Widodo tiba di Vietnam untuk kunjungan kenegaraan. "
        "Joko Widodo juga tiba di Bandara Tan Son Nhat pada Jumat (8/3/2024) malam."),
        [("IDN", "VNM", "042", "asserted", None)],
    ),
    # another actor arriving is no restatement
    (
        "2024-03-09",
        ("Presiden Joko Widodo tiba di Vietnam untuk kunjungan kenegaraan. "
        "Menteri Luar Negeri Retno Marsudi tiba di Bandara Noi Bai pada Jumat (8/3/2024) malam."),
        [("IDN", "VNM", "042", "asserted", None)],
    ),
    # an arrival somewhere else is another act
    (
        "2024-03-09",
        ("Presiden Joko Widodo tiba di Vietnam untuk kunjungan kenegaraan. "
        "Setelah itu Joko Widodo tiba di Kamboja pada Jumat (8/3/2024) malam."),
        [("IDN", "VNM", "042", "asserted", None), ("IDN", "KHM", "042", "asserted", "2024-03-08")],
    ),
    # told again more than two sentences later: too far to be the same telling
    (
        "2024-03-09",
        ("Presiden Joko Widodo tiba di Vietnam untuk kunjungan kenegaraan. Kunjungan itu berlangsung tiga hari. "
        "Agenda utamanya adalah perdagangan. Para pengusaha ikut dalam rombongan. "
        "Joko Widodo dan rombongan tiba di Bandara Noi Bai pada Jumat (8/3/2024) malam."),
        [("IDN", "VNM", "042", "asserted", None)],
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), REPEATED)
def test_repeated_act_dates_the_lead(published: str, text: str, expected: list[Row]) -> None:
    assert event_rows(text, published, _modality, _value) == sorted(expected)


QUOTED: list[tuple[str, str, list[Row]]] = [
    # the lead tells the criticism, a quote of the same speaker two sentences on gives its day
    (
        "2023-05-15",
        (
            "Menteri Luar Negeri Turki Mevlut Cavusoglu mengecam Swedia atas pembakaran kitab suci. "
            "Kecaman itu muncul beberapa hari setelah aksi di Stockholm. "
            "\u201cTindakan ini tidak bisa diterima,\u201d ujarnya kepada wartawan di Ankara, Minggu (14/5/2023)."
        ),
        [("TUR", "SWE", "111", "asserted", "2023-05-14")],
    ),
    # a sentence between with a date of its own: the quote may be of another occasion
    (
        "2023-05-15",
        (
            "Menteri Luar Negeri Turki Mevlut Cavusoglu mengecam Swedia atas pembakaran kitab suci. "
            "Aksi itu terjadi pada Kamis (11/5/2023) di Stockholm. "
            "\u201cTindakan ini tidak bisa diterima,\u201d ujarnya kepada wartawan di Ankara, Minggu (14/5/2023)."
        ),
        [("TUR", "SWE", "111", "asserted", None)],
    ),
    # a plan for a later day told between is no other occasion
    (
        "2023-05-15",
        (
            "Menteri Luar Negeri Turki Mevlut Cavusoglu mengecam Swedia atas pembakaran kitab suci. "
            "Aksi serupa akan digelar lagi pada Juni mendatang. "
            "\u201cTindakan ini tidak bisa diterima,\u201d ujarnya kepada wartawan di Ankara, Minggu (14/5/2023)."
        ),
        [("TUR", "SWE", "111", "asserted", "2023-05-14")],
    ),
    # the quote is of someone of another country
    (
        "2023-05-15",
        (
            "Menteri Luar Negeri Turki Mevlut Cavusoglu mengecam Swedia atas pembakaran kitab suci. "
            "\u201cKami menghormati kebebasan berpendapat,\u201d kata Perdana Menteri Swedia Ulf Kristersson, Minggu (14/5/2023)."
        ),
        [("TUR", "SWE", "111", "asserted", None)],
    ),
    # the day does not close the sentence after a comma: it is not the quote's
    (
        "2023-05-15",
        (
            "Menteri Luar Negeri Turki Mevlut Cavusoglu mengecam Swedia atas pembakaran kitab suci. "
            "\u201cTindakan ini tidak bisa diterima,\u201d ujarnya tentang aksi pada Minggu (14/5/2023) di Stockholm."
        ),
        [("TUR", "SWE", "111", "asserted", None)],
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), QUOTED)
def test_quote_dates_the_statements_before_it(published: str, text: str, expected: list[Row]) -> None:
    assert event_rows(text, published, _modality, _value) == sorted(expected)


FORWARD: list[tuple[str, str, list[Row]]] = [
    # a date after a verb of its own fronted stretch is that verb's
    ("2020-05-10", "Didirikan tahun 1964, Fatah mengecam Israel.", [("FATAH", "ISR", "111", "asserted", None)]),
    # ... also in a relative clause set off by commas
    (
        "2020-05-10",
        "Perdana Menteri Jepang Shinzo Abe, yang bersiap menghadapi pemilu Oktober nanti, mengkritik pemerintah China.",
        [("JPN", "CHN", "111", "asserted", None)],
    ),
    # ... or in another clause before "tapi"
    (
        "2020-05-10",
        "Kamboja dan Thailand terikat perjanjian perbatasan tahun 2000, tapi ketegangan meningkat menyusul bentrokan antara Kamboja dan Thailand.",
        [("KHM", "THA", "190", "asserted", None), ("THA", "KHM", "190", "asserted", None)],
    ),
    # a relative clause on a place ("yang diduduki Israel") takes no date of the main clause
    (
        "2020-05-10",
        "Puluhan orang terluka dalam unjuk rasa pada Jumat di Tepi Barat yang diduduki Israel.",
        [("ISR", "PSE", "192", "asserted", None)],
    ),
    # no comma between the date and the trigger: the date is still the event's
    (
        "2020-05-10",
        "Tiga tentara India tewas pada Selasa (5/5) dalam baku tembak antara pasukan India dan Pakistan.",
        [("IND", "PAK", "190", "asserted", "2020-05-05"), ("PAK", "IND", "190", "asserted", "2020-05-05")],
    ),
    ("2020-05-10", "Pada Selasa (5/5), Jepang mengkritik China.", [("JPN", "CHN", "111", "asserted", "2020-05-05")]),
    # a word that only introduces the date does not keep it
    (
        "2020-05-10",
        "Dalam surat tertanggal 2 Mei itu, Jepang mengkritik China.",
        [("JPN", "CHN", "111", "asserted", "2020-05-02")],
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), FORWARD)
def test_date_before_the_trigger(published: str, text: str, expected: list[Row]) -> None:
    assert event_rows(text, published, _modality, _value) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pada Rabu malam, 9 April 2025.", [("Rabu malam, 9 April 2025", "2025-04-09")]),
        ("Selasa pagi 8 April lalu", [("Selasa pagi 8 April lalu", "2025-04-08")]),
        ("pada hari Kamis siang, 10 April 2025", [("hari Kamis siang, 10 April 2025", "2025-04-10")]),
    ],
)
def test_weekday_with_part_of_day_then_date(text: str, expected: list[tuple[str, str]]) -> None:
    """The written date wins over the weekday's own reading (the last such weekday)."""
    found = DateResolver.load().find(text, 0, "2025-04-20")
    assert [(tx.text, tx.value) for tx in found] == expected


def test_meeting_dated_by_weekday_part_of_day_and_date() -> None:
    text = "Presiden Prabowo bertemu Perdana Menteri Belanda Dick Schoof di Den Haag pada Rabu malam, 9 April 2025."
    assert event_rows(text, "2025-04-20", _value) == [
        ("IDN", "NLD", "040", "2025-04-09"),
        ("NLD", "IDN", "040", "2025-04-09"),
    ]


AFTER_ACT: list[tuple[str, str, list[Row]]] = [
    # "Setelah mendarat di Tokyo, ...": the landing is the arrival told before with its day
    (
        "2024-08-30",
        (
            "Perdana Menteri India Narendra Modi tiba di Jepang pada Kamis (29/8/2024). "
            "Setelah mendarat di Tokyo, Modi disambut oleh Perdana Menteri Jepang Fumio Kishida."
        ),
        [
            ("IND", "JPN", "042", "asserted", "2024-08-29"),
            ("IND", "JPN", "042", "asserted", "2024-08-29"),
            ("JPN", "IND", "043", "asserted", "2024-08-29"),
        ],
    ),
    # a visit to another country is another act: it gives the sentence no date (the visit to Korea
    # stays undated); the welcome takes the arrival's day only as the same two parties' next act
    # (date_same_occasion)
    (
        "2024-08-30",
        (
            "Perdana Menteri India Narendra Modi tiba di Jepang pada Kamis (29/8/2024). "
            "Setelah mengunjungi Korea Selatan, Modi disambut oleh Perdana Menteri Jepang Fumio Kishida."
        ),
        [
            ("IND", "JPN", "042", "asserted", "2024-08-29"),
            ("IND", "JPN", "042", "asserted", "2024-08-29"),
            ("IND", "KOR", "042", "asserted", None),
            ("JPN", "IND", "043", "asserted", "2024-08-29"),
        ],
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), AFTER_ACT)
def test_sentence_after_a_dated_act(published: str, text: str, expected: list[Row]) -> None:
    rows = [(e.source.code, e.target.code, e.type.cameo, e.modality, e.date.value) for e in events_of(text, published)]
    assert sorted(rows, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "hingga pekan depan": when the holiday ends, not when the welcome happens
        (
            "Polisi Thailand bersiap menyambut kedatangan Presiden Prancis Emmanuel Macron yang akan berlibur di Phuket hingga pekan depan.",
            [("FRA", "THA", "042", "planned", None), ("THA", "FRA", "043", "planned", None)],
        ),
        (
            "Polisi Thailand menyambut kedatangan Presiden Prancis Emmanuel Macron pada Senin (3/6).",
            # the guest's visit is the same occasion as the hosting: both take the day
            [("FRA", "THA", "042", "asserted", "2024-06-03"), ("THA", "FRA", "043", "asserted", "2024-06-03")],
        ),
    ],
)
def test_date_after_until_is_an_end(text: str, expected: list[Row]) -> None:
    rows = [(e.source.code, e.target.code, e.type.cameo, e.modality, e.date.value) for e in events_of(text, "2024-06-05")]
    assert sorted(rows, key=str) == sorted(expected, key=str)


def test_events_derived_from_a_dated_act_share_its_day() -> None:
    """A two-sided act at one party's seat is also the other's visit and the host's hosting; all
    of them happened on the day the act is dated."""
    text = "Presiden Prancis Emmanuel Macron dan Perdana Menteri India Narendra Modi menandatangani perjanjian energi di Istana Elysee, Kamis (6/6) siang."
    rows = [(e.source.code, e.target.code, e.type.cameo, e.date.value) for e in events_of(text, "2024-06-08")]
    assert sorted(rows) == [
        ("FRA", "IND", "043", "2024-06-06"),
        ("FRA", "IND", "057", "2024-06-06"),
        ("IND", "FRA", "042", "2024-06-06"),
        ("IND", "FRA", "057", "2024-06-06"),
    ]


LEAD = "Presiden Chili Gabriel Boric bertemu Presiden Peru Dina Boluarte di Lima pada Selasa (4/6). "
OCCASION = [
    # an undated act of the two parties right after their dated meeting happened on that occasion
    (LEAD + "Presiden Chili juga mengecam Peru atas penutupan perbatasan.", ("CHL", "PER", "111", "2024-06-04")),
    # a word that places it at another time ("dulu": formerly) keeps it undated
    (LEAD + "Presiden Chili mengatakan Peru dulu memberikan bantuan kepada Chili.", ("PER", "CHL", "070", None)),
    # the two parties' acts were dated to two days: which occasion is unclear
    (
        LEAD + "Chili dan Peru menandatangani perjanjian perdagangan pada Senin (3/6). "
        "Presiden Chili mengecam Peru atas penutupan perbatasan.",
        ("CHL", "PER", "111", None),
    ),
    # too far after the dated meeting (more than occasion_reach = 2 sentences)
    (
        LEAD + "Kedua presiden membahas perdagangan. Para menteri bertemu sepekan kemudian. "
        "Presiden Chili mengecam Peru atas penutupan perbatasan.",
        ("CHL", "PER", "111", None),
    ),
]


@pytest.mark.parametrize(("text", "expected"), OCCASION)
def test_undated_act_of_the_same_parties_right_after_a_dated_one_shares_its_day(
    text: str, expected: tuple[str, str, str, str | None]
) -> None:
    rows = {(e.source.code, e.target.code, e.type.cameo, e.date.value) for e in events_of(text, "2024-06-06")}
    assert expected in rows
    assert ("CHL", "PER", "040", "2024-06-04") in rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plain statement dated after publication is still to come: planned
        (
            "Konferensi tingkat tinggi Uni Afrika yang dihadiri oleh Presiden Kenya digelar di Addis Ababa pada 12-13 Juni 2024.",
            ("KEN", "AU", "044", "planned", "2024-06-12"),
        ),
        (
            "Presiden Trump menetapkan tarif tambahan sebesar 50% terhadap impor dari Kanada mulai bulan depan.",
            ("USA", "CAN", "163", "planned", "2024-07"),
        ),
        # dated on or before publication it stays a fact
        (
            "Konferensi tingkat tinggi Uni Afrika yang dihadiri oleh Presiden Kenya digelar di Addis Ababa pada 3-4 Juni 2024.",
            ("KEN", "AU", "044", "asserted", "2024-06-03"),
        ),
        (
            "Presiden Trump menetapkan tarif tambahan sebesar 50% terhadap impor dari Kanada sejak bulan ini.",
            ("USA", "CAN", "163", "asserted", "2024-06"),
        ),
    ],
)
def test_a_fact_dated_after_publication_is_planned(text: str, expected: Row) -> None:
    rows = [(e.source.code, e.target.code, e.type.cameo, e.modality, e.date.value) for e in events_of(text, "2024-06-05")]
    assert expected in rows
