"""Modality of single-sentence events: which markers govern a trigger, and how far.

Each case is one hand-written sentence in and the exact (source, target, CAMEO, modality) of every
event out, in order. The annotation convention is bench/devgold.md, "Modality and attribution".
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.errors import LexiconError
from kg.events import extract_sentence
from kg.lexicon import LEXICON_DIR
from kg.modality import load_modality
from kg.model import ActorMention, Sentence
from kg.rules import default_rules

ACTORS = {
    "Indonesia": "IDN",
    "Jepang": "JPN",
    "China": "CHN",
    "Rusia": "RUS",
    "Ukraina": "UKR",
    "Israel": "ISR",
    "Iran": "IRN",
    "Palestina": "PSE",
    "AS": "USA",
}
_PATTERN = re.compile(r"(?<!\w)(" + "|".join(sorted(ACTORS, key=len, reverse=True)) + r")(?!\w)")


def extract(text: str) -> list[tuple[str, str, str, str]]:
    mentions = [
        ActorMention(m.start(), m.end(), m.group(), ACTORS[m.group()], ACTORS[m.group()], m.group(), "state")
        for m in _PATTERN.finditer(text)
    ]
    raws = extract_sentence(Sentence("d", 0, 0, len(text), text), mentions, [], default_rules(), load_modality())
    return [(r.source.code, r.target.code, r.cameo, r.modality) for r in raws]


CASES = [
    # a condition ends at a clause_stop word: what follows "sehingga" is stated as fact
    (
        "Jepang cemas jika Rusia menyerang Ukraina sehingga Jepang meminta China menahan diri.",
        [("JPN", "RUS", "012", "asserted"), ("RUS", "UKR", "190", "possible"), ("JPN", "CHN", "020", "asserted")],
    ),
    # a sentence-initial condition governs the main clause too
    (
        "Jika Rusia menyerang Ukraina, Jepang akan mengecam Rusia.",
        [("RUS", "UKR", "190", "possible"), ("JPN", "RUS", "111", "possible")],
    ),
    # a local marker does not reach into a relative clause
    (
        "AS bisa mengecam China yang menyerang Jepang.",
        [("USA", "CHN", "111", "possible"), ("CHN", "JPN", "190", "asserted")],
    ),
    # a purpose clause takes the markers of the verb it depends on, however far
    (
        "Menteri Luar Negeri Jepang akan terbang ke Tokyo pada akhir pekan ini untuk bertemu Indonesia.",
        [("JPN", "IDN", "040", "planned"), ("IDN", "JPN", "040", "planned")],
    ),
    # an intent noun before a purpose clause: the purpose is planned
    ("Jepang menerima undangan untuk mengunjungi Indonesia.", [("JPN", "IDN", "042", "planned")]),
    # an intent code (03x) states the intent: asserted, though "akan" follows the agreement
    (
        "Indonesia dan Jepang bersepakat akan memperkuat kerja sama.",
        [
            ("IDN", "JPN", "057", "asserted"),
            ("JPN", "IDN", "057", "asserted"),
            ("IDN", "JPN", "030", "asserted"),
            ("JPN", "IDN", "030", "asserted"),
        ],
    ),
    # considering, an open question ("apakah"), a proviso ("asalkan"): possible
    ("AS masih mempertimbangkan untuk menyerang Iran.", [("USA", "IRN", "190", "possible")]),
    ("AS sedang menimbang apakah akan menyerang Iran.", [("USA", "IRN", "190", "possible")]),
    (
        "Indonesia siap mengakui Israel asalkan Israel mengakui Palestina.",
        # a stated readiness is the pledge, an intent (032), asserted (devgold.md)
        [("IDN", "ISR", "032", "asserted"), ("ISR", "PSE", "054", "possible")],
    ),
    # reduplicated marker
    (
        "Tim itu akan mengkaji kemungkinan-kemungkinan kerja sama antara Indonesia dan Jepang.",
        [("IDN", "JPN", "030", "possible"), ("JPN", "IDN", "030", "possible")],
    ),
    # "dilaporkan" right before the verb hedges it; a fronted "Dilaporkan <outlet>," names a source
    ("Israel dilaporkan menyerang Iran pada malam hari.", [("ISR", "IRN", "190", "alleged")]),
    (
        "Dilaporkan sebuah kantor berita, harga minyak naik ketika Israel dan Iran kembali saling serang.",
        [("ISR", "IRN", "190", "asserted"), ("IRN", "ISR", "190", "asserted")],
    ),
    ("Israel disebut menyerang Iran.", [("ISR", "IRN", "190", "alleged")]),
    # what evidence "shows" is a claim; what an achievement shows is not
    ("Laporan itu menunjukkan Rusia menyerang Ukraina.", [("RUS", "UKR", "190", "alleged")]),
    ("Kunjungan itu menunjukkan Rusia menyerang Ukraina.", [("RUS", "UKR", "190", "asserted")]),
    # a fronted source ("Menurutnya,") attributes; an opinion inside the clause alleges
    ("Menurutnya, Rusia menyerang Ukraina.", [("RUS", "UKR", "190", "asserted")]),
    ("Rusia yang menurutnya berupaya menyerang Ukraina.", [("RUS", "UKR", "190", "alleged")]),
    # a purpose clause whose verb is not the event: continuing a war does not plan it
    ("Rusia akan membeli senjata untuk melanjutkan perang di Ukraina.", [("RUS", "UKR", "190", "asserted")]),
    # the content of an accusation is alleged; the content of a denial denied, across "bahwa"
    (
        "AS menuduh China mengirim senjata ke Rusia.",
        [("USA", "CHN", "112", "asserted"), ("CHN", "RUS", "072", "alleged")],
    ),
    ("China membantah tuduhan bahwa China mengirim senjata ke Rusia.", [("CHN", "RUS", "072", "denied")]),
    ("Rusia membantah bahwa pasukannya menyerang Ukraina.", [("RUS", "UKR", "190", "denied")]),
    # "tidak hanya" (not only), "tak lama" (soon after) negate nothing
    ("Indonesia tidak hanya mengecam Israel.", [("IDN", "ISR", "111", "asserted")]),
    ("Tak lama kemudian Israel menyerang Iran.", [("ISR", "IRN", "190", "asserted")]),
    ("Indonesia tidak mengecam Israel.", [("IDN", "ISR", "111", "negated")]),
    # an ability realised ("akhirnya dapat") happened; a bare "dapat" is possible
    ("Indonesia akhirnya dapat bertemu Jepang.", [("IDN", "JPN", "040", "asserted"), ("JPN", "IDN", "040", "asserted")]),
    ("Indonesia dapat bertemu Jepang.", [("IDN", "JPN", "040", "possible"), ("JPN", "IDN", "040", "possible")]),
    # a conditional word right after a reporting verb means "that"
    (
        "Menteri itu mengungkapkan bila Indonesia sudah mengirim bantuan ke Palestina.",
        [("IDN", "PSE", "070", "asserted")],
    ),
    ("Bila Israel menyerang Iran, harga minyak naik.", [("ISR", "IRN", "190", "possible")]),
    ("Indonesia bersiap menyambut kedatangan Jepang.", [("IDN", "JPN", "043", "planned"), ("JPN", "IDN", "042", "planned")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_modality(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert extract(text) == expected


def test_lexicon_needs_every_key(tmp_path: Path) -> None:
    data = json.loads((LEXICON_DIR / "modality.json").read_text(encoding="utf-8"))
    del data["claim_heads"]
    (tmp_path / "modality.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match="claim_heads"):
        load_modality(str(tmp_path))


def test_lexicon_cancel_words_name_modalities(tmp_path: Path) -> None:
    data = json.loads((LEXICON_DIR / "modality.json").read_text(encoding="utf-8"))
    data["cancel_after"] = {"maybe": ["hanya"]}
    (tmp_path / "modality.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError, match="cancel_after.maybe"):
        load_modality(str(tmp_path))
