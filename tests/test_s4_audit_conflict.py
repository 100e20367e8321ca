"""Conflict events (CAMEO roots 09-20) found by the whole-corpus audit of sentences with two actors and
no event: exact (source, target, CAMEO, modality) on made-up sentences."""

from __future__ import annotations

import pytest

from tests.documents import event_rows, modality

WHEN = "2024-05-10"

CASES = [
    # a verb of undergoing governs the act noun: its subject is the target, the agent after 'oleh' the source
    ("Pada tahun itu, Libya mengalami pengeboman hebat oleh NATO.", [("NATO", "LBY", "195", "asserted")]),
    # coordinated act nouns after 'menghadapi', the agent after 'dari'
    (
        "Rakyat Yaman terus menghadapi serangan dan pengeboman dari Arab Saudi.",
        [("SAU", "YEM", "190", "asserted"), ("SAU", "YEM", "195", "asserted")],
    ),
    # the genitive of the act noun is its agent
    ("Kelompok Al-Shabaab menghadapi serangan militer Kenya di perbatasan.", [("KEN", "ALSHABAAB", "190", "asserted")]),
    # criticism received from an actor
    ("Pemerintah Hungaria menuai kecaman dari Uni Eropa atas undang-undang baru itu.", [("EU", "HUN", "111", "asserted")]),
    # a state killing people of another state, active and passive
    ("Pasukan Myanmar telah membunuh puluhan warga Bangladesh di perbatasan.", [("MMR", "BGD", "190", "asserted")]),
    ("Seorang jenderal Suriah dibunuh Israel pekan lalu.", [("ISR", "SYR", "190", "asserted")]),
    # a killing by a private person (a crime) is no event between states
    ("Seorang pekerja asal Filipina membunuh majikannya di Kuwait.", []),
    # the owner at the end of an attacked place's noun phrase is the target; 'membom' is a form of 'bom'
    (
        "Pesawat Israel menyerang gudang senjata dan posisi pertahanan kelompok Hamas.",
        [("ISR", "HAMAS", "190", "asserted")],
    ),
    ("Jet tempur Rusia membom pangkalan udara Ukraina.", [("RUS", "UKR", "195", "asserted")]),
    ("Iran menembakkan rudal dan drone ke sasaran di Israel.", [("IRN", "ISR", "195", "asserted")]),
    # the person a passive relative clause of coercion is about, named before a place or a name
    (
        "Hasan, pelajar Malaysia di sebuah asrama mahasiswa yang ditangkap polisi Mesir, sudah dibebaskan.",
        [("EGY", "MYS", "173", "asserted")],
    ),
    ("Ada pula WNA lain bernama Rahim yang dideportasi oleh otoritas Thailand ke Dhaka.", []),
    ("Ada pula WNI lain bernama Rahim yang dideportasi oleh otoritas Thailand ke Jakarta.", [("THA", "IDN", "174", "asserted")]),
    # a threatened tariff or sanction is a non-force threat (131), not a threat of force; 'menaikkan' frames a tariff
    ("Presiden Brasil mengancam menaikkan tarif barang impor asal Argentina.", [("BRA", "ARG", "131", "asserted")]),
    ("Kanada menaikkan tarif barang impor asal Meksiko.", [("CAN", "MEX", "163", "asserted")]),
    # 'penyerangan' is a noun of the attack rule
    ("Milisi Houthi melakukan penyerangan terhadap kapal-kapal Inggris.", [("HOUTHI", "GBR", "190", "asserted")]),
    # 'pemboman' is written as often as 'pengeboman'
    ("Rusia melancarkan pemboman terhadap Ukraina selama dua hari.", [("RUS", "UKR", "195", "asserted")]),
    # a private national facing criticism is not the state
    ("Seorang pakar Jerman menghadapi kritik dari Rusia atas laporannya.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_conflict_recall(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert event_rows(text, WHEN, modality) == expected
