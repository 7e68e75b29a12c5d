import datetime as dt

import pytest

from pipelines.extraction.actors import (
    ActorMention,
    find_actors,
    generic_actor,
    inter_in,
    state_forces,
)


def names(text: str, country: str | None, on: dt.date | None = None) -> list[str]:
    return [m.name for m in find_actors(text, country, on)]


def only(text: str, country: str | None, name: str) -> ActorMention:
    found = [m for m in find_actors(text, country) if m.name == name]
    assert found, f"{name!r} not in {names(text, country)}"
    return found[0]


@pytest.mark.parametrize("alias", ["al-Shabaab", "Al-Shabab", "Shabaab", "al Shabaab", "AL-SHABAAB"])
def test_spelling_variants_give_one_canonical_name(alias):
    assert names(f"Fighters of {alias} ambushed a convoy near the town.", "Somalia")[0] == "Al Shabaab"


@pytest.mark.parametrize("alias", ["IS", "ISIS", "ISIL", "Daesh", "Islamic State"])
def test_islamic_state_is_named_for_the_event_country(alias):
    assert "Islamic State (Syria)" in names(f"{alias} fighters attacked a checkpoint.", "Syria")


def test_islamic_state_in_nigeria_is_its_west_african_province():
    assert names("ISIS fighters raided a base.", "Nigeria")[0].startswith("Islamic State (West Africa)")


@pytest.mark.parametrize("text, expected", [
    ("Houthi forces shelled the front line.", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ("Ansar Allah claimed the attack.", "Military Forces of Yemen (2016-) Supreme Political Council"),
    ("Boko Haram insurgents burned the market.", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ("JAS fighters burned the market.", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    ("The PKK claimed the bombing.", "PKK: Kurdistan Workers Party"),
    ("Members of the CJNG opened fire.", "CJNG: Jalisco New Generation Cartel"),
    ("The Wagner Group deployed to the area.", "Wagner Group"),
])
def test_aliases_map_to_acled_names(text, expected):
    assert expected in names(text, None)


def test_acronyms_match_only_as_whole_uppercase_tokens():
    assert names("The situation is tense and this is unusual.", "Syria") == []
    assert names("The GADFLY newsletter and the roadfest were cancelled.", "Uganda") == []
    assert names("WHAT IS NEXT FOR THE CITY", "Syria") == []
    assert "ADF: Allied Democratic Forces" in names("ADF rebels killed three people.", "Democratic Republic of Congo")


def test_ambiguous_acronym_resolves_by_event_country():
    assert names("SNA troops repelled the attack.", "Somalia")[0].startswith("Military Forces of Somalia")
    assert names("SNA factions shelled the village.", "Syria")[0] == "JWS: Syrian National Army"


def test_country_adjective_names_state_forces():
    m = find_actors("Russian troops advanced on the village.", "Russia")[0]
    assert (m.name, m.inter, m.kind, m.country) == ("Military Forces of Russia (2000-)", 1, "military", "Russia")
    assert inter_in(m, "Russia") == 1


@pytest.mark.parametrize("text, expected", [
    ("Ukrainian troops recaptured the village.", "Military Forces of Ukraine (2019-)"),
    ("Russian shelling hit the town.", "Military Forces of Russia (2000-)"),
    ("An Israeli air strike hit a house.", "Military Forces of Israel (2021-)"),
    ("Turkish drones struck a vehicle.", "Military Forces of Turkey (2016-)"),
    ("Indian police detained the suspects.", "Police Forces of India (2014-)"),
])
def test_adjective_overrides_event_country(text, expected):
    assert names(text, "Syria")[0] == expected


def test_state_forces_abroad_are_external():
    m = only("Russian warplanes bombed a market.", "Syria", "Military Forces of Russia (2000-) Air Force")
    assert m.inter == 1
    assert inter_in(m, "Syria") == 8


def test_generic_soldiers_and_police_take_the_event_country():
    found = find_actors("Soldiers and police officers raided the camp.", "Nigeria")
    assert [(m.name, m.generic) for m in found] == [
        ("Military Forces of Nigeria (2015-)", True), ("Police Forces of Nigeria (2015-)", True)]


def test_protesters_carry_students_as_associated_actor():
    m = only("Hundreds of students staged a protest against fee increases.", "Kenya", "Protesters (Kenya)")
    assert (m.inter, m.kind, m.assoc) == (6, "protesters", "Students (Kenya)")


def test_protest_without_named_participants_still_has_protesters():
    assert names("A demonstration was held outside the ministry.", "Chile") == ["Protesters (Chile)"]


def test_party_organising_a_protest_is_an_associated_actor():
    m = only("PTI workers held a rally in the city.", "Pakistan", "Protesters (Pakistan)")
    assert "PTI: Pakistan Tehreek-i-Insaf" in m.assoc.split("; ")


def test_violent_crowds_are_rioters():
    assert names("A mob lynched a suspected thief.", "India")[0] == "Rioters (India)"
    assert "Rioters (India)" in names("Villagers attacked the forest guards.", "India")


def test_victims_are_civilians_with_their_group():
    found = find_actors("Gunmen killed a woman and two farmers in the village.", "Nigeria")
    assert found[0].name == "Unidentified Armed Group (Nigeria)"
    civilians = only("Gunmen killed a woman and two farmers in the village.", "Nigeria", "Civilians (Nigeria)")
    assert (civilians.inter, civilians.kind) == (7, "civilians")
    assert set(civilians.assoc.split("; ")) == {"Women (Nigeria)", "Farmers (Nigeria)"}


def test_journalist_victim_is_a_civilian():
    m = only("Unknown assailants shot a journalist in the city.", "Mexico", "Civilians (Mexico)")
    assert m.assoc == "Journalists (Mexico)"


def test_gunmen_and_bandits_are_unidentified_armed_groups():
    m = find_actors("Bandits raided the market at dawn.", "Nigeria")[0]
    assert (m.name, m.inter, m.kind, m.generic) == ("Unidentified Armed Group (Nigeria)", 3, "unidentified_armed", True)
    assert names("Unknown gunmen opened fire on a bus.", "Pakistan")[0] == "Unidentified Armed Group (Pakistan)"


def test_country_convention_for_unidentified_armed_men_in_brazil():
    assert names("Armed men shot a man in a bar.", "Brazil")[0] == "Unidentified Gang and/or Police Militia"


def test_ethnic_militias_are_named_by_group_and_country():
    assert names("Fulani militiamen attacked the farming community.", "Nigeria")[0] == "Fulani Ethnic Militia (Nigeria)"


def test_without_country_only_country_marked_actors_are_found():
    assert names("Protesters and soldiers gathered near Ukrainian troops.", None) == [
        "Military Forces of Ukraine (2019-)"]


def test_event_date_selects_the_regime_era_and_the_taliban_status():
    assert names("Taliban fighters attacked a checkpoint.", "Afghanistan", dt.date(2020, 5, 1)) == ["Taliban"]
    assert names("Taliban fighters attacked a checkpoint.", "Afghanistan", dt.date(2022, 5, 1)) == [
        "Military Forces of Afghanistan (2021-)"]
    assert state_forces("Pakistan", on=dt.date(2020, 1, 1)) == "Military Forces of Pakistan (2018-2022)"


def test_offsets_point_at_the_mention():
    text = "On Monday, Hamas fighters fired rockets."
    m = find_actors(text, "Palestine")[0]
    assert (m.name, text[m.start:m.end]) == ("Hamas Movement", "Hamas fighters")


def test_names_of_states_and_generic_actors():
    assert state_forces("Philippines", "police") == "Police Forces of the Philippines (2022-)"
    assert state_forces("Russia", "military", "Air Force") == "Military Forces of Russia (2000-) Air Force"
    assert state_forces("Atlantis") == "Military Forces of Atlantis"
    assert generic_actor("protesters", "Kenya") == ("Protesters (Kenya)", 6)
    assert generic_actor("rioters", "India") == ("Rioters (India)", 5)
    assert generic_actor("civilians", "Ukraine") == ("Civilians (Ukraine)", 7)
    with pytest.raises(ValueError):
        generic_actor("aliens", "Kenya")


def test_member_noun_after_a_group_name_is_part_of_its_mention():
    text = "Al-Shabaab militants attacked a base."
    found = find_actors(text, "Somalia")
    assert [(m.name, text[m.start:m.end]) for m in found] == [("Al Shabaab", "Al-Shabaab militants")]


def test_agent_after_by_is_not_a_victim():
    found = names("A farmer was hacked to death by suspected herdsmen.", "Nigeria")
    assert found == ["Civilians (Nigeria)", "Fulani Ethnic Militia (Nigeria)"]


def test_nationals_protesting_abroad_are_named_by_their_nationality():
    assert names("Hundreds of Ukrainians rallied outside the embassy.", "Cyprus") == ["Protesters (Ukraine)"]
    assert names("Police detained 40 Afghan migrants at the border.", "Turkey") == [
        "Police Forces of Turkey (2016-)", "Civilians (Afghanistan)"]


def test_forces_of_a_named_country():
    assert names("Military forces of Armenia fired on the positions.", "Azerbaijan")[0] == (
        "Military Forces of Armenia (2018-)")


def test_riot_police_do_not_make_a_protest_a_riot():
    assert names("Riot police dispersed protesters outside parliament.", "Serbia") == [
        "Police Forces of Serbia", "Protesters (Serbia)"]
    assert names("Protesters threw stones at the police.", "Serbia") == ["Rioters (Serbia)", "Police Forces of Serbia"]


@pytest.mark.parametrize(
    "text",
    [
        "Troops took the town on Monday, an AFP correspondent said.",
        "Two soldiers died, a local official told AFP.",
        "Soldiers shelled the hill (AFP) on Monday.",
    ],
)
def test_the_news_agency_afp_is_not_the_philippine_army(text: str) -> None:
    assert "Military Forces of the Philippines (2016-2022)" not in names(text, "Syria", dt.date(2021, 6, 1))


def test_afp_as_the_philippine_army_still_counts():
    assert "Military Forces of the Philippines (2016-2022)" in names(
        "The AFP clashed with NPA rebels in Samar.", "Philippines", dt.date(2021, 6, 1))


def test_officers_alone_are_police_and_military_officers_are_the_military():
    on = dt.date(2022, 6, 1)
    assert names("Officers detained two men at the market.", "Kenya", on)[0] == "Police Forces of Kenya (2013-2022)"
    assert names("Military officers clashed with smugglers.", "Cuba", on)[0] == "Military Forces of Cuba (1959-)"


def test_a_rank_or_role_before_a_force_is_that_force_not_a_civilian():
    on = dt.date(2022, 6, 1)
    assert names("Armed men attacked a chief police officer in the town.", "Mexico", on) == [
        "Unidentified Armed Group (Mexico)", "Police Forces of Mexico (2018-)"]
    assert names("Nobody was hurt.", "Mexico", on) == []


def test_people_who_beat_someone_are_rioters_in_the_passive_too():
    on = dt.date(2022, 6, 1)
    assert "Rioters (Brazil)" in names("A suspected thief was beaten up by residents in the market.", "Brazil", on)
    assert "Civilians (Brazil)" in names("Soldiers beat residents in the market.", "Brazil", on)
