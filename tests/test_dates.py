"""Tests of kg/dates.py: the expression table, spans in sentences, non-dates, the lexicon checks,
the dateparser fallback, dev-corpus articles (by id) and a property test on random text."""

from __future__ import annotations

import functools
import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.date_words import load_date_words
from kg.dates import DateResolver, quoted_spans
from kg.errors import LexiconError
from kg.lexicon import LEXICON_DIR
from kg.model import Timex

TABLE = Path(__file__).with_name("date_expressions.jsonl")
CORPUS = Path("/work/shared/corpus/id_news_dev.jsonl.gz")
ANCHOR = "2023-08-31"  # a Thursday
# Prepositions stay out of a span; resolve() accepts an expression with one of them in front.
PREPOSITIONS = {
    "pada",
    "sejak",
    "hingga",
    "menjelang",
    "sepanjang",
    "dibandingkan",
    "antara",
    "dari",
    "dalam",
    "di",
}


def _rows() -> list[dict[str, Any]]:
    with TABLE.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip() and not line.startswith("#")]


EXPRESSIONS = [row for row in _rows() if row.get("expect") != "none"]
NEGATIVES = [row for row in _rows() if row.get("expect") == "none"]


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver.load()


def _brief(timexes: list[Timex]) -> list[tuple[str, str | None, str | None]]:
    return [(t.text, t.value, t.granularity) for t in timexes]


# --- the table -------------------------------------------------------------------------------------


def test_table_has_at_least_200_distinct_expressions_and_the_seed_cases() -> None:
    texts = {row["text"] for row in EXPRESSIONS}
    assert len(texts) >= 200
    assert {
        "Rabu (30/8)",
        "pada November 2022",
        "tahun lalu",
        "beberapa bulan mendatang",
        "Kamis (31/8)",
    } <= texts


@pytest.mark.parametrize("row", EXPRESSIONS, ids=lambda r: f"{r['text']}@{r['anchor']}")
def test_expression_is_found_with_its_span_and_value(resolver: DateResolver, row: dict[str, Any]) -> None:
    found = resolver.find(row["text"], 0, row["anchor"])
    span = row.get("span", row["text"])
    start = row["text"].index(span)
    expected = Timex(
        start=start,
        end=start + len(span),
        text=span,
        value=row["value"],
        granularity=row["granularity"],
        resolved=row["value"] is not None,
        anchor=row["anchor"] if row["relative"] else None,
        anaphoric=row.get("anaphoric", False),
    )
    assert found == [expected]


@pytest.mark.parametrize(
    "row",
    [r for r in EXPRESSIONS if r["text"][: -len(r.get("span", r["text"]))].strip() in PREPOSITIONS | {""}],
    ids=lambda r: f"{r['text']}@{r['anchor']}",
)
def test_resolve_gives_the_same_value(resolver: DateResolver, row: dict[str, Any]) -> None:
    timex = resolver.resolve(row["text"], row["anchor"])
    assert (timex.text, timex.start, timex.end) == (row["text"], 0, len(row["text"]))
    assert (timex.value, timex.granularity, timex.resolved) == (
        row["value"],
        row["granularity"],
        row["value"] is not None,
    )
    assert timex.anchor == (row["anchor"] if row["relative"] else None)


@pytest.mark.parametrize("row", NEGATIVES, ids=lambda r: r["text"])
def test_non_dates_yield_nothing(resolver: DateResolver, row: dict[str, Any]) -> None:
    assert resolver.find(row["text"], 0, row["anchor"]) == []


# --- sentences: spans, offsets, order --------------------------------------------------------------


def test_seed_sentence_weekday_with_day_month(resolver: DateResolver) -> None:
    sentence = "Juru bicara itu pada Rabu (30/8), mengatakan ia khawatir."
    assert resolver.find(sentence, 100, ANCHOR) == [
        Timex(121, 132, "Rabu (30/8)", "2023-08-30", "day", True, ANCHOR)
    ]


def test_spans_are_shifted_ordered_and_sliced_from_the_text(resolver: DateResolver) -> None:
    sentence = "Sejak 2014 hingga tahun lalu, kedua negara bertemu pada bulan Maret dan Kamis (31/8)."
    found = resolver.find(sentence, 7, ANCHOR)
    assert _brief(found) == [
        ("2014", "2014", "year"),
        ("tahun lalu", "2022", "year"),
        ("bulan Maret", "2023-03", "month"),
        ("Kamis (31/8)", "2023-08-31", "day"),
    ]
    assert [sentence[t.start - 7 : t.end - 7] for t in found] == [t.text for t in found]


def test_a_range_of_years_takes_its_start_and_a_list_gives_each_year(resolver: DateResolver) -> None:
    assert _brief(resolver.find("Harga naik antara 2019 dan 2021.", 0, ANCHOR)) == [
        ("2019 dan 2021", "2019", "year")
    ]
    assert _brief(resolver.find("Ia juara pada 2011, 2012 dan tahun 2014.", 0, ANCHOR)) == [
        ("2011", "2011", "year"),
        ("2012", "2012", "year"),
        ("tahun 2014", "2014", "year"),
    ]


def test_time_of_day_after_the_date_is_left_out(resolver: DateResolver) -> None:
    found = resolver.find("Rapat digelar Rabu (30/8) malam pukul 19.00 WIB.", 0, ANCHOR)
    assert _brief(found) == [("Rabu (30/8)", "2023-08-30", "day")]


def test_future_marker_turns_an_undirected_weekday_forward(resolver: DateResolver) -> None:
    found = resolver.find("Menteri itu akan bertemu Presiden pada Senin.", 0, ANCHOR)
    assert _brief(found) == [("Senin", "2023-09-04", "day")]


def test_future_marker_before_a_clause_break_does_not(resolver: DateResolver) -> None:
    found = resolver.find("Kami akan hadir, kata dia, Senin.", 0, ANCHOR)
    assert _brief(found) == [("Senin", "2023-08-28", "day")]


def test_sentence_without_a_date_word_yields_nothing(resolver: DateResolver) -> None:
    sentence = (
        "Pemerintah Amerika Serikat mengaku prihatin dengan perundingan senjata antara Rusia dan Korea Utara."
    )
    assert resolver.find(sentence, 0, ANCHOR) == []


def test_month_abbreviations_need_a_day_or_a_year(resolver: DateResolver) -> None:
    assert resolver.find("Ia dan Jan pergi pada Mar.", 0, ANCHOR) == []


# --- anchors ---------------------------------------------------------------------------------------


def test_anchor_is_recorded_only_for_anchor_relative_expressions(resolver: DateResolver) -> None:
    found = resolver.find("Pada 31 Agustus 2023 dan kemarin.", 0, ANCHOR)
    assert [(t.text, t.anchor) for t in found] == [("31 Agustus 2023", None), ("kemarin", ANCHOR)]


def test_relative_expression_without_anchor_keeps_its_text_unresolved(resolver: DateResolver) -> None:
    assert resolver.find("Invasi terjadi tahun lalu.", 0, None) == [
        Timex(15, 25, "tahun lalu", None, None, False, None)
    ]


def test_a_datetime_anchor_is_cut_to_its_day(resolver: DateResolver) -> None:
    found = resolver.find("kemarin", 0, "2023-08-31T14:09:00+07:00")
    assert found == [Timex(0, 7, "kemarin", "2023-08-30", "day", True, ANCHOR)]


@pytest.mark.parametrize("anchor", ["kemarin", "2023-13-01", "31/08/2023", ""])
def test_an_unusable_anchor_counts_as_none(resolver: DateResolver, anchor: str) -> None:
    assert resolver.find("kemarin", 0, anchor) == [Timex(0, 7, "kemarin", None, None, False, None)]


def test_anchor_at_the_end_of_the_calendar_does_not_raise(resolver: DateResolver) -> None:
    found = resolver.find("besok dan tahun depan", 0, "9999-12-31")
    assert _brief(found) == [("besok", None, None), ("tahun depan", None, None)]


# --- resolve() and its dateparser fallback ---------------------------------------------------------


def test_resolve_keeps_the_whole_expression_text(resolver: DateResolver) -> None:
    assert resolver.resolve("pada November 2022", ANCHOR) == Timex(
        0, 18, "pada November 2022", "2022-11", "month", True, None
    )


def test_resolve_falls_back_to_dateparser_for_unknown_forms(resolver: DateResolver) -> None:
    assert resolver.resolve("1 jam lalu", ANCHOR) == Timex(
        0, 10, "1 jam lalu", "2023-08-31", "day", True, ANCHOR
    )


def test_resolve_of_a_non_date_is_unresolved(resolver: DateResolver) -> None:
    assert resolver.resolve("bukan tanggal", ANCHOR) == Timex(0, 13, "bukan tanggal", None, None, False, None)


def test_resolve_without_anchor_of_a_relative_fallback_form_is_unresolved(resolver: DateResolver) -> None:
    assert resolver.resolve("1 jam lalu", None) == Timex(0, 10, "1 jam lalu", None, None, False, None)


# --- loading ---------------------------------------------------------------------------------------


def test_load_compiles_once_per_process() -> None:
    assert DateResolver.load() is DateResolver.load()


def _lexicon_copy(tmp_path: Path, old: str, new: str) -> Path:
    for name in ("dates.json", "calendar.json"):
        shutil.copy(LEXICON_DIR / name, tmp_path / name)
    path = tmp_path / "dates.json"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(
        n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line
    )


def test_a_bad_unit_names_file_and_line(tmp_path: Path) -> None:
    path = _lexicon_copy(tmp_path, '"windu": {"unit": "year", "n": 8}', '"windu": {"unit": "decade", "n": 8}')
    with pytest.raises(LexiconError) as error:
        load_date_words(tmp_path)
    assert (error.value.path, error.value.line) == (str(path), _line_of(path, '"windu"'))


def test_an_abbreviation_that_is_no_month_names_file_and_line(tmp_path: Path) -> None:
    path = _lexicon_copy(tmp_path, '"agu", ', '"agx", ')
    with pytest.raises(LexiconError) as error:
        load_date_words(tmp_path)
    assert (error.value.path, error.value.line) == (str(path), _line_of(path, '"agx"'))
    assert "agx" in error.value.message


def test_an_upper_case_word_names_file_and_line(tmp_path: Path) -> None:
    path = _lexicon_copy(tmp_path, '"lusa": 2,', '"Lusa": 2,')
    with pytest.raises(LexiconError) as error:
        load_date_words(tmp_path)
    assert (error.value.path, error.value.line) == (str(path), _line_of(path, '"Lusa"'))


def test_invalid_json_names_file_and_line(tmp_path: Path) -> None:
    path = _lexicon_copy(tmp_path, '"se_prefix": "se",', '"se_prefix": "se"')
    with pytest.raises(LexiconError) as error:
        load_date_words(tmp_path)
    assert (error.value.path, error.value.line) == (str(path), _line_of(path, '"vague_quantities"'))


# --- dev corpus, read at test time -----------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _articles() -> dict[str, dict[str, Any]]:
    """The articles the tests below use, read in one pass over the corpus."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        rows = (json.loads(line) for line in fh if any(f'"{i}"' in line for i in CORPUS_IDS))
        return {row["id"]: row for row in rows if row["id"] in CORPUS_IDS}


def _article(article_id: str) -> dict[str, Any]:
    if not CORPUS.is_file():
        pytest.skip(f"dev corpus {CORPUS} is absent")
    return _articles()[article_id]


CORPUS_CASES = [
    (
        "indosum:1495835220-libya-janji-bantu-inggris-soal-bom-manchester",
        [
            ("2016", "year"),
            ("2011", "year"),
            ("2017-05-22", "day"),
            ("2017-05-23", "day"),
            ("2016-05", "month"),
            ("2016-05", "month"),
        ],
    ),
    (
        "indosum:1515538800-periksa-hilman-kpk-dalami-pelarian-setnov-sebelum-",
        [
            ("2018-01-09", "day"),
            ("2017-11", "month"),
            ("2017-11", "month"),
            ("2017-12-11", "day"),
            (None, None),  # "Ketika itu": filled in from the text before it by kg.dates.resolve_anaphoric
            ("2017-11-15", "day"),
        ],
    ),
    (
        "kompas2025:archive/03Nov2025/xml.2025.11.03.090200915.md",
        [(None, None), ("2025-11-01", "day"), ("2030", "year"), ("2026", "year"), ("2027", "year")],
    ),
]
CORPUS_IDS = frozenset(article_id for article_id, _ in CORPUS_CASES)


@pytest.mark.parametrize(("article_id", "expected"), CORPUS_CASES)
def test_dev_corpus_article(
    resolver: DateResolver, article_id: str, expected: list[tuple[str | None, str | None]]
) -> None:
    row = _article(article_id)
    found = resolver.find(row["text"], 0, row["date"])
    assert [(t.value, t.granularity) for t in found] == expected
    assert all(row["text"][t.start : t.end] == t.text for t in found)


# --- robustness (speed is measured in bench/, not here) --------------------------------------------------------------------------


WORDS = [
    "pada",
    "Rabu",
    "(30/8)",
    "tahun",
    "lalu",
    "2019",
    "bulan",
    "Maret",
    "pekan",
    "depan",
    "akhir",
    "awal",
    "beberapa",
    "hari",
    "ini",
    "kemarin",
    "Minggu",
    "minggu",
    "dua",
    "belas",
    "puluh",
    "se",
    "sepekan",
    "antara",
    "dan",
    "-",
    "/",
    "(",
    ")",
    ",",
    ".",
    "31",
    "8",
    "2023",
    "12",
    "Agu",
    "Agustus",
    "mendatang",
    "akan",
    "dalam",
    "ke",
    "Nomor",
    "kuartal",
    "III",
    "tanggal",
    "30/8/2023",
    "2023-08-30",
    "İ",
    "\u00a0",
    "\n",
]


@settings(max_examples=200, deadline=None)
@given(
    tokens=st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=30),
    offset=st.integers(min_value=0, max_value=10_000),
    anchor=st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.text(max_size=12)),
)
def test_find_on_random_text_never_raises_and_returns_ordered_spans(
    resolver: DateResolver, tokens: list[str], offset: int, anchor: str | None
) -> None:
    text = " ".join(tokens)
    found = resolver.find(text, offset, anchor)
    previous_end = offset
    for timex in found:
        assert previous_end <= timex.start < timex.end <= offset + len(text)
        assert text[timex.start - offset : timex.end - offset] == timex.text
        assert timex.resolved == (timex.value is not None) == (timex.granularity is not None)
        previous_end = timex.end
    assert resolver.find(text, offset, anchor) == found  # deterministic


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("“Kami siap,” kata dia.", [(0, 11)]),
        ('"Kami siap," kata dia, "dan kami menunggu."', [(0, 11), (23, 42)]),
        ('lalu kami pulang," kata dia.', [(0, 17)]),  # a quote opened in an earlier sentence
        ('Kata dia: "Kami siap', [(10, 20)]),  # one that goes on in the next sentence
        ("Kata dia, kami siap.", []),
    ],
)
def test_quoted_spans(text: str, spans: list[tuple[int, int]]) -> None:
    assert quoted_spans(text) == spans


def test_a_day_counted_from_today_inside_a_quote_counts_from_the_statement(resolver: DateResolver) -> None:
    text = '"Besok hasilnya keluar," ujar dia, Selasa (4/11/2025).'
    found = resolver.quoted_days(text, 0, resolver.find(text, 0, "2025-11-06"))
    assert [(t.text, t.value) for t in found] == [("Besok", "2025-11-05"), ("Selasa (4/11/2025)", "2025-11-04")]
    text = '"Besok hasilnya keluar," ujar dia.'
    found = resolver.quoted_days(text, 0, resolver.find(text, 0, "2025-11-06"))
    assert [(t.text, t.value, t.resolved) for t in found] == [("Besok", None, False)]
