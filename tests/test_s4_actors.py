"""Who acts on whom: anaphors for two parties, subjects of fronted and embedded clauses, and the
direction of summits between a bloc and one partner (sentences written for these tests)."""

from __future__ import annotations

from tests.documents import event_rows


def test_two_party_anaphor_continues_the_pair_of_the_sentence_before() -> None:
    # "keduanya" stands for the two leaders; the two states named in passing after it ("perbatasan
    # Kanada dan Meksiko") are not whom "kedua pihak" in the next sentence means
    text = (
        "Presiden Prancis Emmanuel Macron bertemu Kanselir Jerman Olaf Scholz di Paris. "
        "Keduanya juga menyinggung sengketa dagang di perbatasan Kanada dan Meksiko. "
        "Pembicaraan itu juga menyentuh program nuklir Iran, yang dikritik kedua pihak."
    )
    rows = [r for r in event_rows(text, "2024-05-02") if r[1] == "IRN"]
    assert rows == [("DEU", "IRN", "111"), ("FRA", "IRN", "111")]


def test_verb_after_a_subordinator_that_opens_a_clause_takes_the_subject_after_its_comma() -> None:
    # the arrested man (no actor) is the subject of "ditangkap", not the government named before "karena"
    text = (
        "Pemerintah Jepang belum dapat memastikan kewarganegaraan pria itu karena, saat ditangkap di "
        "Vietnam, pria itu membawa paspor Korea Selatan."
    )
    assert event_rows(text, "2024-05-02") == []


def test_verb_after_a_subordinator_following_its_main_clause_takes_the_main_subject() -> None:
    text = "Presiden Brasil Lula da Silva bertemu PM Malaysia Anwar Ibrahim saat mengunjungi Singapura."
    assert event_rows(text, "2024-05-02") == [
        ("BRA", "MYS", "040"), ("BRA", "SGP", "042"), ("MYS", "BRA", "040"),
    ]


def test_summit_of_a_bloc_and_a_partner_is_coded_from_the_partner_to_the_bloc() -> None:
    assert event_rows("KTT Uni Eropa-Kanada akan dibuka pekan depan.", "2024-05-02") == [
        ("CAN", "EU", "040"),
    ]
    # of two blocs, the one named first holds the summit; a double hyphen joins the pair like one
    assert event_rows("KTT Uni Afrika--Perserikatan Bangsa-Bangsa akan dibuka pekan depan.", "2024-05-02") == [
        ("UN", "AU", "040"),
    ]
    # talks of two states stay coded both ways
    assert event_rows("Perundingan Kanada-Meksiko soal tarif dilanjutkan pekan depan.", "2024-05-02") == [
        ("CAN", "MEX", "046"), ("MEX", "CAN", "046"),
    ]


def test_who_helps_the_subject_of_a_verb_does_the_act_too() -> None:
    text = "Pasukan khusus Inggris membantu militer Irak melawan kelompok militan ISIS."
    assert event_rows(text, "2024-05-02") == [
        ("GBR", "IRQ", "074"), ("GBR", "ISIL", "190"), ("IRQ", "ISIL", "190"),
    ]
    # a comma between the helped party and the verb ends the help
    assert ("GBR", "ISIL", "190") not in event_rows(
        "Pasukan khusus Inggris membantu militer Irak, yang kemudian melawan kelompok militan ISIS.", "2024-05-02"
    )


def test_relative_clause_after_the_genitive_of_a_copula_predicate_is_about_the_copula_subject() -> None:
    text = "Rusia adalah salah satu sekutu terdekat Presiden Suriah yang juga mengirim pasukan untuk memerangi ISIS."
    assert event_rows(text, "2024-05-02") == [("RUS", "ISIL", "190")]
    # without a copula the clause is about the actor right before it
    assert event_rows("Rusia mendukung Presiden Suriah yang memerangi ISIS.", "2024-05-02") == [
        ("RUS", "SYR", "051"), ("SYR", "ISIL", "190"),
    ]


def test_passive_mediation_is_coded_from_the_agent_to_the_parties_of_the_talks() -> None:
    rows = event_rows("Perundingan Armenia dan Azerbaijan yang dimediasi Rusia terhenti tahun lalu.", "2024-05-02")
    assert [r for r in rows if r[2] == "045"] == [("RUS", "ARM", "045"), ("RUS", "AZE", "045")]


def test_office_named_with_a_holder_the_lexicon_does_not_know_stays_coordinated() -> None:
    text = "Presiden Kazakhstan Kassym Tokayev dan Presiden Turki Erdogan mendesak Myanmar."
    assert event_rows(text, "2024-05-02") == [("KAZ", "MMR", "020"), ("TUR", "MMR", "020")]


def test_subject_among_the_coordinated_genitive_of_a_relation_acts_on_the_others() -> None:
    text = "Presiden Prancis berjanji memperkuat hubungan Prancis dan Maroko."
    assert event_rows(text, "2024-05-02") == [("FRA", "MAR", "030")]
    # a subject outside the pair gives no pairwise event of its own
    assert event_rows("Jepang ingin memperkuat hubungan Korea Selatan dan Vietnam.", "2024-05-02") == []


def test_the_country_whose_imports_are_taxed_is_the_target_of_a_tariff_not_its_agent() -> None:
    text = "Keputusan itu mendorong Kanada untuk menetapkan tarif tambahan sebesar 25% terhadap impor dari Jepang."
    assert event_rows(text, "2024-05-02") == [("CAN", "JPN", "163")]


def test_a_complement_clause_with_a_subject_of_its_own_is_not_the_reporters_act() -> None:
    text = "Kanselir Jerman menyebut beberapa negara di Afrika telah menawarkan pengiriman pasukan ke Sudan."
    assert event_rows(text, "2024-05-02") == []
    text = "Jepang menegaskan bahwa latihan militer gabungan itu tidak bertujuan menyerang Tiongkok."
    assert event_rows(text, "2024-05-02") == []
    # a bare title or a "-nya" word after "bahwa" is the reporter's own
    assert event_rows("Kanada mengatakan bahwa pemerintahnya akan mengakui Palestina.", "2024-05-02") == [
        ("CAN", "PSE", "054"),
    ]
    assert event_rows("Kanada mengatakan bahwa presiden akan mengunjungi Meksiko.", "2024-05-02") == [
        ("CAN", "MEX", "042"),
    ]


def test_target_list_after_a_noun_phrase_with_sekutu_renamed_by_yaitu() -> None:
    text = "Presiden Kenya berangkat ke negara-negara sekutu lama, yaitu Ghana dan Nigeria."
    assert event_rows(text, "2024-05-02") == [("KEN", "GHA", "042"), ("KEN", "NGA", "042")]


def test_object_of_a_fronted_subordinate_clause_is_not_the_main_subject() -> None:
    text = (
        "Selain menyoroti isu Israel, seorang anggota parlemen juga menyatakan dukungan terhadap "
        "berbagai program sosial pemerintahan Presiden Brasil."
    )
    assert event_rows(text, "2024-05-02") == []
    # the verb of the fronted clause still takes the main subject after the comma
    text = "Selain mengecam Israel, Turki juga menyatakan dukungan terhadap Palestina."
    assert event_rows(text, "2024-05-02") == [("TUR", "ISR", "111"), ("TUR", "PSE", "051")]


def test_rohingya_are_nationals_of_myanmar_acted_on_but_not_acting_in_diplomacy() -> None:
    assert event_rows("Malaysia mendeportasi 40 orang Rohingya pekan lalu.", "2024-05-02") == [("MYS", "MMR", "174")]
    assert event_rows("Pengungsi Rohingya meminta bantuan kepada Indonesia.", "2024-05-02") == []


def test_an_actor_in_a_phrase_about_something_is_not_a_subject() -> None:
    text = (
        "Menurut menteri itu, pemilu tersebut membuka peluang untuk mencabut gagasan mengenai pendirian "
        "negara Palestina di wilayah yang dianggap dapat mengancam keamanan Mesir."
    )
    assert event_rows(text, "2024-05-02") == []


def test_an_attack_someone_died_in_is_aimed_at_them_not_at_the_place() -> None:
    text = "Seorang komandan ISIS tewas dalam serangan udara Inggris di dekat Raqqa, Suriah."
    assert event_rows(text, "2024-05-02") == [("GBR", "ISIL", "195")]
    # the dead reported by officials are not the officials
    text = "Pejabat Irak mengatakan sedikitnya sepuluh warga sipil tewas dalam serangan udara Inggris di Mosul."
    assert [r for r in event_rows(text, "2024-05-02") if r[1] == "IRQ"] == []
