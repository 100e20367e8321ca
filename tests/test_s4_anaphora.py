"""The pronoun "-nya" joined to a verb trigger as its object or agent, resolved like "Ia/Dia"
(kg/anaphora.py clitics), and calls by telephone made by the caller."""

from __future__ import annotations

import pytest

from tests.documents import event_rows, source_words


@pytest.mark.parametrize(("text", "expected"), [
    # object of an active verb: the person the text was about in the sentence before
    ("Menteri Luar Negeri Sugiono tiba di Kairo. Setibanya di hotel, Menlu Mesir meneleponnya.",
     [("EGY", "IDN", "041", "Menlu Mesir"), ("IDN", "EGY", "042", "Menteri Luar Negeri Sugiono")]),
    # the speaker of the quote before stands for "-nya", not a person named inside the quote
    (("Menlu Sugiono tiba di Kairo pada pagi hari.\n\n\u201cDi Kairo, Menlu Yordania menyambut saya dengan hangat,\u201d "
     "ujarnya.\n\nSesudah itu, Menlu Turki mengunjunginya di hotel."),
     [("IDN", "EGY", "042", "Menlu Sugiono"), ("IDN", "JOR", "042", "saya"), ("JOR", "IDN", "043", "Menlu Yordania"),
      ("TUR", "IDN", "042", "Menlu Turki")]),
    # agent of a di- passive
    ("Menlu Sugiono berada di Kairo. Menlu Mesir telah diteleponnya kemarin.",
     [("IDN", "EGY", "041", "nya")]),
    # a person named earlier in the sentence, with the verb's own subject between them
    ("Presiden Prabowo Subianto mengatakan Perdana Menteri Jepang mengecamnya.",
     [("JPN", "IDN", "111", "Perdana Menteri Jepang")]),
    # no one the text was about: nothing
    ("Menlu Mesir meneleponnya kemarin.", []),
    # "-nya" of a verb outside the clitic rules (support it, reject it) stands for no actor
    ("Presiden Prabowo Subianto berpidato di Jakarta. Pemerintah Mesir mendukungnya.", []),
    # inside direct speech "-nya" is left alone
    ("Presiden Prabowo Subianto berpidato di Jakarta. \u201cMesir mengecamnya,\u201d kata seorang pengamat.", []),
])
def test_clitic_nya_argument(text: str, expected: list[tuple[str, ...]]) -> None:
    assert event_rows(text, None, source_words) == expected


def test_calling_is_one_sided() -> None:
    assert event_rows("Kanselir Jerman menelepon Presiden Prabowo Subianto.", None, source_words) == [
        ("DEU", "IDN", "041", "Kanselir Jerman")
    ]


@pytest.mark.parametrize(("text", "expected"), [
    # a plain noun with a passive relative clause, renamed after it by a list: the list is the patient
    ("Menlu Sugiono berada di Kairo. Negara yang sudah dihubunginya yakni Mesir, Yordania dan Turki.",
     [("IDN", "EGY", "040", "nya"), ("IDN", "JOR", "040", "nya"), ("IDN", "TUR", "040", "nya")]),
    ("Negara yang dikecam Presiden Amerika Serikat adalah Iran.", [("USA", "IRN", "111", "Presiden Amerika Serikat")]),
    ("Negara yang dikunjungi Menlu Sugiono yaitu Mesir dan Yordania.",
     [("IDN", "EGY", "042", "Menlu Sugiono"), ("IDN", "JOR", "042", "Menlu Sugiono")]),
    # an active relative clause with no actor object: nothing
    ("Negara yang mendukung resolusi itu adalah Malaysia dan Vietnam.", []),
])
def test_relative_clause_renamed_by_a_list(text: str, expected: list[tuple[str, ...]]) -> None:
    assert event_rows(text, None, source_words) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a later sentence names the members of a group the sentence before named by a plural noun
    (("Indonesia mengajak negara-negara tetangga untuk memerangi penyelundupan. "
     "Negara-negara tersebut di antaranya Malaysia, Brunei dan Filipina."),
     [("IDN", "BRN", "020", "Indonesia"), ("IDN", "MYS", "020", "Indonesia"), ("IDN", "PHL", "020", "Indonesia")]),
    ("Indonesia mengecam negara-negara kaya. Negara-negara itu adalah Inggris dan Prancis.",
     [("IDN", "FRA", "111", "Indonesia"), ("IDN", "GBR", "111", "Indonesia")]),
    # the plural noun as the subject
    ("Negara-negara donor mengecam Myanmar. Negara-negara tersebut antara lain Jepang dan Norwegia.",
     [("JPN", "MMR", "111", "Jepang"), ("NOR", "MMR", "111", "Norwegia")]),
    # a group named by an actor ("negara-negara Barat") keeps it
    ("Indonesia mengecam negara-negara Barat. Negara-negara itu adalah Inggris dan Prancis.",
     [("IDN", "WST", "111", "Indonesia")]),
    # only the sentence right before
    ("Indonesia mengecam negara-negara kaya. Presiden berpidato panjang. Negara-negara itu adalah Inggris dan Prancis.",
     []),
])
def test_a_later_sentence_names_the_members_of_a_group(text: str, expected: list[tuple[str, ...]]) -> None:
    assert event_rows(text, None, source_words) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a list of examples after "antara lain" / "di antaranya" renames the object before it, also
    # past the rule's target window
    ("Indonesia mengajak negara-negara tetangga, antara lain Malaysia, Brunei dan Filipina, untuk berpatroli bersama.",
     [("IDN", "BRN", "020", "Indonesia"), ("IDN", "MYS", "020", "Indonesia"), ("IDN", "PHL", "020", "Indonesia")]),
    ("Indonesia mengajak negara-negara tetangga, di antaranya Malaysia dan Brunei, untuk berpatroli bersama.",
     [("IDN", "BRN", "020", "Indonesia"), ("IDN", "MYS", "020", "Indonesia")]),
    ("Jepang mengecam beberapa negara, antara lain Kanada dan Meksiko.",
     [("JPN", "CAN", "111", "Jepang"), ("JPN", "MEX", "111", "Jepang")]),
    # an agent after "antara lain oleh" is no object
    ("Jepang mengecam kebijakan tarif yang diterapkan, antara lain oleh Kanada.", []),
])
def test_examples_after_antara_lain(text: str, expected: list[tuple[str, ...]]) -> None:
    assert event_rows(text, None, source_words) == expected
