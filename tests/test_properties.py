"""Property tests over the whole pipeline: for any text, no unhandled exception, spans that point at
their words, Turtle that parses back, and the same output twice."""

from __future__ import annotations

import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kg.model import Document
from kg.pipeline import default_resources, process_document
from kg.rdf import build_graph, turtle

# Words that make the pipeline work hard: actors, triggers, modality, dates, coordination, and
# characters that break naive escaping.
VOCAB = [
    "Korea Utara", "Rusia", "AS", "negara-negara Barat", "Kremlin", "Wagner", "Pemerintah Amerika Serikat",
    "Presiden Rusia Vladimir Putin", "Kim", "Kirby", "pihak", "yang", "oleh", "ke", "kepada", "dari", "dengan",
    "terhadap", "antara", "dan", "serta", "sambil", "bahwa", "kata", "ujarnya", "mengirim", "senjata",
    "menjual", "amunisi", "menerima", "sanksi", "menjatuhkan", "didukung", "perundingan", "kerja sama",
    "invasi", "perang", "berencana", "akan", "tidak", "membantah", "diduga", "mungkin", "Rabu (30/8)",
    "pada November 2022", "tahun lalu", "kemarin", ",", ".", "“", "”", '"', "'", "<script>", "</script>",
    "]]>", "\\", "\n", "\n\n", "\u202e", "\u200b", "\x00", "BACA JUGA :", "Populer", "&amp;", "<", ">",
    "KAMIS, 31 AGUSTUS 2023 | 14:09 WIB",
]
# a text whose event is known: checked exactly when it comes up (generated texts are only checked for shape)
KNOWN = "Korea Utara berencana mengirim senjata ke Rusia pada November 2022. \u202e<b>"
texts = st.lists(st.one_of(st.sampled_from(VOCAB), st.text(max_size=8)), min_size=1, max_size=60).map(" ".join)
dates = st.one_of(st.none(), st.sampled_from(["2023-08-31", "2019-01-01", "not a date", "2023-02-30"]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, date=dates, title=st.one_of(st.none(), st.text(max_size=30)))
@example(text=KNOWN, date=None, title="<i>")
def test_pipeline_never_fails_and_is_deterministic(text: str, date: str | None, title: str | None) -> None:
    res = default_resources()
    doc = Document("doc <1> \"x\"", text, title, date, "javascript:alert(1)", "pub", "gen")
    first = process_document(doc, res)
    assert process_document(doc, res) == first
    if text == KNOWN:
        assert [(e.source.code, e.target.code, e.type.cameo, e.date.value) for e in first.events] == [
            ("PRK", "RUS", "072", "2022-11")
        ]
    for event in first.events:
        assert event.source.code != event.target.code
        for m in event.mentions:
            assert text[m.start : m.end] == m.sentence
            assert m.trigger_start is not None and m.trigger_end is not None
            assert text[m.trigger_start : m.trigger_end] == m.trigger
    ttl = turtle(build_graph([first], res.actors.actor_info))
    parsed = rdflib.Graph().parse(data=ttl, format="turtle")
    assert len(parsed) > 0
    assert turtle(build_graph([process_document(doc, res)], res.actors.actor_info)) == ttl
