"""Whole sentences through the pipeline where the events depend on recognising and grouping actors:
offices with their own names, lists of examples after a collective noun, a city-country apposition,
bare office words standing for a ministry named before, and nationals named by origin."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.output import event_json
from kg.pipeline import default_resources, process_document


def events(text: str, date: str = "2023-08-31") -> list[tuple[str, str, str, str]]:
    result = process_document(Document(id="t", text=text, date=date), default_resources())
    return sorted((e["source"]["code"], e["target"]["code"], e["cameo"], e["modality"])
                  for e in map(event_json, result.events))


CASES = [
    # the actor before "dan sejumlah negara ... seperti" joins the examples that follow
    ("Jepang dan sejumlah negara Eropa seperti Jerman, Prancis, bahkan Italia mengecam Rusia.",
     [("DEU", "RUS", "111", "asserted"), ("FRA", "RUS", "111", "asserted"),
      ("ITA", "RUS", "111", "asserted"), ("JPN", "RUS", "111", "asserted")]),
    # "di Seoul, Korea Selatan" is a place: the country after the comma is no subject
    ("Kedutaan Besar Jepang di Seoul, Korea Selatan mengecam Korea Utara.", [("JPN", "PRK", "111", "asserted")]),
    ("Kementerian Unifikasi Korea Selatan mengecam Korea Utara.", [("KOR", "PRK", "111", "asserted")]),
    ("Kementerian Luar Negeri Turki menyebut laporan itu bohong. Kementerian juga mengecam Belanda.",
     [("TUR", "NLD", "111", "asserted")]),
    ("Dewan Keamanan menjatuhkan sanksi terhadap Korea Utara.", [("UN", "PRK", "163", "asserted")]),
    ("Tiga nelayan asal Kabupaten Langkat ditangkap polisi Malaysia.", [("MYS", "IDN", "173", "asserted")]),
    # a lower-case office word is generic, not the ministry named before
    ("Kementerian Luar Negeri Turki menyebut laporan itu bohong. Menurut kementerian, Rusia menyerang Ukraina.",
     [("RUS", "UKR", "190", "asserted")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_actor_recall_events(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert events(text) == expected
