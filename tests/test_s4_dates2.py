"""Events found in the sentence that carries their date: a ministry word before another state's
name, an attack told in a clause of time after a casualty verb, a fronted date that narrows a later
one. Sentences are written for these tests; each row is (source, target, CAMEO, modality, date)."""

from __future__ import annotations

import pytest

from kg.model import Event
from kg.pipeline import default_resources
from tests.documents import event_rows, events_of


def _value(e: Event) -> str | None:
    return e.date.value


def _modality(e: Event) -> str:
    return e.modality


CASES: list[tuple[str, str, list[tuple[object, ...]]]] = [
    # "Kemlu" alone is Indonesia's ministry; before another state's name it is that state's
    (
        "2019-05-08",
        "Juru bicara Kemlu Norwegia pada Selasa (7/5) mengecam Venezuela.",
        [("NOR", "VEN", "111", "asserted", "2019-05-07")],
    ),
    (
        "2019-05-08",
        "Kemenlu Swedia mengecam Venezuela pada Selasa (7/5).",
        [("SWE", "VEN", "111", "asserted", "2019-05-07")],
    ),
    (
        "2019-05-08",
        "Kemlu mengecam Venezuela pada Selasa (7/5).",
        [("IDN", "VEN", "111", "asserted", "2019-05-07")],
    ),
    # an attack in a clause of time after a casualty verb is aimed at whoever died or was hurt
    (
        "2018-09-20",
        "Pada Agustus, dua tentara Jerman terluka saat pasukan Mali melepaskan tembakan di Gao.",
        [("MLI", "DEU", "193", "asserted", "2018-08")],
    ),
    # a fronted month falls within the year named after the trigger: the month dates the event
    (
        "2018-09-20",
        "Sebelumnya, pada Juli, militer Turki menyerang Irak utara, operasi kedua tahun ini.",
        [("TUR", "IRQ", "190", "asserted", "2018-07")],
    ),
]


@pytest.mark.parametrize(("when", "text", "expected"), CASES)
def test_dated_sentence_events(when: str, text: str, expected: list[tuple[object, ...]]) -> None:
    rows = event_rows(text, when, _modality, _value)
    assert sorted(rows, key=str) == sorted(expected, key=str)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kata seorang pejabat Kemlu Jepang di Tokyo.", [("seorang pejabat Kemlu Jepang", "JPN"), ("Tokyo", "JPN")]),
        ("kata Kemenlu Rusia kemarin.", [("Kemenlu Rusia", "RUS")]),
        ("kata Kemlu RI kemarin.", [("Kemlu RI", "IDN")]),
        ("kata Kemlu kemarin.", [("Kemlu", "IDN")]),
    ],
)
def test_ministry_word_before_a_state_is_that_states(text: str, expected: list[tuple[str, str]]) -> None:
    found = default_resources().actors.find(text, 0, when="2017-08-15")
    assert [(m.text, m.code) for m in found] == expected


def test_ministry_word_before_a_state_acts_for_that_state() -> None:
    events = events_of("Venezuela memanggil duta besar Norwegia setelah Kemlu Norwegia mengecam Caracas.", "2019-05-08")
    assert ("VEN", "IDN") not in [(e.source.code, e.target.code) for e in events]
