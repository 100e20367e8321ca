"""Events whose CAMEO code depends on more than the first trigger: a second two-sided act sharing
the partner of the first, nominal triggers with their agent. Every text here is written for the test."""

from __future__ import annotations

from documents import event_rows, modality


def _events(text: str, date: str = "2024-05-10") -> list[tuple[object, ...]]:
    return event_rows(text, date, modality)


def test_an_agreement_signed_after_a_meeting_is_signed_with_the_same_partner() -> None:
    text = "Presiden Vietnam bertemu Perdana Menteri Jepang dan menandatangani perjanjian kerja sama."
    assert _events(text) == [
        ("JPN", "VNM", "040", "asserted"),
        ("JPN", "VNM", "057", "asserted"),
        ("VNM", "JPN", "040", "asserted"),
        ("VNM", "JPN", "057", "asserted"),
    ]


def test_a_partner_of_its_own_wins_over_the_shared_one() -> None:
    text = "Presiden Vietnam bertemu Perdana Menteri Jepang dan kemudian menandatangani perjanjian dengan Korea Selatan."
    assert _events(text) == [
        ("JPN", "VNM", "040", "asserted"),
        ("KOR", "VNM", "057", "asserted"),
        ("VNM", "JPN", "040", "asserted"),
        ("VNM", "KOR", "057", "asserted"),
    ]


def test_no_partner_is_shared_across_a_new_clause_or_with_a_one_sided_act() -> None:
    assert _events("Presiden Vietnam bertemu Perdana Menteri Jepang, namun menandatangani perjanjian.") == [
        ("JPN", "VNM", "040", "asserted"),
        ("VNM", "JPN", "040", "asserted"),
    ]
    assert _events("Presiden Vietnam mengecam Korea Utara dan menandatangani perjanjian.") == [
        ("VNM", "PRK", "111", "asserted"),
    ]


def test_the_state_named_after_investasi_is_the_investor() -> None:
    assert _events("Kesepakatan itu juga mencakup investasi Qatar di Malaysia dalam bidang gas.") == [
        ("QAT", "MYS", "061", "asserted"),
    ]
    assert _events("Jepang berinvestasi di Vietnam sejak lama.") == [("JPN", "VNM", "061", "asserted")]


def test_dari_right_after_a_rejection_noun_names_who_rejects() -> None:
    assert _events("Lawatan itu disambut gelombang penolakan dari Vietnam terhadap Filipina.") == [
        ("VNM", "PHL", "120", "asserted"),
    ]


def test_an_agreement_naming_a_weapon_platform_is_an_arms_deal_but_a_ceasefire_is_not() -> None:
    text = "Filipina menandatangani kesepakatan dengan Korea Selatan untuk membeli enam kapal selam."
    assert _events(text) == [("KOR", "PHL", "062", "asserted"), ("PHL", "KOR", "062", "asserted")]
    text = "Filipina menandatangani kesepakatan gencatan senjata dengan Korea Selatan."
    agreements = [e for e in _events(text) if e[2].startswith("0") and e[2] != "087"]
    assert agreements == [("KOR", "PHL", "057", "asserted"), ("PHL", "KOR", "057", "asserted")]


def test_memperingati_with_an_actor_right_after_it_is_a_warning_but_an_anniversary_is_none() -> None:
    assert _events("Rusia sudah berulang kali memperingati Jepang mengenai latihan itu.") == [
        ("RUS", "JPN", "130", "asserted"),
    ]
    assert _events("Rusia memperingati HUT ke-30 hubungan dengan Jepang.") == []


def test_rohingya_refugees_are_myanmar_nationals_a_state_aids_or_deports() -> None:
    text = "Perdana Menteri Malaysia pada Selasa mengirim bantuan kemanusiaan untuk pengungsi Rohingya di Bangladesh."
    assert _events(text) == [("MYS", "MMR", "073", "asserted")]
    assert _events("Pemerintah Thailand berencana mendeportasi ratusan orang Rohingya.") == [
        ("THA", "MMR", "174", "planned"),
    ]


def test_praise_of_a_people_is_no_praise_of_its_state() -> None:
    assert _events("Menteri Luar Negeri Turki mendukung minoritas Muslim Rohingya.") == []


def test_a_military_build_up_of_two_states_is_one_against_the_other() -> None:
    assert _events("India dan Pakistan sama-sama memperkuat kehadiran militer di sepanjang garis kontrol.") == [
        ("IND", "PAK", "152", "asserted"),
        ("PAK", "IND", "152", "asserted"),
    ]
    assert _events("China memperkuat kehadiran militer di Laut China Selatan.") == []


def test_a_defence_pact_is_military_cooperation() -> None:
    assert _events("Filipina menjalin aliansi pertahanan dengan Australia sejak lama.") == [
        ("AUS", "PHL", "062", "asserted"),
        ("PHL", "AUS", "062", "asserted"),
    ]


def test_an_agreement_signed_at_the_seat_of_one_party_is_also_the_others_visit() -> None:
    text = "Perdana Menteri Kanada dan Presiden Vietnam menandatangani perjanjian dagang di Hanoi, Senin (6/5)."
    assert event_rows(text, "2024-05-10", modality, lambda e: e.date.value if e.date else None) == [
        ("CAN", "VNM", "042", "asserted", "2024-05-06"),
        ("CAN", "VNM", "057", "asserted", "2024-05-06"),
        ("VNM", "CAN", "043", "asserted", "2024-05-06"),
        ("VNM", "CAN", "057", "asserted", "2024-05-06"),
    ]
    assert _events("Perdana Menteri Kanada dan Presiden Vietnam menandatangani perjanjian dagang di Tokyo.") == [
        ("CAN", "VNM", "057", "asserted"),
        ("VNM", "CAN", "057", "asserted"),
    ]


def test_a_cooperative_act_after_a_pledge_word_is_the_stated_intent() -> None:
    assert _events("Kanada berjanji akan membela Filipina.") == [("CAN", "PHL", "032", "asserted")]
    assert _events("Malaysia siap memediasi Thailand dan Kamboja.") == [
        ("MYS", "KHM", "039", "asserted"),
        ("MYS", "THA", "039", "asserted"),
    ]
    assert _events("Norwegia bersedia mengakui Palestina sebagai negara merdeka.") == [("NOR", "PSE", "032", "asserted")]


def test_a_pledge_word_leaves_conflict_and_plain_plans_alone() -> None:
    assert [e[:3] for e in _events("PBB berkomitmen untuk menerapkan sanksi terhadap Korea Utara.")] == [("UN", "PRK", "163")]
    assert _events("Kanada akan membela Filipina.") == [("CAN", "PHL", "052", "planned")]


def test_members_named_by_the_bloc_they_belong_to_act_as_the_bloc() -> None:
    text = "Sepuluh negara yang tergabung dalam ASEAN, mendesak Myanmar menghentikan kekerasan."
    assert _events(text) == [("ASEAN", "MMR", "020", "asserted")]


def test_a_diplomatic_or_economic_conflict_is_no_armed_clash() -> None:
    assert _events("Konflik diplomatik antara Qatar dan Bahrain berlangsung berbulan-bulan.") == []
    assert _events("Perang dagang antara China dan Australia terus memanas.") == []
    assert _events("Bentrokan antara Armenia dan Azerbaijan menewaskan tiga tentara.") == [
        ("ARM", "AZE", "190", "asserted"),
        ("AZE", "ARM", "190", "asserted"),
    ]


def test_occupation_is_of_a_state_not_of_a_seat_in_an_organisation() -> None:
    assert _events("Jabatan ketua ASEAN tahun ini diduduki oleh Presiden Filipina.") == []
    assert _events("Tepi Barat adalah wilayah Palestina yang diduduki Israel.") == [("ISR", "PSE", "192", "asserted")]


def test_lowering_tariffs_is_easing_not_imposing_them() -> None:
    assert _events("Kanada akhirnya menurunkan tarif terhadap Meksiko.") == [("CAN", "MEX", "085", "asserted")]


def test_signs_or_risk_of_a_war_are_no_war() -> None:
    assert _events("Pakistan akan membalas jika India menunjukkan tanda-tanda agresi terhadap Pakistan.") == []
    assert _events("Para analis menilai risiko perang Rusia dengan Finlandia kecil.") == []


def test_an_agreement_signed_after_a_visit_is_signed_with_the_host() -> None:
    assert _events("Presiden Vietnam mengunjungi Jepang dan menandatangani perjanjian kerja sama.") == [
        ("JPN", "VNM", "057", "asserted"),
        ("VNM", "JPN", "042", "asserted"),
        ("VNM", "JPN", "057", "asserted"),
    ]


def test_agreeing_with_an_actors_view_is_one_sided() -> None:
    assert _events("Presiden Prancis setuju dengan Kanselir Jerman bahwa Eropa harus bersatu.") == [
        ("FRA", "DEU", "050", "asserted"),
    ]


def test_agreeing_with_someone_that_something_is_so_is_one_sided_but_agreeing_to_act_is_mutual() -> None:
    assert _events("Presiden Prancis sepakat dengan Kanselir Jerman bahwa Eropa harus bersatu.") == [
        ("FRA", "DEU", "057", "asserted"),
    ]
    assert _events("Presiden Prancis sepakat dengan Kanselir Jerman untuk membentuk pasukan bersama.") == [
        ("DEU", "FRA", "057", "asserted"),
        ("FRA", "DEU", "057", "asserted"),
    ]
