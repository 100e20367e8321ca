"""Tests for kg/read.py (and its helpers kg/read_decode.py, kg/read_html.py): input discovery,
header blocks, encodings, HTML extraction, JSONL lines, gzip truncation and duplicate ids."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kg.model import Document, ReadProblem
from kg.read import iter_documents, split_header
from kg.read_decode import NotText, decode_bytes, sanitize_text
from kg.read_html import extract_html

SEEDS = Path(__file__).resolve().parent.parent / "data" / "articles"
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "id_news_dev.jsonl.gz"
BODY = "Rusia menyerang Ukraina.\n\nPBB mengecam."


def read_all(*paths: Path | str) -> list[Document | ReadProblem]:
    return list(iter_documents([*paths]))


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def only_doc(path: Path) -> Document:
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def only_problem(path: Path) -> ReadProblem:
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], ReadProblem), items
    return items[0]


# --- text files and header blocks -------------------------------------------------------------


def test_seed_directory_reads_both_seeds_in_path_order() -> None:
    docs = read_all(SEEDS)
    assert [d.id for d in docs if isinstance(d, Document)] == ["000_deec51cd281f298f", "004_74fedadd5d11810f"]
    first = docs[0]
    assert isinstance(first, Document)
    assert first.text.startswith("Berita\n\nKorea Utara Mengirim")
    assert first.origin == str(SEEDS / "000_deec51cd281f298f.txt")
    assert (first.title, first.date, first.publisher, first.warnings) == (None, None, None, ())


def test_header_block_gives_metadata_and_text_after_it(tmp_path: Path) -> None:
    header = "title: Judul Berita\ndate: 2023-08-31\nurl: https://contoh.id/a\nsource: Contoh News\n---\n"
    doc = only_doc(write(tmp_path / "artikel-1.txt", header + BODY))
    assert doc.id == "artikel-1"
    assert doc.text == BODY
    assert (doc.title, doc.date, doc.url, doc.publisher) == (
        "Judul Berita",
        "2023-08-31",
        "https://contoh.id/a",
        "Contoh News",
    )


def test_split_header_offsets_and_front_matter() -> None:
    text = "---\ntitle: A\n---\nIsi."
    meta, offset, warnings = split_header(text)
    assert (meta, text[offset:], warnings) == ({"title": "A"}, "Isi.", ())


def test_split_header_requires_the_closing_line_and_a_known_key() -> None:
    assert split_header("title: A\nIsi artikel.") == ({}, 0, ())
    assert split_header("Foto: Reuters\n---\nIsi.") == ({}, 0, ())
    assert split_header("Kalimat biasa.\n---\nIsi.") == ({}, 0, ())


def test_split_header_reports_unknown_keys() -> None:
    meta, offset, warnings = split_header("title: A\nfoo: b\n---\nIsi.")
    assert (meta, offset, warnings) == ({"title": "A"}, 20, ("unknown header key 'foo' ignored",))


def test_header_without_body_is_empty(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path / "h.txt", "title: A\n---\n\n"))
    assert problem.message == "empty"


# --- encodings -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "warnings"),
    [
        (b"\xef\xbb\xbf" + BODY.encode(), ()),
        (b"\xff\xfe" + BODY.encode("utf-16-le"), ()),
        (b"\xfe\xff" + BODY.encode("utf-16-be"), ()),
        (BODY.encode("utf-32"), ()),
        (BODY.encode("utf-16-le"), ("decoded as UTF-16 without a byte order mark",)),
        (BODY.replace("\n", "\r\n").encode(), ()),
        (BODY.replace("\n", "\r").encode(), ()),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf32-bom", "utf16-no-bom", "crlf", "cr"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, warnings: tuple[str, ...]) -> None:
    doc = only_doc(write(tmp_path / "a.txt", data))
    assert (doc.text, doc.warnings) == (BODY, warnings)


def test_windows_1252_fallback_is_recorded(tmp_path: Path) -> None:
    doc = only_doc(write(tmp_path / "a.txt", "Dia berkata \u201cya\u201d di caf\u00e9.".encode("cp1252")))
    assert (doc.text, doc.warnings) == (
        "Dia berkata \u201cya\u201d di caf\u00e9.",
        ("decoded as windows-1252",),
    )


def test_nul_bytes_are_removed_with_a_warning(tmp_path: Path) -> None:
    doc = only_doc(write(tmp_path / "a.txt", b"Rusia\x00 menyerang\x00 Ukraina."))
    assert (doc.text, doc.warnings) == ("Rusia menyerang Ukraina.", ("NUL bytes removed",))


def test_binary_and_empty_files_are_problems(tmp_path: Path) -> None:
    binary = bytes((i * 7919) % 256 for i in range(4096))
    assert only_problem(write(tmp_path / "b.txt", binary)).message == "not a text file (binary data)"
    assert only_problem(write(tmp_path / "e.txt", b"")).message == "empty"
    assert only_problem(write(tmp_path / "w.md", b" \n\t\n")).message == "empty"


def test_decode_bytes_rejects_mostly_high_bytes_that_are_not_utf8() -> None:
    with pytest.raises(NotText, match="undecodable"):
        decode_bytes(bytes(range(0xA0, 0x100)) * 4)


def test_sanitize_text_repairs_each_kind_once() -> None:
    text, warnings = sanitize_text("a\x00b\r\nc\x07d\ud800e\u2028f")
    assert text == "ab\nc d\ufffde\nf"
    assert warnings == (
        "NUL bytes removed",
        "control characters replaced by spaces",
        "invalid surrogate characters replaced",
    )


# --- discovery --------------------------------------------------------------------------------------


def test_directories_are_searched_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    write(tmp_path / "b" / "z.txt", BODY)
    write(tmp_path / "a.md", BODY)
    write(tmp_path / "c.TXT", BODY)
    write(tmp_path / ".hidden.txt", BODY)
    write(tmp_path / ".git" / "x.txt", BODY)
    write(tmp_path / "notes.csv", BODY)
    assert [d.id for d in read_all(tmp_path) if isinstance(d, Document)] == ["a", "z", "c"]


def test_explicit_unknown_extension_and_missing_path_are_problems(tmp_path: Path) -> None:
    csv = write(tmp_path / "notes.csv", BODY)
    assert only_problem(csv).message.startswith("unsupported file type")
    assert only_problem(tmp_path / "missing.txt").message == "no such file or directory"


def test_empty_directory_yields_nothing(tmp_path: Path) -> None:
    write(tmp_path / "notes.csv", BODY)
    assert read_all(tmp_path) == []


def test_duplicate_ids_keep_the_first(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "x" / "a.txt", "Lain.")
    items = read_all(tmp_path)
    assert isinstance(items[0], Document) and items[0].text == BODY
    assert items[1] == ReadProblem(
        str(tmp_path / "x" / "a.txt"), None, f"duplicate id 'a' (first read from {tmp_path / 'a.txt'})"
    )


# --- HTML ------------------------------------------------------------------------------------------


def test_html_drops_scripts_navigation_and_keeps_paragraphs() -> None:
    page = extract_html(
        "<html><head><title>Judul | Situs</title><script>var a='<p>x</p>';</script></head><body>"
        "<nav>Beranda</nav><div><p>Satu &amp; dua.</p><p>Tiga<br>empat.</p></div>"
        "<aside>Populer</aside><footer>Hak cipta</footer></body></html>"
    )
    assert page.text == "Satu & dua.\n\nTiga\nempat."
    assert (page.title, page.date) == ("Judul | Situs", None)


def test_html_prefers_the_largest_article_and_its_time() -> None:
    page = extract_html(
        "<body><p>Di luar.</p><article><p>Teaser.</p><time datetime='2020-01-01'>x</time></article>"
        "<article><h1>Judul</h1><time datetime='2023-08-31T14:09:00+07:00'>Kamis</time>"
        "<p>Isi artikel yang panjang.</p></article></body>"
    )
    assert page.text == "Judul\n\nKamis\n\nIsi artikel yang panjang."
    assert (page.title, page.date) == ("Judul", "2023-08-31T14:09:00+07:00")


def test_html_meta_title_and_date_win() -> None:
    page = extract_html(
        '<head><meta property="og:title" content="Judul OG"><title>T</title>'
        '<meta property="article:published_time" content="2023-08-31"></head>'
        "<body><main><h1>H</h1><p>Isi.</p></main></body>"
    )
    assert (page.title, page.date, page.text) == ("Judul OG", "2023-08-31", "H\n\nIsi.")


def test_html_nested_five_thousand_levels(tmp_path: Path) -> None:
    markup = "<html><body>" + "<div>" * 5000 + "<p>Dalam sekali.</p>" + "</div>" * 5000 + "</body></html>"
    doc = only_doc(write(tmp_path / "deep.html", markup))
    assert doc.text == "Dalam sekali."


def test_html_unclosed_and_stray_tags() -> None:
    assert extract_html("<p>Satu<p>Dua</b></i><div>Tiga").text == "Satu\n\nDua\n\nTiga"


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    data = b'<meta charset="iso-8859-1"><p>caf\xe9</p>'
    doc = only_doc(write(tmp_path / "p.htm", data))
    assert (doc.text, doc.warnings) == ("caf\u00e9", ("decoded as iso-8859-1 (declared by the page)",))


def test_html_without_text_is_a_problem(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path / "s.html", "<script>alert(1)</script>"))
    assert problem.message == "no article text found in the HTML page"


# --- JSONL -----------------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "Satu.", "title": " Judul  A ", "publisher": "P", "x": 1}),
        "{bad",
        "[]",
        json.dumps({"id": "b"}),
        json.dumps({"id": "", "text": "x"}),
        json.dumps({"id": "c", "text": ["x"]}),
        "",
        json.dumps({"id": 5, "text": "Lima.", "date": "2023-08-31"}),
    ]
    path = write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    items = read_all(path)
    p = str(path)
    assert items == [
        Document("a", "Satu.", title="Judul A", publisher="P", origin=f"{p}:1"),
        ReadProblem(p, 2, "not valid JSON (Expecting property name enclosed in double quotes)"),
        ReadProblem(p, 3, "expected a JSON object, got list"),
        ReadProblem(p, 4, "field 'text' is missing"),
        ReadProblem(p, 5, "field 'id' is empty"),
        ReadProblem(p, 6, "field 'text' is not a string (list)"),
        Document("5", "Lima.", date="2023-08-31", origin=f"{p}:8"),
    ]


def test_jsonl_gz_truncated_keeps_documents_before_the_break(tmp_path: Path) -> None:
    rows = "".join(json.dumps({"id": f"d{i}", "text": f"Artikel {i}. " * 50}) + "\n" for i in range(30))
    data = gzip.compress(rows.encode(), mtime=0)
    path = write(tmp_path / "t.jsonl.gz", data[: len(data) * 2 // 3])
    items = read_all(path)
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == [f"d{i}" for i in range(len(docs))]
    assert len(docs) >= 10
    assert items[-1] == ReadProblem(
        str(path), len(docs) + 1, f"truncated gzip file (the {len(docs)} lines before were read)"
    )


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    """The first document arrives before the (corrupt) rest of the file is touched."""
    good = gzip.compress((json.dumps({"id": "first", "text": "Isi."}) + "\n").encode(), mtime=0)
    path = write(tmp_path / "s.jsonl.gz", good + b"\x1f\x8b\x08\x00garbage")
    stream = iter_documents([path])
    first = next(stream)
    assert isinstance(first, Document) and first.id == "first"
    assert [str(p) for p in stream] == [f"{path}:2: truncated gzip file (the 1 lines before were read)"]


def test_jsonl_empty_file_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "e.jsonl", "\n\n")
    assert read_all(path) == [ReadProblem(str(path), None, "empty")]


def test_jsonl_duplicate_ids(tmp_path: Path) -> None:
    path = write(tmp_path / "d.jsonl", '{"id": "x", "text": "A."}\n{"id": "x", "text": "B."}\n')
    items = read_all(path)
    assert items[1] == ReadProblem(str(path), 2, f"duplicate id 'x' (first read from {path}:1)")


@pytest.mark.corpus
def test_dev_corpus_article_by_id() -> None:
    if not CORPUS.exists():
        pytest.skip(f"dev corpus not found at {CORPUS}")
    for item in iter_documents([CORPUS]):
        assert isinstance(item, Document)
        if item.id == "detik2025:4":
            assert item.origin == f"{CORPUS}:6509"
            assert item.date == "10/20/2025 10:38"
            assert item.publisher == "detikcom"
            assert item.warnings == ()
            return
    pytest.fail("article detik2025:4 not found in the dev corpus")
