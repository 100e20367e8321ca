"""Events of several actors at once: the states listed as attending a bloc's summit, and the mutual
act of a coordinated subject ("masing-masing", "saling"). Every text here is written for the test."""

from __future__ import annotations

from documents import event_rows, modality


def _events(text: str, date: str = "2023-08-30") -> list[tuple[object, ...]]:
    return event_rows(text, date, modality)


def test_the_states_listed_after_yakni_attend_the_summit_of_the_bloc_the_clause_is_about() -> None:
    text = "Pekan depan, ada tiga mitra ASEAN yang akan hadir, yakni Jepang, Selandia Baru dan India."
    assert _events(text) == [
        ("IND", "ASEAN", "044", "planned"),
        ("JPN", "ASEAN", "044", "planned"),
        ("NZL", "ASEAN", "044", "planned"),
    ]


def test_without_a_bloc_in_the_clause_the_listed_states_attend_the_summit_the_sentence_names() -> None:
    text = "Pada KTT ke-40 ASEAN di Manila, para tamu yang hadir yaitu Kanada dan Jepang."
    assert _events(text) == [("CAN", "ASEAN", "044", "asserted"), ("JPN", "ASEAN", "044", "asserted")]


def test_a_list_of_guests_of_a_state_is_no_summit_attendance() -> None:
    text = "Presiden Filipina menerima tamu, dan pejabat yang hadir yaitu utusan Jepang dan Kanada."
    assert not any(e[2] == "044" for e in _events(text))


def test_the_agent_list_of_a_summit_attended_is_one_attendance_each() -> None:
    text = "KTT ASEAN tahun ini dihadiri oleh para pemimpin Jepang, Kanada dan Korea Selatan."
    assert _events(text) == [
        ("CAN", "ASEAN", "044", "asserted"),
        ("JPN", "ASEAN", "044", "asserted"),
        ("KOR", "ASEAN", "044", "asserted"),
    ]


def test_masing_masing_makes_an_investment_of_a_coordinated_subject_mutual() -> None:
    text = "Menurut perjanjian itu, Jepang dan Kanada masing-masing akan menginvestasikan 2 miliar dolar."
    assert _events(text) == [("CAN", "JPN", "061", "planned"), ("JPN", "CAN", "061", "planned")]
    text = "Menurut perjanjian itu, Jepang dan Kanada akan berinvestasi masing-masing 2 miliar dolar."
    assert _events(text) == [("CAN", "JPN", "061", "planned"), ("JPN", "CAN", "061", "planned")]


def test_a_mutual_word_does_not_override_a_target_found() -> None:
    text = "Jepang dan Kanada masing-masing akan menginvestasikan 2 miliar dolar di Vietnam."
    assert _events(text) == [("CAN", "VNM", "061", "planned"), ("JPN", "VNM", "061", "planned")]


def test_without_a_mutual_word_an_act_without_target_gives_no_event() -> None:
    text = "Jepang dan Kanada akan menginvestasikan 2 miliar dolar tahun depan."
    assert _events(text) == []
