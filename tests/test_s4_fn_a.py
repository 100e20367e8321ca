"""Recall: parties of events the pipeline missed although both actors are named (sentences written
for these tests)."""

from __future__ import annotations

from tests.documents import event_rows, modality


def test_clash_of_an_armed_group_with_unnamed_forces_in_a_state_is_with_that_state() -> None:
    text = "Pertempuran antara gerilyawan Taliban dan pasukan keamanan di Provinsi Helmand, Afghanistan, berlanjut."
    assert event_rows(text, "2019-03-04", modality) == [
        ("AFG", "TALIBAN", "190", "asserted"), ("TALIBAN", "AFG", "190", "asserted"),
    ]


def test_clash_of_an_armed_group_with_unnamed_forces_right_before_the_state() -> None:
    text = "Bentrokan antara ARSA dengan tentara di Myanmar menewaskan tujuh orang."
    rows = [r for r in event_rows(text, "2019-03-04") if r[2] == "190"]
    assert rows == [("ARSA", "MMR", "190"), ("MMR", "ARSA", "190")]


def test_clash_with_civilians_or_between_states_gets_no_place_party() -> None:
    # only the forces of a state stand for it; a lone state's clash with "militer" elsewhere is no dyad
    assert event_rows("Bentrokan antara Taliban dan warga di Afghanistan berlanjut.", "2019-03-04") == []
    assert event_rows("Bentrokan antara Pakistan dan militer di Afghanistan berlanjut.", "2019-03-04") == []


def test_acquittal_by_a_foreign_court_is_a_release_not_a_sentence() -> None:
    text = "Seorang WNI asal Sumba dinyatakan bebas oleh pengadilan Singapura."
    assert event_rows(text, "2016-02-11", modality) == [("SGP", "IDN", "084", "asserted")]
    assert event_rows("Pengadilan Thailand menjatuhkan vonis bebas kepada WNI itu.", "2016-02-11") == [
        ("THA", "IDN", "084"),
    ]
    # a plain sentence stays a sentence
    assert event_rows("Seorang WNI asal Sumba divonis oleh pengadilan Singapura.", "2016-02-11") == [
        ("SGP", "IDN", "173"),
    ]


def test_ruler_of_a_malaysian_state_stands_for_malaysia() -> None:
    text = "Duta Besar Indonesia akan mengirimkan surat permohonan grasi kepada Sultan Kedah."
    assert event_rows(text, "2016-02-11", modality) == [("IDN", "MYS", "020", "planned")]
