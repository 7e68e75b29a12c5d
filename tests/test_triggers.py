"""Trigger lexicon and ACLED's sub-event hierarchy."""

import functools
import re
from importlib import resources

import pytest

from pipelines.extraction.triggers import LABEL, compile_lexicon, find_triggers, resolve_sub_event, strongest
from schemas.taxonomy import SubEventType as S


def _type(sentence: str, agent: str | None = None, target: str | None = None) -> S | None:
    return resolve_sub_event(strongest(find_triggers(sentence)), agent, target)


def test_trigger_offsets_index_the_article():
    text = "Villagers said soldiers shelled the market."
    hits = find_triggers(text[15:], offset=15)
    shelled = next(t for t in hits if t.category == "shelling")
    assert text[shelled.start:shelled.end] == "shelled"


def test_air_strike_within_a_ground_battle_is_one_armed_clash():
    sentence = "Rebels and soldiers fought heavy battles for the bridge, backed by air strikes."
    assert _type(sentence, "rebel", "military") is S.ARMED_CLASH


def test_shelling_plus_air_strike_is_an_air_strike():
    assert _type("The town was shelled with artillery and hit by air strikes.") is S.AIR_DRONE_STRIKE


def test_remote_violence_types():
    assert _type("Insurgents fired mortars at the base.", "rebel", "military") is S.SHELLING
    assert _type("A roadside bomb exploded near a patrol.") is S.REMOTE_EXPLOSIVE
    assert _type("A suicide bomber blew himself up at a checkpoint.") is S.SUICIDE_BOMB
    assert _type("A man threw a hand grenade into the shop.") is S.GRENADE


def test_stun_grenades_at_a_protest_are_an_intervention_not_a_grenade_attack():
    sentence = "Students protested outside the ministry and police fired stun grenades to disperse them."
    assert _type(sentence) is S.PROTEST_WITH_INTERVENTION


def test_protest_types_follow_the_crowd_then_the_response():
    assert _type("Teachers staged a protest outside the town hall.") is S.PEACEFUL_PROTEST
    assert _type("Demonstrators threw stones at the police during a march.") is S.VIOLENT_DEMONSTRATION
    assert _type("Police opened fire on the protesters, killing two.") is S.EXCESSIVE_FORCE
    assert _type("A mob lynched a man accused of theft.") is S.MOB_VIOLENCE


def test_killing_civilians_is_an_attack_but_killing_soldiers_is_a_clash():
    assert _type("Gunmen killed four farmers.", "unidentified_armed", "civilians") is S.ATTACK
    assert _type("Gunmen killed four soldiers.", "unidentified_armed", "military") is S.ARMED_CLASH


def test_violence_against_civilians_subtypes():
    assert _type("Militiamen abducted six travellers on the road.") is S.ABDUCTION
    assert _type("Soldiers raped two women in the village.") is S.SEXUAL_VIOLENCE


def test_territory_taken_depends_on_who_takes_it():
    sentence = "Troops recaptured the town after fierce fighting."
    assert _type(sentence, "military", "rebel") is S.GOVERNMENT_REGAINS_TERRITORY
    assert _type("Rebels took control of the town after fierce fighting.", "rebel", "military") is (
        S.NON_STATE_ACTOR_OVERTAKES_TERRITORY
    )


def test_strategic_developments():
    assert _type("Police arrested three members of the group.") is S.ARRESTS
    assert _type("Army engineers defused an explosive device on the bridge.") is S.DISRUPTED_WEAPONS_USE
    assert _type("Air defence shot down two drones over the city.") is S.DISRUPTED_WEAPONS_USE
    assert _type("The two factions signed a ceasefire agreement.") is S.AGREEMENT
    assert _type("Fighters looted shops in the market.") is S.LOOTING
    assert _type("The army set up a new military base near the border.") is S.HEADQUARTERS_ESTABLISHED
    assert _type("Movement of forces: troops deployed to the border town.") is S.CHANGE_TO_GROUP


def test_label_prefix_decides_the_type():
    assert _type("Property destruction: unknown men burned a school.") is S.LOOTING


def test_words_that_report_nothing_give_no_type():
    assert _type("The minister met his counterpart to discuss trade.") is None
    assert _type("On 4 March 2022, the council published its budget.") is None


# --- the one-pass matcher finds exactly what one scan per lexicon group finds ---

_SENTENCES = [
    "Insurgents fired mortars and rockets at the base overnight, and air strikes hit the hills.",
    "A suicide bomber blew himself up at a checkpoint; a second device was defused by sappers.",
    "Police fired tear gas and rubber bullets to disperse students protesting the new fees.",
    "Gunmen abducted three traders, then looted and torched shops in the market.",
    "Looting: a crowd ransacked a warehouse.",
    "Weapons seizure: police recovered 12 rifles and 300 rounds of ammunition.",
    "Teachers went on a 3-day strike and blocked the main road to the ministry.",
    "The floods collapsed a bridge; no clashes were reported.",
    "Anti-tank mines, IEDs and UXO were cleared from the fields near the river.",
    "Rebels took control of the town after heavy fighting, and troops withdrew from the area.",
    "They exchanged gunfire with soldiers; stun grenades were thrown at the crowd.",
    "",
    "   ",
    "x",
]


def _one_scan_per_group(text: str) -> list[tuple[str, int, int, int, str]]:
    """The plain way to apply the lexicon: one case-insensitive scan per (category, strength)."""
    hits = []
    for (category, strength), regex in _group_regexes().items():
        found = regex.finditer(text) if strength != LABEL else [m] if (m := regex.match(text)) else []
        hits += [(category, strength, m.start(), m.end(), m.group(0)) for m in found]
    return sorted(hits, key=lambda h: (h[2], -h[1]))


@functools.cache
def _group_regexes() -> dict[tuple[str, int], re.Pattern[str]]:
    source = resources.files("pipelines.extraction").joinpath("data/lexicon.tsv").read_text("utf-8")
    groups: dict[tuple[str, int], list[str]] = {}
    for line in source.splitlines():
        if line.strip() and not line.startswith("#"):
            category, strength, pattern = line.split("\t")
            groups.setdefault((category, int(strength)), []).append(f"(?:{pattern})")
    return {
        key: re.compile("|".join(alts) if key[1] == LABEL else rf"(?<![\w-])(?:{'|'.join(alts)})(?!\w)", re.I)
        for key, alts in groups.items()
    }


def test_one_pass_matcher_finds_what_a_scan_per_group_finds():
    for sentence in _SENTENCES:
        found = [(t.category, t.strength, t.start, t.end, t.text) for t in find_triggers(sentence)]
        assert found == _one_scan_per_group(sentence), sentence


def test_lexicon_patterns_that_the_matcher_could_not_index_are_refused():
    with pytest.raises(ValueError, match="word character"):
        compile_lexicon("clash\t3\t(?:\\(|-)fighting\n")
    with pytest.raises(ValueError, match="never capture"):
        compile_lexicon("clash\t3\t(fight|battle)\n")


def test_a_matcher_compiled_from_lines_reports_hits_with_their_group():
    lexicon = compile_lexicon("air\t3\tair ?strikes?\nair\t2\tstrikes?|drones?\n")
    assert lexicon.word_groups == (("air", 3), ("air", 2))


# --- trigger families: each sentence here is invented ---

def test_seized_found_and_cleared_weapons_are_disrupted_weapons_use():
    assert _type("Nine pistols and 400 rounds of ammunition were seized at the checkpoint.") is (
        S.DISRUPTED_WEAPONS_USE)
    assert _type("Troops found a large stash of rifles and grenades in a cave.") is S.DISRUPTED_WEAPONS_USE
    assert _type("Engineers destroyed 40 landmines and two improvised explosive devices.") is (
        S.DISRUPTED_WEAPONS_USE)
    assert _type("Two drones were intercepted over the port.") is S.DISRUPTED_WEAPONS_USE


def test_truces_releases_and_exchanges_are_agreements_even_with_war_words_around():
    assert _type("The parties agreed a cessation of hostilities in the east.") is S.AGREEMENT
    assert _type("The army freed 20 fighters in exchange for the release of four soldiers.") is S.AGREEMENT
    assert _type("The ceasefire was violated when the two sides exchanged fire.") is S.ARMED_CLASH


def test_moving_forming_and_withdrawing_forces_is_a_change_to_group_activity():
    assert _type("The militia dispatched hundreds of fighters to the border district.") is S.CHANGE_TO_GROUP
    assert _type("Government forces have withdrawn from two posts near the river.") is S.CHANGE_TO_GROUP
    assert _type("The rebels announced they had formed a new armed group.") is S.CHANGE_TO_GROUP
    assert _type("Security was tightened around the capital.") is S.CHANGE_TO_GROUP


def test_new_posts_and_bases_are_headquarters_established():
    assert _type("The army has set up a new observation post on the ridge.") is S.HEADQUARTERS_ESTABLISHED
    assert _type("Two military bases were established near the border.") is S.HEADQUARTERS_ESTABLISHED


def test_territory_handed_over_without_a_fight():
    assert _type("The militia withdrew from the town, leaving it in the hands of the army.", "rebel") is (
        S.NON_VIOLENT_TERRITORY_TRANSFER)


def test_gunfire_between_armed_sides_is_an_armed_clash():
    assert _type("The two sides traded heavy gunfire across the river.") is S.ARMED_CLASH
    assert _type("Soldiers fired small arms at the positions of the rebels.") is S.ARMED_CLASH
    assert _type("Rebels exchanged fire with heavy machine guns near the airport.", "rebel") is S.ARMED_CLASH


def test_stand_off_fire_with_mortars_heavy_machine_guns_or_grenade_launchers_is_shelling():
    # as ACLED codes one-sided fire at positions from a distance (the OSCE and Hodeidah front reports)
    assert _type("Mortars and heavy machine guns were fired at the positions near the airport.") is S.SHELLING
    assert _type("Rebel forces fired grenade launchers and heavy machine guns at army positions.", "rebel") is (
        S.SHELLING)
    assert _type("Troops fired IFVs at the positions of the militia.", "military") is S.SHELLING


def test_weapon_specific_violence_families():
    assert _type("A woman wearing an explosive vest detonated it at the gate.") is S.SUICIDE_BOMB
    assert _type("Residents said chlorine gas was dropped on the suburb.") is S.CHEMICAL_WEAPON
    assert _type("Youths lobbed a hand bomb at a police van.") is S.GRENADE


def test_sexual_assault_is_sexual_violence_not_a_battle():
    assert _type("Two soldiers were charged with the sexual assault of a girl.") is S.SEXUAL_VIOLENCE


def test_a_protest_about_a_rape_or_kidnapping_is_a_protest():
    assert _type("Hundreds protested in the square over the rape of a student.") is S.PEACEFUL_PROTEST
    assert _type("Relatives staged a sit-in demanding the release of the kidnapped pupils.") is (
        S.PEACEFUL_PROTEST)


def test_jailed_is_an_arrest():
    assert _type("Police jailed six men suspected of planning bombings.") is S.ARRESTS


def test_a_kidnapping_during_a_raid_is_an_abduction_not_a_battle():
    assert resolve_sub_event({"abduction": 3, "clash": 2}) is S.ABDUCTION
    assert _type("Gunmen raided the village and kidnapped ten farmers.") is S.ABDUCTION


@pytest.mark.parametrize(
    "sentence",
    [
        "Troops and rebels fought with small arms and mortars outside the town.",
        "The two sides were exchanging fire with mortars near the village.",
        "Observers counted forty explosions in both directions of the frontline near the village.",
        "Shots were fired in both directions with rockets overnight.",
    ],
)
def test_small_arms_and_fire_both_ways_are_an_armed_clash_not_shelling(sentence):
    assert _type(sentence, "military", "rebel") is S.ARMED_CLASH


def test_artillery_as_a_plain_noun_is_a_weak_cue_and_artillery_fire_a_strong_one():
    assert strongest(find_triggers("The army received new artillery deliveries."))["shelling"] < 3
    assert strongest(find_triggers("Artillery fire hit the village."))["shelling"] == 3
    assert _type("Rebels shelled the town as troops fought back.", "rebel", "military") is S.ARMED_CLASH


def test_an_ambush_is_an_attack_on_civilians_and_a_clash_with_armed_men():
    ambush = strongest(find_triggers("Gunmen ambushed the convoy."))
    assert resolve_sub_event(ambush, "rebel", "civilians") is S.ATTACK
    assert resolve_sub_event(ambush, "rebel", "military") is S.ARMED_CLASH


def test_a_word_whose_capital_lowers_to_another_letter_is_still_found():
    # the Kelvin sign lowers to "k": the word index must not skip "KILLED" written with it
    hits = find_triggers("Gunmen \u212aILLED two farmers.")
    assert [(t.category, t.text) for t in hits if t.start == 7] == [("attack", "\u212aILLED")]


def test_a_raid_that_seizes_weapons_or_makes_arrests_is_not_a_battle():
    assert _type("Police raided a house and seized six rifles and a box of ammunition.") is S.DISRUPTED_WEAPONS_USE
    assert _type("Troops raided the camp and arrested four suspects.", "military") is S.ARRESTS


def test_crowd_turning_violent_and_force_against_protesters():
    assert _type("The march turned violent as protesters pulled down the fences.") is S.VIOLENT_DEMONSTRATION
    assert _type("Police clubbed the demonstrators during the protest.", "police", "protesters") is S.EXCESSIVE_FORCE
    assert _type("Two protesters died from gunfire during the demonstration.") is S.EXCESSIVE_FORCE


def test_attacking_a_checkpoint_or_convoy_is_a_battle():
    assert _type("Militants attacked a checkpoint near the town.", "rebel") is S.ARMED_CLASH
    assert _type("Fighters attacked the convoy of the governor's troops.", "rebel") is S.ARMED_CLASH


def test_capturing_a_described_neighbourhood_is_a_territory_change():
    assert _type("Government forces captured a new rebel-held neighbourhood of the city.", "military") is (
        S.GOVERNMENT_REGAINS_TERRITORY)
    assert _type("Nine pistols were seized at the checkpoint.") is S.DISRUPTED_WEAPONS_USE


def test_forces_handing_a_place_to_another_actor_relinquish_it_without_a_fight():
    assert _type("The coalition withdrew from the base and handed control of it back to the army.", "external") is (
        S.NON_VIOLENT_TERRITORY_TRANSFER)
    assert _type("Rebels peacefully took control of the camp.", "rebel") is S.NON_VIOLENT_TERRITORY_TRANSFER
    assert _type("The rally ended peacefully.") is S.PEACEFUL_PROTEST
    assert _type("Voting ended peacefully in the district.") is None


def test_bombers_who_kill_themselves_are_a_suicide_bombing():
    assert _type("Two militants detonated explosives, killing themselves near the station.") is S.SUICIDE_BOMB


def test_riot_police_are_not_a_riot():
    assert _type("Riot police officers beat a protester during the rally.", "police", "protesters") is (
        S.EXCESSIVE_FORCE)


def test_a_raid_that_kills_villagers_is_an_attack_but_a_repelled_attack_is_a_battle():
    assert _type("Gunmen raided the village and killed five farmers.", "unidentified_armed", "civilians") is S.ATTACK
    assert _type("Soldiers repelled an attack by gunmen on their base.", "military") is S.ARMED_CLASH
    assert _type("Militants attacked soldiers guarding the bridge.", "rebel") is S.ARMED_CLASH


def test_intercepting_people_is_an_arrest_intercepting_weapons_is_not():
    assert _type("Police intercepted 15 suspected members of the group at the border.", "police") is S.ARRESTS
    assert _type("Customs officers intercepted a shipment of rifles.") is S.DISRUPTED_WEAPONS_USE


def test_a_weapon_that_hurt_people_is_the_attack_even_if_its_remains_were_recovered():
    assert _type("Five people were wounded when a grenade exploded; fragments of the grenade were recovered.") is (
        S.GRENADE)
    assert _type("A stash of mortar projectiles was found near the river.") is S.DISRUPTED_WEAPONS_USE
    assert _type("Rocket bombs have been identified by fishermen on the beach.") is S.DISRUPTED_WEAPONS_USE


def test_staging_an_incursion_is_not_a_protest():
    assert _type("Troops staged an incursion and took control of two villages.", "military") is (
        S.GOVERNMENT_REGAINS_TERRITORY)


def test_projectiles_thrown_at_police_by_a_crowd_are_a_violent_demonstration_not_shelling():
    assert _type("Projectiles were thrown at police during the demonstration.") is S.VIOLENT_DEMONSTRATION
    assert _type("Several projectiles hit the town overnight.") is S.SHELLING


def test_activists_detained_during_a_protest_but_not_a_protest_for_detainees():
    assert _type("Several activists have been detained during the protests.", "protesters") is (
        S.PROTEST_WITH_INTERVENTION)
    assert _type("Protesters demanded the release of activists who had been detained in earlier rallies.",
                 "protesters") is S.PEACEFUL_PROTEST


def test_a_vehicle_that_hit_a_mine_and_a_new_post_amid_advances():
    assert _type("The truck hit a ground mine on the road, killing four soldiers.") is S.REMOTE_EXPLOSIVE
    assert _type("Troops set up a new observation post as rival forces advanced.", "military") is (
        S.HEADQUARTERS_ESTABLISHED)


def test_regaining_territory_and_chasing_protesters():
    assert _type("The army said it regained territory around the gas plant.", "military") is (
        S.GOVERNMENT_REGAINS_TERRITORY)
    assert _type("Troops have taken the control of the old fort.", "military") is S.GOVERNMENT_REGAINS_TERRITORY
    assert _type("Riot police chased demonstrators during the protest.", "police", "protesters") is (
        S.PROTEST_WITH_INTERVENTION)


def test_striking_chemical_weapons_facilities_is_not_a_chemical_attack():
    assert _type("Warplanes struck three chemical weapons facilities near the city.") is S.AIR_DRONE_STRIKE
    assert _type("Government helicopters dropped chemical weapons on the town.") is S.CHEMICAL_WEAPON


@pytest.mark.parametrize(
    ("sentence", "agent", "expected"),
    [
        ("Displacement: On 3 May 2023, 900 people were evacuated from the town.", None, S.OTHER),
        ("Land seizure: On 3 May 2023, soldiers sealed off the farm of a party official.", "military", S.LOOTING),
        ("The body of a young man was found near the bridge.", None, S.ATTACK),
        ("Party members allegedly beat two election monitors in the market.", None, S.ATTACK),
        ("A trader was beaten by police officers at the checkpoint.", "police", S.ATTACK),
        ("Troops forcibly deported 300 civilians across the border.", "military", S.ABDUCTION),
        ("Villagers stoned two police officers to death.", None, S.MOB_VIOLENCE),
        ("Men on a motorbike threw Molotov cocktails at two shops.", None, S.LOOTING),
        ("Residents barricaded the roads with burning tyres over water cuts.", None, S.VIOLENT_DEMONSTRATION),
        ("People block the streets in the city centre to demand better services.", None, S.PEACEFUL_PROTEST),
        ("Police arrested 54 officials in drought affected districts.", "police", S.ARRESTS),
    ],
)
def test_note_vocabulary(sentence, agent, expected):
    assert _type(sentence, agent) is expected


def test_a_city_block_is_not_a_road_block():
    assert _type("Gas containers exploded during a fire in the 700 block of Main Street.") is not S.PEACEFUL_PROTEST


def test_crowd_violence_outside_a_demonstration_is_mob_violence():
    assert _type("Villagers beat a suspected thief to death.", "rioters", "civilians") is S.MOB_VIOLENCE
    assert _type("A clash erupted between supporters of two candidates outside the polling station.") is (
        S.MOB_VIOLENCE)
    assert _type("Settlers hurled stones at passing cars.", "rioters") is S.MOB_VIOLENCE
    # the same conduct by a crowd demonstrating is a violent demonstration
    assert _type("Demonstrators hurled stones at police, demanding the release of detainees.", "rioters") is (
        S.VIOLENT_DEMONSTRATION)
    assert _type("Rioters protesting the verdict set fire to a street.", "rioters") is S.VIOLENT_DEMONSTRATION
    # rioters with no demonstration in sight: ACLED's mob violence ("rioters clashed with soldiers")
    assert _type("Rioters clashed with soldiers at the village entrance.", "rioters", "military") is S.MOB_VIOLENCE


def test_hyphenated_group_names_and_active_mobilisation():
    assert _type("Government troops pushed al-Shabab militants out of three villages.", "military") is (
        S.GOVERNMENT_REGAINS_TERRITORY)
    assert _type("Hundreds of former fighters have mobilized alongside the army in the valley.") is S.CHANGE_TO_GROUP
    assert _type("Soldiers discovered an underground hideout used by the group to store arms.", "military") is (
        S.DISRUPTED_WEAPONS_USE)


def test_crowds_fighting_each_other_are_mob_violence_not_a_battle():
    assert _type("Two groups of labourers clashed at the railway station over food.", "rioters") is S.MOB_VIOLENCE
    assert _type("Soldiers clashed with rebels near the town.", "military", "rebel") is S.ARMED_CLASH


def test_a_clash_involving_an_armed_group_is_a_battle_even_if_members_are_named():
    assert _type("Police forces and suspected Gulf Clan members clashed in the neighbourhood.", "police",
                 "political_militia") is S.ARMED_CLASH
    assert _type("Supporters of two candidates clashed outside the polling station.", "rioters") is S.MOB_VIOLENCE


def test_explosions_involving_unknown_weapons_observed_at_a_front_are_shelling():
    assert _type("Monitors observed 20 explosions involving unknown weapons near the village.") is S.SHELLING
    assert _type("A bomb explosion tore through the market.") is S.REMOTE_EXPLOSIVE


def test_protesters_burning_things_or_blocking_roads_with_debris_demonstrate_violently():
    assert _type("Lawyers burned a truck and tyres during a demonstration on the highway.") is (
        S.VIOLENT_DEMONSTRATION)
    assert _type("Residents blocked the road with logs and benches and demonstrated over power cuts.") is (
        S.VIOLENT_DEMONSTRATION)
    assert _type("Activists burned effigies of the minister during the protest.") is S.PEACEFUL_PROTEST
