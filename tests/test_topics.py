"""The off-topic filter: sports and entertainment documents yield no events; politics outweighs."""

from __future__ import annotations

from kg.model import Document
from kg.pipeline import default_resources, process_document
from kg.rules import default_rules
from kg.topics import off_topic

MATCH = "Timnas Jepang menang 2-1 atas Korea Selatan dalam laga kualifikasi Piala Dunia di stadion Saitama. Pelatih memuji gol kedua."


def test_sports_report_is_off_topic_and_yields_no_events() -> None:
    assert off_topic(MATCH, default_rules().settings) == "sports"
    text = MATCH + " Jepang mengecam Korea Selatan."
    result = process_document(Document("m", text), default_resources())
    assert (result.topic, result.events) == ("sports", ())


def test_politics_outweighs_a_passing_mention_of_films() -> None:
    text = (
        "Pasukan India dan militer Pakistan terlibat baku tembak di perbatasan; pemerintah kedua negara "
        "saling tuding. Sebelumnya boikot film, konser dan album artis Pakistan ramai di media."
    )
    assert off_topic(text, default_rules().settings) is None
    result = process_document(Document("k", text), default_resources())
    assert result.topic is None
    assert [(e.source.code, e.target.code, e.type.cameo) for e in result.events] == [
        ("IND", "PAK", "190"), ("PAK", "IND", "190"), ("PAK", "IND", "112"), ("IND", "PAK", "112"),
    ]
