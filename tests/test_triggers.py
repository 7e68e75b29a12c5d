"""Trigger lexicon and ACLED's sub-event hierarchy."""

from pipelines.extraction.triggers import find_triggers, resolve_sub_event, strongest
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
