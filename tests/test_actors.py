"""Tests for the actor gazetteer and matcher (kg/actors.py and the data/lexicon actor files)."""

from __future__ import annotations

import gzip
import json
import shutil
import sys
from pathlib import Path

import pytest

from kg.actor_lexicon import ActorLexicon
from kg.actors import ActorMatcher, DocMemory
from kg.errors import ActorNotFound, LexiconError
from kg.lexicon import LEXICON_DIR

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus" / "id_news_dev.jsonl.gz"


@pytest.fixture(scope="module")
def matcher() -> ActorMatcher:
    return ActorMatcher.load()


def spans(matcher: ActorMatcher, text: str, when: str | None = None,
          memory: DocMemory | None = None) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.id, m.code, m.type) for m in matcher.find(text, when=when, memory=memory)]


# --- the phrases of the brief: one mention each, with exact span, id, code and type -------------

PHRASES = [
    ("Juru Bicara Departemen Luar Negeri AS mengungkapkan kekhawatiran",
     [("Juru Bicara Departemen Luar Negeri AS", "USA.GOV", "USA", "state")]),
    ("kunjungan Menteri Pertahanan Rusia Sergey Shoigu ke Korea Utara",
     [("Menteri Pertahanan Rusia Sergey Shoigu", "PER.sergey_shoigu", "RUS", "person"),
      ("Korea Utara", "PRK", "PRK", "state")]),
    ("Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong-un",
     [("Presiden Rusia Vladimir Putin", "PER.vladimir_putin", "RUS", "person"),
      ("pemimpin Korea Utara Kim Jong-un", "PER.kim_jong_un", "PRK", "person")]),
    ("setelah pemimpin Korea Utara berjanji", [("pemimpin Korea Utara", "PRK.GOV", "PRK", "state")]),
    ("direspon oleh pemerintah AS.", [("pemerintah AS", "USA.GOV", "USA", "state")]),
    ("Pemerintah Amerika Serikat mengaku prihatin",
     [("Pemerintah Amerika Serikat", "USA.GOV", "USA", "state")]),
    ("meskipun pihak Korea Utara membantah", [("pihak Korea Utara", "PRK", "PRK", "state")]),
    ("digunakan militer Rusia di Ukraina",
     [("militer Rusia", "RUS.MIL", "RUS", "state"), ("Ukraina", "UKR", "UKR", "state")]),
    ("militer Israel dan pasukan Rusia", [("militer Israel", "ISR.MIL", "ISR", "state"),
                                          ("pasukan Rusia", "RUS.MIL", "RUS", "state")]),
    ("dukungan kepada tentara Ukraina", [("tentara Ukraina", "UKR.MIL", "UKR", "state")]),
    ("kantor berita negara Korea Utara melaporkan",
     [("kantor berita negara Korea Utara", "PRK.MED", "PRK", "organisation")]),
    ("Menlu China bertemu Kemlu RI dan Kementerian Keuangan AS",
     [("Menlu China", "CHN.GOV", "CHN", "state"), ("Kemlu RI", "IDN.GOV", "IDN", "state"),
      ("Kementerian Keuangan AS", "USA.GOV", "USA", "state")]),
    ("warga Indonesia ditangkap", [("warga Indonesia", "IDN.NAT", "IDN", "group")]),
    ("sanksi terhadap seorang pria Slovakia",
     [("seorang pria Slovakia", "SVK.NAT", "SVK", "group")]),
    ("sekelompok pejabat Rusia telah melakukan perjalanan ke Pyongyang",
     [("sekelompok pejabat Rusia", "RUS.GOV", "RUS", "state"), ("Pyongyang", "PRK", "PRK", "state")]),
    ("individu, dan entitas Rusia", [("entitas Rusia", "RUS.NAT", "RUS", "group")]),
    ("kepada kelompok tentara bayaran Wagner yang didukung oleh Kremlin",
     [("kelompok tentara bayaran Wagner", "WAGNER", "WAGNER", "armed_group"),
      ("Kremlin", "RUS.GOV", "RUS", "state")]),
    ("melanggar resolusi Dewan Keamanan PBB",
     [("Dewan Keamanan PBB", "UN.SC", "UN", "organisation")]),
    ("AS dan negara-negara Barat", [("AS", "USA", "USA", "state"),
                                    ("negara-negara Barat", "WST", "WST", "organisation")]),
    ("negara Barat lainnya", [("negara Barat", "WST", "WST", "organisation")]),
    ("Juru bicara Dewan Keamanan Nasional John Kirby pada Rabu",
     [("Juru bicara Dewan Keamanan Nasional John Kirby", "PER.john_kirby", "USA", "person")]),
    ("Presiden AS tiba", [("Presiden AS", "USA.GOV", "USA", "state")]),
    ("Juru Bicara mengungkapkan kekhawatiran", []),
    ("Menteri Luar Negeri (Menlu) Rusia Sergey Lavrov",
     [("Menteri Luar Negeri (Menlu) Rusia Sergey Lavrov", "PER.sergey_lavrov", "RUS", "person")]),
    ("Presiden Amerika Serikat (AS) Joe Biden",
     [("Presiden Amerika Serikat (AS) Joe Biden", "PER.joe_biden", "USA", "person")]),
    ("juru bicara Kremlin, Dmitry Peskov, mengatakan",
     [("juru bicara Kremlin, Dmitry Peskov", "PER.dmitry_peskov", "RUS", "person")]),
    ("kebijakan pemerintahan Trump", [("pemerintahan Trump", "USA.GOV", "USA", "state")]),
    ("militan Hamas menyerang", [("militan Hamas", "HAMAS", "HAMAS", "armed_group")]),
    ("Sekjen PBB Antonio Guterres", [("Sekjen PBB Antonio Guterres", "PER.antonio_guterres", "UN", "person")]),
]


@pytest.mark.parametrize("text,expected", PHRASES, ids=[p[0][:40] for p in PHRASES])
def test_phrases(matcher: ActorMatcher, text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert spans(matcher, text, when="2023-08-31") == expected


def test_labels_of_derived_ids(matcher: ActorMatcher) -> None:
    found = matcher.find("Juru Bicara Departemen Luar Negeri AS dan Korea Utara")
    assert [(m.label, m.label_en, m.country) for m in found] == [
        ("Pemerintah AS", "United States government", "USA"),
        ("Korea Utara", "North Korea", "PRK"),
    ]
    wagner = matcher.find("Grup Wagner")[0]
    assert (wagner.label, wagner.type, wagner.country) == ("Grup Wagner", "armed_group", "RUS")


def test_offsets_are_document_offsets(matcher: ActorMatcher) -> None:
    text = "Lalu Rusia menyerang Ukraina."
    found = matcher.find(text, offset=100)
    assert [(m.start, m.end, m.text) for m in found] == [(105, 110, "Rusia"), (121, 128, "Ukraina")]


def test_brackets_are_kept_around_editorial_insertions(matcher: ActorMatcher) -> None:
    assert spans(matcher, "amunisi dari [Korea Utara], yang") == [("[Korea Utara]", "PRK", "PRK", "state")]


def test_hyphen_variants_and_clitics(matcher: ActorMatcher) -> None:
    assert [m.id for m in matcher.find("Kim Jong Un dan Kim Jong-un")] == ["PER.kim_jong_un"] * 2
    assert spans(matcher, "hubungan AS-Rusia") == [("AS", "USA", "USA", "state"), ("Rusia", "RUS", "RUS", "state")]
    assert spans(matcher, "kebijakan AS-nya dan Rusianya") == []


def test_short_acronyms_are_case_sensitive(matcher: ActorMatcher) -> None:
    assert spans(matcher, "AS menolak") == [("AS", "USA", "USA", "state")]
    assert spans(matcher, "as menolak, As juga") == []
    assert spans(matcher, "Xi Jinping di kelas XI") == [("Xi Jinping", "PER.xi_jinping", "CHN", "person")]


# --- every actor of the gold events resolves to the gold code ------------------------------------

def _gold() -> list[dict[str, str]]:
    rows = [json.loads(line) for line in (SEEDS / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if r["source_text"] and r["target_text"]]


def _dates() -> dict[str, str | None]:
    rows = [json.loads(line) for line in (SEEDS / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    return {r["doc"]: (r["doc_date"] or "")[:10] or None for r in rows}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared/seeds is not available next to the project")
@pytest.mark.parametrize("role", ["source", "target"])
def test_gold_actors_resolve_to_gold_codes(matcher: ActorMatcher, role: str) -> None:
    dates, wrong = _dates(), []
    for event in _gold():
        article = (SEEDS / f"{event['doc']}.txt").read_text(encoding="utf-8")
        memory = DocMemory()
        matcher.find(article, when=dates[event["doc"]], memory=memory)  # people named earlier
        found = matcher.find(event["evidence"], when=dates[event["doc"]], memory=memory)
        text, code = event[f"{role}_text"], event[role]
        if not any(text in m.text and m.code == code for m in found):
            wrong.append((text, code, [(m.text, m.code) for m in found]))
    assert wrong == []


# --- people: dated roles and document memory -----------------------------------------------------

def test_dated_roles(matcher: ActorMatcher) -> None:
    assert [m.code for m in matcher.find("Trump", when="2019-06-01")] == ["USA"]
    assert [m.code for m in matcher.find("Trump", when="2025-06-01")] == ["USA"]
    assert [m.code for m in matcher.find("Mark Rutte", when="2020-01-01")] == ["NLD"]
    assert [m.code for m in matcher.find("Mark Rutte", when="2025-01-01")] == ["NATO"]
    assert [m.code for m in matcher.find("Mark Rutte")] == ["NATO"]  # no date: the latest role
    assert [m.code for m in matcher.find("Yevgeny Prigozhin", when="2023-01-01")] == ["WAGNER"]
    assert [m.code for m in matcher.find("Alexei Navalny")] == ["RUS"]  # no role: nationality


def test_surnames_need_a_full_mention_first(matcher: ActorMatcher) -> None:
    assert spans(matcher, "kata Kirby") == []
    memory = DocMemory()
    matcher.find("Juru bicara John Kirby pada Rabu", when="2023-08-30", memory=memory)
    assert spans(matcher, "kata Kirby", when="2023-08-30", memory=memory) == [
        ("Kirby", "PER.john_kirby", "USA", "person")]


def test_ambiguous_surname_follows_the_latest_full_mention(matcher: ActorMatcher) -> None:
    memory = DocMemory()
    assert spans(matcher, "Kim menulis", memory=memory) == []
    matcher.find("Kim Jong Un bertemu Kim Yo Jong", memory=memory)
    assert [m.id for m in matcher.find("Kim menulis", memory=memory)] == ["PER.kim_yo_jong"]
    matcher.find("Kim Jong Un", memory=memory)
    assert [m.id for m in matcher.find("Kim menulis", memory=memory)] == ["PER.kim_jong_un"]


def test_safe_surnames_resolve_alone(matcher: ActorMatcher) -> None:
    assert [m.id for m in matcher.find("Putin, Zelensky, Netanyahu dan Erdogan")] == [
        "PER.vladimir_putin", "PER.volodymyr_zelensky", "PER.benjamin_netanyahu",
        "PER.recep_tayyip_erdogan"]


def test_title_before_a_short_name(matcher: ActorMatcher) -> None:
    assert spans(matcher, "Menlu Sugiono berangkat", when="2025-02-01") == [
        ("Menlu Sugiono", "PER.sugiono", "IDN", "person")]
    assert spans(matcher, "Sugiono berangkat") == []


# --- blockers ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "hujan di Jawa Barat", "Papua Barat", "negara-negara Amerika Latin", "Timnas Jepang menang",
    "tim nasional Korea Selatan", "Timnas U23 Indonesia", "berbahasa Inggris dan bahasa Inggris",
    "sebesar 5 miliar dollar AS", "di Laut China Selatan", "musik Korea", "Jepang Terbuka",
    "pemain AS Roma", "Juara AS Terbuka", "budaya Barat", "di bagian Barat",
])
def test_blockers_yield_no_actor(matcher: ActorMatcher, text: str) -> None:
    assert spans(matcher, text) == []


def test_country_inside_another_name_is_no_actor(matcher: ActorMatcher) -> None:
    assert spans(matcher, "rekomendasi Majelis Ulama Indonesia soal itu.") == []
    assert spans(matcher, "Pada Senin Rusia menyerang.") == [("Rusia", "RUS", "RUS", "state")]
    # title-case headlines keep their names
    assert [m.id for m in matcher.find("Amerika Khawatir Rusia dapat Amunisi dari Korea Utara")] == [
        "USA", "RUS", "PRK"]


def test_the_west_only_in_that_sense(matcher: ActorMatcher) -> None:
    assert spans(matcher, "kelompok yang didukung Barat.") == [("Barat", "WST", "WST", "organisation")]
    assert spans(matcher, "di Jawa Barat.") == []


# --- lookup and actor_info -----------------------------------------------------------------------

def test_lookup_in_indonesian_english_and_code(matcher: ActorMatcher) -> None:
    expected = [("PRK", "PRK", "Korea Utara")]
    assert matcher.lookup("Korea Utara") == expected
    assert matcher.lookup("North Korea") == expected
    assert matcher.lookup("PRK") == expected
    assert matcher.lookup("Kirby") == [("PER.john_kirby", "USA", "John Kirby")]
    assert matcher.lookup("no such actor") == []


def test_actor_info(matcher: ActorMatcher) -> None:
    assert matcher.actor_info("USA.MIL") == {
        "label": "Militer AS", "label_en": "United States military", "type": "state", "code": "USA",
        "wikidata": None, "country": "USA"}
    assert matcher.actor_info("RUS")["wikidata"] == "Q159"
    with pytest.raises(ActorNotFound):
        matcher.actor_info("XYZ.GOV")


def test_output_is_deterministic(matcher: ActorMatcher) -> None:
    text = (SEEDS / "004_74fedadd5d11810f.txt").read_text(encoding="utf-8") if SEEDS.is_dir() else (
        "Presiden Rusia Vladimir Putin dan pemimpin Korea Utara Kim Jong-un")
    assert matcher.find(text, memory=DocMemory()) == matcher.find(text, memory=DocMemory())


# --- the loader names the file and line of a bad entry -------------------------------------------

def _lexicon_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, folder)
    return folder


def test_bad_actor_entry_names_file_and_line(tmp_path: Path) -> None:
    folder = _lexicon_copy(tmp_path)
    actors = folder / "actors.jsonl"
    lines = actors.read_text(encoding="utf-8").splitlines()
    lines.append('{"id": "XX", "code": "XX", "label_en": "X", "type": "state", "names": ["X"]}')
    actors.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        ActorLexicon.load(folder)
    assert (info.value.path, info.value.line) == (str(actors), len(lines))
    assert "missing required field 'label'" in str(info.value)


def test_bad_role_code_in_people_names_file_and_line(tmp_path: Path) -> None:
    folder = _lexicon_copy(tmp_path)
    people = folder / "people.jsonl"
    people.write_text('# a comment\n{"id": "PER.x_y", "label": "X Y", "names": ["X Y"], "roles": '
                      '[{"code": "NOPE", "role": "president", "from": "2020-01-01"}]}\n', encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        ActorLexicon.load(folder)
    assert (info.value.path, info.value.line) == (str(people), 2)
    assert "'NOPE' is not a known actor code" in str(info.value)


def test_add_names_for_unknown_id_is_an_error(tmp_path: Path) -> None:
    folder = _lexicon_copy(tmp_path)
    (folder / "actors.jsonl").write_text('{"id": "QQQ", "add_names": ["Q"]}\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"actors.jsonl:1: 'add_names' for unknown id 'QQQ'"):
        ActorLexicon.load(folder)


# --- the dev corpus (read at test time, never copied) --------------------------------------------

@pytest.mark.corpus
def test_corpus_article_actors(matcher: ActorMatcher) -> None:
    if not CORPUS.is_file():
        pytest.skip(f"dev corpus not available at {CORPUS}")
    wanted = "indosum:1502859990-terancam-korut-jepang-tagih-pertolongan-as"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        article = next(json.loads(line) for line in fh if wanted in line)
    codes = {m.code for m in matcher.find(article["text"], memory=DocMemory())}
    assert {"PRK", "JPN", "USA"} <= codes


def test_bad_wikidata_id_names_file_and_line(tmp_path: Path) -> None:
    folder = _lexicon_copy(tmp_path)
    (folder / "actors.jsonl").write_text('# c\n{"id": "RUS", "add_names": ["Moskwa"], "wikidata": "wd:159"}\n',
                                         encoding="utf-8")
    with pytest.raises(LexiconError, match=r"actors.jsonl:2: field 'wikidata' should be a Wikidata item id"):
        ActorLexicon.load(folder)


# --- linking: every state carries its ISO codes and a Wikidata id ---------------------------------

def test_every_state_has_iso_codes_and_a_wikidata_id(matcher: ActorMatcher) -> None:
    rows = [json.loads(line) for line in (LEXICON_DIR / "countries.jsonl").read_text(encoding="utf-8")
            .splitlines() if line.startswith("{")]
    assert len(rows) == 250
    assert [r["id"] for r in rows if not r.get("wikidata")] == []
    assert len({r["wikidata"] for r in rows}) == 250  # no two states share an item
    infos = {code: matcher.actor_info(code)["wikidata"] for code in ("IDN", "SVK", "PRK", "UKR", "XKX", "PSE")}
    assert infos == {"IDN": "Q252", "SVK": "Q214", "PRK": "Q423", "UKR": "Q212", "XKX": "Q1246",
                     "PSE": "Q219060"}


def test_country_generator_reads_the_wikidata_table(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import gen_countries
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    table = tmp_path / "ids.tsv"
    table.write_text("# source\niso3\tqid\nIDN\tQ252\nSVK\tQ214\n", encoding="utf-8")
    assert gen_countries.wikidata_ids(table) == {"IDN": "Q252", "SVK": "Q214"}
    table.write_text("iso3\tqid\nIDN\tQ252\nSVK\t214\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"ids.tsv:3: expected a new 'ISO3<TAB>Q123' line"):
        gen_countries.wikidata_ids(table)
    # the committed lexicon carries exactly the ids the generator takes from the committed table
    # (compared on the states both know, so a newer pycountry adding a territory does not matter)
    generated = {r["id"]: r.get("wikidata") for r in gen_countries.build()}
    committed = {r["id"]: r.get("wikidata") for r in map(json.loads, (LEXICON_DIR / "countries.jsonl")
                 .read_text(encoding="utf-8").splitlines()[1:])}
    assert len(committed.keys() & generated.keys()) >= 249
    assert {k: generated[k] for k in committed if k in generated} == {
        k: v for k, v in committed.items() if k in generated}


def test_actor_and_people_wikidata_ids_are_the_sourced_ones(matcher: ActorMatcher) -> None:
    """Every Wikidata id in actors.jsonl / people.jsonl is in data/sources/wikidata_actors.tsv (with the
    file it was checked against) or is one of the 23 curated before that table, and vice versa."""
    table = {}
    for line in (ROOT / "data" / "sources" / "wikidata_actors.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "id\t")):
            continue
        actor, qid, evidence = line.split("\t")
        assert evidence.strip(), actor
        table[actor] = qid
    lexicon = {}
    for name in ("actors.jsonl", "people.jsonl"):
        for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("{"):
                obj = json.loads(line)
                if "wikidata" in obj:
                    lexicon[obj["id"]] = obj["wikidata"]
    assert {k: lexicon.get(k) for k in table} == table
    assert len(set(lexicon) - set(table)) == 22  # major states, UN, NATO, EU, ASEAN, curated first
    assert len(table) == 224
    assert matcher.actor_info("PER.vladimir_putin")["wikidata"] == "Q7747"
    assert matcher.actor_info("PER.joko_widodo")["wikidata"] == "Q3318231"
    assert matcher.actor_info("ISIL")["wikidata"] == "Q2429253"


# --- recall: offices with their own names, honorifics, variants, dated short names ---------------

RECALL_PHRASES = [
    ("Kementerian Unifikasi Korea Selatan menyesalkan ancaman itu.",
     None, [("Kementerian Unifikasi Korea Selatan", "KOR.GOV", "KOR", "state")]),
    ("Menteri Lingkungan Hidup Jepang tiba di Jakarta.",
     None, [("Menteri Lingkungan Hidup Jepang", "JPN.GOV", "JPN", "state")]),
    ("Kementerian Agama RI mengumumkan jadwal.", None, [("Kementerian Agama RI", "IDN.GOV", "IDN", "state")]),
    ("Mahkamah Rayuan Putrajaya membebaskannya.", None, [("Mahkamah Rayuan Putrajaya", "MYS.JUD", "MYS", "state")]),
    # a title-case headline says nothing about office names
    ("Menteri Bertemu Rusia Besok Pagi", None, [("Rusia", "RUS", "RUS", "state")]),
    ("Staf Umum Turki mengumumkan hasil operasi.", None, [("Staf Umum Turki", "TUR.MIL", "TUR", "state")]),
    ("Dua nelayan asal Kabupaten Langkat ditangkap.",
     None, [("Dua nelayan asal Kabupaten", "IDN.NAT", "IDN", "group")]),
    ("sanksi Dewan Keamanan atas Korut.",
     None, [("Dewan Keamanan", "UN.SC", "UN", "organisation"), ("Korut", "PRK", "PRK", "state")]),
    ("rapat Dewan Keamanan Rusia kemarin.", None, []),
    ("menyerang teroris PYD/PKK dan YPG / PKK.",
     None, [("teroris PYD/PKK", "PKK", "PKK", "armed_group"), ("YPG / PKK", "PKK", "PKK", "armed_group")]),
    ("Kami mendesak Tuan Trump meminta maaf.", "2018-01-13", [("Trump", "PER.donald_trump", "USA", "person")]),
    ("kata juru bicara Duterte di Manila.", "2017-12-19",
     [("juru bicara Duterte", "PER.rodrigo_duterte", "PHL", "person"), ("Manila", "PHL", "PHL", "state")]),
    ("kata juru bicara Duterte di Manila.", "2023-06-01",
     [("juru bicara Duterte", "PER.sara_duterte", "PHL", "person"), ("Manila", "PHL", "PHL", "state")]),
    ("Presiden Komisi Uni Eropa (UE) Ursula von der Leyen tiba.", "2025-07-13",
     [("Presiden Komisi Uni Eropa (UE) Ursula von der Leyen", "PER.ursula_von_der_leyen", "EU", "person")]),
    ("Paus Leo menyerukan gencatan senjata.", "2025-07-20", [("Paus Leo", "PER.paus_leo_xiv", "VAT", "person")]),
    ("kunjungan ke Jordania, Hongaria dan Srilanka.", None,
     [("Jordania", "JOR", "JOR", "state"), ("Hongaria", "HUN", "HUN", "state"), ("Srilanka", "LKA", "LKA", "state")]),
    ("pemerintah Banglasdesh dan Isreal.", None,
     [("pemerintah Banglasdesh", "BGD.GOV", "BGD", "state"), ("Isreal", "ISR", "ISR", "state")]),
]


@pytest.mark.parametrize("text,when,expected", RECALL_PHRASES, ids=[f"{p[0][:36]} {p[1]}" for p in RECALL_PHRASES])
def test_recall_phrases(matcher: ActorMatcher, text: str, when: str | None,
                        expected: list[tuple[str, str, str, str]]) -> None:
    assert spans(matcher, text, when=when) == expected


def test_a_title_picks_the_namesake_in_office_and_remembers_them(matcher: ActorMatcher) -> None:
    memory = DocMemory()
    matcher.find("Juru bicara Duterte menolak.", when="2017-12-19", memory=memory)
    assert spans(matcher, "aturan hukum Duterte.", when="2017-12-19", memory=memory) == [
        ("Duterte", "PER.rodrigo_duterte", "PHL", "person")]
    assert spans(matcher, "aturan hukum Duterte.", when="2017-12-19") == []  # no title, no memory


def test_open_role_words_are_lexicon_data(tmp_path: Path) -> None:
    folder = _lexicon_copy(tmp_path)
    roles = folder / "roles.jsonl"
    roles.write_text(roles.read_text(encoding="utf-8")
                     + '{"kind": "det", "open": true, "names": ["para"]}\n', encoding="utf-8")
    n = len(roles.read_text(encoding="utf-8").splitlines())
    with pytest.raises(LexiconError, match=rf"roles.jsonl:{n}: 'open' is for kind 'role' only"):
        ActorLexicon.load(folder)
