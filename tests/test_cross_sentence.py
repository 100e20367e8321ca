"""Events whose participants are named in a later sentence (kg/crosssent.py): "... mendeportasi
500 WNA. ... WNA yang dideportasi tersebut berasal dari A dan B". Every text here is written for
the test."""

from __future__ import annotations

from documents import event_rows, events_of

from kg.model import Event

DEPORTED = (
    "Pemerintah Indonesia telah mendeportasi sekitar 500 warga negara asing (WNA) pada Senin (3/4). "
    "Mereka melanggar izin tinggal. "
    "Sebagian besar WNA yang dideportasi itu berasal dari Vietnam, Filipina, dan Cina. "
    "Sisanya adalah Thailand dan Malaysia. "
    "Keberadaan mereka merugikan negara."
)


def _events(text: str, date: str = "2017-04-05") -> tuple[Event, ...]:
    return events_of(text, date)


def _tuples(text: str) -> list[tuple[object, ...]]:
    return event_rows(text, "2017-04-05")


def test_participants_named_later_complete_the_earlier_event_once_per_state() -> None:
    assert _tuples(DEPORTED) == [
        ("IDN", "CHN", "174"),
        ("IDN", "MYS", "174"),
        ("IDN", "PHL", "174"),
        ("IDN", "THA", "174"),
        ("IDN", "VNM", "174"),
    ]


def test_the_event_keeps_the_trigger_sentence_and_its_date_and_the_named_side_its_own_span() -> None:
    vietnam = next(e for e in _events(DEPORTED) if e.target.code == "VNM")
    mention = vietnam.mentions[0]
    assert (mention.sentence_index, mention.trigger, mention.source_text, mention.target_text) == (
        0,
        "mendeportasi",
        "Pemerintah Indonesia",
        "Vietnam",
    )
    assert DEPORTED[vietnam.target.start : vietnam.target.end] == "Vietnam"
    assert vietnam.target.start > DEPORTED.index("Sebagian besar")
    assert (vietnam.date.value, vietnam.modality) == ("2017-04-03", "asserted")


def test_a_relative_clause_with_another_verb_completes_nothing() -> None:
    text = (
        "Pemerintah Indonesia telah mendeportasi sekitar 500 warga negara asing (WNA) pada Senin (3/4). "
        "Kebanyakan WNA yang ditangkap tersebut berasal dari Vietnam dan Cina."
    )
    assert _tuples(text) == []


def test_participants_named_too_far_after_the_event_complete_nothing() -> None:
    text = (
        "Pemerintah Indonesia telah mendeportasi sekitar 500 warga negara asing (WNA). "
        "Mereka melanggar izin tinggal. Masyarakat diminta melapor. Petugas akan berjaga. "
        "Sebagian besar WNA yang dideportasi itu berasal dari Vietnam dan Cina."
    )
    assert _tuples(text) == []


def test_a_remainder_sentence_not_right_after_a_completed_list_completes_nothing() -> None:
    text = "Pemerintah Indonesia telah mendeportasi sekitar 500 WNA. Sisanya adalah Thailand dan Malaysia."
    assert _tuples(text) == []


def test_an_event_whose_target_was_already_named_is_not_completed_again() -> None:
    text = (
        "Pemerintah Indonesia telah mendeportasi sekitar 500 warga Malaysia pada Senin (3/4). "
        "Kebanyakan warga yang dideportasi tersebut berasal dari Vietnam dan Cina."
    )
    assert _tuples(text) == [("IDN", "MYS", "174")]


def test_completion_is_deterministic() -> None:
    assert _events(DEPORTED) == _events(DEPORTED)
