"""Predicates added for recall, per CAMEO root: one hand-written sentence each through the whole pipeline."""

from __future__ import annotations

import pytest
from documents import event_rows

CASES = [
    ("Pemerintah Filipina memohon kepada Malaysia agar membebaskan nelayannya.", [("PHL", "MYS", "020")]),
    ("Seruan PBB kepada Israel tidak digubris.", [("UN", "ISR", "020")]),
    ("Jepang menawarkan bantuan kemanusiaan kepada Myanmar.", [("JPN", "MMR", "033")]),
    ("Turki menawarkan diri sebagai mediator kepada Rusia.", [("TUR", "RUS", "039")]),
    ("Menlu Malaysia bertatap muka dengan Menlu Singapura di Jakarta.", [("MYS", "SGP", "040"), ("SGP", "MYS", "040")]),
    ("Presiden Prancis menyambangi Jepang pekan lalu.", [("FRA", "JPN", "042")]),
    ("Presiden Filipina mengucapkan selamat kepada Indonesia atas keberhasilan pemilu.", [("PHL", "IDN", "051")]),
    ("Menlu Jepang mengucapkan selamat tinggal kepada Indonesia.", []),
    ("Menteri Luar Negeri Indonesia menegaskan Indonesia akan terus membela Palestina.", [("IDN", "PSE", "052")]),
    ("Menhan AS menyampaikan permohonan maaf kepada Indonesia.", [("USA", "IDN", "055")]),
    ("Pakistan menentang keputusan India soal Kashmir.", [("PAK", "IND", "110")]),
    ("Iran menghina Amerika Serikat dalam pidatonya.", [("IRN", "USA", "111")]),
    ("Pemerintah Indonesia menangguhkan kerja sama militer dengan Australia.", [("IDN", "AUS", "160")]),
    ("Arab Saudi memutuskan untuk memperkuat kerja sama dengan Indonesia.", [("SAU", "IDN", "030")]),
    ("Militer Amerika Serikat menjatuhkan bom di wilayah Suriah.", [("USA", "SYR", "195")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_coverage_sentence(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert event_rows(text, "2017-01-10", title="Berita") == sorted(expected)
