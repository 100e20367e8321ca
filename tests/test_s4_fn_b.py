"""Recall fixes of helper s4-fn-b: a territory renamed as another state's is, as a target, that state."""

from __future__ import annotations

import pytest

from tests.documents import event_rows, modality


@pytest.mark.parametrize(("text", "expected"), [
    # "salah satu wilayah X" after a comma: the owner is the target
    ("Iran mengancam akan menyerang Guam, salah satu wilayah Amerika Serikat, dengan drone.",
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
