"""Anaphors and implicit actors over a whole document: direct speech across sentences, "organisasi
itu", "kelompok tersebut", "negara tetangganya", and people the lexicon does not know, learned from
an office named beside them. Every text here is written for the test."""

from __future__ import annotations

from documents import event_rows, source_words

from kg.model import Document
from kg.pipeline import default_resources, process_document


def _events(text: str, date: str = "2017-08-15") -> list[tuple[object, ...]]:
    return event_rows(text, date, source_words)


def _mentions(text: str, date: str = "2017-08-15") -> list[tuple[str, str]]:
    result = process_document(Document("t", text, None, date), default_resources())
    return [(m.text, m.code) for m in result.actors]


def test_first_person_in_a_quote_closed_in_a_later_sentence_is_the_speaker_named_after_it() -> None:
    text = (
        "Menlu Retno Marsudi tiba di Dhaka pada Senin. "
        '"Kami sudah lama memikirkan hal ini. Saya mengecam Israel atas serangan itu," kata Menlu Iran.'
    )
    assert ("IRN", "ISR", "111", "Saya") in _events(text)
    assert ("Kami", "IRN") in _mentions(text)


def test_a_quote_right_after_an_attributed_quote_keeps_its_speaker() -> None:
    text = (
        "\u201cSituasi ini sangat serius,\u201d demikian pernyataan Uni Eropa di Brussels. "
        "\u201cKami mengecam Rusia atas serangan tersebut.\u201d"
    )
    assert ("EU", "RUS", "111", "Kami") in _events(text)


def test_a_quote_introduced_by_a_speech_verb_is_the_speaker_before_it() -> None:
    text = 'Menteri Luar Negeri Jepang mengatakan, "Kami mengecam Korea Utara."'
    assert ("JPN", "PRK", "111", "Kami") in _events(text)


def test_ujarnya_after_a_quote_needs_the_person_to_be_the_subject_just_before() -> None:
    about = 'Presiden Joko Widodo tiba di Tokyo. "Kami mengecam Korea Utara," ujarnya.'
    assert ("IDN", "PRK", "111", "Kami") in _events(about)
    # an unknown spokesman is speaking: the last person of the lexicon is not the speaker
    unknown = (
        "Presiden Joko Widodo tiba di Tokyo. Juru bicara partai itu, seorang aktivis, juga hadir. "
        "Dia sempat berbicara dengan wartawan. "
        '"Kami mengecam Korea Utara," ujarnya.'
    )
    assert [e for e in _events(unknown) if e[3] == "Kami"] == []


def test_first_person_inside_an_unattributed_quote_is_no_one() -> None:
    text = 'Presiden Joko Widodo tiba di Tokyo. Ada yang berteriak, "Kami mengecam Korea Utara!" katanya.'
    assert [e for e in _events(text) if e[3] == "Kami"] == []


def test_organisasi_itu_is_the_organisation_named_just_before() -> None:
    text = "Turki mengkritik Uni Eropa. Organisasi itu kemudian mengecam Rusia."
    assert ("EU", "RUS", "111", "Organisasi itu") in _events(text)
    far = "Turki mengkritik Uni Eropa. Cuaca hari itu cerah. Organisasi itu kemudian mengecam Rusia."
    assert [e for e in _events(far) if e[3] == "Organisasi itu"] == []


def test_kelompok_tersebut_is_an_armed_group_not_a_state() -> None:
    text = "Hamas menembakkan roket dari Gaza. Kelompok tersebut juga mengancam Israel."
    assert ("HAMAS", "ISR", "138", "Kelompok tersebut") in _events(text) or (
        "HAMAS", "ISR", "130", "Kelompok tersebut") in _events(text)
    assert ("Kelompok tersebut", "HAMAS") in _mentions(text)


def test_negara_tetangganya_is_the_other_state_not_the_possessor() -> None:
    text = "Pakistan menangguhkan perdagangan dengan India seraya menuduh negara tetangganya itu mendanai pemberontak."
    assert ("negara tetangganya itu", "IND") in _mentions(text)
    alone = "Pakistan menuduh negara tetangganya mendanai pemberontak."  # no other state named: no referent
    assert [m for m in _mentions(alone) if m[0].startswith("negara")] == []


def test_an_unknown_name_beside_a_state_office_stands_for_that_office_later() -> None:
    text = (
        "Wakil Menteri Luar Negeri Filipina, Ramon Dalisay, tiba di Jakarta pada Senin. "
        "Dalisay mengecam Tiongkok atas insiden di Laut China Selatan. "
        "Dia juga mengontak pemerintah Vietnam."
    )
    got = _events(text)
    assert ("PHL", "CHN", "111", "Dalisay") in got
    assert ("PHL", "VNM", "040", "Dia") in got


def test_a_name_after_an_office_is_not_learned_from_a_prepositional_phrase_or_a_list() -> None:
    text = (
        "Berdasarkan data Kemenkumham, Ramon Dalisay menjalani hukuman di Jakarta. "
        "Dalisay mengecam Tiongkok."
    )
    assert [m for m in _mentions(text) if m[0] == "Dalisay"] == []
