"""Morphology generation and validation of the event-pattern lexicon."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from kg.errors import LexiconError
from kg.lexicon import LEXICON_DIR
from kg.morph import forms
from kg.rules import load_rules


@pytest.mark.parametrize(
    "root,affixes,expected",
    [
        ("kirim", ("meN", "meN-kan", "di", "peN-an", "-an"), {"mengirim": "active", "mengkirim": "active", "mengirimkan": "active", "mengkirimkan": "active", "dikirim": "passive", "pengiriman": "noun", "kiriman": "noun"}),
        ("jual", ("meN", "peN-an"), {"menjual": "active", "penjualan": "noun"}),
        ("pasok", ("meN",), {"memasok": "active", "mempasok": "active"}),
        ("tuduh", ("meN", "di"), {"menuduh": "active", "dituduh": "passive"}),
        ("serang", ("meN", "-an"), {"menyerang": "active", "serangan": "noun"}),
        ("salah", ("meN-kan",), {"menyalahkan": "active"}),
        ("beri", ("meN-kan",), {"memberikan": "active"}),
        ("protes", ("meN",), {"memprotes": "active"}),
        ("kritik", ("meN",), {"mengkritik": "active"}),
        ("bom", ("meN", "peN-an"), {"mengebom": "active", "pengeboman": "noun"}),
        ("runding", ("per-an", "ber"), {"perundingan": "noun", "berunding": "intransitive"}),
        ("sepakat", ("ke-an", "meN-i"), {"kesepakatan": "noun", "menyepakati": "active"}),
        ("temu", ("meN-i", "per-an", "ber"), {"menemui": "active", "pertemuan": "noun", "bertemu": "intransitive"}),
        ("yakin", ("meN-kan",), {"meyakinkan": "active"}),
        ("invasi", ("base", "meN"), {"invasi": "base", "menginvasi": "active"}),
    ],
)
def test_forms(root: str, affixes: tuple[str, ...], expected: dict[str, str]) -> None:
    assert forms(root, affixes) == expected


def test_unknown_affix_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown affix pattern 'meN-x'"):
        forms("kirim", ("meN-x",))


def test_bundled_rules_load_and_cover_every_cameo_root() -> None:
    rules = load_rules()
    roots = {r.cameo[:2] for r in rules.rules}
    assert roots >= {f"{n:02d}" for n in range(1, 21)} - {"14"}
    assert all(r.cameo in rules.cameo for r in rules.rules)


def _lexicon_copy(tmp_path: Path) -> Path:
    target = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, target)
    return target


@pytest.mark.parametrize(
    "line,message",
    [
        ('{"id": "x", "cameo": "999", "words": ["a"]}', "unknown CAMEO code '999'"),
        ('{"id": "x", "cameo": "010"}', "a rule needs 'roots' or 'words'"),
        ('{"id": "x", "cameo": "010", "words": ["a"], "colour": "red"}', "unknown field(s) colour"),
        ('{"id": "x", "cameo": "010", "words": "a"}', "field 'words' should be list"),
        ('{"id": "x", "cameo": "010", "words": ["a"], "object": "nosuchset"}', "unknown word set 'nosuchset'"),
        ('{"id": "x", "cameo": "010", "roots": ["a"], "affixes": ["zz"]}', "unknown affix pattern 'zz'"),
        ('{"id": "x", "cameo": "010", "words": ["a"], "source_types": ["robot"]}',
         "source_types: unknown actor type 'robot'"),
        ('{"id": "x", "cameo": "043", "words": ["a"], "converse": "999"}', "unknown CAMEO code '999'"),
        ("{not json", "not valid JSON"),
    ],
)
def test_bad_rule_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    lex = _lexicon_copy(tmp_path)
    events = lex / "events.jsonl"
    n_lines = len(events.read_text(encoding="utf-8").splitlines())
    with events.open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    with pytest.raises(LexiconError) as info:
        load_rules(lex)
    assert str(info.value).startswith(f"lexicon {events}:{n_lines + 1}: ")
    assert message in str(info.value)


def test_duplicate_rule_id(tmp_path: Path) -> None:
    lex = _lexicon_copy(tmp_path)
    events = lex / "events.jsonl"
    first = next(json.loads(x) for x in events.read_text().splitlines() if x.startswith("{"))
    with events.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(first) + "\n")
    with pytest.raises(LexiconError, match=f"duplicate rule id '{first['id']}'"):
        load_rules(lex)


@pytest.mark.parametrize(
    "key,value,message",
    [
        ("subject_window", "far", "'subject_window' should be an integer"),
        ("threat_cameo", 138, "'threat_cameo' should be a CAMEO code string"),
        ("object_agent_roots", ["5"], "'object_agent_roots' should be a list of two-digit CAMEO roots"),
    ],
)
def test_bad_extraction_settings_name_the_file(tmp_path: Path, key: str, value: object, message: str) -> None:
    lex = _lexicon_copy(tmp_path)
    path = lex / "extraction.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data[key] = value
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        load_rules(lex)
    assert str(info.value) == f"lexicon {path}: {message}"
