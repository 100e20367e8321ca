"""Hostile inputs: every file of tests/nasty/ (and a few big ones generated here) goes through
iter_documents + clean + split_sentences and yields exactly the expected Documents or
ReadProblems, never an exception."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kg.clean import clean, split_sentences
from kg.model import Document, ReadProblem
from kg.read import iter_documents

NASTY = Path(__file__).resolve().parent / "nasty"
Outcome = tuple[str, object, object]  # ("doc", id, warnings) or ("problem", line, message start)

EXPECTED: dict[str, list[Outcome]] = {
    "UPPER_CASE_EXT.TXT": [("doc", "UPPER_CASE_EXT", ())],
    "bidi_override.txt": [("doc", "bidi_override", ())],
    "binary_random.txt": [("problem", None, "not a text file")],
    "bom_only.txt": [("problem", None, "empty")],
    "control_chars.txt": [("doc", "control_chars", ("control characters replaced by spaces",))],
    "cp1252.txt": [("doc", "cp1252", ("decoded as windows-1252",))],
    "cp1252_undefined_byte.txt": [
        ("doc", "cp1252_undefined_byte", ("decoded as windows-1252", "invalid cp1252 bytes replaced"))
    ],
    "cr_only.txt": [("doc", "cr_only", ())],
    "crlf.txt": [("doc", "crlf", ())],
    "dateline_only.txt": [("doc", "dateline_only", ())],
    "elf_disguised.md": [("problem", None, "not a text file")],
    "emoji_and_combining.txt": [("doc", "emoji_and_combining", ())],
    "empty.txt": [("problem", None, "empty")],
    "header_bad_date.txt": [("doc", "header_bad_date", ())],
    "header_front_matter.md": [("doc", "header_front_matter", ())],
    "header_injection.txt": [("doc", "header_injection", ())],
    "header_ok.txt": [("doc", "header_ok", ())],
    "header_only.txt": [("problem", None, "empty")],
    "header_unknown_key.txt": [("doc", "header_unknown_key", ("unknown header key 'foo' ignored",))],
    "header_unterminated.txt": [("doc", "header_unterminated", ())],
    "html_article_preferred.html": [("doc", "html_article_preferred", ())],
    "html_binary.html": [("problem", None, "not a text file")],
    "html_charset_cp1252.html": [
        ("doc", "html_charset_cp1252", ("decoded as windows-1252 (declared by the page)",))
    ],
    "html_comments_cdata.html": [("doc", "html_comments_cdata", ())],
    "html_empty.html": [("problem", None, "empty")],
    "html_entities.html": [("doc", "html_entities", ())],
    "html_injection.html": [("doc", "html_injection", ())],
    "html_meta_date.htm": [("doc", "html_meta_date", ())],
    "html_only_script.html": [("problem", None, "no article text found in the HTML page")],
    "html_script.html": [("doc", "html_script", ())],
    "html_unclosed.html": [("doc", "html_unclosed", ())],
    "jsonl_blank_lines.jsonl": [("doc", "blank-1", ())],
    "jsonl_bom.jsonl": [("doc", "bom-1", ())],
    "jsonl_cp1252_line.jsonl": [("doc", "cp-1", ("decoded as windows-1252",))],
    "jsonl_crlf.jsonl": [("doc", "crlf-1", ())],
    "jsonl_deep_nesting.jsonl": [("problem", 1, "not valid JSON (RecursionError)")],
    "jsonl_duplicate_ids.jsonl": [("doc", "dup", ()), ("problem", 2, "duplicate id 'dup'")],
    "jsonl_empty.jsonl": [("problem", None, "empty")],
    "jsonl_gz_ok.jsonl.gz": [("doc", f"gz-{i:03d}", ()) for i in range(3)],
    "jsonl_gz_truncated.jsonl.gz": [
        *[("doc", f"gzt-{i:03d}", ()) for i in range(15)],
        ("problem", 16, "truncated gzip file (the 15 lines before were read)"),
    ],
    "jsonl_huge_number.jsonl": [("problem", 1, "not valid JSON (ValueError)")],
    "jsonl_lone_surrogate.jsonl": [("doc", "surrogate-1", ("invalid surrogate characters replaced",))],
    "jsonl_mixed.jsonl": [
        ("doc", "good-1", ()),
        ("problem", 2, "not valid JSON (Expecting value)"),
        ("problem", 3, "expected a JSON object, got list"),
        ("problem", 4, "field 'id' is missing"),
        ("problem", 5, "field 'id' is empty"),
        ("problem", 6, "field 'text' is empty"),
        ("problem", 7, "field 'text' is not a string (int)"),
        ("problem", 8, "field 'id' is not a string (bool)"),
        ("doc", "7", ("ignored non-string field 'date'",)),
        ("doc", "good-2", ()),
    ],
    "jsonl_not_gzip.jsonl.gz": [("problem", 1, "not a valid gzip file")],
    "jsonl_nul_in_text.jsonl": [("doc", "nul-1", ("NUL bytes removed",))],
    "jsonl_path_id.jsonl": [("doc", "../../etc/passwd", ()), ("doc", "a b<script>", ())],
    "jsonl_utf16.jsonl": [("doc", "utf16-1", ())],
    "lookalike_unicode.txt": [("doc", "lookalike_unicode", ())],
    "many_dots.txt": [("doc", "many_dots", ())],
    "nul_bytes.txt": [("doc", "nul_bytes", ("NUL bytes removed",))],
    "only_nul_bytes.txt": [("problem", None, "empty")],
    "only_punctuation.txt": [("doc", "only_punctuation", ())],
    "png_disguised.txt": [("problem", None, "not a text file")],
    "sidebar_only.txt": [("doc", "sidebar_only", ())],
    "spasi dan \u00fcnicode.txt": [("doc", "spasi dan \u00fcnicode", ())],
    "sql_and_shell.txt": [("doc", "sql_and_shell", ())],
    "subdir/nested.md": [("doc", "nested", ())],
    "tabs_and_nbsp.txt": [("doc", "tabs_and_nbsp", ())],
    "turtle_breaking.txt": [("doc", "turtle_breaking", ())],
    "unicode_line_separators.txt": [("doc", "unicode_line_separators", ())],
    "utf16_be_bom.txt": [("doc", "utf16_be_bom", ())],
    "utf16_le_bom.txt": [("doc", "utf16_le_bom", ())],
    "utf16_le_no_bom.txt": [("doc", "utf16_le_no_bom", ("decoded as UTF-16 without a byte order mark",))],
    "utf16_odd_length.txt": [("doc", "utf16_odd_length", ("invalid utf-16-le bytes replaced",))],
    "utf32_bom.txt": [("doc", "utf32_bom", ())],
    "utf8_bom.txt": [("doc", "utf8_bom", ())],
    "very_long_title_line.txt": [("doc", "very_long_title_line", ())],
    "whitespace_only.txt": [("problem", None, "empty")],
    "zero_width.txt": [("doc", "zero_width", ())],
}

# doc id -> (sentences, title, published) after clean + split_sentences
CLEANED: dict[str, tuple[int, str | None, str | None]] = {
    "dateline_only": (0, None, "2023-08-31T14:09:00+07:00"),
    "header_bad_date": (2, "Judul", None),
    "header_front_matter": (2, "Judul Front Matter", "2023-08-31"),
    "header_injection": (2, "<script>alert(1)</script>", None),
    "header_ok": (2, "Judul Berita", "2023-08-31"),
    "html_article_preferred": (2, "Judul Artikel", "2023-08-31T14:09:00+07:00"),
    "html_injection": (2, None, None),
    "html_meta_date": (1, "Judul OG", "2023-08-31T14:09:00+07:00"),
    "html_script": (1, "Judul", None),
    "html_unclosed": (3, None, None),
    "surrogate-1": (1, "Judul \ufffd", None),
    "good-2": (1, None, "2023-08-31"),
    "only_punctuation": (0, None, None),
    "sidebar_only": (0, None, None),
    "unicode_line_separators": (3, None, None),
    "zero_width": (1, None, None),
}


def outcome(item: Document | ReadProblem) -> tuple[str, Outcome]:
    if isinstance(item, Document):
        path = item.origin.rsplit(":", 1)[0] if ".jsonl" in item.origin else item.origin
        return path, ("doc", item.id, item.warnings)
    return item.origin, ("problem", item.line, item.message)


def relative(path: str) -> str:
    return Path(path).relative_to(NASTY).as_posix()


def test_nasty_folder_has_at_least_fifty_files() -> None:
    assert len(EXPECTED) >= 50
    assert sorted(p.relative_to(NASTY).as_posix() for p in NASTY.rglob("*") if p.is_file()) == sorted(
        [*EXPECTED, ".hidden_dir/inside_hidden.txt", ".hidden_file.txt", "unknown_extension.xyz"]
    )


def test_every_nasty_file_gives_the_expected_documents_or_problems() -> None:
    found: dict[str, list[Outcome]] = {}
    for item in iter_documents([NASTY]):
        path, result = outcome(item)
        if isinstance(item, Document):
            cd = clean(item)
            sents = split_sentences(cd)
            assert all(s.text == item.text[s.start : s.end] for s in sents)
            if item.id in CLEANED:
                assert (len(sents), cd.title, cd.published) == CLEANED[item.id], item.id
        found.setdefault(relative(path), []).append(result)
    assert sorted(found) == sorted(EXPECTED)
    for name, expected in EXPECTED.items():
        got = found[name]
        assert len(got) == len(expected), name
        for (kind, key, detail), (want_kind, want_key, want_detail) in zip(got, expected):
            assert (kind, key) == (want_kind, want_key), name
            if kind == "doc":
                assert detail == want_detail, name
            else:
                assert isinstance(detail, str) and detail.startswith(str(want_detail)), (name, detail)


def test_unknown_extension_is_a_problem_only_when_named() -> None:
    items = list(iter_documents([NASTY / "unknown_extension.xyz"]))
    assert len(items) == 1 and isinstance(items[0], ReadProblem)
    assert items[0].message.startswith("unsupported file type")


def test_hidden_file_is_read_when_named() -> None:
    items = list(iter_documents([NASTY / ".hidden_file.txt"]))
    assert [i.id for i in items if isinstance(i, Document)] == [".hidden_file"]


def test_html_injection_keeps_only_text() -> None:
    doc = next(i for i in iter_documents([NASTY / "html_injection.html"]) if isinstance(i, Document))
    assert doc.text == "Teks aman.\n\nklik <img src=x onerror=alert(1)>"


BIG_INPUTS = {
    "one_mb_line.txt": lambda: "kata " * 200_000,
    "one_mb_no_space.md": lambda: "x" * 1_000_000,
    "deep.html": lambda: "<div>" * 5000 + "<p>Dalam.</p>" + "</span>" * 5000,
    "many_lines.txt": lambda: "Baris pendek\n" * 50_000,
}


@pytest.mark.parametrize("name", sorted(BIG_INPUTS))
def test_big_generated_inputs_stay_bounded(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(BIG_INPUTS[name](), encoding="utf-8")
    items = list(iter_documents([path]))
    assert len(items) == 1 and isinstance(items[0], Document)
    sents = split_sentences(clean(items[0]))
    assert sents and max(len(s.text) for s in sents) <= 1000
    assert all(a.end <= b.start for a, b in itertools.pairwise(sents))
