"""Which side of an event an actor is on: hyphenated dyads after a two-sided event noun ("perang
Israel-Iran") and genitives of follower nouns ("para loyalis Iran") that are not subjects."""

from __future__ import annotations

import pytest

from kg.events import extract_sentence
from kg.model import Sentence
from kg.pipeline import Resources, default_resources


@pytest.fixture(scope="module")
def res() -> Resources:
    return default_resources()


def dyads(res: Resources, text: str) -> list[tuple[str, str, str]]:
    sentence = Sentence("d", 0, 0, len(text), text)
    found = extract_sentence(sentence, res.actors.find(text, 0, when="2024-06-01"),
                             res.dates.find(text, 0, "2024-06-01"), res.rules, res.modality)
    return [(e.source.code, e.target.code, e.cameo) for e in found]


CASES = [
    ("Harga minyak naik tajam akibat perang Israel-Iran pekan ini.",
     [("ISR", "IRN", "190"), ("IRN", "ISR", "190")]),
    ("Konflik Rusia-Ukraina belum juga mereda.",
     [("RUS", "UKR", "190"), ("UKR", "RUS", "190")]),
    # a bloc's summit with a partner: the partner attends the bloc's summit (bench/devgold.md)
    ("KTT ASEAN-Selandia Baru akan dibuka besok.",
     [("NZL", "ASEAN", "040")]),
    ("Perundingan Indonesia – Malaysia soal perbatasan dilanjutkan.",
     [("IDN", "MYS", "046"), ("MYS", "IDN", "046")]),
    # one name with a hyphen, and a pair of peoples that are not actors, give no dyad
    ("Konflik Arab-Kurdi di kota itu kembali memanas.", []),
    # the followers of a state, not the state, are the subject
    ("Para loyalis Iran mendukung sikap keras terhadap Israel.", []),
    ("Anggota kaukus Palestina menolak kedatangan delegasi Israel.", []),
    # an ordinary subject stays one
    ("Iran mendukung sikap keras terhadap Israel.", [("IRN", "ISR", "051")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_actor_sides(res: Resources, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert dyads(res, text) == expected
