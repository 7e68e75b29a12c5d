"""Fatalities: ACLED's conservative counting of the killed (never the wounded)."""

import pytest

from pipelines.extraction.fatalities import (
    VAGUE_QUANTITIES,
    count_fatalities,
    find_fatalities,
    split_total,
)
from pipelines.extraction.numbers import NUMBER_PATTERN, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,200", 1200),
        ("35", 35),
        ("three", 3),
        ("twenty-one", 21),
        ("Twenty one", 21),
        ("two hundred", 200),
        ("two hundred and five", 205),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("3 thousand", 3000),
        ("dozens", None),
        ("a", None),
        ("1.5", None),
    ],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_number_pattern_finds_whole_numbers_only():
    import re

    found = re.findall(NUMBER_PATTERN, "seventy-seven rounds, 1,200 troops, 1.5 km, a dozen trucks", re.IGNORECASE)
    assert found == ["seventy-seven", "1,200", "a dozen"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Five people were killed when the market was shelled.", 5),
        ("Gunmen killed three farmers near the well.", 3),
        ("Twenty-one soldiers died in the ambush.", 21),
        ("A soldier was killed at the checkpoint.", 1),
        ("The attacker was killed by guards.", 1),
        ("A suicide bomber blew himself up outside the mosque.", 1),
        ("Two civilians and a policeman were killed in the blast.", 3),
        ("Rebels shot dead a village chief and two of his guards.", 3),
        ("The raid left 12 dead.", 12),
        ("Militiamen killed at least a dozen herders.", 12),
        ("At least 7 people were killed.", 7),
        ("Between 10 and 15 people died in the fighting.", 10),
        ("Dozens of fighters were killed.", 12),
        ("Several policemen were killed.", 3),
        ("Hundreds of civilians were massacred.", 100),
        ("The strike caused 4 deaths.", 4),
    ],
)
def test_counts_the_killed(text, expected):
    assert count_fatalities(text) == expected


def test_the_wounded_are_not_killed():
    assert count_fatalities("5 killed and 12 wounded in the attack.") == 5
    assert count_fatalities("12 were wounded and 5 killed in the attack.") == 5
    assert count_fatalities("The blast killed one and injured two.") == 1


def test_no_death_mentioned_is_none_and_explicitly_none_is_zero():
    assert count_fatalities("Police arrested four protesters.") is None
    assert count_fatalities("Three soldiers were wounded in the clash.") is None
    assert count_fatalities("No casualties were reported.") == 0
    assert count_fatalities("No one was killed in the shelling.") == 0
    assert count_fatalities("There were no fatalities.") == 0


def test_the_same_deaths_reported_twice_count_once():
    assert count_fatalities("A man was shot dead in the street. 1 fatality.") == 1
    assert count_fatalities("Gunmen killed four villagers. Two were shot dead and the other two burned alive.") == 4


def test_further_deaths_add_up_and_other_sources_lower_the_count():
    assert count_fatalities("Two soldiers were killed. Three militants were also killed.") == 5
    assert count_fatalities("Police killed two robbers. Other reports say three robbers were killed.") == 2


def test_the_latest_toll_is_the_count():
    assert count_fatalities("Seven people were killed. By evening the death toll rose to 9.") == 9


def test_a_year_after_a_date_is_not_a_count():
    assert count_fatalities("On 24 June 2022, a herder was killed by bandits.") == 1


def test_acled_note_conventions():
    assert count_fatalities("Rebels shelled the camp. 1 fatality.") == 1
    assert count_fatalities("Soldiers fired on the crowd. 3 fatalities") == 3
    assert count_fatalities("Militias clashed in the hills. Unknown casualties.") is None
    assert count_fatalities("Youths blocked the road. [size=no report]") is None
    assert count_fatalities("A bomb exploded at the base. There were no fatalities.") == 0
    assert count_fatalities("Jets struck two villages. Unknown fatalities coded as 10.") == 10
    assert count_fatalities("Clashes in four villages. 9 fatalities split across 4 events coded as 3.") == 3
    assert count_fatalities("Clashes in two villages killed 8 people. Fatalities split between 2 events.") == 4
    assert count_fatalities("Raids in the area killed 17 militants (coded separately). Police arrested two.") is None


def test_mentions_carry_offsets_and_exactness():
    text = "Rebels killed at least 7 soldiers."
    (mention,) = find_fatalities(text)
    assert text[mention.start:mention.end].startswith("killed at least 7")
    assert (mention.count, mention.exact) == (7, False)
    (exact,) = find_fatalities("Rebels killed 7 soldiers.")
    assert exact.exact


def test_vague_quantities_take_their_lowest_meaning():
    assert VAGUE_QUANTITIES["dozens"] == 12
    assert VAGUE_QUANTITIES["several"] == 3
    assert VAGUE_QUANTITIES["hundreds"] == 100


def test_split_total_gives_the_remainder_to_the_first_days():
    assert split_total(10, 3) == [4, 3, 3]
    assert split_total(2, 3) == [1, 1, 0]
    assert split_total(6, 1) == [6]
    with pytest.raises(ValueError):
        split_total(5, 0)


def test_a_perpetrators_claim_does_not_raise_the_count():
    text = "Four guards were killed in the raid. The rebels claimed they had killed 40 guards."
    assert count_fatalities(text) == 4


def test_attempts_and_near_misses_are_not_deaths():
    assert count_fatalities("A mob beat a thief and almost killed him.") is None
    assert count_fatalities("Gunmen tried to kill the mayor.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Protesters demanded justice for a student killed by police.",
        "The insurgency has killed tens of thousands of people since 2009.",
        "The war has killed thousands of civilians over the past decade.",
        "Relatives of three journalists killed ten years ago marched to the court.",
    ],
)
def test_deaths_recalled_as_background_are_not_counted(text):
    assert count_fatalities(text) is None


def test_large_vague_tolls():
    assert count_fatalities("Tens of thousands of people were killed.") == 10_000


def test_victim_lists():
    assert count_fatalities("The commander, his deputy and two guards were killed in the strike.") == 4
    assert count_fatalities("17 IS fighters and 4 soldiers were killed.") == 21
    assert count_fatalities("Militants overran a post, killing 11 soldiers, the army said.") == 11


def test_the_killers_are_not_counted():
    assert count_fatalities("Two gunmen shot and killed a shopkeeper.") == 1
    assert count_fatalities("A column of 150 troops killed two civilians.") == 2


def test_different_victims_in_one_sentence_add_up():
    assert count_fatalities("The army lost 1 fatality and 5 rebels were killed in the clash.") == 6
    assert count_fatalities("A soldier and two civilians were killed. Later, a third civilian died.") == 4


def test_a_claimed_higher_toll_in_the_same_sentence_does_not_add_to_the_report():
    assert count_fatalities("At least nine soldiers and 14 militants were killed, officials said, though the "
                            "group claimed to have killed 30 soldiers.") == 23
    assert count_fatalities("One soldier died and five militants were killed in the clash.") == 6
