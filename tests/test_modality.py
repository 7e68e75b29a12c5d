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
