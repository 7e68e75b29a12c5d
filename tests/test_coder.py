"""The rule-based coder end to end: article in, validated ACLED-style events out."""

import datetime as dt

import pytest

from pipelines.extraction.coder import CODERS, RuleBasedCoder, get_coder
from schemas.article import Article
from schemas.taxonomy import SubEventType as S


def _article(text: str, published: str = "2023-05-24", title: str | None = None) -> Article:
    return Article(id="t1", text=text, published_at=published, title=title)


@pytest.fixture(scope="module")
def coder() -> RuleBasedCoder:
    return RuleBasedCoder()


def test_get_coder_knows_rules_and_names_the_known_ones_otherwise():
    assert get_coder().name == "rules" and "rules" in CODERS
    with pytest.raises(ValueError, match="rules"):
        get_coder("nope")


def test_a_protest_note_gives_one_peaceful_protest(coder):
    events = coder.code(_article("On 22 May 2023, teachers staged a protest in Lahore to demand higher pay."))
    assert len(events) == 1
    e = events[0]
    assert e.sub_event_type == S.PEACEFUL_PROTEST
    assert e.event_date == dt.date(2023, 5, 22) and e.time_precision == 1
    assert e.country == "Pakistan" and e.location
    assert e.actor1 == "Protesters (Pakistan)" and e.actor2 == ""
    assert e.event_id == "t1:0" and e.coder == "rules" and 0 <= e.confidence <= 1


def test_evidence_points_at_the_sentence_and_the_notes_line_reads_like_acled(coder):
    text = "Markets were calm. On 22 May 2023, gunmen shot dead two farmers in Maiduguri."
    e = coder.code(_article(text))[0]
    assert text[e.evidence[0].start:e.evidence[0].end].startswith("On 22 May 2023, gunmen")
    assert e.sub_event_type == S.ATTACK and e.actor2.startswith("Civilians")
    assert e.fatalities == 2
    assert e.notes.startswith("On 22 May 2023, ") and e.notes.endswith("2 fatalities.")


def test_protest_dispersed_by_police_is_a_protest_with_intervention(coder):
    text = "On 20 May 2023, students marched in Nairobi against fee increases. Police dispersed them with tear gas."
    events = coder.code(_article(text))
    assert len(events) == 1
    assert events[0].sub_event_type == S.PROTEST_WITH_INTERVENTION
    assert events[0].actor2.startswith("Police Forces of Kenya")


def test_several_events_in_one_article_main_event_first(coder):
    text = (
        "On 21 May 2023, militants attacked an army base in Borno, killing 12 soldiers in heavy fighting.\n\n"
        "Separately, on 19 May 2023, hundreds of traders protested in Lagos over new market fees."
    )
    events = coder.code(_article(text))
    types = [e.sub_event_type for e in events]
    assert types[0] == S.ARMED_CLASH
    assert S.PEACEFUL_PROTEST in types
    assert [e.event_index for e in events] == list(range(len(events)))


def test_speculation_history_denial_and_comment_give_no_event(coder):
    text = (
        "Analysts said the rebels could advance toward Kramatorsk next month. "
        "The city was liberated by the Red Army in 1943. "
        "The ministry in Moscow denied carrying out the air strike on Kharkiv. "
        "No clashes were reported in Donetsk."
    )
    assert coder.code(_article(text)) == []


def test_a_quote_reporting_a_denial_is_not_an_event(coder):
    text = 'A spokesman in Kyiv said: "Our forces did not shell Horlivka, we deny it."'
    assert coder.code(_article(text)) == []


def test_disasters_and_diplomacy_are_not_events(coder):
    assert coder.code(_article("On 22 May 2023, floods killed ten people in Sylhet after torrential rain.")) == []
    assert coder.code(_article("On 22 May 2023, the foreign ministers of India and Nepal met in Delhi.")) == []


@pytest.mark.parametrize(
    "text",
    ["", "   ", "<html><body><p></p></body></html>", "\x00\ufeff\u202e" * 50, "Мирная демонстрация в Москве.",
     "killed " * 20000, ("On 22 May 2023, troops shelled Bakhmut. " * 30000)[:1_000_000]],
)
def test_any_text_gives_events_or_none_never_an_error(coder, text):
    article = Article.model_construct(id="x", text=text, published_at=dt.datetime(2023, 5, 24), title=None)
    events, rejects = coder.code_with_rejects(article)
    assert isinstance(events, list) and isinstance(rejects, list)


def test_output_is_deterministic(coder):
    text = "On 22 May 2023, Russian forces shelled Kupiansk, killing two civilians. Protesters rallied in Kyiv."
    first = [e.model_dump() for e in coder.code(_article(text))]
    assert first and first == [e.model_dump() for e in RuleBasedCoder().code(_article(text))]
