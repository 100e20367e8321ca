"""Recall fixes of helper s4-fn-b: a territory renamed as another state's is, as a target, that state."""

from __future__ import annotations

import pytest

from tests.documents import event_rows, modality


@pytest.mark.parametrize(("text", "expected"), [
    # "salah satu wilayah X" after a comma: the owner is the target
    ("Iran mengancam bakal menyerang Guam, salah satu wilayah Amerika Serikat, dengan drone.",
     [("IRN", "USA", "138", "asserted")]),
    # a plain territory noun with a word between it and the owner
    ("Korea Utara mengancam akan menyerang Guam, wilayah seberang AS di Samudra Pasifik.",
     [("PRK", "USA", "138", "asserted")]),
    # a territory "di" somewhere names no owner: the territory stays the target
    ("Korea Utara mengancam akan menyerang Guam, wilayah di Samudra Pasifik.",
     [("PRK", "GUM", "138", "asserted")]),
    # no comma: no apposition
    ("Korea Utara mengancam akan menyerang Guam dan wilayah AS lainnya.",
     [("PRK", "GUM", "138", "asserted")]),
])
def test_territory_of_a_state(text: str, expected: list[tuple[str, ...]]) -> None:
    assert event_rows(text, None, modality) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # aid received: the giver after "dari" is the source, the receiver the target
    ("Nepal menerima bantuan kemanusiaan dari India pekan lalu.", [("IND", "NPL", "073", "asserted")]),
    ("Pemerintah Fiji mendapat bantuan dari Selandia Baru.", [("NZL", "FJI", "070", "asserted")]),
    ("Warga Sudan belum menerima bantuan dari Mesir.", [("EGY", "SDN", "070", "negated")]),
    # an apology received
    ("Malaysia menerima permintaan maaf resmi dari pemerintah Singapura atas insiden itu.",
     [("SGP", "MYS", "055", "asserted")]),
    # praise received
    ("Vietnam mendapat pujian dari Jepang atas penanganan banjir.", [("JPN", "VNM", "051", "asserted")]),
])
def test_received_acts(text: str, expected: list[tuple[str, ...]]) -> None:
    assert event_rows(text, None, modality) == expected
