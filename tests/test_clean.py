"""Tests for kg/clean.py (and kg/clean_rules.py, kg/clean_split.py): boilerplate removal, title
and publication date, sentence splitting, and properties that must hold for any text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.clean import clean, split_sentences
from kg.clean_rules import load_rules, normalise_metadata_date, parse_dateline
from kg.errors import LexiconError
from kg.model import CleanDocument, Document, Sentence
from kg.read import iter_documents

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "data" / "articles"
GOLD = ROOT.parent / "shared" / "seeds" / "gold.jsonl"
CORPUS = ROOT.parent / "shared" / "corpus" / "id_news_dev.jsonl.gz"
BANNED = ("BACA JUGA", "Populer", "Related Posts", "Desember 2025", "Selengkapnya", "UPDATE", "Ilustrasi")


def seed(doc_id: str) -> tuple[CleanDocument, list[Sentence]]:
    for item in iter_documents([SEEDS / f"{doc_id}.txt"]):
        assert isinstance(item, Document)
        cd = clean(item)
        return cd, split_sentences(cd)
    raise AssertionError(doc_id)


def body(text: str, **meta: str) -> list[str]:
    """The kept blocks of a small article, as strings."""
    cd = clean(Document("t", text, **meta))  # type: ignore[arg-type]
    return [text[b.start : b.end] for b in cd.blocks]


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(clean(Document("t", text)))]


# --- the seed articles ---------------------------------------------------------------------------


def test_seed_000() -> None:
    cd, sents = seed("000_deec51cd281f298f")
    assert cd.title == "Korea Utara Mengirim Lebih Banyak Senjata ke Rusia, AS Khawatir"
    assert (cd.published, cd.date_source, cd.warnings) == (None, "none", ("no publication date found",))
    assert len(sents) == 12
    assert sents[0].text == (
        "Juru Bicara Departemen Luar Negeri AS mengungkapkan kekhawatiran bahwa Korea Utara "
        "berencana untuk mengirim lebih banyak senjata ke Rusia."
    )
    # the site dateline "nongkingopi.com –" is not part of the sentence it opens
    assert sents[1].text.startswith("Juru Bicara mengungkapkan kekhawatiran bahwa")
    assert sents[-1].text.startswith("Peningkatan kerja sama antara Korea Utara dan Rusia")


def test_seed_004() -> None:
    cd, sents = seed("004_74fedadd5d11810f")
    assert cd.title == "Amerika Khawatir Rusia dapat Amunisi dari Korea Utara untuk Menyerang Ukraina"
    assert (cd.published, cd.date_source, cd.warnings) == ("2023-08-31T14:09:00+07:00", "text", ())
    assert cd.published_date == "2023-08-31"
    assert len(sents) == 10
    assert sents[0].text == (
        "Pemerintah Amerika Serikat mengaku prihatin dengan kemajuan perundingan senjata antara Rusia dan Korea Utara."
    )
    assert sents[-1].text == (
        "Negara-negara Barat juga memberikan dukungan keuangan, senjata dan pelatihan kepada tentara Ukraina."
    )


@pytest.mark.parametrize("doc_id", ["000_deec51cd281f298f", "004_74fedadd5d11810f"])
def test_seed_sentences_hold_no_boilerplate(doc_id: str) -> None:
    cd, sents = seed(doc_id)
    assert [s.index for s in sents] == list(range(len(sents)))
    for s in sents:
        assert s.text == cd.doc.text[s.start : s.end]
        assert [word for word in BANNED if word in s.text] == []
        assert "LAPORAN" not in s.text and "WIB" not in s.text


def test_every_gold_evidence_is_a_sentence() -> None:
    texts = {d: {s.text for s in seed(d)[1]} for d in ("000_deec51cd281f298f", "004_74fedadd5d11810f")}
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(gold) == 36
    assert [g["evidence"] for g in gold if g["evidence"] not in texts[g["doc"]]] == []


# --- boilerplate --------------------------------------------------------------------------------


def test_read_also_lines_and_pager_are_dropped() -> None:
    text = "Isi satu.\n\nBACA JUGA : Judul Lain\n\nBaca Juga: Judul Lain\n\n[Baca juga: X]\n\nIsi dua.\n\nRelated Posts\n\n1 of 63"
    assert body(text) == ["Isi satu.", "Isi dua."]


def test_image_credits_bylines_and_placeholders_are_dropped() -> None:
    text = (
        "Ilustrasi/Net\n\nIsi satu.\n\nFoto: Reuters\n\nTim Cook, CEO Apple (Foto: Reuters)\n\n"
        "LAPORAN: RENI ERINA\n\n(Reporter: A | Editor: B)\n\n[img.2]\n\nSCROLL TO CONTINUE WITH CONTENT\n\n"
        "[video.1] Isi dua.\n\n(ard / ard)"
    )
    assert body(text) == ["Isi satu.", "Isi dua."]


def test_sidebar_of_headlines_and_timestamps_is_dropped_to_its_end() -> None:
    text = (
        "Isi artikel.\n\nPopuler\n\nJudul Lain Pertama\n\nSelasa, 23 Desember 2025 | 04:16\n\n"
        "Judul Lain Kedua\n\nSenin, 22 Desember 2025 | 17:57\n\nUPDATE\n\nJudul Ketiga\n\n"
        "Jumat, 26 Desember 2025 | 01:59\n\nSelengkapnya"
    )
    assert body(text) == ["Isi artikel."]


def test_read_also_list_in_the_middle_stops_at_the_next_paragraph() -> None:
    text = "Isi satu.\n\nBaca juga:\n\nJudul Lain Satu\n\nJudul Lain Dua?\n\nIsi dua berlanjut di sini."
    assert body(text) == ["Isi satu.", "Isi dua berlanjut di sini."]


def test_lede_question_after_a_label_is_kept() -> None:
    text = "Isi satu.\n\nBaca juga:\n\nJudul Lain\n\nNah, apakah kalian bisa membayangkan betapa senangnya para pemain?"
    assert body(text) == ["Isi satu.", "Nah, apakah kalian bisa membayangkan betapa senangnya para pemain?"]


@pytest.mark.parametrize(
    ("lede", "kept"),
    [
        ("JAKARTA, KOMPAS.com - Presiden tiba.", "Presiden tiba."),
        ("Jakarta, CNN Indonesia -- Presiden tiba.", "Presiden tiba."),
        ("Jakarta (ANTARA News) - Presiden tiba.", "Presiden tiba."),
        ("REPUBLIKA.CO.ID, JAKARTA -- Presiden tiba.", "Presiden tiba."),
        ("nongkingopi.com \u2013 Presiden tiba.", "Presiden tiba."),
        ("JAKARTA - Presiden tiba.", "Presiden tiba."),
        ("Mercedes - Benz meluncurkan mobil.", "Mercedes - Benz meluncurkan mobil."),
    ],
)
def test_datelines_opening_the_lede_are_cut(lede: str, kept: str) -> None:
    assert body(lede + "\n\nParagraf kedua.") == [kept, "Paragraf kedua."]


def test_inline_read_also_is_cut_out_of_a_paragraph() -> None:
    text = "Harga naik kemarin. Baca juga: Judul Lain TerkaitHarga turun hari ini. (ant)"
    assert body(text) == ["Harga naik kemarin.", "Harga turun hari ini."]


def test_wrapped_lines_of_one_paragraph_form_one_block() -> None:
    text = "Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong-un\ntelah bertukar surat.\nKalimat baru."
    assert body(text) == [
        "Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong-un\ntelah bertukar surat.",
        "Kalimat baru.",
    ]


def test_boilerplate_file_rejects_a_bad_pattern(tmp_path: Path) -> None:
    bad = tmp_path / "b.jsonl"
    bad.write_text('# c\n{"kind": "drop_line", "name": "x", "pattern": "(unclosed"}\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"b\.jsonl:2: bad regular expression"):
        load_rules(str(bad))


def test_boilerplate_file_checks_examples(tmp_path: Path) -> None:
    bad = tmp_path / "b.jsonl"
    bad.write_text(
        '{"kind": "drop_line", "name": "x", "pattern": "a+", "examples": ["b"]}\n', encoding="utf-8"
    )
    with pytest.raises(LexiconError, match=r"b\.jsonl:1: pattern does not match its example 'b'"):
        load_rules(str(bad))


# --- title and publication date ---------------------------------------------------------------------


def test_metadata_title_and_date_win() -> None:
    cd = clean(
        Document("t", "KAMIS, 31 AGUSTUS 2023 | 14:09 WIB\n\nIsi.", title=" Judul  Meta ", date="2024-01-02")
    )
    assert (cd.title, cd.published, cd.date_source) == ("Judul Meta", "2024-01-02", "metadata")
    assert [cd.doc.text[b.start : b.end] for b in cd.blocks] == ["Isi."]


def test_unreadable_metadata_date_falls_back_to_the_dateline() -> None:
    cd = clean(Document("t", "31/08/2023\n\nIsi.", date="kemarin"))
    assert (cd.published, cd.date_source, cd.warnings) == (
        "2023-08-31",
        "text",
        ("unreadable metadata date 'kemarin'",),
    )


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("KAMIS, 31 AGUSTUS 2023 | 14:09 WIB | LAPORAN: RENI ERINA", "2023-08-31T14:09:00+07:00"),
        ("Kamis, 31 Agustus 2023 14:09", "2023-08-31T14:09:00"),
        ("Senin, 4 Des 2023 - 08.30 WITA", "2023-12-04T08:30:00+08:00"),
        ("4 Desember 2023 08:30 WIT", "2023-12-04T08:30:00+09:00"),
        ("31/08/2023", "2023-08-31"),
        ("31/08/2023 14:09 WIB", "2023-08-31T14:09:00+07:00"),
        ("JAKARTA, KOMPAS.com --", None),
        ("31 Agustus 2023 adalah hari bersejarah.", None),
        ("Senin, 5 Mei 2025 lalu pemerintah menyatakan", None),
        ("30 Februari 2023", None),
    ],
)
def test_parse_dateline(line: str, iso: str | None) -> None:
    assert parse_dateline(line, load_rules()) == iso


@pytest.mark.parametrize(
    ("value", "result"),
    [
        ("2023-08-31", ("2023-08-31", None)),
        ("2023-08-31T14:09:00+07:00", ("2023-08-31T14:09:00+07:00", None)),
        ("2023-08-31T07:09:00Z", ("2023-08-31T07:09:00+00:00", None)),
        ("2023-08-31 14:09:05.123+0700", ("2023-08-31T14:09:05+07:00", None)),
        ("31/08/2023", ("2023-08-31", None)),
        ("10/20/2025 10:38", ("2025-10-20T10:38:00", None)),
        (
            "5/6/2025 9:05",
            ("2025-05-06T09:05:00", "ambiguous metadata date '5/6/2025 9:05' read as month/day/year"),
        ),
        ("31 Agustus 2023", ("2023-08-31", None)),
        ("2023-13-01", (None, "invalid metadata date '2023-13-01'")),
    ],
)
def test_normalise_metadata_date(value: str, result: tuple[str | None, str | None]) -> None:
    assert normalise_metadata_date(value, load_rules()) == result


def test_headline_without_metadata_is_the_title() -> None:
    cd = clean(Document("t", "Dunia\n\nRusia Serang Ukraina Lagi\n\nRusia menyerang Ukraina pada Senin."))
    assert cd.title == "Rusia Serang Ukraina Lagi"
    assert [cd.doc.text[b.start : b.end] for b in cd.blocks] == ["Rusia menyerang Ukraina pada Senin."]


def test_sidebar_dates_are_never_the_publication_date() -> None:
    text = "Isi artikel.\n\nPopuler\n\nJudul Lain\n\nSelasa, 23 Desember 2025 | 04:16"
    cd = clean(Document("t", text))
    assert (cd.published, cd.date_source) == (None, "none")


def test_top_sidebar_is_skipped() -> None:
    text = (
        "Terpopuler\n\nJudul A\n\nSenin, 1 Desember 2025 | 10:00\n\nJudul B\n\nSelasa, 2 Desember 2025 | 11:00\n\n"
        "Isi artikel yang sebenarnya."
    )
    cd = clean(Document("t", text))
    assert (cd.published, [text[b.start : b.end] for b in cd.blocks]) == (
        None,
        ["Isi artikel yang sebenarnya."],
    )


def test_one_line_article_is_its_own_body() -> None:
    assert body("Rusia menyerang Ukraina") == ["Rusia menyerang Ukraina"]


# --- sentence splitting ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Budi dan Prof. Ani bertemu H. Agus di Jl. Merdeka No. 5 kemarin.",
        "Uang a.n. Budi dikirim oleh Sdr. Ali, Tn. Lee dan Ny. Kim.",
        "Juru bicara J. Kirby dan John F. Kennedy disebut dalam laporan itu.",
        "Harga naik 1.000 rupiah atau 3.5 persen dari 2.500.000 tahun lalu.",
        "Ia membeli beras, gula, dll. dan pulang; lalu sayur, buah, dsb. untuk keluarga.",
        "Ia datang pukul 14.00 WIB di Jakarta.",
    ],
)
def test_abbreviations_initials_and_numbers_do_not_split(text: str) -> None:
    assert sentences(text) == [text]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = "\u201cKami siap.\u201d Kata dia. \"Rusia menyerang!\" Kemudian? 'Ya.' (Selesai.) Akhir."
    assert sentences(text) == [
        "\u201cKami siap.\u201d",
        "Kata dia.",
        '"Rusia menyerang!"',
        "Kemudian?",
        "'Ya.'",
        "(Selesai.)",
        "Akhir.",
    ]


def test_sentence_ends_before_uppercase_digit_or_quote_only() -> None:
    assert sentences("Satu. dua. Tiga. 4 orang tewas. \u201cEmpat.\u201d") == [
        "Satu. dua.",
        "Tiga.",
        "4 orang tewas.",
        "\u201cEmpat.\u201d",
    ]


def test_glued_sentences_are_split_but_addresses_are_not() -> None:
    assert sentences(
        'Harga naik.Untuk itu pemerintah bertindak.Lihat www.Contoh.Com sekarang."Ya," katanya.'
    ) == [
        "Harga naik.",
        "Untuk itu pemerintah bertindak.",
        "Lihat www.Contoh.Com sekarang.",
        '"Ya," katanya.',
    ]


def test_list_numbers_do_not_end_a_sentence() -> None:
    assert sentences("1. Thailand dan Malaysia.\n\n2. Jepang.") == ["1. Thailand dan Malaysia.", "2. Jepang."]


def test_long_unpunctuated_block_is_cut_into_bounded_chunks() -> None:
    text = "kata " * 40_000  # 200 KB without a full stop
    sents = split_sentences(clean(Document("t", text)))
    assert len(sents) == 200
    assert max(len(s.text) for s in sents) == 999
    assert all(s.text == text[s.start : s.end] and not s.text[0].isspace() for s in sents)


def test_long_block_without_spaces_is_cut_hard() -> None:
    sents = split_sentences(clean(Document("t", "x" * 2500)))
    assert [(s.start, s.end) for s in sents] == [(0, 1000), (1000, 2000), (2000, 2500)]


# --- properties for any text ----------------------------------------------------------------------------

ALPHABET = st.sampled_from(
    list("aZ .!?\"'\u201c\u201d()[]:-\u2013\n\t1,\u00a0\u200b\u202e") + ["Dr.", "BACA JUGA", "WIB"]
)


def check_spans(cd: CleanDocument, sents: list[Sentence]) -> None:
    text, last = cd.doc.text, 0
    for block in cd.blocks:
        assert last <= block.start < block.end <= len(text)
        assert text[block.start : block.end] == text[block.start : block.end].strip()
        last = block.end
    last = 0
    for index, s in enumerate(sents):
        assert s.index == index and s.doc == cd.doc.id
        assert last <= s.start < s.end <= len(text)
        assert s.text == text[s.start : s.end] and len(s.text) <= 1000
        assert any(b.start <= s.start and s.end <= b.end for b in cd.blocks)
        last = s.end


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_any_text_cleans_and_splits_into_valid_spans(text: str) -> None:
    cd = clean(Document("p", text))
    check_spans(cd, split_sentences(cd))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_cleans_and_splits_into_valid_spans(text: str) -> None:
    cd = clean(Document("p", text, title=text[:20] or None, date=text[:10] or None))
    check_spans(cd, split_sentences(cd))


# --- dev corpus (read at test time, never copied) ---------------------------------------------------------


@pytest.mark.corpus
def test_dev_corpus_articles_by_id() -> None:
    if not CORPUS.exists():
        pytest.skip(f"dev corpus not found at {CORPUS}")
    wanted = {
        "detik2025:4": 17,
        "indosum:1492835445-keluarga-gelar-pengajian-untuk-jupe-sore-ini": 17,
        "kompas2025:archive/14Jun2025/jalan-tol-ini-bisa-bernyanyi-di-mana-lokasinya.md": 12,
    }
    rules = load_rules()
    found = {}
    for item in iter_documents([CORPUS]):
        if isinstance(item, Document) and item.id in wanted:
            cd = clean(item)
            sents = split_sentences(cd)
            check_spans(cd, sents)
            assert [s.text for s in sents if rules.first_match("drop_line", s.text)] == []
            assert [s.text for s in sents if rules.first_match("sidebar_label", s.text)] == []
            assert rules.combined["lead_prefix"].match(sents[0].text) is None
            found[item.id] = len(sents)
    assert found == wanted
