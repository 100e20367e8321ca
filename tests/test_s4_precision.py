"""Precision on unseen articles: events whose actors, modality or very existence the article does not
support (session 4 audit of a random corpus sample). Sentences are made up."""

from __future__ import annotations

from tests.documents import event_rows, modality


def test_fronted_clause_actor_is_no_subject_of_main_clause() -> None:
    # the main clause has its own subject (a person the lexicon does not know): the state named in
    # the fronted "Ketika …," clause is not who supports
    rows = event_rows("Ketika tentara Irak menyerbu Kuwait, Kowalski mendukung agar Inggris mengirim kapal perang.", "2024-03-01")
    assert rows == []


def test_fronted_clause_without_own_subject_still_shares_main_subject() -> None:
    rows = event_rows("Setelah bertemu Menlu Brasil di Roma, Menlu Jepang mengkritik Rusia.", "2024-03-01")
    assert ("JPN", "RUS", "111") in rows


def test_main_clause_subject_after_fronted_clause_is_found() -> None:
    rows = event_rows("Ketika Rusia menyerang Ukraina, Polandia mengecam Rusia.", "2024-03-01")
    assert ("POL", "RUS", "111") in rows or ("POL", "RUS", "112") in rows


def test_negation_of_involvement_does_not_negate_the_war_it_names() -> None:
    rows = event_rows("Sebagian besar warga Kanada menolak keterlibatan negaranya dalam perang Sudan-Chad.", "2024-03-01", modality)
    assert rows == [("SDN", "TCD", "190", "asserted"), ("TCD", "SDN", "190", "asserted")]


def test_negation_of_staying_out_of_a_conflict_does_not_negate_it() -> None:
    rows = event_rows("Pemerintah Swiss tidak mau terjun ke konflik Sudan-Chad.", "2024-03-01", modality)
    assert rows == [("SDN", "TCD", "190", "asserted"), ("TCD", "SDN", "190", "asserted")]


def test_negation_still_governs_a_meeting_of_the_subject() -> None:
    rows = event_rows("Menlu Brasil tidak hadir dalam pertemuan dengan Menlu Argentina.", "2024-03-01", modality)
    assert rows == [("ARG", "BRA", "040", "negated"), ("BRA", "ARG", "040", "negated")]


def test_section_heading_states_no_event() -> None:
    text = (
        "Sebuah survei menanyakan pendapat warga Kanada tentang kebijakan luar negeri.\n\n"
        "Perlunya Kanada memberi sanksi ekonomi kepada Venezuela\n\n"
        "Sebanyak 30 persen responden mendukung langkah itu."
    )
    assert event_rows(text, "2024-03-01") == []


def test_unpunctuated_last_sentence_of_a_paragraph_still_counts() -> None:
    text = "Kanada menjatuhkan sanksi kepada Venezuela. Kanada juga mengkritik Venezuela\n\nHal itu terjadi pekan lalu."
    assert ("CAN", "VEN", "111") in event_rows(text, "2024-03-01")


def test_normative_should_is_possible() -> None:
    rows = event_rows("Menurut pengamat itu, Kanada harus berunding dengan Venezuela.", "2024-03-01", modality)
    assert rows == [("CAN", "VEN", "046", "possible"), ("VEN", "CAN", "046", "possible")]


def test_unresolved_pronoun_opening_a_clause_is_the_subject() -> None:
    text = "Para sukarelawan itu paham medan di perbatasan Peru-Ekuador, karena mereka dulu bekerja sama dengan tentara Peru."
    assert event_rows(text, "2024-03-01") == []


def test_actor_before_adverb_is_still_the_subject() -> None:
    rows = event_rows("Ekuador sebelumnya bekerja sama dengan tentara Peru.", "2024-03-01")
    assert rows == [("ECU", "PER", "060"), ("PER", "ECU", "060")]


def test_target_search_does_not_enter_a_relative_clause_on_another_actor() -> None:
    text = "Pemerintah Chili memberikan dukungan untuk diadilinya Serbia yang melakukan kekejaman atas Kosovo."
    assert ("CHL", "XKX", "051") not in event_rows(text, "2024-03-01")
    assert all(row[2] != "051" for row in event_rows(text, "2024-03-01"))


def test_target_before_a_relative_clause_is_kept() -> None:
    rows = event_rows("Pemerintah Chili memberikan dukungan kepada Ukraina yang sedang berperang.", "2024-03-01")
    assert ("CHL", "UKR", "051") in rows


def test_kedua_negara_is_not_the_tail_of_a_list() -> None:
    text = (
        "Pengaturan antara Chili dan Norwegia ini memakai cara yang sama dengan pengaturan sebelumnya dengan "
        "Peru, Kenya, dan Vietnam. Kedua negara menegaskan komitmen untuk mempererat kerja sama di sektor peradilan."
    )
    rows = [r for r in event_rows(text, "2024-03-01") if r[2] == "030"]
    assert rows == [("CHL", "NOR", "030"), ("NOR", "CHL", "030")]


def test_kedua_negara_after_a_pair_is_that_pair() -> None:
    text = "Menlu Chili bertemu Menlu Norwegia di Oslo. Kedua negara sepakat memperkuat kerja sama di bidang energi."
    rows = [r for r in event_rows(text, "2024-03-01") if r[2] == "030"]
    assert rows == [("CHL", "NOR", "030"), ("NOR", "CHL", "030")]


MARKET_REPORT = (
    "Indeks harga saham di bursa Tokyo dibuka melemah pada Selasa pagi. Nilai tukar yen juga tertekan, "
    "sementara investor menunggu data inflasi dan keputusan suku bunga bank sentral. "
    "Harga minyak naik setelah Sudan dan Chad saling serang di perbatasan."
)


def test_market_report_is_off_topic() -> None:
    assert event_rows(MARKET_REPORT, "2024-03-01") == []


def test_war_report_mentioning_markets_stays_on_topic() -> None:
    text = (
        "Presiden Sudan menuduh Chad mendukung pemberontak. Militer Sudan dan tentara Chad bentrok di perbatasan. "
        "Menteri luar negeri kedua negara belum berbicara sejak serangan itu. Harga saham di bursa regional turun."
    )
    assert ("SDN", "TCD", "112") in event_rows(text, "2024-03-01")


def test_rejection_after_denying_a_claim_is_asserted() -> None:
    rows = event_rows("Oman membantah semua tuduhan itu dan menolak tuntutan Bahrain.", "2024-03-01", modality)
    assert rows == [("OMN", "BHR", "120", "asserted")]


def test_claim_still_marks_what_follows_it_as_alleged() -> None:
    rows = event_rows("Bahrain melontarkan tuduhan Oman menyerang kapal Bahrain.", "2024-03-01", modality)
    assert ("OMN", "BHR", "190", "alleged") in rows


def test_stated_readiness_is_planned() -> None:
    rows = event_rows("Pernyataan Presiden Chili tentang kesediaan membuka hubungan diplomatik dengan Fiji itu wajar.", "2024-03-01", modality)
    assert rows == [("CHL", "FJI", "050", "planned"), ("FJI", "CHL", "050", "planned")]


def test_object_of_a_verb_is_no_subject_of_its_purpose_clause() -> None:
    rows = event_rows("Presiden Chili meninggalkan Peru untuk melanjutkan kunjungan kenegaraan ke Bolivia.", "2024-03-01")
    assert rows == [("CHL", "BOL", "042")]


def test_object_of_an_appeal_is_the_subject_of_its_purpose_clause() -> None:
    rows = event_rows("Turki mengundang Iran untuk berunding dengan Irak.", "2024-03-01")
    assert rows == [("IRN", "IRQ", "046"), ("IRQ", "IRN", "046")]


def test_speaker_is_no_subject_of_a_complement_with_a_quantified_subject() -> None:
    text = "Presiden Chili mengisyaratkan bahwa beberapa negara di Amerika Selatan telah menawarkan pengiriman pasukan ke Haiti."
    assert event_rows(text, "2024-03-01") == []


def test_speaker_is_the_subject_of_a_complement_without_its_own() -> None:
    rows = event_rows("Chili mengatakan bahwa pada Senin akan mengirim pasukan ke Haiti.", "2024-03-01", modality)
    assert rows == [("CHL", "HTI", "154", "planned")]
