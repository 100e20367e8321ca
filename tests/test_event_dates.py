"""Which date an event gets: whole made-up documents through the pipeline, exact dates out.

Sentences are written for these tests. Each case is (publication date, text) and the exact
(source, target, CAMEO, modality, date value, date text) of every event found, in any order.
"""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.pipeline import default_resources, process_document

Row = tuple[str, str, str, str, str | None, str | None]

CASES: list[tuple[str, str, list[Row]]] = [
    # a date inside a purpose clause is the embedded verb's, not the appeal's
    (
        "2017-08-07",
        "Amerika Serikat mendesak China untuk mematuhi putusan pengadilan internasional tahun lalu.",
        [("USA", "CHN", "020", "asserted", None, None)],
    ),
    (
        "2017-08-07",
        "Amerika Serikat mendesak China pada Senin (7/8) untuk mematuhi putusan pengadilan internasional.",
        [("USA", "CHN", "020", "asserted", "2017-08-07", "Senin (7/8)")],
    ),
    # an active relative clause on another noun keeps its date; one right after the trigger does not
    (
        "2025-10-20",
        "Rusia kembali menyerang Ukraina di tengah perjanjian damai yang berlaku sejak 5 Oktober lalu.",
        [("RUS", "UKR", "190", "asserted", None, None)],
    ),
    (
        "2025-10-20",
        "Rusia kembali menyerang Ukraina pada 5 Oktober lalu.",
        [("RUS", "UKR", "190", "asserted", "2025-10-05", "5 Oktober lalu")],
    ),
    # a passive relative clause ("yang disengketakan") leaves the date to the main clause
    (
        "2025-05-09",
        "Pertempuran antara India dan Pakistan terjadi di kawasan yang disengketakan pada Rabu (7/5/2025).",
        [
            ("IND", "PAK", "190", "asserted", "2025-05-07", "Rabu (7/5/2025)"),
            ("PAK", "IND", "190", "asserted", "2025-05-07", "Rabu (7/5/2025)"),
        ],
    ),
    # an act of saying quoted from its own source happens when it is said
    (
        "2016-11-11",
        '"Kami mendukung kemerdekaan Palestina," kata Menteri Luar Negeri Indonesia, Kamis (10/11).',
        [("IDN", "PSE", "051", "asserted", "2016-11-10", "Kamis (10/11)")],
    ),
    # ... not a planned one, nor a material act the speaker reports
    (
        "2025-07-26",
        '"Prancis akan mengakui Palestina," kata Presiden Prancis, Kamis (24/7/2025).',
        [("FRA", "PSE", "054", "planned", None, None)],
    ),
    (
        "2025-07-26",
        '"Israel menyerang Gaza," kata juru bicara militer Israel, Kamis (24/7/2025).',
        [("ISR", "PSE", "190", "asserted", None, None)],
    ),
    # ... said by the one named right after the verb, not by a group after a comma
    (
        "2016-11-11",
        (
            '"Indonesia mendukung kemerdekaan Palestina," kata Susan, dikutip dari laman Kementerian Luar '
            "Negeri Indonesia, Kamis (10/11)."
        ),
        [("IDN", "PSE", "051", "asserted", None, None)],
    ),
    # attending an occasion that a relative clause names happens when the occasion takes place
    (
        "2025-10-25",
        "KTT ASEAN yang dihadiri Presiden Indonesia berlangsung di Kuala Lumpur pada 26 Oktober 2025.",
        # the day after publication: still to come, planned
        [("IDN", "ASEAN", "044", "planned", "2025-10-26", "26 Oktober 2025")],
    ),
    (
        "2025-10-25",
        "KTT ASEAN yang dihadiri Presiden Indonesia membahas krisis Myanmar pada 26 Oktober 2025.",
        [("IDN", "ASEAN", "044", "asserted", None, None)],
    ),
    # a date set off by a comma at the end of the sentence is every main event's, not only the nearest
    (
        "2025-07-14",
        "Presiden Indonesia dalam rangkaian kunjungan ke Belgia, bertemu Presiden Prancis di Brussel, Minggu (13/7/2025).",
        [
            ("IDN", "BEL", "042", "asserted", "2025-07-13", "Minggu (13/7/2025)"),
            ("IDN", "FRA", "040", "asserted", "2025-07-13", "Minggu (13/7/2025)"),
            ("FRA", "IDN", "040", "asserted", "2025-07-13", "Minggu (13/7/2025)"),
        ],
    ),
    (
        "2025-07-14",
        "Presiden Indonesia dalam rangkaian kunjungan ke Belgia, bertemu Presiden Prancis di Brussel pada Minggu (13/7/2025).",
        [
            ("IDN", "BEL", "042", "asserted", None, None),
            ("IDN", "FRA", "040", "asserted", "2025-07-13", "Minggu (13/7/2025)"),
            ("FRA", "IDN", "040", "asserted", "2025-07-13", "Minggu (13/7/2025)"),
        ],
    ),
    # "saat itu" stands for the date the text gave last, even in a sentence without events
    (
        "2025-06-16",
        "Pada November 2010, sebuah ledakan terjadi di Teheran. Saat itu, Iran menuding Israel sebagai dalang ledakan.",
        [("IRN", "ISR", "112", "asserted", "2010-11", "Saat itu")],
    ),
    (
        "2025-06-16",
        "Iran menuding Israel sebagai dalang ledakan itu. Saat itu, Iran menuding Amerika Serikat juga.",
        [("IRN", "ISR", "112", "asserted", None, None), ("IRN", "USA", "112", "asserted", None, "Saat itu")],
    ),
    # "Sehari sebelumnya", "keesokan harinya": days counted from the day the text gave last
    (
        "2025-07-20",
        "Parlemen Jepang bersidang pada Sabtu (19/7/2025). Sehari sebelumnya, Jepang mengecam Korea Utara.",
        [("JPN", "PRK", "111", "asserted", "2025-07-18", "Sehari sebelumnya")],
    ),
    (
        "2025-07-20",
        "Parlemen Jepang bersidang pada Senin (14/7/2025). Keesokan harinya, Jepang mengecam Korea Utara.",
        [("JPN", "PRK", "111", "asserted", "2025-07-15", "Keesokan harinya")],
    ),
    (
        "2025-07-20",
        "Parlemen Jepang bersidang pada Juni 2025. Sehari kemudian, Jepang mengecam Korea Utara.",
        [("JPN", "PRK", "111", "asserted", None, "Sehari kemudian")],
    ),
    # a date in the phrase of a noun after "setelah"/"menyusul" is that noun's, not the main event's
    (
        "2025-07-20",
        "Jepang mengecam Korea Utara setelah peluncuran rudal pada Kamis (17/7/2025).",
        [("JPN", "PRK", "111", "asserted", None, None)],
    ),
    (
        "2025-07-20",
        "Jepang mengecam Korea Utara pada Jumat (18/7/2025) setelah peluncuran rudal.",
        [("JPN", "PRK", "111", "asserted", "2025-07-18", "Jumat (18/7/2025)")],
    ),
    # "Dalam pertemuan itu, ...": the events inside the meeting happened when it did
    (
        "2025-05-29",
        (
            "Presiden Indonesia dan Presiden Prancis mengadakan pertemuan di Bogor, Selasa (27/5/2025). "
            "Dalam pertemuan itu, Indonesia memuji Prancis."
        ),
        [
            ("IDN", "FRA", "040", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
            ("FRA", "IDN", "040", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
            ("IDN", "FRA", "051", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
        ],
    ),
    (
        "2025-05-29",
        "Indonesia memuji Prancis. Dalam pertemuan itu, Prancis memuji Indonesia.",
        [("IDN", "FRA", "051", "asserted", None, None), ("FRA", "IDN", "051", "asserted", None, None)],
    ),
    # a relative clause makes the frame definite too, but then it points only at the same noun
    (
        "2025-05-29",
        (
            "Presiden Indonesia dan Presiden Prancis mengadakan pertemuan di Bogor, Selasa (27/5/2025). "
            "Dalam pertemuan yang dihadiri para menteri, Indonesia memuji Prancis."
        ),
        [
            ("IDN", "FRA", "040", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
            ("FRA", "IDN", "040", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
            ("IDN", "FRA", "051", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
        ],
    ),
    (
        "2025-05-29",
        (
            "Presiden Indonesia dan Presiden Prancis mengadakan pertemuan di Bogor, Selasa (27/5/2025). "
            "Dalam kesempatan yang langka, Indonesia pernah memuji Prancis."
        ),
        [
            ("IDN", "FRA", "040", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
            ("FRA", "IDN", "040", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
            ("IDN", "FRA", "051", "asserted", None, None),
        ],
    ),
    # without "pernah" (once, at some time) the praise is the same two parties' next act after
    # their dated meeting: it shares the meeting's day (kg/restate.py date_same_occasion), though
    # "kesempatan yang langka" is no frame pointing back at the meeting
    (
        "2025-05-29",
        (
            "Presiden Indonesia dan Presiden Prancis mengadakan pertemuan di Bogor, Selasa (27/5/2025). "
            "Dalam kesempatan yang langka, Indonesia memuji Prancis."
        ),
        [
            ("IDN", "FRA", "040", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
            ("FRA", "IDN", "040", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
            ("IDN", "FRA", "051", "asserted", "2025-05-27", "Selasa (27/5/2025)"),
        ],
    ),
    # a later sentence restates the event with its day: "Latihan bersama itu dimulai sejak Selasa"
    (
        "2015-08-27",
        (
            "Indonesia dan Australia menggelar latihan bersama di Darwin. "
            "Latihan bersama itu dimulai sejak Selasa (25/8) dan berlangsung tiga hari."
        ),
        [
            ("AUS", "IDN", "062", "asserted", "2015-08-25", "Selasa (25/8)"),
            ("IDN", "AUS", "062", "asserted", "2015-08-25", "Selasa (25/8)"),
        ],
    ),
    # "Pernyataan itu" points back to an act of saying; a date set off by a comma is the main clause's
    (
        "2017-08-08",
        (
            "Jepang mendesak China mematuhi aturan maritim. "
            "Pernyataan itu disampaikan seusai rapat di Manila, Senin (7/8)."
        ),
        [("JPN", "CHN", "020", "asserted", "2017-08-07", "Senin (7/8)")],
    ),
    # ... not a date inside another clause, nor a reference point after "sejak"
    (
        "2017-08-08",
        (
            "Jepang mendesak China mematuhi aturan maritim. "
            "Pernyataan itu disampaikan seusai rapat di Manila pada Senin (7/8)."
        ),
        [("JPN", "CHN", "020", "asserted", None, None)],
    ),
    (
        "2016-08-23",
        "Korea Utara mengecam Amerika Serikat. Kecaman itu dilontarkan menyusul latihan militer awal pekan ini.",
        [("PRK", "USA", "111", "asserted", None, None)],
    ),
    (
        "2025-06-20",
        "Israel melancarkan serangan ke Gaza. Serangan itu merupakan yang terbesar sejak 7 Oktober 2023.",
        [("ISR", "PSE", "190", "asserted", None, None)],
    ),
    (
        "2025-06-20",
        "Israel melancarkan serangan ke Gaza. Serangan itu terjadi pada Rabu (18/6).",
        [("ISR", "PSE", "190", "asserted", "2025-06-18", "Rabu (18/6)")],
    ),
    # "pagi tadi", "kemarin" inside a quotation count from the day the words were said: the
    # statement's day when the sentence gives it, else unknown (not the publication day)
    (
        "2017-06-19",
        "“Pagi tadi pasukan Irak menyerang ISIS di Mosul,” kata juru bicara militer Irak.",
        [("IRQ", "ISIL", "190", "asserted", None, "Pagi tadi")],
    ),
    (
        "2017-06-20",
        '"Kemarin pasukan Irak menyerang ISIS di Mosul," kata juru bicara militer Irak, Minggu (18/6).',
        [("IRQ", "ISIL", "190", "asserted", "2017-06-17", "Kemarin")],
    ),
    (
        "2017-06-19",
        "Pagi tadi pasukan Irak menyerang ISIS di Mosul, kata juru bicara militer Irak.",
        [("IRQ", "ISIL", "190", "asserted", "2017-06-19", "Pagi tadi")],
    ),
    # "awal pekan ini" is the Monday of the publication week
    (
        "2016-08-23",
        "Amerika Serikat dan Korea Selatan menggelar latihan militer bersama awal pekan ini.",
        [
            ("KOR", "USA", "062", "asserted", "2016-08-22", "awal pekan ini"),
            ("USA", "KOR", "062", "asserted", "2016-08-22", "awal pekan ini"),
        ],
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), CASES)
def test_event_dates(published: str, text: str, expected: list[Row]) -> None:
    result = process_document(Document("doc", text, None, published), default_resources())
    got = [(e.source.code, e.target.code, e.type.cameo, e.modality, e.date.value, e.date.text) for e in result.events]
    assert sorted(got, key=str) == sorted(expected, key=str)
