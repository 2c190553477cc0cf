"""People extractor on short made-up texts: gazetteer, discovery of unknown names, short forms, role references."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.core.model import Source
from bilateral.ingest.findings import Finding, PeopleIndex
from bilateral.ingest.people import extract_people, fold
from bilateral.ingest.sources import load_corpus
from bilateral.ingest.text import Document

ROOT = Path(__file__).resolve().parents[1]


def people_of(text: str) -> tuple[dict[str, Finding], PeopleIndex, str]:
    findings, index = extract_people(Document(Source(id="t", text=text)))
    return {f.key: f for f in findings}, index, text


def mentions(index: PeopleIndex, text: str) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.name) for m in index.mentions]


def test_fold_keeps_offsets() -> None:
    assert fold("Tô Lâm và Nguyễn Phú Trọng") == "To Lam va Nguyen Phu Trong"
    assert len(fold("Đà Nẵng’s")) == len("Đà Nẵng’s")


def test_fold_is_the_core_same_length_folding() -> None:
    """people.fold is core/folding.fold_same_length: letters romanised (ł, ı), typographic apostrophes
    straightened (O’Neill matches O'Neill), the length kept."""
    text = "Łucja Wąsik, Kemal Aydın and Brendan O’Neill ʼ‘"
    assert fold(text) == "Lucja Wasik, Kemal Aydin and Brendan O'Neill ''"
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(("text", "name", "native"), [
    ("Deputy Finance Minister Łucja Wąsik said on Friday that the fund would open in May. "
     "Wąsik added that banks were ready.", "Lucja Wasik", "Łucja Wąsik"),
    ("Economy Minister Kemal Aydın told reporters the tariff would fall. Aydın said talks would resume.",
     "Kemal Aydin", "Kemal Aydın"),
    ("Senator Brendan O’Neill said the bill would pass. O’Neill spoke after the vote.",
     "Brendan O'Neill", "Brendan O’Neill"),
])
def test_names_with_letters_decomposition_cannot_strip_are_found_whole(text: str, name: str, native: str) -> None:
    people, index, _ = people_of(text)
    assert set(people) == {name}
    assert people[name].fields["native"] == native
    assert {m.name for m in index.mentions} == {name} and len(index.mentions) == 2


def test_gazetteer_native_spelling_gives_canonical_english_name() -> None:
    people, index, text = people_of("Tô Lâm met 习近平 in Hanoi on Monday.")
    assert set(people) == {"To Lam", "Xi Jinping"}
    to_lam = people["To Lam"].fields
    assert to_lam["native"] == "Tô Lâm" and "Tô Lâm" in to_lam["aliases"]
    assert to_lam["country"] == "Vietnam"
    assert ("习近平", "Xi Jinping") in mentions(index, text)


def test_title_pattern_discovers_people_the_gazetteer_lacks() -> None:
    people, _, _ = people_of(
        "Foreign Minister Carla Munro said on Tuesday that Australia would deepen ties. "
        "Indonesian President Budi Hartono welcomed the plan."
    )
    assert people["Carla Munro"].rule == "title-pattern"
    assert people["Carla Munro"].fields["roles"] == ["Minister of Foreign Affairs"]
    assert people["Carla Munro"].fields["country"] is None  # nothing in the text says which country
    budi = people["Budi Hartono"].fields
    assert budi["country"] == "Indonesia"
    assert budi["roles"] == ["President of Indonesia"]


def test_a_regional_leader_in_the_gazetteer_has_country_and_short_form() -> None:
    text = "Prime Minister Anwar Ibrahim arrived in Hanoi on Monday. Anwar said trade would grow."
    people, index, _ = people_of(text)
    assert people["Anwar Ibrahim"].fields["country"] == "Malaysia"
    assert ("Anwar", "Anwar Ibrahim") in mentions(index, text)


def test_title_chain_with_organisation_and_destination() -> None:
    people, _, _ = people_of(
        "Chinese Ambassador to Vietnam Zhang Sanfeng spoke. General Secretary of the Communist Party of "
        "Vietnam (CPV) Central Committee Tran Van Bay and Deputy PM, FM Le Van Tam attended."
    )
    assert people["Zhang Sanfeng"].fields["roles"] == ["Ambassador of China to Vietnam"]
    assert people["Zhang Sanfeng"].fields["country"] == "China"
    assert people["Tran Van Bay"].fields["roles"] == ["General Secretary of the CPV Central Committee"]
    assert people["Tran Van Bay"].fields["country"] == "Vietnam"
    assert people["Le Van Tam"].fields["roles"] == ["Deputy Prime Minister", "Minister of Foreign Affairs"]


def test_appositive_discovers_commentators() -> None:
    people, _, _ = people_of(
        "Editor's Note: Lan Anh, a special commentator on current affairs for CGTN, wrote this piece."
    )
    assert people["Lan Anh"].rule == "appositive"
    assert people["Lan Anh"].fields["roles"] == ["special commentator on current affairs for CGTN"]


def test_short_forms_and_possessives_resolve_to_the_full_name() -> None:
    people, index, text = people_of(
        "Deputy Prime Minister Bui Thanh Son met Chinese President Xi Jinping. "
        "Son said the talks went well. President Xi's visit follows. According to Son, trade grew."
    )
    found = mentions(index, text)
    assert found.count(("Son", "Bui Thanh Son")) == 2
    assert ("Xi", "Xi Jinping") in found
    assert "President Xi" in people["Xi Jinping"].fields["aliases"]
    # one citation per sentence that names the person
    assert len(people["Bui Thanh Son"].spans) == 3


def test_titled_short_form_makes_pronoun_like_names_safe() -> None:
    _, index, text = people_of(
        "Chinese Ambassador He Wei spoke first. Ambassador He praised the hosts. He then left."
    )
    found = mentions(index, text)
    assert ("He", "He Wei") in found
    assert found.count(("He", "He Wei")) == 1  # the pronoun "He" is not the ambassador's name


def test_role_references_resolve_to_the_one_holder() -> None:
    _, index, text = people_of(
        "Chinese Ambassador He Wei met Prime Minister Pham Minh Chinh. "
        "The ambassador praised the talks. The Vietnamese leader agreed."
    )
    found = mentions(index, text)
    assert ("The ambassador", "He Wei") in found
    assert ("The Vietnamese leader", "Pham Minh Chinh") in found


def test_place_named_after_a_person_is_not_a_person() -> None:
    people, _, _ = people_of("Trade fairs in Ho Chi Minh City drew record crowds this year.")
    assert people == {}


def test_capitalised_phrases_without_title_are_not_people() -> None:
    people, _, _ = people_of(
        "Hanoi Metro Line, a symbol of friendship, opened. The Regional Comprehensive Economic Partnership helps."
    )
    assert people == {}


def test_byline_names_a_translator() -> None:
    people, _, _ = people_of("Vietnam and China agreed to talk more often.\n\nTranslated by Chung Anh\n")
    assert people["Chung Anh"].fields["roles"] == ["Translator"]


@pytest.mark.parametrize("name", ["Xi Jinping", "To Lam", "Nguyen Phu Trong", "Pham Minh Chinh", "Bui Thanh Son"])
def test_bundled_corpus_names_key_leaders(name: str) -> None:
    names = set()
    for source in load_corpus(ROOT / "data" / "sources"):
        names.update(f.key for f in extract_people(Document(source))[0])
    assert name in names


def test_people_extraction_gives_the_same_people_twice() -> None:
    # a document is read afresh each time (nothing kept from the last); how fast: scripts/bench_extract.py
    docs = [Document(s) for s in load_corpus(ROOT / "data" / "sources")]
    first = [sorted(f.key for f in extract_people(doc)[0]) for doc in docs]
    again = [sorted(f.key for f in extract_people(Document(doc.source))[0]) for doc in docs]
    assert first == again and all(first)


# ---------------------------------------------------------------- names from many naming traditions


def test_title_set_off_by_commas_and_spanish_particles_stay_in_the_name() -> None:
    people, index, text = people_of(
        "Spain's Foreign Minister, Carmen de la Fuente Ortega, met Brazil's Trade Minister Luiz Carlos "
        "da Silva on Monday. Ortega said the talks went well."
    )
    assert people["Carmen de la Fuente Ortega"].fields["country"] == "Spain"
    assert people["Carmen de la Fuente Ortega"].fields["roles"] == ["Minister of Foreign Affairs of Spain"]
    assert people["Luiz Carlos da Silva"].fields["country"] == "Brazil"
    # a later short form may be any distinctive token of the name (here the first surname)
    assert ("Ortega", "Carmen de la Fuente Ortega") in mentions(index, text)


def test_arabic_bin_particle_and_given_name_short_form() -> None:
    people, index, text = people_of(
        "Crown Prince Mohammed bin Faisal received Ethiopia's Minister of Trade Almaz Bekele Tesfaye. "
        "Almaz told reporters the visit was useful."
    )
    assert "Mohammed bin Faisal" in people
    assert people["Almaz Bekele Tesfaye"].fields["country"] == "Ethiopia"
    # Ethiopian names are shortened to the given name
    assert ("Almaz", "Almaz Bekele Tesfaye") in mentions(index, text)


def test_korean_family_name_first_short_form() -> None:
    _, index, text = people_of("South Korean Trade Minister Yoon Seo-jun arrived. Yoon said tariffs must fall.")
    assert ("Yoon", "Yoon Seo-jun") in mentions(index, text)


def test_places_are_never_people() -> None:
    people, index, _ = people_of(
        "NAIROBI, May 3 — Delegates met in Santa Clara on Monday. The minister said Santa Clara wanted "
        "more trains, and an aide said Buenos Aires wanted the same. The envoy said Nairobi Express would "
        "expand."
    )
    assert not {"Santa Clara", "Buenos Aires"} & set(people)
    assert all(m.name not in ("Santa Clara", "Buenos Aires") for m in index.mentions)


def test_short_form_that_is_also_a_common_word_is_not_used() -> None:
    _, index, text = people_of("Finance Minister Kemal Rose Aydin spoke. Exports rose by a tenth, Aydin said.")
    assert ("rose", "Kemal Rose Aydin") not in mentions(index, text)
    assert ("Aydin", "Kemal Rose Aydin") in mentions(index, text)


def test_country_from_coordinated_titles_and_city_of_an_institution() -> None:
    people, _, _ = people_of(
        "Turkey's Foreign Minister, Mehmet Yilmaz Demir, and Trade Minister Ayse Kaya Ozturk met the "
        "delegation. Nikos Stavrou, a senior fellow at the Athens-based Institute for Energy, said "
        "prices would rise."
    )
    assert people["Mehmet Yilmaz Demir"].fields["country"] == "Turkey"
    assert people["Ayse Kaya Ozturk"].fields["country"] == "Turkey"
    assert people["Nikos Stavrou"].fields["country"] == "Greece"


def test_coordinated_title_without_a_nationality_stays_unknown() -> None:
    people, _, _ = people_of("Trade Minister Ayse Kaya Ozturk and Energy Minister Nikos Stavrou met on Monday.")
    assert people["Nikos Stavrou"].fields["country"] is None


def test_people_named_only_in_credits_are_marked_not_leaders() -> None:
    text = ("Prime Minister Anthony Albanese met President Joko Widodo in Jakarta on Monday.\n\n"
            "Editor's Note: Maria Lindqvist, a senior commentator on foreign affairs for Nordic Radio, is an "
            "associate professor at the School of Politics.\n\n"
            "Translated by Hana Sato")
    doc = Document(Source(id="t", text=text))
    found = {f.key: f.fields for f in extract_people(doc)[0]}
    assert found["Maria Lindqvist"].get("credit") == "author"
    assert found["Hana Sato"].get("credit") == "translator"
    assert "credit" not in found["Anthony Albanese"]


def test_a_person_an_editors_note_mentions_later_is_not_its_author() -> None:
    text = ("Prime Minister Anthony Albanese met President Joko Widodo in Jakarta on Monday.\n\n"
            "Editor's Note: This story was updated with comments from Foreign Minister Retno Marsudi.")
    found = {f.key: f.fields for f in extract_people(Document(Source(id="t", text=text)))[0]}
    assert all("credit" not in fields for fields in found.values()), found


@pytest.mark.parametrize("text", [
    '"We will rebuild the pier before winter," said the Rev. Alan Pike.',
    "The Rev. Alan Pike told mourners that the pier would be rebuilt.",
    "Reverend Alan Pike said the pier would be rebuilt.",
])
def test_reverend_is_a_title_not_part_of_the_name(text: str) -> None:
    people, _, _ = people_of(text)
    assert set(people) == {"Alan Pike"}
    assert people["Alan Pike"].fields["roles"] == ["Reverend"]


def test_captain_abbreviation_is_a_title() -> None:
    people, _, _ = people_of('"The channel is safe," said Capt. Maria Dunn of the harbour patrol.')
    assert people["Maria Dunn"].fields["roles"] == ["Captain"]


def test_counterpart_after_a_titled_leader_is_a_person_holding_the_same_office_abroad() -> None:
    people, index, text = people_of(
        "Talks in Lima were led by Peruvian Prime Minister Rosa Quispe Huamán and her Chilean counterpart, "
        "Tomás Ibáñez Rojas, who signed nine documents. Ibáñez said the border would stay open."
    )
    counterpart = people["Tomas Ibanez Rojas"]
    assert counterpart.fields["country"] == "Chile"
    assert counterpart.fields["roles"] == ["Prime Minister of Chile"]
    assert people["Rosa Quispe Huaman"].fields["roles"] == ["Prime Minister of Peru"]
    assert ("Ibáñez", "Tomas Ibanez Rojas") in mentions(index, text)


def test_counterpart_without_a_nationality_is_a_person_of_unknown_country() -> None:
    people, _, _ = people_of("The senator met his counterpart, Irene Vasquez, in the capital on Monday.")
    assert people["Irene Vasquez"].fields["country"] is None


def test_ministry_field_before_or_after_the_title_stays_in_the_role() -> None:
    people, _, _ = people_of(
        "The accord was signed by Kenya's Minister of Food and Fisheries, Otieno Wafula, and "
        "Tanzania's Roads Minister Neema Mwakyusa. Canada's Housing and Infrastructure Secretary Dana Roe attended."
    )
    assert people["Otieno Wafula"].fields["roles"] == ["Minister of Food and Fisheries"]
    assert people["Otieno Wafula"].fields["country"] == "Kenya"
    assert people["Neema Mwakyusa"].fields["roles"] == ["Roads Minister"]
    assert people["Neema Mwakyusa"].fields["country"] == "Tanzania"
    assert people["Dana Roe"].fields["roles"] == ["Housing and Infrastructure Secretary"]


def test_institution_after_a_role_and_at_the_is_not_a_person() -> None:
    people, _, _ = people_of(
        "Pablo Ferrer, an economist at the Madrid-based Centre for Maritime Studies, said growth would slow. "
        "Lina Haddad, a lecturer at the Université Marie Curie, agreed."
    )
    assert set(people) == {"Pablo Ferrer", "Lina Haddad"}


def test_the_end_of_a_known_name_is_that_person_not_a_new_one() -> None:
    people, index, text = people_of(
        "Moroccan Foreign Minister Nadia El Amrani opened the talks. El Amrani said the two sides agreed."
    )
    assert set(people) == {"Nadia El Amrani"}
    assert ("El Amrani", "Nadia El Amrani") in mentions(index, text)


def test_the_first_word_of_a_two_word_nationality_may_be_a_name() -> None:
    people, _, _ = people_of("Senator Ana Costa met Costa Rican President Rodrigo Chaves in San José.")
    assert set(people) == {"Ana Costa", "Rodrigo Chaves"}
    assert people["Rodrigo Chaves"].fields["country"] == "Costa Rica"


def test_filipino_particles_and_apostrophe_letters_stay_in_the_name() -> None:
    people, index, text = people_of(
        "The defence secretary, Ramon dela Paz, met Uzbek Foreign Minister Bakhtiyor Toʻrayev. "
        "His Kazakh counterpart, Aliya Qoʻshbekova, joined them. Mr dela Paz said the talks went well."
    )
    assert set(people) == {"Ramon dela Paz", "Bakhtiyor To'rayev", "Aliya Qo'shbekova"}
    assert people["Bakhtiyor To'rayev"].fields["native"] == "Bakhtiyor Toʻrayev"
    assert people["Aliya Qo'shbekova"].fields["country"] == "Kazakhstan"
    assert ("Paz", "Ramon dela Paz") in mentions(index, text)


def test_a_possessive_is_not_an_apostrophe_inside_a_name() -> None:
    people, index, text = people_of("Prime Minister Anna Lindqvist's visit to Oslo was a success.")
    assert set(people) == {"Anna Lindqvist"}
    assert mentions(index, text) == [("Anna Lindqvist", "Anna Lindqvist")]


def test_a_name_before_a_relative_who_is_a_person() -> None:
    found, _index, _text = people_of("Amara Ngozi Eze-Obi, who leads the market traders' union, said her members "
                                     "had not seen the text.")
    assert [f.label for f in found.values()] == ["Amara Ngozi Eze-Obi"]


@pytest.mark.parametrize("role", ["regional commissioner for trade", "cotton farmer from the delta",
                                  "owner of a fabric shop"])
def test_an_appositive_of_any_common_occupation_makes_a_person(role: str) -> None:
    found, _index, _text = people_of(f"Tomasz Wielgosz, the {role}, said prices had doubled.")
    assert [f.fields["roles"] for f in found.values()] == [[role]]


def test_a_shared_surname_stays_the_person_the_article_is_about() -> None:
    """A relative is introduced by full name; the bare surname after it is still the one named most."""
    text = ("Senator Mark Halvorsen endorsed the bill on Monday. Halvorsen said it was overdue. "
            "Critics once mocked his father, Erik Halvorsen, a retired diplomat. "
            "Halvorsen said on Tuesday that he would campaign for it.")
    _found, index, _text = people_of(text)
    last = [m.name for m in index.mentions if text[m.start:m.end] == "Halvorsen"]
    assert last and set(last) == {"Mark Halvorsen"}


@pytest.mark.parametrize(("appositive", "country"), [
    ("a member of the joint commission of Malawi and Zambia", None),  # two countries: unknown
    ("a member of the Malawi Water Board", "Malawi"),
    ("the ambassador to Malawi", None),  # a post abroad: the country is the host's, not the person's
    ("a Malawi scholar at a research institute", None),  # the field studied
])
def test_the_one_country_an_appositive_names_is_the_persons(appositive: str, country: str | None) -> None:
    found, _index, _text = people_of(f"Chikondi Banda-Phiri, {appositive}, said the talks went well.")
    assert [f.fields["country"] for f in found.values()] == [country]


def test_a_title_whose_field_is_a_list_set_off_before_the_name() -> None:
    found, _index, _text = people_of("Malawi's minister of industry, trade and tourism, Chikondi Banda, said no.")
    assert [(f.fields["country"], f.fields["roles"]) for f in found.values()] == [
        ("Malawi", ["Minister of industry, trade and tourism"])]


def test_one_name_opening_a_sentence_with_a_role_and_a_speech_verb_is_a_person() -> None:
    found, _index, _text = people_of("Wiranto, head of a farmers' cooperative in Java, said prices had doubled. "
                                     "Pertamina, the state energy company, said output rose.")
    assert [(f.label, f.fields["roles"]) for f in found.values()] == [
        ("Wiranto — head of a farmers' cooperative in Java", ["head of a farmers' cooperative in Java"])]


@pytest.mark.parametrize(("text", "name", "role"), [
    ("Trade Minister Datuk Seri Amir Hamzah Yusof said the figures were strong.", "Amir Hamzah Yusof",
     "Minister of Trade"),
    ("Cambodian Prime Minister Samdech Sok Vanna welcomed the delegation.", "Sok Vanna", "Prime Minister of Cambodia"),
    ("Trade Minister Dr. Jane Roe said the figures were strong.", "Jane Roe", "Minister of Trade"),
    ("British Ambassador Sir John Pell met the minister.", "John Pell", "Ambassador of United Kingdom"),
])
def test_a_courtesy_title_between_an_office_and_the_name_keeps_both(text: str, name: str, role: str) -> None:
    people, index, _ = people_of(text)
    assert list(people) == [name]
    assert role in people[name].fields["roles"]
    [m] = index.mentions
    assert text[m.start:m.end] == name  # the courtesy title is not part of the name


@pytest.mark.parametrize(("text", "name", "country"), [
    ("He had met President of the National Assembly of Cambodia Samdech Chea Malika on Monday.", "Chea Malika",
     "Cambodia"),
    ("He met Prime Minister of Malaysia Amir Hamzah Yusof in Putrajaya.", "Amir Hamzah Yusof", "Malaysia"),
    ("He met Minister of Foreign Affairs of the Philippines Ana Cruz.", "Ana Cruz", "Philippines"),
])
def test_an_office_of_a_named_country_gives_the_person_that_country(text: str, name: str, country: str) -> None:
    people, _, _ = people_of(text)
    assert people[name].fields["country"] == country


def test_an_office_of_no_country_gives_none() -> None:
    people, _, _ = people_of("He met the Minister of State for Trade Ali Musa.")
    assert people["Ali Musa"].fields["country"] is None


def test_the_holder_of_an_office_beside_the_other_countrys_holder_is_of_the_first_country() -> None:
    # an article on two countries: "Prime Minister A held talks with Cambodian Prime Minister B" → A of the other
    text = ("Prime Minister Amir Yusof held talks with Cambodian Prime Minister Sok Vanna in Phnom Penh. "
            "Malaysia and Cambodia agreed to expand trade. Malaysia will open a consulate and Cambodia will "
            "send students.")
    people, _, _ = people_of(text)
    assert (people["Amir Yusof"].fields["country"], people["Sok Vanna"].fields["country"]) == ("Malaysia", "Cambodia")
    # with no clear pair of countries nothing is guessed
    people, _, _ = people_of("Prime Minister Amir Yusof held talks with Cambodian Prime Minister Sok Vanna.")
    assert people["Amir Yusof"].fields["country"] is None
    # a different office beside it is no counterpart ("held talks with" places it: see the test of meetings)
    people, _, _ = people_of(text.replace("Prime Minister Amir Yusof held talks with",
                                          "Trade Minister Amir Yusof and"))
    assert people["Amir Yusof"].fields["country"] is None


def test_a_given_name_that_is_also_a_function_word_ends_a_family_first_name() -> None:
    """"An" and "My" are Vietnamese given names as well as an article and a pronoun: capitalised after a family
    name and a middle name they end the name, not cut it short ("Nguyen Van" was the person)."""
    people, _, _ = people_of(
        "On Monday Prime Minister Nguyen Van An paid a visit to Seoul. "
        "Deputy Minister Tran Thi My, who joined him, said the talks went well."
    )
    assert set(people) == {"Nguyen Van An", "Tran Thi My"}


def test_a_capitalised_word_after_the_function_word_keeps_it_out_of_the_name() -> None:
    people, _, _ = people_of("Deputy Minister Nguyen Van Binh said the talks went well.\n\nNguyen Van Binh On Trade")
    assert set(people) == {"Nguyen Van Binh"}


def test_a_name_whose_short_form_speaks_later_is_a_person() -> None:
    """No title or appositive introduces "Hiroshi Kanemura", but "Kanemura said" later tells he is a person."""
    people, index, text = people_of(
        "Hiroshi Kanemura spent much of that period at the embassy in Seoul.\n\n"
        '"It was about trade," Kanemura said.'
    )
    assert set(people) == {"Hiroshi Kanemura"}
    assert ("Kanemura", "Hiroshi Kanemura") in mentions(index, text)


def test_a_person_who_argues_in_an_inverted_tag_is_a_person() -> None:
    people, _, _ = people_of("That choice, Noh Eun-seo argues, is the origin of almost every quarrel since.")
    assert set(people) == {"Noh Eun-seo"}


def test_a_speaking_short_form_belongs_to_the_first_name_written_with_it() -> None:
    """Mother and daughter share the family name: "Yang told me" is the daughter, named first; the word that
    speaks makes only her a person (the mother is no person on that evidence)."""
    people, index, text = people_of(
        "On a grey morning last spring, Yang Geum-ok sat at her kitchen table. Her mother, Yang Soon-ja, was "
        'fourteen in 1944.\n\n"People think this is about compensation," Yang told me.'
    )
    assert set(people) == {"Yang Geum-ok"}
    assert ("Yang", "Yang Geum-ok") in mentions(index, text)


def test_a_known_persons_speaking_short_form_makes_no_new_person() -> None:
    people, _, _ = people_of(
        "Foreign Minister Ana Duarte arrived on Monday.\n\nPraise Pedro Duarte, the crowd chanted.\n\n"
        '"We are ready," Duarte said.'
    )
    assert set(people) == {"Ana Duarte"}


def test_names_listed_with_of_and_their_country_are_people_of_that_country() -> None:
    people, _, _ = people_of("The two foreign ministers, Aibek Sadykov of Kyrgyzstan and Rustam Nazarov of "
                             "Tajikistan, had spoken by phone on Tuesday.")
    assert {name: p.fields.get("country") for name, p in people.items()} == {
        "Aibek Sadykov": "Kyrgyzstan", "Rustam Nazarov": "Tajikistan"}


def test_an_organisation_of_a_country_is_no_person() -> None:
    people, _, _ = people_of("Officials from the Bank of Japan, the University of Malaya and Bursa Malaysia met.")
    assert people == {}


def test_an_official_titled_after_an_opening_place_is_of_that_places_country() -> None:
    people, _, _ = people_of("In Nairobi, Trade Ministry spokesman Peter Otieno told a briefing that exports rose.")
    assert people["Peter Otieno"].fields["country"] == "Kenya"
    # a nationality in the title wins over the place the sentence opens with
    people, _, _ = people_of("In Nairobi, Ugandan Trade Minister Grace Akello said exports rose.")
    assert people["Grace Akello"].fields["country"] == "Uganda"


def test_a_body_named_after_according_to_is_no_person() -> None:
    """ "according to Oxford Economics": a proper name after "according to", with no title, role or
    speech of its own, is as often a company as a person; it makes no person item."""
    people, _, _ = people_of("Imports rose 5% in March, according to Oxford Economics.\n\n"
                             "Exports fell, according to Harlow Metals Group.")
    assert people == {}


def test_a_name_whose_first_word_stands_alone_is_a_body_not_a_person() -> None:
    """News shortens a person to the family name: "Corvana Binacional said …" then "Corvana, on the river,
    has 20 units" is a company; "Noh Eun-seo said …" then "Noh, a historian, told me" is a person."""
    people, _, _ = people_of("Corvana Binacional said the dam produced less power.\n\n"
                             "Corvana, on the Parana river, has 20 generating units.")
    assert people == {}
    people, _, _ = people_of("Noh Eun-seo said the treaty was unfair.\n\n"
                             "Noh, a historian at the national university, told me she was tired.")
    assert [p.fields["name"] for p in people.values()] == ["Noh Eun-seo"]


def test_the_union_minister_refers_back_to_the_one_who_holds_that_office() -> None:
    text = ("Raj Malhotra, Union Minister for External Affairs of India, arrived in Dhaka on Monday. "
            "The Union Minister later met the Prime Minister of Bangladesh, Ms. Farida Haque.")
    _, index, _ = people_of(text)
    assert ("The Union Minister", "Raj Malhotra") in mentions(index, text)


@pytest.mark.parametrize(("sentence", "name", "country", "role"), [
    ("Ruritanian Navy spokesperson Ana Ruiz said the ship was damaged.", "Ana Ruiz", None, None),
    ("Philippine Navy spokesperson Roy Trinidad said the ship was damaged.", "Roy Trinidad", "Philippines",
     "Philippine Navy Spokesperson"),
    ("The Kenya Airways chief executive Allan Kilavuka said fares would rise.", "Allan Kilavuka", "Kenya",
     "Kenya Airways Chief Executive"),
    ("Peru spokesman Juan Ruiz said the talks went well.", "Juan Ruiz", "Peru", "Spokesperson"),
    ("United Nations spokesman Stephane Dujarric said the talks went well.", "Stephane Dujarric", None,
     "Spokesperson"),
])
def test_an_office_that_opens_with_a_country_gives_its_officials_country_and_role(
        sentence: str, name: str, country: str | None, role: str | None) -> None:
    found, _, _ = people_of(sentence)
    person = next((f for f in found.values() if f.fields["name"] == name), None)
    if role is None:  # an invented country: no country to give
        assert person is None or person.fields.get("country") is None
        return
    assert person is not None
    assert person.fields.get("country") == country and person.fields["roles"] == [role]


def test_malay_and_diplomatic_honorifics_are_no_part_of_a_name_and_an_office_belongs_to_the_name_before() -> None:
    text = ("At the invitation of the Honourable Dato' Seri Amir bin Hassan, Prime Minister of Malaysia, His "
            "Excellency Budi Hartono, President of the Republic of Indonesia, paid a state visit. The talks were "
            "co-chaired by the Minister of Foreign Affairs of Malaysia, Dato' Seri Haji Razak Ariffin bin Omar.")
    found, _, _ = people_of(text)
    names = {f.fields["name"]: f.fields.get("roles") for f in found.values()}
    assert names == {"Amir bin Hassan": ["Prime Minister of Malaysia"],
                     "Budi Hartono": ["President of the Republic of Indonesia"],
                     "Razak Ariffin bin Omar": ["Minister of Foreign Affairs of Malaysia"]}


def test_a_middle_initial_is_part_of_a_name_and_the_same_person_without_it() -> None:
    text = ("Attorney General Carla M. Munro said the case was closed. Carla Munro said later that it was open. "
            '"We are not afraid," said Rommel P. Agcaoili, executive vice president of a parts maker.')
    found, index, _ = people_of(text)
    assert sorted(f.fields["name"] for f in found.values()) == ["Carla M. Munro", "Rommel P. Agcaoili"]
    assert ("Carla Munro", "Carla M. Munro") in mentions(index, text)


def test_a_middle_initial_form_of_a_gazetteer_name_is_that_person() -> None:
    found, _, _ = people_of("Donald J. Trump said he would win.")
    assert [f.fields["name"] for f in found.values()] == ["Donald Trump"]


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Economist Ramon S. Ilagan of Union Capital Securities cautioned that investment could slow.",
     "Ramon S. Ilagan", "economist"),
    ("Analyst Jane Roe said that investment could slow.", "Jane Roe", "analyst"),
])
def test_a_role_opening_the_sentence_is_the_title_before_the_name(sentence: str, name: str, role: str) -> None:
    found, _, _ = people_of(sentence)
    assert [(f.fields["name"], f.fields["roles"]) for f in found.values()] == [(name, [role])]


def test_the_organisation_a_speaker_is_of_is_no_person() -> None:
    found, _, _ = people_of("Ramon Ilagan of Union Capital Securities said that investment could slow.")
    assert [f.fields["name"] for f in found.values()] == ["Ramon Ilagan"]


def test_a_courtesy_title_without_its_full_stop_stands_between_an_office_and_a_name() -> None:
    found, _, _ = people_of("It was co-chaired by Singapore's Minister for National Development Ms Tan Li Ling.")
    tan = next(f for f in found.values() if f.fields["name"] == "Tan Li Ling")
    assert (tan.fields["country"], tan.fields["roles"]) == ("Singapore", ["Minister for National Development"])


@pytest.mark.parametrize("sentence", [
    "Oxford Economics of London said growth would slow.",
    "Human Rights Watch of New York said the law was bad.",
])
def test_an_organisation_of_a_place_that_speaks_is_no_person(sentence: str) -> None:
    found, _, _ = people_of(sentence)
    assert found == {}


@pytest.mark.parametrize("sentence", [
    "General Motors Corp said sales fell.",
    "General Electric Industries said orders rose.",
])
def test_a_company_after_a_word_that_is_also_a_title_is_no_person(sentence: str) -> None:
    found, _, _ = people_of(sentence)
    assert found == {}


@pytest.mark.parametrize("text", [
    "Peru's defence ministry spokeswoman, Colonel Ana Torres, said the ceasefire held.",
    "Peru's defence ministry spokeswoman Ana Torres said the ceasefire held.",
])
def test_a_countrys_office_in_lower_case_before_a_title_gives_the_country_and_the_office(text: str) -> None:
    people, _, _ = people_of(text)
    torres = people["Ana Torres"].fields
    assert torres["country"] == "Peru"
    assert "Defence Ministry Spokesperson" in torres["roles"]


def test_a_possessive_that_is_no_country_gives_no_office_country() -> None:
    people, _, _ = people_of("The company's press office spokeswoman, Ana Torres, said sales rose.")
    assert people["Ana Torres"].fields["country"] is None


def test_an_office_holder_of_one_name_is_a_person() -> None:
    people, _, _ = people_of("President Suwanto met Prime Minister Jane Roe on Tuesday. "
                             "Defence Minister Hartono will visit Lima in March.")
    assert {"Suwanto", "Hartono", "Jane Roe"} <= set(people)
    assert people["Suwanto"].fields["roles"] == ["President"]


@pytest.mark.parametrize("text", [
    "Mr Tan said the deal was good.",  # a courtesy title: "Tan" may be a family name, the person unknown
    "President Emeritus Jane Roe spoke. Later, President Emeritus spoke again.",
    "Xin Ge is an associate professor at the School of Public Economics.",  # an office, not a title, before it
    "Minister Roe arrived. Paul Roe is the minister.",
])
def test_a_titled_word_that_is_no_name_of_its_own_is_no_one_name_person(text: str) -> None:
    people, _, _ = people_of(text)
    assert not {"Tan", "Emeritus", "Economics", "Roe"} & set(people)


def test_an_abbreviated_given_name_is_part_of_the_name() -> None:
    people, _, _ = people_of('"We buy six back," said Md. Rezaul Karim Chowdhury, a jute exporter in Khulna.')
    assert "Md. Rezaul Karim Chowdhury" in people


def test_a_titled_speaker_after_a_comma_is_no_apposition_of_the_run_before() -> None:
    people, _, _ = people_of("Japan will send six helicopters to help survivors of Typhoon Caloy, Defence Minister "
                             "Kenji Hoshino said on Monday.")
    assert set(people) == {"Kenji Hoshino"}


@pytest.mark.parametrize(("sentence", "name", "country"), [
    ("Kenya's envoy led the talks, while Ethiopia was represented by Foreign Minister Almaz Bekele Tesfaye.",
     "Almaz Bekele Tesfaye", "Ethiopia"),
    ("The Saudi side was led by Investment Minister Khalid bin Nasser Al-Rashid.", "Khalid bin Nasser Al-Rashid",
     "Saudi Arabia"),
    ("Brazil's delegation was led by Finance Minister Rui Correia.", "Rui Correia", "Brazil"),
    ("Progress was made, said Foreign Secretary Arjun Mehrotra, who led the Indian delegation in Kolkata.",
     "Arjun Mehrotra", "India"),
    ("Trade Minister Ana Ruiz Salas headed the Peruvian delegation.", "Ana Ruiz Salas", "Peru"),
])
def test_the_delegation_an_official_leads_gives_the_officials_country(sentence: str, name: str, country: str) -> None:
    people, _, _ = people_of(sentence)
    assert people[name].fields["country"] == country


def test_a_national_office_is_completed_with_the_country_of_the_delegation() -> None:
    people, _, _ = people_of("The Ethiopian side was represented by Foreign Minister Almaz Bekele Tesfaye.")
    assert people["Almaz Bekele Tesfaye"].fields["roles"] == ["Minister of Foreign Affairs of Ethiopia"]


def test_talks_with_a_country_led_by_an_official_do_not_make_the_official_its_citizen() -> None:
    people, _, _ = people_of("The talks with Ghana were led by Trade Minister Kofi Boateng Mensah.")
    assert people["Kofi Boateng Mensah"].fields["country"] is None


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Tokyo will send aid to Manila, Japan said. Chief Cabinet Secretary Hiroshi Tanabe announced the funds.",
     "Hiroshi Tanabe", "Japan"),
    ("India and Nepal agreed on a rail link, External Affairs Minister Kavita Raman said.", "Kavita Raman", "India"),
    ("Malaysia and Chile signed a pact. Trade Minister Datuk Seri Azlan Hamid Osman welcomed it.",
     "Azlan Hamid Osman", "Malaysia"),
    ("Germany and Poland will upgrade rail links, Chancellor Markus Albrecht said.", "Markus Albrecht", "Germany"),
])
def test_an_office_or_honorific_of_one_named_country_gives_the_persons_country(text: str, name: str,
                                                                               country: str) -> None:
    people, _, _ = people_of(text)
    assert people[name].fields["country"] == country


def test_an_office_several_named_countries_have_gives_no_country() -> None:
    people, _, _ = people_of("Germany and Austria signed a border pact, Chancellor Markus Albrecht said.")
    assert people["Markus Albrecht"].fields["country"] is None


def test_an_office_of_a_country_the_article_never_names_gives_no_country() -> None:
    people, _, _ = people_of("Chancellor Markus Albrecht opened the bridge on Monday.")
    assert people["Markus Albrecht"].fields["country"] is None


def test_a_titled_name_after_by_in_a_heading_is_a_person_cited_by_that_heading() -> None:
    text = ("Regular Press Briefing by Spokesperson Lee Min-ji\n\n"
            "Spokesperson: Good morning. The minister will travel to Lima next week.\n")
    people, _, _ = people_of(text)
    assert people["Lee Min-ji"].fields["roles"] == ["Spokesperson"]
    assert [text[s:e] for s, e in people["Lee Min-ji"].spans] == ["Regular Press Briefing by Spokesperson Lee Min-ji"]


def test_an_untitled_name_in_a_heading_is_no_person() -> None:
    people, _, _ = people_of("Talks by Lee Min-ji and Park Sung-ho\n\nThe talks ended on Monday.\n")
    assert people == {}


@pytest.mark.parametrize(("sentence", "name"), [
    ("K.L.M. Perera, chairman of the ports authority, said a ship had been found.", "K.L.M. Perera"),
    ("Josefa Ratu Tora, a 34-year-old from Ba, said the plan was good.", "Josefa Ratu Tora"),
    ("Maria Lopes Soares, 52, has sold rice at the market for 19 years.", "Maria Lopes Soares"),
    ("Ibu Yuliana, 52, has sold cooking oil for 19 years.", "Yuliana"),
    ("District Regent Yohanes Bria Seran said 1,200 traders had registered.", "Yohanes Bria Seran"),
])
def test_initials_an_age_or_a_regent_make_a_person(sentence: str, name: str) -> None:
    people, _, _ = people_of(sentence)
    assert name in people


def test_a_courtesy_title_stays_out_of_the_name() -> None:
    people, _, _ = people_of("Prime Minister Ratu Aisea Vunibola signed the plan. Bapak Hendra Wijaya, 60, watched.")
    assert {"Aisea Vunibola", "Hendra Wijaya"} <= set(people)


def test_a_bare_age_after_a_one_word_name_without_a_courtesy_title_is_no_person() -> None:
    people, _, _ = people_of("Sunday, 52, was the hottest day of the year.")
    assert people == {}


@pytest.mark.parametrize(("sentence", "role"), [
    ("Presidents Abdulla Shameem and Ranjith Abeysekera held talks in Colombo.", "President"),
    ("Foreign Ministers Ana Ruiz Salas and Kofi Boateng Mensah met in Accra.", "Minister of Foreign Affairs"),
])
def test_a_plural_title_gives_both_names_after_it_the_office(sentence: str, role: str) -> None:
    people, _, _ = people_of(sentence)
    assert [p.fields["roles"] for p in people.values()] == [[role], [role]]


def _people_published_by(text: str, publisher: str | None) -> dict[str, Finding]:
    findings, _ = extract_people(Document(Source(id="t", text=text, publisher=publisher)))
    return {f.key: f for f in findings}


BRIEFING_TEXT = ("Minister of Foreign Affairs Park Sung-ho held talks with Minister for Foreign Affairs of Peru Ana "
                 "Ruiz Salas. Vice Minister of Trade Lee Min-ji joined them.\n")


def test_an_official_without_a_country_in_a_governments_own_release_is_that_governments() -> None:
    people = _people_published_by(BRIEFING_TEXT, "Ministry of Foreign Affairs of the Republic of Korea")
    assert {n: p.fields["country"] for n, p in people.items()} == {
        "Park Sung-ho": "South Korea", "Ana Ruiz Salas": "Peru", "Lee Min-ji": "South Korea"}


@pytest.mark.parametrize("publisher", [None, "The Lima Daily", "Ministry of Foreign Affairs of Korea; Ministry of "
                                                                "Foreign Affairs of Peru"])
def test_a_publisher_that_is_no_government_of_one_country_gives_no_country(publisher: str | None) -> None:
    people = _people_published_by(BRIEFING_TEXT, publisher)
    assert people["Park Sung-ho"].fields["country"] is None


def test_a_given_name_after_a_courtesy_title_is_a_short_form() -> None:
    _, index, text = people_of("Prime Minister Ratu Aisea Vunibola signed the plan in Suva.\n\n"
                               "Ratu Aisea was more lyrical. He spoke of friendship.\n")
    assert ("Aisea", "Aisea Vunibola") in mentions(index, text)


def test_a_parliament_records_member_and_honourable_are_people() -> None:
    people, _, _ = people_of("Mr Peter Kalo (Member for Lae Open) asked the Minister for Foreign Affairs:\n\n"
                             "The Minister (Hon. Ruth Kaupa) replied:\n")
    assert people["Peter Kalo"].fields["roles"] == ["Member for Lae Open"]
    assert "Ruth Kaupa" in people


# --- 4 December 2026: countries from the company officials keep; titled words of a name ----------------------

_PAIR = "Norway and Iceland have traded fish for centuries. Iceland buys Norwegian boats, and Norway buys Icelandic cod. "


def _countries(text: str) -> dict[str, str | None]:
    people, _, _ = people_of(text)
    return {name: p.fields["country"] for name, p in people.items()}


def test_the_company_of_an_official_is_of_the_officials_country() -> None:
    countries = _countries(_PAIR + "Norway's Prime Minister Ola Brekke, who is accompanied by Trade Minister Siv "
                           "Halvorsen and Fisheries Minister Tor Lie, said the talks went well. Deputy Minister Eva "
                           "Moen, who travelled with Brekke, stayed on.")
    assert countries == {"Ola Brekke": "Norway", "Siv Halvorsen": "Norway", "Tor Lie": "Norway", "Eva Moen": "Norway"}


def test_an_officials_counterpart_is_of_the_other_country() -> None:
    countries = _countries(_PAIR + "Foreign Minister Ola Brekke and his Icelandic counterpart, Anna Jonsdottir, "
                           "signed the accord.")
    assert countries == {"Ola Brekke": "Norway", "Anna Jonsdottir": "Iceland"}


def test_a_visiting_official_is_of_the_other_country() -> None:
    countries = _countries(_PAIR + "Prime Minister Ola Brekke made an Official Visit to Iceland from 15 to 17 May. "
                           "Mayor Anna Jonsdottir met tourists in Reykjavik.")
    assert countries == {"Ola Brekke": "Norway", "Anna Jonsdottir": None}


def test_officials_who_meet_or_chair_a_body_together_are_of_the_two_countries() -> None:
    countries = _countries(_PAIR + "Norwegian President Ola Brekke arrived on Monday on a state visit, held talks "
                           "with Prime Minister Anna Jonsdottir and left on Tuesday.")
    assert countries == {"Ola Brekke": "Norway", "Anna Jonsdottir": "Iceland"}
    countries = _countries(_PAIR + "The commission was co-chaired by Deputy Prime Minister Siv Halvorsen and "
                           "Icelandic Foreign Minister Jon Gunnarsson.")
    assert countries == {"Siv Halvorsen": "Norway", "Jon Gunnarsson": "Iceland"}
    # one who is no government official, or a pair none of whom is placed, stays unplaced
    countries = _countries(_PAIR + "Norwegian President Ola Brekke met Professor Anna Jonsdottir in the port. "
                           "Trade Minister Siv Halvorsen met Fisheries Minister Tor Lie.")
    assert countries == {"Ola Brekke": "Norway", "Anna Jonsdottir": None, "Siv Halvorsen": None, "Tor Lie": None}


def test_no_country_from_company_in_an_article_on_no_two_countries() -> None:
    countries = _countries("Prime Minister Ola Brekke made an official visit to Iceland. He was accompanied by "
                           "Trade Minister Siv Halvorsen.")
    assert countries == {"Ola Brekke": None, "Siv Halvorsen": None}


def test_a_title_before_a_word_of_a_name_read_in_full_names_that_person() -> None:
    people, index, text = people_of("Prime Minister Samuel Ong Jun Hao arrived on Monday. Prime Minister Ong was "
                                    "accompanied by Minister for Trade Mr Vincent Chua Wei Liang, Minister for "
                                    "Defence Dr Kenneth Bay Hock Leng and senior officials.")
    assert ("Ong", "Samuel Ong Jun Hao") in mentions(index, text)
    assert people["Vincent Chua Wei Liang"].fields["roles"] == ["Minister for Trade"]


def test_a_capitalised_common_noun_after_the_is_no_name() -> None:
    people, _, _ = people_of("The visit included the Annual Leaders' Retreat. The Leaders noted progress. "
                             "The Leaders said trade grew.")
    assert people == {}


def test_a_currency_names_no_country_of_the_pair() -> None:
    countries = _countries("Timor-Leste and Indonesia opened a market. Goods worth US$8 million, in US dollars, and "
                           "US$5 million crossed. Indonesia and Timor-Leste signed. Foreign Minister Sudarmadji and "
                           "his Timorese counterpart, Ilda Ximenes, signed.")
    assert countries["Sudarmadji"] == "Indonesia"


def test_a_title_and_a_name_after_a_name_are_the_next_person_not_a_role() -> None:
    people, _, _ = people_of("At the invitation of Foreign Minister Song Jiahe, Minister of Foreign Affairs of "
                             "Norway Per Dahl will visit. Ana Lopez, researcher at the Norway Academy of Social "
                             "Sciences, said so. Ola Brekke, the Prime Minister, Chairman Jon Berg and others came.")
    assert people["Song Jiahe"].fields["roles"] == ["Minister of Foreign Affairs"]
    assert people["Per Dahl"].fields["roles"] == ["Minister of Foreign Affairs of Norway"]
    assert people["Ana Lopez"].fields["roles"] == ["researcher at the Norway Academy of Social Sciences"]
    assert people["Ola Brekke"].fields["roles"] == ["Prime Minister"]


def test_a_country_of_several_words_before_a_name_is_no_part_of_it_and_is_written_one_way() -> None:
    people, _, _ = people_of("Foreign Minister of New Zealand Ana Reti spoke. Deputy Prime Minister and Foreign "
                             "Minister of Viet Nam Tran Van Ba spoke. State Councillor Zhou Ming listened.")
    assert (people["Ana Reti"].fields["country"], people["Ana Reti"].fields["roles"]) == (
        "New Zealand", ["Minister of Foreign Affairs of New Zealand"])
    assert people["Tran Van Ba"].fields["country"] == "Vietnam"
    assert "Minister of Foreign Affairs of Vietnam" in people["Tran Van Ba"].fields["roles"]
    assert not any("Viet Nam" in role for role in people["Tran Van Ba"].fields["roles"])
    assert people["Zhou Ming"].fields["roles"] == ["State Councillor"]


def test_a_place_that_opens_with_a_nationality_word_is_the_place() -> None:
    people, _, _ = people_of("Vu Minh Tuan, deputy director of the Lao Cai department of trade, said the gate "
                             "was busy.")
    assert people["Vu Minh Tuan"].fields["country"] == "Vietnam"


def test_a_briefing_spokesperson_named_in_its_title_is_a_person_of_the_publishing_government() -> None:
    text = ("Foreign Ministry Spokesperson Ana Lim-Reyes's Regular Press Conference on November 11, 2026\n\n"
            "Lima Daily: What will the ministers discuss?\n\nAna Lim-Reyes: Fisheries, mostly.\n")
    people = _people_published_by(text, "Ministry of Foreign Affairs of Peru")
    assert people["Ana Lim-Reyes"].fields["country"] == "Peru"


def test_a_name_set_off_with_where_the_person_works_is_a_person() -> None:
    people, _, _ = people_of("Do Thi Hanh, of the Diplomatic Academy in Hanoi, is cautious. John Smith, of the "
                             "Brookings Institution, agrees.")
    assert {"Do Thi Hanh", "John Smith"} <= set(people)


def test_an_organisation_named_after_a_country_in_an_apposition_is_a_role() -> None:
    people, _, _ = people_of('"Prices are better," said Ly Duc Quan, chairman of the Norway Fruit and Vegetable '
                             "Association.")
    assert people["Ly Duc Quan"].fields["roles"] == ["chairman of the Norway Fruit and Vegetable Association"]


def test_a_name_whose_last_word_a_courtesy_title_stands_before_elsewhere_is_a_person() -> None:
    people, _, _ = people_of("Rodel Manalo has fished out of Lima for 28 years. 'The sea is kind,' says Mr Manalo.")
    assert "Rodel Manalo" in people


def test_a_premier_in_a_governments_own_release_is_that_governments() -> None:
    people = _people_published_by("Premier Han Zhiyuan held talks with visiting leaders.\n",
                                  "Ministry of Foreign Affairs of Peru")
    assert people["Han Zhiyuan"].fields["country"] == "Peru"


def test_a_counterpart_named_before_the_apposition_is_of_that_nationality() -> None:
    people, _, _ = people_of("Commodore Ines Aravena and Colonel Raul Huaman, her Peruvian counterpart, "
                             "planned the joint drill over two years of meetings.")
    assert people["Raul Huaman"].fields["country"] == "Peru"
    assert people["Ines Aravena"].fields["country"] is None


def test_a_role_never_holds_the_names_of_the_people_listed_after_a_name() -> None:
    """", Prime Minister Jane Roe and Chairman John Doe" after a name is the rest of a list of people met,
    not the first one's office; nor is a title chain that a parenthesis and the next name follow."""
    people, _, _ = people_of(
        "At the invitation of President of Peru Mateo Quispe, President of the Republic of Chile (RoC) "
        "Ana Soto paid a state visit.\n\n"
        "On October 14, she met Secretary General of the Peruvian Workers' Party Luis Mamani, "
        "Prime Minister Rosa Condori and Chairman of the Congress Jorge Apaza.")
    assert people["Mateo Quispe"].fields["roles"] == ["President of Peru"]
    assert not any("Rosa Condori" in r or "Jorge Apaza" in r for r in people["Luis Mamani"].fields["roles"])
    assert people["Rosa Condori"].fields["roles"] == ["Prime Minister"]


def test_the_country_of_the_first_titled_person_of_a_list_covers_the_rest() -> None:
    people, _, _ = people_of(
        "On October 14, she met Peruvian Secretary General Luis Mamani, Prime Minister Rosa Condori and "
        "Chairman of the Congress Jorge Apaza. The same afternoon, Minister Ana Soto visited a port.")
    assert [people[n].fields["country"] for n in ("Luis Mamani", "Rosa Condori", "Jorge Apaza")] == ["Peru"] * 3
    assert people["Ana Soto"].fields["country"] is None  # a sentence opening with a phrase and a comma: no list


def test_a_plural_title_is_no_name() -> None:
    people, _, _ = people_of("At their meeting, the two General Secretaries agreed to deepen exchanges. "
                             "Later the Prime Ministers met the press.")
    assert people == {}


def test_an_abbreviation_given_in_a_title_is_written_once_in_the_role() -> None:
    people, _, _ = people_of("He met General Secretary of the Communist Party of Viet Nam (CPV) Central Committee "
                             "Luu Van Khai on Tuesday.")
    assert people["Luu Van Khai"].fields["roles"] == ["General Secretary of the CPV Central Committee"]


def test_an_assistant_minister_is_a_title_and_keeps_the_nationality_before_it() -> None:
    people, _, _ = people_of("Deputy Foreign Minister Jorge Ruiz spoke by telephone with Chilean Assistant Foreign "
                             "Minister Ana Soto on Thursday.")
    assert (people["Ana Soto"].fields["country"], people["Ana Soto"].fields["roles"]) == (
        "Chile", ["Assistant Minister of Foreign Affairs"])


def test_the_country_an_office_is_of_holds_with_an_abbreviation_after_it() -> None:
    people, _, _ = people_of("The protocol was signed by Vice Minister of the General Administration of Customs of "
                             "Chile (NCS) Luis Vargas.")
    assert people["Luis Vargas"].fields["country"] == "Chile"


def test_the_host_at_whose_invitation_an_official_visits_a_country_is_of_that_country() -> None:
    people, _, _ = people_of(
        "Chilean Minister of Commerce Pedro Lagos is paying an official visit to Peru from November 24 to 27 at "
        "the invitation of Minister of Industry and Trade Mario Quispe. Lagos said Chile and Peru trade more.")
    assert (people["Pedro Lagos"].fields["country"], people["Mario Quispe"].fields["country"]) == ("Chile", "Peru")


@pytest.mark.parametrize(("text", "name", "country", "roles"), [
    # an opening phrase with a titled name is no list: the person's own "of Chile" holds
    ("Welcomed at the airport by Peruvian Foreign Minister Juan Ortiz, Trade Minister Luis Vargas of Chile said the "
     "visit would boost copper exports.", "Luis Vargas", "Chile", None),
    ("In a meeting with Peruvian President Juan Ortiz, Foreign Minister Luis Vargas said ties would deepen.",
     "Luis Vargas", None, None),
    # a role that depends on another person keeps that person's name
    ("Chilean President Ana Soto arrived on Monday. Luis Vargas, a spokesman for Chilean President Ana Soto, said "
     "the visit was a success.", "Luis Vargas", "Chile", ["spokesman for Chilean President Ana Soto"]),
    # a surname that is the plural of a title word is a name
    ("Gary Fields, a Chilean economist at the University of Chile, said copper prices would rise.", "Gary Fields",
     "Chile", None),
])
def test_lists_roles_and_plural_titles_leave_ordinary_people_alone(text: str, name: str, country: str | None,
                                                                   roles: list[str] | None) -> None:
    people, _, _ = people_of(text)
    assert people[name].fields["country"] == country
    if roles is not None:
        assert people[name].fields["roles"] == roles


def test_the_host_of_a_visit_is_named_right_after_at_the_invitation_of() -> None:
    people, _, _ = people_of(
        "Chile and Peru agreed to expand trade. Chile sells copper to Peru, and Peru sells gas to Chile.\n\n"
        "Chilean Foreign Minister Ana Soto paid an official visit to Peru at the invitation of the Andean Community "
        "and met its Secretary-General Juan Ortiz on Monday.")
    assert people["Juan Ortiz"].fields["country"] is None


def test_a_short_form_speaking_with_an_apposition_is_the_person_named_before() -> None:
    people, index, text = people_of(
        "Nguyen Van Hoa, the owner of the boat, said the crew had been taken away.\n\nHoa said it was bad.\n\n"
        + "The talks went on. " * 40 + "\n\nHoa, the owner, said he had borrowed money.")
    assert list(people) == ["Nguyen Van Hoa"]
    assert mentions(index, text)[-1] == ("Hoa", "Nguyen Van Hoa")
