"""Event extraction on single sentences, with actor mentions and dates given by hand.

The gazetteer and the date resolver have their own tests; here each case is one sentence in and
the exact (source, target, CAMEO, modality, attribution, date) out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from documents import event_rows, source_words

from kg.events import extract_sentence
from kg.merge import event_id, merge_document
from kg.modality import load_modality
from kg.model import ActorMention, Sentence, Timex
from kg.rules import default_rules

# surface -> (id, code) for the hand-made mentions
ACTORS = {
    "Juru Bicara Departemen Luar Negeri AS": ("USA.GOV", "USA"),
    "pemerintah AS": ("USA.GOV", "USA"),
    "Pemerintah Amerika Serikat": ("USA.GOV", "USA"),
    "negara-negara Barat": ("WST", "WST"),
    "Negara-negara Barat": ("WST", "WST"),
    "kelompok tentara bayaran Wagner": ("WAGNER", "WAGNER"),
    "seorang pria Slovakia": ("SVK.NAT", "SVK"),
    "entitas Rusia": ("RUS.NAT", "RUS"),
    "tentara Ukraina": ("UKR.MIL", "UKR"),
    "pihak Korea Utara": ("PRK", "PRK"),
    "John Kirby": ("PER.john_kirby", "USA"),
    "Kirby": ("PER.john_kirby", "USA"),
    "Korea Utara": ("PRK", "PRK"),
    "Korea Selatan": ("KOR", "KOR"),
    "nelayan Jepang": ("JPN.NAT", "JPN"),
    "Pengadilan China": ("CHN.JUD", "CHN"),
    "Rusia": ("RUS", "RUS"),
    "Ukraina": ("UKR", "UKR"),
    "Moskow": ("RUS", "RUS"),
    "Kremlin": ("RUS", "RUS"),
    "Pyongyang": ("PRK", "PRK"),
    "Israel": ("ISR", "ISR"),
    "Hamas": ("HAMAS", "HAMAS"),
    "Iran": ("IRN", "IRN"),
    "China": ("CHN", "CHN"),
    "Jepang": ("JPN", "JPN"),
    "Indonesia": ("IDN", "IDN"),
    "AS": ("USA", "USA"),
}
_PATTERN = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(ACTORS, key=len, reverse=True)) + r")(?!\w)")
_DATES = {"Rabu (30/8)": ("2023-08-30", "day", True), "November 2022": ("2022-11", "month", True), "tahun lalu": (None, None, False)}


def mentions(text: str) -> list[ActorMention]:
    return [
        ActorMention(m.start(), m.end(), m.group(), *ACTORS[m.group()], m.group(), "state")
        for m in _PATTERN.finditer(text)
    ]


def timexes(text: str) -> list[Timex]:
    out = []
    for surface, (value, gran, ok) in _DATES.items():
        for m in re.finditer(re.escape(surface), text):
            out.append(Timex(m.start(), m.end(), surface, value, gran, ok))  # type: ignore[arg-type]
    return sorted(out, key=lambda t: t.start)


def extract(text: str) -> list[tuple[str, str, str, str, str | None, str | None]]:
    sentence = Sentence("d", 0, 0, len(text), text)
    raws = extract_sentence(sentence, mentions(text), timexes(text), default_rules(), load_modality())
    return [(r.source.code, r.target.code, r.cameo, r.modality, r.attributed_to, r.date.value) for r in raws]


CASES = [
    # active verb + object word set + target preposition; planned; attribution through "bahwa"
    (
        "Juru Bicara Departemen Luar Negeri AS mengungkapkan kekhawatiran bahwa Korea Utara berencana untuk mengirim lebih banyak senjata ke Rusia.",
        [("USA", "PRK", "012", "asserted", None, None), ("PRK", "RUS", "072", "planned", "USA", None)],
    ),
    # denial is local to its verb; the war noun takes the nearest actor; the date goes to the main event,
    # not to the relative clause "yang didukung oleh Kremlin"
    (
        "Meskipun pihak Korea Utara membantah telah menjual senjata ke Rusia untuk perang di Ukraina, AS telah mengkonfirmasi bahwa Korea Utara telah melakukan pengiriman senjata, termasuk roket, kepada kelompok tentara bayaran Wagner yang didukung oleh Kremlin pada November 2022.",
        [
            ("PRK", "RUS", "062", "denied", None, None),
            ("RUS", "UKR", "190", "asserted", None, None),
            ("PRK", "WAGNER", "072", "asserted", "USA", "2022-11"),
            ("RUS", "WAGNER", "051", "asserted", "USA", None),
        ],
    ),
    # coordinated sources give one event each; a comma list before the actor keeps the preposition
    (
        "AS dan negara-negara Barat telah menjatuhkan puluhan sanksi terhadap pemerintah, individu, dan entitas Rusia.",
        [("USA", "RUS", "163", "asserted", None, None), ("WST", "RUS", "163", "asserted", None, None)],
    ),
    # subject carried into a clause opened by "sambil"; coordinated targets
    (
        "Korea Utara mendukung Moskow sambil menyalahkan kebijakan AS dan negara-negara Barat.",
        [
            ("PRK", "RUS", "051", "asserted", None, None),
            ("PRK", "USA", "112", "asserted", None, None),
            ("PRK", "WST", "112", "asserted", None, None),
        ],
    ),
    # symmetric trigger with "antara X dan Y"; the concern goes only to the first named
    (
        "Pemerintah Amerika Serikat mengaku prihatin dengan kemajuan perundingan senjata antara Rusia dan Korea Utara.",
        [
            ("USA", "RUS", "012", "asserted", None, None),
            ("RUS", "PRK", "046", "asserted", None, None),
            ("PRK", "RUS", "046", "asserted", None, None),
        ],
    ),
    # inverted rule: "menerima ... dari X" makes X the source; "potensi" makes it possible; ", kata X"
    (
        "Berdasarkan potensi kesepakatan ini, Rusia akan menerima sejumlah besar amunisi dari Korea Utara, kata Kirby.",
        [("PRK", "RUS", "072", "possible", "USA", None)],
    ),
    # the reporter's own date is the event's date when the reporter is the source
    (
        "Juru bicara John Kirby pada Rabu (30/8), mengatakan ia khawatir Rusia akan mendapat amunisi.",
        [("USA", "RUS", "012", "asserted", None, "2023-08-30")],
    ),
    # passive with "oleh": the subject is the target
    ("Ukraina diserang oleh Rusia.", [("RUS", "UKR", "190", "asserted", None, None)]),
    # aid with an object qualifier refining the CAMEO code
    (
        "Negara-negara Barat juga memberikan dukungan keuangan kepada tentara Ukraina.",
        [("WST", "UKR", "071", "asserted", None, None)],
    ),
    # negation
    ("Jepang tidak akan mengirim senjata ke Ukraina.", [("JPN", "UKR", "072", "negated", None, None)]),
    # a generic determiner makes a noun trigger no event; "perang dagang" is not a war
    ("Setiap kesepakatan senjata antara Rusia dan Korea Utara akan melanggar resolusi.", []),
    ("Perang dagang antara AS dan China terus berlanjut.", []),
    # nominal invasion: genitive is the target unless a marked target follows
    ("Indonesia mengecam invasi Rusia ke Ukraina.", [("IDN", "RUS", "111", "asserted", None, None), ("RUS", "UKR", "192", "asserted", None, None)]),
    # self-directed pairs are dropped; a lone comma does not coordinate
    ("Israel menyerang Hamas di Gaza, Iran mengecam.", [("ISR", "HAMAS", "190", "asserted", None, None)]),
    # coordinated subject of a symmetric trigger without target: both directions
    (
        "Korea Selatan dan Jepang sepakat meningkatkan kerja sama.",
        [("KOR", "JPN", "030", "asserted", None, None), ("JPN", "KOR", "030", "asserted", None, None)],
    ),
    # reciprocal "saling" with a coordinated subject; a possessive nominal trigger
    ("Israel dan Iran kembali saling serang.", [("ISR", "IRN", "190", "asserted", None, None), ("IRN", "ISR", "190", "asserted", None, None)]),
    ("Hal ini disampaikan Jepang dalam kunjungannya ke China.", [("JPN", "CHN", "042", "asserted", None, None)]),
    # a relative clause after a copula is about the copula's subject
    ("Jepang adalah negara Asia pertama yang mengakui Korea Selatan.", [("JPN", "KOR", "054", "asserted", None, None)]),
    # a reciprocal event with an explicit partner is coded both ways; a pledge keeps its direction
    ("Jepang bertemu dengan China di Beijing.", [("JPN", "CHN", "040", "asserted", None, None), ("CHN", "JPN", "040", "asserted", None, None)]),
    ("Jepang berjanji meningkatkan kerja sama dengan China.", [("JPN", "CHN", "030", "asserted", None, None)]),
    ("Jepang menjalin kerja sama dengan China.", [("JPN", "CHN", "060", "asserted", None, None)]),
    # "asal X" marks nationals of X: a target, never the subject
    ("Jepang menangkap nelayan asal China.", [("JPN", "CHN", "173", "asserted", None, None)]),
    # an attack that is only threatened is not an attack
    ("Korea Utara mengancam akan meluncurkan serangan ke Jepang.", [("PRK", "JPN", "138", "asserted", None, None)]),
    # coercion, welcome, regret, entry bans, capture; a seat is not territory
    ("Israel menyambut baik keputusan China.", [("ISR", "CHN", "051", "asserted", None, None)]),
    ("Indonesia menyesalkan sikap Jepang.", [("IDN", "JPN", "111", "asserted", None, None)]),
    ("Pengadilan China memvonis nelayan Jepang.", [("CHN", "JPN", "173", "asserted", None, None)]),
    ("Indonesia dilarang masuk ke Israel.", [("ISR", "IDN", "172", "asserted", None, None)]),
    ("Rusia merebut kembali wilayah dari Ukraina.", [("RUS", "UKR", "192", "asserted", None, None)]),
    ("Rusia berusaha merebut kursi Ukraina di PBB.", []),
    # an unresolved date keeps its text
    ("Rusia melakukan invasi Ukraina tahun lalu.", [("RUS", "UKR", "192", "asserted", None, None)]),
]


def document_dyads(text: str, when: str = "2024-01-10") -> list[tuple[object, ...]]:
    """(source code, target code, CAMEO, source words) of every event of a one-sentence document."""
    return event_rows(text, when, source_words)


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(text: str, expected: list[tuple[str, str, str, str, str | None, str | None]]) -> None:
    assert extract(text) == expected


def test_unresolved_date_is_kept_as_text() -> None:
    text = "Rusia melakukan invasi Ukraina tahun lalu."
    raws = extract_sentence(Sentence("d", 0, 0, len(text), text), mentions(text), timexes(text), default_rules(), load_modality())
    assert [(r.date.text, r.date.value, r.date.resolved) for r in raws] == [("tahun lalu", None, False)]


def test_mention_provenance() -> None:
    text = "Jepang tidak akan mengirim senjata ke Ukraina."
    offset = 100
    sentence = Sentence("d", 3, offset, offset + len(text), text)
    shifted = [ActorMention(m.start + offset, m.end + offset, m.text, m.id, m.code, m.label, m.type) for m in mentions(text)]
    (raw,) = extract_sentence(sentence, shifted, [], default_rules(), load_modality())
    m = raw.mention
    assert (m.sentence_index, m.start, m.end, m.trigger, m.rule) == (3, 100, 100 + len(text), "mengirim senjata", "arms.send")
    assert (m.trigger_start, m.trigger_end) == (100 + text.index("mengirim"), 100 + text.index(" ke "))
    assert (m.source_text, m.target_text) == ("Jepang", "Ukraina")


def test_merge_same_event_twice_gives_one_event_with_two_mentions() -> None:
    rules = default_rules()
    raws = []
    for n, text in enumerate(["Korea Utara berencana mengirim senjata ke Rusia.", "Korea Utara berencana mengirim rudal ke Rusia."]):
        s = Sentence("doc1", n, n * 100, n * 100 + len(text), text)
        ms = [ActorMention(m.start + n * 100, m.end + n * 100, m.text, m.id, m.code, m.label, m.type) for m in mentions(text)]
        raws += extract_sentence(s, ms, [], rules, load_modality())
    (event,) = merge_document("doc1", raws, rules)
    assert event.id == event_id(("doc1", "PRK", "RUS", "072", "planned"))
    assert event.id == "ev-" + __import__("hashlib").sha1(b"doc1\x1fPRK\x1fRUS\x1f072\x1fplanned").hexdigest()[:16]
    assert [m.sentence_index for m in event.mentions] == [0, 1]
    assert (event.type.label, event.type.quad_class, event.type.goldstein, event.type.plover) == (
        "provide military aid", 2, 8.3, "AID")


def test_anaphors_resolve_to_actors_named_before() -> None:
    from kg.model import Document
    from kg.pipeline import default_resources, process_document

    text = (
        "Presiden Indonesia bertemu Perdana Menteri Jepang di Tokyo. "
        "Kedua negara sepakat memperkuat kerja sama maritim. "
        "Negara itu juga mengecam Korea Utara."
    )
    events = process_document(Document("a", text, None, "2023-05-01"), default_resources()).events
    got = [(e.source.code, e.target.code, e.type.cameo, e.mentions[0].source_text) for e in events]
    assert ("IDN", "JPN", "030", "Kedua negara") in got and ("JPN", "IDN", "030", "Kedua negara") in got
    assert ("JPN", "PRK", "111", "Negara itu") in got


def test_plural_anaphors_take_the_coordinated_list_not_every_state_named() -> None:
    from kg.model import Document
    from kg.pipeline import default_resources, process_document

    text = (
        "Jepang, Australia dan Amerika Serikat mendesak negara-negara Asia Tenggara dan China mematuhi aturan. "
        "Negara-negara tersebut juga mendorong Filipina untuk berunding. "
        "Ketiga negara mengecam Korea Utara. "
        "Kemlu meminta Malaysia membebaskan nelayan."
    )
    events = process_document(Document("p", text, None, "2017-08-07"), default_resources()).events
    got = sorted((e.source.code, e.target.code, e.type.cameo, e.mentions[0].source_text) for e in events
                 if e.mentions[0].sentence_index > 0)
    assert got == sorted([
        # the list is "Jepang, Australia dan Amerika Serikat" (China is a target, not part of it)
        ("USA", "PHL", "020", "Negara-negara tersebut"), ("AUS", "PHL", "020", "Negara-negara tersebut"),
        ("JPN", "PHL", "020", "Negara-negara tersebut"),
        # the three named together (not the last three named: JPN, CHN, PHL)
        ("USA", "PRK", "111", "Ketiga negara"), ("AUS", "PRK", "111", "Ketiga negara"),
        ("JPN", "PRK", "111", "Ketiga negara"),
        # an Indonesian ministry by its short name
        ("IDN", "MYS", "020", "Kemlu"),
    ])
    first = sorted((e.source.code, e.target.code) for e in events if e.mentions[0].sentence_index == 0)
    assert first == [(s, t) for s in ("AUS", "JPN", "USA") for t in ("ASEAN", "CHN")]


@pytest.mark.parametrize("text,expected", [
    # a verb right after a relative clause set off by commas belongs to the actor before the clause,
    # not to the national named inside it
    (("Presiden Turki Recep Tayyip Erdogan, yang ingin mengumpulkan suara warga Turki di Eropa, menuduh "
     "pemerintah Belanda bertindak seperti Nazi."), [("TUR", "NLD", "112", "Presiden Turki Recep Tayyip Erdogan")]),
    ("AS, yang merupakan sekutu dekat Israel, akan mengirim senjata ke Ukraina.", [("USA", "UKR", "072", "AS")]),
    # killing is force only when a force word comes before the verb; a crime between nationals is no event
    ("Serangan Israel telah menewaskan sedikitnya 12 warga Lebanon di Nabatieh.", [("ISR", "LBN", "190", "Israel")]),
    ("Serangan udara AS menewaskan enam orang polisi Afghanistan.", [("USA", "AFG", "190", "AS")]),
    ("Seorang warga Malaysia membunuh WNI di Johor.", []),
    # cutting ties is done by one side; "antara X dan Y" names both
    ("Arab Saudi memutus hubungan diplomatik dengan Qatar.", [("SAU", "QAT", "161", "Arab Saudi")]),
    ("Pemutusan hubungan diplomatik antara Qatar dan Arab Saudi.", [("QAT", "SAU", "161", "Qatar"),
                                                                   ("SAU", "QAT", "161", "Arab Saudi")]),
    # calling an actor a terrorist is criticism; the label may follow the actor; a plain "menyebut" is not
    ("Negara-negara Barat menyebut Hizbullah sebagai organisasi teroris.", [("WST", "HEZBOLLAH", "111", "Negara-negara Barat")]),
    ("AS menyebut Rusia telah melanggar perjanjian.", []),
    # barring a foreign actor; banning imports is the more specific trade ban
    ("Otoritas Belanda mencegah menteri-menteri Turki berbicara.", [("NLD", "TUR", "172", "Otoritas Belanda")]),
    ("Indonesia melarang impor beras dari Vietnam.", [("IDN", "VNM", "163", "Indonesia")]),
    # Indonesian officials and agencies by name; attending a bloc's meeting; hosting a visit
    ("Badan Narkotika Nasional (BNN) mengikuti sidang tahunan ASEAN.",
     [("IDN", "ASEAN", "044", "Badan Narkotika Nasional (BNN)")]),
    ("Yusril Ihza Mahendra menerima kunjungan Duta Besar Amerika Serikat.",
     [("IDN", "USA", "043", "Yusril Ihza Mahendra"), ("USA", "IDN", "042", "Duta Besar Amerika Serikat")]),
    # a di- passive takes its agent right after the verb as well as after "oleh"
    ("Dua mahasiswa Indonesia ditahan otoritas Mesir.", [("EGY", "IDN", "173", "otoritas Mesir")]),
    ("Presiden Jokowi kemudian disambut Presiden Ashraf Ghani di Kabul.",
     [("AFG", "IDN", "043", "Presiden Ashraf Ghani"), ("IDN", "AFG", "042", "Presiden Jokowi")]),
    ("Ia dituduh masuk Myanmar secara ilegal.", []),  # Myanmar is what he entered, not who accused him
    # leaders from before 2015 keep their country when named in later articles
    ("Presiden Mahmoud Ahmadinejad menuding Israel dan negara-negara Barat sebagai biang kerusuhan.",
     [("IRN", "ISR", "112", "Presiden Mahmoud Ahmadinejad"), ("IRN", "WST", "112", "Presiden Mahmoud Ahmadinejad")]),
    # a fronted "Setelah VERB …," clause shares the main clause's subject; "Saat ini" is no such clause
    ("Setelah menyerang Ukraina, Rusia mengecam NATO.", [("RUS", "NATO", "111", "Rusia"), ("RUS", "UKR", "190", "Rusia")]),
    ("Saat ini perusahaan itu telah hadir di Indonesia, Thailand, dan Vietnam.", []),
    # "selain X" sets X aside: it is no part of the subject
    ("Selain Rusia, China juga mengecam Amerika Serikat.", [("CHN", "USA", "111", "China")]),
    # a deportation noun takes its genitive as the target
    ("Malaysia melakukan pengusiran warga Myanmar.", [("MYS", "MMR", "174", "Malaysia")]),
])
def test_asides_killing_and_deportation(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert document_dyads(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a leader lands somewhere; an airline of a state landing is no visit
    ("Presiden Korea Selatan Yoon Suk Yeol mendarat di Tokyo, Jepang.",
     [("KOR", "JPN", "042", "Presiden Korea Selatan Yoon Suk Yeol")]),
    ("Maskapai Qatar belum boleh mendarat di Riyadh.", []),
    # the agent of "dihadiri" attends the meeting of the actor before "yang"
    ("KTT ASEAN yang dihadiri oleh Presiden Joko Widodo digelar di Jakarta.",
     [("IDN", "ASEAN", "044", "Presiden Joko Widodo")]),
    # fighting with someone is mutual; where it happens ("di Suriah") is no opponent
    ("Hizbullah telah berperang melawan Israel.", [("HEZBOLLAH", "ISR", "190", "Hizbullah"),
                                                   ("ISR", "HEZBOLLAH", "190", "Israel")]),
    ("Hizbullah ikut dalam pertempuran di Suriah.", []),
    # a target inside a noun phrase after the preposition: adjectives and prefixed nouns are no verbs
    ("Jepang memberikan apresiasi atas peran aktif Vietnam di kawasan.", [("JPN", "VNM", "051", "Jepang")]),
    ("Kanada memberikan dukungan penuh atas upaya diplomasi Malaysia.", [("CAN", "MYS", "051", "Kanada")]),
    # suspecting an actor is an accusation; calling a state a renegade province is criticism
    ("China mencurigai Jepang berada di balik serangan siber itu.", [("CHN", "JPN", "112", "China")]),
    ("Beijing menyebut Taiwan sebagai provinsi pembangkang.", [("CHN", "TWN", "111", "Beijing")]),
    # a visit noun after "dalam rangkaian" takes the subject before it
    ("Presiden Prancis Emmanuel Macron dalam rangkaian kunjungan ke Vietnam bertemu mahasiswa.",
     [("FRA", "VNM", "042", "Presiden Prancis Emmanuel Macron")]),
    # cooperation as a noun is an event when it is sought or strengthened; existing cooperation named
    # in passing is none; signing it is an agreement
    ("Indonesia dan Vietnam sepakat meningkatkan kerja sama perikanan.",
     [("IDN", "VNM", "030", "Indonesia"), ("VNM", "IDN", "030", "Vietnam")]),
    ("Proyek itu adalah kerja sama antara Indonesia dan Vietnam.", []),
    # signed in Hanoi: also Indonesia's visit to Vietnam and Vietnam's hosting of it
    ("Penandatanganan kerja sama antara Indonesia dan Vietnam digelar di Hanoi.",
     [("IDN", "VNM", "042", "Indonesia"), ("IDN", "VNM", "057", "Indonesia"),
      ("VNM", "IDN", "043", "Vietnam"), ("VNM", "IDN", "057", "Vietnam")]),
    # a conjunction the rule lists may introduce the target
    ("Prancis mendesak agar Israel menghentikan blokade.", [("FRA", "ISR", "020", "Prancis")]),
    # fighting between two sides; cutting ties with a possessive
    ("Pertempuran antara tentara India dan Pakistan pecah di Kashmir.",
     [("IND", "PAK", "190", "tentara India"), ("PAK", "IND", "190", "Pakistan")]),
    ("Kamboja memutuskan hubungan diplomatiknya dengan Thailand.", [("KHM", "THA", "161", "Kamboja")]),
    # seeing aid off ("melepas bantuan") frames the aid noun, as "mengirimkan bantuan" does
    ("Presiden Joko Widodo melepas bantuan kemanusiaan untuk Palestina.",
     [("IDN", "PSE", "073", "Presiden Joko Widodo")]),
    # a fronted clause after a connective ("Lalu setelah …") shares the main clause's subject; calling
    # someone is one-sided, made by the caller
    ("Lalu setelah kembali ke Yangon dan bertemu pejabat PBB, Menlu Retno Marsudi menelepon Menlu Inggris.",
     [("IDN", "GBR", "041", "Menlu Retno Marsudi"),
      ("IDN", "UN", "040", "Menlu Retno Marsudi"), ("UN", "IDN", "040", "pejabat PBB")]),
    # contacting someone by telephone is a phone call, made by the one who calls
    ("Presiden Joko Widodo menghubungi Perdana Menteri Malaysia Anwar Ibrahim melalui sambungan telepon.",
     [("IDN", "MYS", "041", "Presiden Joko Widodo")]),
    # a list after "yaitu" renames the noun phrase after the preposition; a coordinated target keeps it
    ("Presiden Taiwan Tsai Ing-wen berangkat ke negara-negara mitra di Pasifik, yaitu Tuvalu dan Palau.",
     [("TWN", "PLW", "042", "Presiden Taiwan Tsai Ing-wen"), ("TWN", "TUV", "042", "Presiden Taiwan Tsai Ing-wen")]),
    ("Presiden Taiwan Tsai Ing-wen kemudian mendarat di Miami, Florida, Amerika Serikat.",
     [("TWN", "USA", "042", "Presiden Taiwan Tsai Ing-wen")]),
    # a comma ends the noun phrase of a preposition: the actor after it is the subject
    ("Dilansir dari laman Kompas.com, Korsel menuduh Korea Utara mencuri data.",
     [("KOR", "PRK", "112", "Korsel")]),
    # "X mengungkapkan, Y mengunjungi …": Y (not in the lexicon) visits, not the reporter X
    ("UNHCR mengungkapkan, Jolie mengunjungi kamp pengungsi di Kenya.", []),
    # the object is something an actor did or holds: criticising or attacking it is aimed at that actor;
    # visiting it is not
    ("Paus Leo XIV mengecam keras kekejaman yang dilakukan oleh Israel.", [("VAT", "ISR", "111", "Paus Leo XIV")]),
    ("Pasukan Irak menyerang kota yang dikuasai ISIS.", [("IRQ", "ISIL", "190", "Pasukan Irak")]),
    ("Presiden Taiwan Tsai Ing-wen mengunjungi kantor yang diblokir oleh China.", []),
    # an arrest or trial in a state without a named agent is that state's; a place that is no actor gives none
    ("Dua WNI ditahan di Turki sejak Oktober.", [("TUR", "IDN", "173", "Turki")]),
    ("Empat pengungsi Suriah ditangkap di Belanda.", [("NLD", "SYR", "173", "Belanda")]),
    ("Warga Indonesia itu ditahan di Guantanamo.", []),
    ("Seorang WNI divonis hukuman mati oleh pengadilan Malaysia.", [("MYS", "IDN", "173", "pengadilan Malaysia")]),
    # expelling each other's diplomats; support received from someone
    ("India dan Pakistan saling mengusir diplomat.", [("IND", "PAK", "166", "India"), ("PAK", "IND", "166", "Pakistan")]),
    ("Hamas mendapat dukungan senjata dari Iran.", [("IRN", "HAMAS", "072", "Iran")]),
    # examples of a plain object noun ("negara mitra dagang seperti …") are the targets
    ("Trump mengkritik negara mitra dagang seperti Kanada dan Meksiko.",
     [("USA", "CAN", "111", "Trump"), ("USA", "MEX", "111", "Trump")]),
    # a long list of parties to a meeting is a multilateral meeting, not pairwise meetings
    ("Pertemuan antara Mesir, Yordania, Bahrain, Oman dan Qatar digelar di Riyadh.", []),
    ("Pertemuan antara Mesir dan Yordania digelar di Riyadh.",
     [("EGY", "JOR", "040", "Mesir"), ("JOR", "EGY", "040", "Yordania")]),
    # a tariff set by a leader ("menetapkan tarif") is a sanction
    ("Presiden Trump menetapkan tarif 27 persen untuk Malaysia.", [("USA", "MYS", "163", "Presiden Trump")]),
    # epithets of states ("Negeri Ginseng" is South Korea, "negara Yahudi" Israel)
    ("Negeri Ginseng mengecam negara Yahudi itu.", [("KOR", "ISR", "111", "Negeri Ginseng")]),
    # a possessed nominal ("pertemuannya") belongs to the subject before it; negotiating is a verb too
    ("Menurut Putin, pertemuannya dengan Prabowo berjalan konstruktif.",
     [("IDN", "RUS", "040", "Prabowo"), ("RUS", "IDN", "040", "Putin")]),
    ("Prabowo menceritakan keberhasilannya bernegosiasi dengan Presiden AS Donald Trump.",
     [("IDN", "USA", "046", "Prabowo"), ("USA", "IDN", "046", "Presiden AS Donald Trump")]),
    # hosting a visit is also the guest's visit
    ("Menteri Yusril Ihza Mahendra menerima kunjungan Duta Besar Amerika Serikat.",
     [("IDN", "USA", "043", "Menteri Yusril Ihza Mahendra"), ("USA", "IDN", "042", "Duta Besar Amerika Serikat")]),
    # the bare agent of a passive may be an authority noun phrase ending in the actor
    ("Empat nelayan Indonesia ditangkap polisi perairan Malaysia.", [("MYS", "IDN", "173", "Malaysia")]),
    ("Hizbullah adalah kelompok yang dilarang di Jerman.", [("DEU", "HEZBOLLAH", "172", "Jerman")]),
    # a tariff on goods from a state is aimed at that state
    ("AS akan mengenakan tarif 15 persen terhadap barang asal Kamboja.", [("USA", "KHM", "163", "AS")]),
    # "KTT ASEAN dan APEC" names two summits, not talks between the blocs
    ("Presiden Prabowo akan menghadiri KTT ASEAN dan APEC.", [("IDN", "APEC", "044", "Presiden Prabowo"),
                                                             ("IDN", "ASEAN", "044", "Presiden Prabowo")]),
    # declared support is verbal whatever it is for; given support may be material
    ("Australia menyatakan dukungan terhadap ketahanan energi Indonesia.", [("AUS", "IDN", "051", "Australia")]),
    ("Australia memberikan dukungan kemanusiaan kepada Myanmar.", [("AUS", "MMR", "073", "Australia")]),
    # economic cooperation to be strengthened is an intent; named as under way it is cooperation
    ("Kedua menteri membahas peningkatan kerja sama perdagangan antara Indonesia dengan Vietnam.",
     [("IDN", "VNM", "031", "Indonesia"), ("VNM", "IDN", "031", "Vietnam")]),
    ("Kerja sama ekonomi antara Indonesia dengan Vietnam berjalan baik.",
     [("IDN", "VNM", "061", "Indonesia"), ("VNM", "IDN", "061", "Vietnam")]),
    # an apology as a noun belongs to its maker, not to the subject that reports it
    ("Amerika Serikat menyampaikan permintaan maaf kepada Indonesia.", [("USA", "IDN", "055", "Amerika Serikat")]),
    ("Menlu Retno menyebut permintaan maaf Amerika Serikat cukup.", []),
    # a title inside a body's name ("Sekretariat Presiden") is no apposition to the name after the comma
    ("Menurut keterangan Sekretariat Presiden, Jokowi dan PM Singapura Lee Hsien Loong bertemu kemarin.",
     [("IDN", "SGP", "040", "Jokowi"), ("SGP", "IDN", "040", "PM Singapura Lee Hsien Loong")]),
    # helping an actor fight is military assistance; plain help is not coded
    ("Pasukan AS membantu militer Afghanistan melawan Taliban.",
     [("AFG", "TALIBAN", "190", "militer Afghanistan"), ("USA", "AFG", "074", "Pasukan AS"),
      ("USA", "TALIBAN", "190", "Pasukan AS")]),
    ("Singapura membantu Indonesia menangkap buronan.", []),
])
def test_landing_attending_fighting_and_noun_phrase_targets(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert document_dyads(text) == expected


def test_mereka_after_two_people_of_two_countries_is_those_two() -> None:
    from kg.model import Document
    from kg.pipeline import default_resources, process_document

    text = (
        "Menteri Luar Negeri Indonesia Retno Marsudi bertemu Menteri Luar Negeri Australia Julie Bishop di Canberra. "
        "Mereka mengecam Korea Utara. "
        "Pengungsi itu tiba di Aceh. Mereka mengecam Myanmar."  # no two people in the sentence before: no referent
    )
    events = process_document(Document("m", text, None, "2017-07-01"), default_resources()).events
    got = sorted((e.source.code, e.target.code, e.type.cameo, e.mentions[0].source_text) for e in events
                 if e.type.cameo == "111")
    assert got == [("AUS", "PRK", "111", "Mereka"), ("IDN", "PRK", "111", "Mereka")]


def test_dia_is_the_first_person_of_the_last_sentence_naming_people() -> None:
    from kg.model import Document
    from kg.pipeline import default_resources, process_document

    text = "Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Tokyo. Dia kemudian mengecam Korea Utara."
    events = process_document(Document("d", text, None, "2023-05-01"), default_resources()).events
    assert [(e.source.code, e.target.code, e.mentions[0].source_text) for e in events if e.type.cameo == "111"] == [
        ("IDN", "PRK", "Dia")
    ]


def test_a_bare_paus_is_the_pope_named_before() -> None:
    from kg.model import Document
    from kg.pipeline import default_resources, process_document

    text = "Paus Leo XIV berdoa bagi perdamaian. Paus juga mengecam Israel."
    events = process_document(Document("p", text, None, "2025-07-20"), default_resources()).events
    assert [(e.source.code, e.target.code, e.type.cameo, e.mentions[0].source_text) for e in events] == [
        ("VAT", "ISR", "111", "Paus")
    ]


def test_both_sides_after_a_meeting_are_its_two_parties() -> None:
    from kg.model import Document
    from kg.pipeline import default_resources, process_document

    text = (
        "Menteri Luar Negeri Indonesia Retno Marsudi bertemu Menteri Luar Negeri Australia Julie Bishop. "
        "Kedua belah pihak menandatangani kesepakatan perdagangan."
    )
    events = process_document(Document("c", text, None, "2017-07-01"), default_resources()).events
    got = sorted((e.source.code, e.target.code, e.type.cameo, e.mentions[0].source_text) for e in events
                 if e.type.cameo != "040")
    assert got == [("AUS", "IDN", "057", "Kedua belah pihak"), ("IDN", "AUS", "057", "Kedua belah pihak")]


def test_a_bare_title_is_the_last_person_named_with_it() -> None:
    from kg.model import Document
    from kg.pipeline import default_resources, process_document

    text = (
        "Presiden Joko Widodo melepas bantuan kemanusiaan untuk pengungsi Rohingya. "
        "Presiden berterima kasih kepada pemerintah Bangladesh. "
        "Menurut Presiden AS Donald Trump, presiden tidak akan bertemu Iran. "
        "Presiden Putin mengecam Ukraina."  # a title followed by a name is that name's, not an anaphor
    )
    events = process_document(Document("t", text, None, "2017-09-13"), default_resources()).events
    got = sorted((e.source.code, e.target.code, e.type.cameo, e.modality, e.mentions[0].source_text) for e in events)
    assert got == sorted([
        ("IDN", "BGD", "051", "asserted", "Presiden"),
        ("IDN", "MMR", "073", "asserted", "Presiden Joko Widodo"),  # Rohingya refugees are MMR (devgold.md)
        ("USA", "IRN", "040", "negated", "presiden"), ("IRN", "USA", "040", "negated", "Iran"),
        ("RUS", "UKR", "111", "asserted", "Presiden Putin"),
    ])


def test_both_leaders_are_the_last_two_people_named() -> None:
    from kg.model import Document
    from kg.pipeline import default_resources, process_document

    text = (
        "Meksiko menolak rencana tembok perbatasan Amerika Serikat. "
        "Presiden AS Donald Trump bertemu Perdana Menteri Israel Benjamin Netanyahu di New York. "
        "Kedua pemimpin mengecam Iran."  # not the last two states named (MEX, USA)
    )
    events = process_document(Document("b", text, None, "2017-01-01"), default_resources()).events
    got = sorted((e.source.code, e.target.code, e.type.cameo, e.mentions[0].source_text) for e in events
                 if e.type.cameo == "111")
    assert got == [("ISR", "IRN", "111", "Kedua pemimpin"), ("USA", "IRN", "111", "Kedua pemimpin")]


def test_anaphors_come_from_the_lexicon_in_use(tmp_path: Path) -> None:
    import json
    import shutil

    from kg.lexicon import LEXICON_DIR
    from kg.model import Document
    from kg.pipeline import Resources, process_document

    folder = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, folder)
    data = json.loads((folder / "anaphora.json").read_text(encoding="utf-8"))
    data["pair"] = ["kedua sekutu"]
    (folder / "anaphora.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    text = "Presiden Indonesia bertemu Perdana Menteri Jepang. Kedua sekutu mengecam Korea Utara."
    events = process_document(Document("l", text, None, "2023-05-01"), Resources.load(folder)).events
    assert sorted((e.source.code, e.target.code) for e in events if e.type.cameo == "111") == [
        ("IDN", "PRK"), ("JPN", "PRK")]


def test_first_person_in_reported_speech_is_the_speaker() -> None:
    from kg.model import Document
    from kg.pipeline import default_resources, process_document

    text = (
        'Menlu Retno Marsudi tiba di Dhaka. "Saya bicara dengan otoritas Myanmar," ujar Retno. '
        '"Kami juga mengecam Israel," ujarnya.'
    )
    events = process_document(Document("s", text, None, "2017-09-05"), default_resources()).events
    got = sorted((e.source.code, e.target.code, e.type.cameo, e.mentions[0].source_text) for e in events)
    assert got == sorted([
        ("IDN", "BGD", "042", "Menlu Retno Marsudi"),
        ("IDN", "MMR", "040", "Saya"),
        ("IDN", "ISR", "111", "Kami"),
    ])


def test_a_date_after_the_trigger_wins_over_one_before() -> None:
    text = "Perang meletus tahun lalu setelah Hamas menyerang Israel pada November 2022."
    raws = extract_sentence(Sentence("d", 0, 0, len(text), text), mentions(text), timexes(text), default_rules(), load_modality())
    assert [(r.source.code, r.target.code, r.date.text) for r in raws] == [("HAMAS", "ISR", "November 2022")]


def test_one_event_stated_with_two_dates_is_two_events() -> None:
    rules, raws = default_rules(), []
    sentences = [
        "Korea Utara mengirim senjata ke Rusia pada November 2022.",
        "Korea Utara mengirim senjata ke Rusia.",
        "Korea Utara mengirim senjata ke Rusia tahun lalu.",
        "Korea Utara mengirim senjata ke Rusia pada Rabu (30/8).",
    ]
    for n, text in enumerate(sentences):
        start = n * 100
        s = Sentence("doc", n, start, start + len(text), text)
        ms = [ActorMention(m.start + start, m.end + start, m.text, m.id, m.code, m.label, m.type) for m in mentions(text)]
        tx = [Timex(t.start + start, t.end + start, t.text, t.value, t.granularity, t.resolved) for t in timexes(text)]
        raws += extract_sentence(s, ms, tx, rules, load_modality())
    events = merge_document("doc", raws, rules)
    assert [(e.date.value, [m.sentence_index for m in e.mentions]) for e in events] == [
        ("2022-11", [0, 1, 2]),
        ("2023-08-30", [3]),
    ]
    assert len({e.id for e in events}) == 2
