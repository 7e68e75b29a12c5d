"""Speculation, plans, negation, denial, history and references are not events."""

from pipelines.extraction.modality import Modality, modality_of


def _of(sentence: str, word: str, year: int = 2023) -> Modality:
    start = sentence.index(word)
    return modality_of(sentence, start, start + len(word), year)


def test_plain_report_is_a_fact():
    assert _of("On Monday, troops shelled the village.", "shelled") is Modality.FACT


def test_speculation_and_plans():
    assert _of("Its capture would allow the army to advance toward the capital.", "capture") is Modality.SPECULATIVE
    assert _of("Analysts say the rebels could advance toward the port.", "advance") is Modality.SPECULATIVE
    assert _of("The group threatened to attack the convoy.", "attack") is Modality.SPECULATIVE
    assert _of("Unions plan to protest next week.", "protest") is Modality.SPECULATIVE


def test_negation():
    assert _of("No clashes were reported in the district.", "clashes") is Modality.NEGATED
    assert _of("The village was not shelled overnight.", "shelled") is Modality.NEGATED


def test_denial_including_a_quoted_one():
    assert _of("The ministry denied carrying out the air strike.", "air strike") is Modality.DENIED
    sentence = 'A spokesman said: "Our forces did not attack the hospital."'
    assert _of(sentence, "attack") is not Modality.FACT


def test_history():
    assert _of("The square recalls how the army liberated the city in 1945.", "liberated") is Modality.HISTORICAL


def test_references_to_another_event():
    assert _of("The government blamed the rebels for the attack.", "attack") is Modality.REFERENCE
    assert _of("The group claimed responsibility for the bombing.", "bombing") is Modality.REFERENCE
    assert _of("Residents protested against the abduction of a teacher.", "abduction") is Modality.REFERENCE


def test_only_the_clause_of_the_trigger_counts():
    sentence = "The army denied the report, but residents said soldiers shelled the market."
    assert _of(sentence, "shelled") is not Modality.FACT  # a denial colours the whole sentence
    sentence = "Officials may meet on Friday; meanwhile troops shelled the market."
    assert _of(sentence, "shelled") is Modality.FACT


def test_a_modal_governs_the_rest_of_its_statement_across_commas():
    sentence = "Its fall would open the road to the coast, and bring the port within range of heavy artillery."
    assert _of(sentence, "artillery") is Modality.SPECULATIVE
    sentence = "Officials said the talks would resume, but troops shelled the port on Monday."
    assert _of(sentence, "shelled") is Modality.FACT


def test_the_month_may_is_not_a_modal():
    assert _of("On 2 May 2022 (between 1 May and 3 May), rebels raided the village.", "raided") is Modality.FACT
    assert _of("Thousands held a May Day rally in the capital.", "rally") is Modality.FACT


def test_intent_governs_only_the_verb_it_introduces():
    assert _of("The militia threatened on Monday to attack the convoy.", "attack") is Modality.SPECULATIVE
    sentence = "Migrants who attempted to cross the border on a small boat were detained by coast guards."
    assert _of(sentence, "detained") is Modality.FACT


def test_a_gathering_ahead_of_a_planned_march_is_not_yet_a_protest():
    sentence = "Police arrested activists as they gathered outside the office ahead of a planned march."
    assert _of(sentence, "gathered") is Modality.SPECULATIVE


def test_the_topic_of_a_protest_is_a_reference_but_its_actions_are_facts():
    assert _of("Crowds marched against the killing of a student.", "killing") is Modality.REFERENCE
    sentence = "On 1 May, protesters demonstrating against rising prices blocked the main highway."
    assert _of(sentence, "blocked") is Modality.FACT
    assert _of("On 3 May, over 200 teachers demonstrated outside the ministry.", "demonstrated") is Modality.FACT


def test_background_and_habitual_violence_is_not_this_event():
    sentence = "Armed gangs have for years raided villages in the region, kidnapping residents for ransom."
    assert _of(sentence, "raided") is Modality.HISTORICAL
    assert _of(sentence, "kidnapping") is Modality.HISTORICAL
    assert _of("The state refuses to pay ransoms after previous abductions.", "abductions") is Modality.HISTORICAL
    sentence = "The region has been unstable since 2021, when fighting broke out between rival factions."
    assert _of(sentence, "fighting", 2024) is Modality.HISTORICAL


def test_nobody_negates():
    assert _of("Nobody was killed in the blast.", "killed") is Modality.NEGATED


def test_rumours_and_what_happens_whenever_are_not_facts():
    sentence = "Crowds gathered after rumours spread that a youth had been abducted."
    assert _of(sentence, "abducted") is Modality.SPECULATIVE
    sentence = "Residents have a minute of warning when missiles are launched from across the border."
    assert _of(sentence, "missiles") is Modality.HISTORICAL


def test_a_first_since_comparison_is_not_history():
    sentence = "Government forces seized control of the highway on Tuesday for the first time since 2012."
    assert _of(sentence, "seized control", 2020) is Modality.FACT


def test_a_year_in_a_relative_clause_dates_the_background_not_the_event():
    sentence = ("Hundreds of nurses marched on Thursday to protest against abuses that have grown "
                "since the new governor took office in 2017.")
    assert _of(sentence, "marched", 2021) is Modality.FACT
    assert _of("Nurses marched in 2017 to protest against the abuses.", "marched", 2021) is Modality.HISTORICAL


def test_a_plot_is_not_an_attack():
    assert _of("Police jailed 60 men they suspect were plotting to launch attacks.", "attacks") is (
        Modality.SPECULATIVE)


def test_a_year_in_a_relative_clause_on_the_subject_is_background_but_not_one_on_the_trigger():
    sentence = "Parents of soldiers who died during the 2020 war protested outside the ministry."
    assert _of(sentence, "protested", 2022) is Modality.FACT
    sentence = "Troops neared a town that was the scene of a 2017 chemical attack."
    assert _of(sentence, "chemical attack", 2021) is Modality.HISTORICAL


def test_a_place_that_has_seen_fighting_for_months_is_background():
    sentence = "The capital has seen heavy fighting since April, the UN said on Tuesday."
    assert _of(sentence, "fighting", 2024) is Modality.HISTORICAL
    assert _of("Heavy fighting broke out in the capital on Tuesday.", "fighting", 2024) is Modality.FACT
