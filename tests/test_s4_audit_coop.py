"""Cooperative events (CAMEO roots 01-08) recovered by the session-4 corpus audit: exact
(source, target, CAMEO, modality) on made-up sentences."""

from __future__ import annotations

import pytest

from tests.documents import event_rows, modality

WHEN = "2024-05-10"

CASES = [
    # the verbs of the talks nouns take their subject like any verb (a noun needs a support verb)
    (
        "Menteri Luar Negeri Jepang berdialog dengan Menteri Luar Negeri Korea Selatan di Tokyo.",
        [("JPN", "KOR", "040", "asserted"), ("KOR", "JPN", "040", "asserted")],
    ),
    (
        "Pemerintah Peru telah berkoordinasi dengan Kedutaan Besar Ghana soal itu.",
        [("GHA", "PER", "040", "asserted"), ("PER", "GHA", "040", "asserted")],
    ),
    # a noun that carries the message sits between the support verb and the nominal trigger
    (
        "Presiden Ghana mengirimkan surat tanda belasungkawa kepada Presiden Peru.",
        [("GHA", "PER", "018", "asserted")],
    ),
    (
        "Presiden Ghana menyampaikan ucapan belasungkawa kepada Presiden Peru.",
        [("GHA", "PER", "018", "asserted")],
    ),
    # "kita" inside direct speech is its speaker, like "kami" and "saya"
    (
        '"Kemarin kita berunding dengan Kolombia soal tarif," kata Menteri Perdagangan Peru.',
        [("COL", "PER", "046", "asserted"), ("PER", "COL", "046", "asserted")],
    ),
    # a two-sided act only pledged is the pledger's intent, one way
    (
        "Pemerintah Ghana siap membuka hubungan diplomatik dengan Kosovo.",
        [("GHA", "XKX", "032", "asserted")],
    ),
    # a courtesy call "kepada" its host, also with a gloss in brackets between the noun and its genitive
    (
        "Presiden Kenya melakukan kunjungan kehormatan kepada Presiden Brasil.",
        [("KEN", "BRA", "042", "asserted")],
    ),
    (
        "Agenda berikutnya ialah kunjungan kehormatan (courtesy call) Presiden Kenya kepada Presiden Brasil.",
        [("KEN", "BRA", "042", "asserted")],
    ),
    # a stop on a trip is a visit
    (
        "Presiden Kenya juga mampir ke Brasil setelah menghadiri pertemuan itu.",
        [("KEN", "BRA", "042", "asserted")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_coop_events(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert event_rows(text, WHEN, modality) == expected


def test_message_noun_without_support_verb_gives_no_subject() -> None:
    # "surat belasungkawa" right after an actor, with no support verb, is no act of that actor
    assert event_rows("Isi surat belasungkawa Presiden Ghana kepada Presiden Peru belum diketahui.", WHEN) == []
