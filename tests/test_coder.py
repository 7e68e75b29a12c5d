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
    assert isinstance(events, list)
    # the coder turns its own crash into a reject row so a run goes on; none may happen here
    assert not [r.reason for r in rejects if r.reason.startswith("coder failed")]


def test_output_is_deterministic(coder):
    text = "On 22 May 2023, Russian forces shelled Kupiansk, killing two civilians. Protesters rallied in Kyiv."
    first = [e.model_dump() for e in coder.code(_article(text))]
    assert first and first == [e.model_dump() for e in RuleBasedCoder().code(_article(text))]


def test_the_day_a_source_spoke_is_not_a_new_event(coder):
    text = ("Gunmen abducted twelve farmers near Gusau in Zamfara State late on Saturday. "
            "Police said on Monday that the farmers had been abducted from their fields.")
    events = coder.code(_article(text, "2023-05-23"))
    assert [(e.sub_event_type, e.event_date) for e in events] == [(S.ABDUCTION, dt.date(2023, 5, 20))]


def test_a_definite_noun_refers_back_and_founds_no_event(coder):
    text = ("On 20 May 2023, soldiers clashed with ELN fighters near Tame in Arauca. "
            "The minister said in Bogota on 21 May 2023 that the clash would not stop the talks.")
    events = coder.code(_article(text))
    assert len(events) == 1 and events[0].location == "Tame"


def test_a_day_after_dates_the_earlier_event(coder):
    text = ("On 21 May 2023, a roadside bomb killed four soldiers near Damboa in Borno State. "
            "The blast came a day after insurgents attacked a military base in Bama.")
    events = coder.code(_article(text))
    bama = next(e for e in events if e.location == "Bama")
    assert bama.event_date == dt.date(2023, 5, 20) and bama.event_type == "Battles"


def test_victims_named_first_are_not_the_attackers(coder):
    text = "On 22 May 2023, two port workers were killed when Russian drones struck port facilities in Odesa."
    e = coder.code(_article(text))[0]
    assert e.sub_event_type == S.AIR_DRONE_STRIKE
    assert e.actor1.startswith("Military Forces of Russia") and e.actor2 == "Civilians (Ukraine)"


def test_by_names_the_agent_of_a_passive_but_backed_by_names_an_ally(coder):
    e = coder.code(_article("On 22 May 2023, two soldiers were shot dead by Boko Haram militants in Bama, Borno."))[0]
    assert e.actor1.startswith("Boko Haram") and e.actor2.startswith("Military Forces of Nigeria")
    text = ("On 22 May 2023, Somali troops, backed by clan militias, recaptured the town of Jalalaqsi in the "
            "Hiiraan region from al-Shabaab.")
    e = coder.code(_article(text))[0]
    assert e.actor1.startswith("Military Forces of Somalia") and e.location == "Jalalaqsi"


def test_a_named_group_in_a_later_sentence_names_the_sides(coder):
    text = ("On 22 May 2023, eleven gunmen were killed in a gunfight near Chicomuselo, Chiapas. "
            "The clash pitted the Jalisco New Generation Cartel against the Sinaloa Cartel.")
    e = coder.code(_article(text))[0]
    assert {e.actor1, e.actor2} >= {"CJNG: Jalisco New Generation Cartel"}


def test_a_region_named_with_its_country_is_found(coder):
    e = coder.code(_article("On 22 May 2023, fighting broke out in Russia’s Belgorod region."))[0]
    assert e.country == "Russia" and e.admin1 == "Belgorod"


def test_no_country_level_events(coder):
    # ACLED codes no event whose place is only a country: no capital stands in for "somewhere".
    assert coder.code(_article("On 22 May 2023, Houthi forces shelled positions at an unnamed hill.")) == []
    assert coder.code(_article("On 22 May 2023, protesters marched somewhere in Kenya.")) == []
    e = coder.code(_article("On 22 May 2023, protesters marched in Kisumu, Kenya."))[0]
    assert e.location == "Kisumu" and e.geo_precision == 1


def test_deaths_and_damage_of_a_disaster_are_not_violence(coder):
    text = ("An earthquake struck western Nepal on 21 May 2023, killing 14 people. "
            "Hundreds of houses were destroyed near Surkhet. Landslides blocked several roads.")
    assert coder.code(_article(text)) == []


def test_regime_years_follow_the_event_date(coder):
    e = coder.code(_article("On 3 May 2020, police arrested ten people in Kabul.", "2020-05-06"))[0]
    assert "(2021-)" not in e.actor1


def test_a_quote_continued_from_the_sentence_before_is_not_a_report(coder):
    text = ("On 22 May 2023, fighters crossed the border near Kozinka in the Belgorod region. "
            "“We greet the dawn. We are now on liberated ground,” the group wrote.")
    assert all(e.event_type != "Strategic developments" and "territory" not in e.sub_event_type
               for e in coder.code(_article(text)))


def test_a_district_of_the_city_is_the_same_event(coder):
    text = ("On 22 May 2023, two Russian missiles struck Kharkiv, killing three people. "
            "The missiles hit a courtyard in the city's Kyivskyi district.")
    assert [e.location for e in coder.code(_article(text))] == ["Kharkiv"]


def test_a_cumulative_toll_is_not_an_event(coder):
    text = "The war between the army and the rebels has killed tens of thousands of people in Darfur."
    assert coder.code(_article(text)) == []


def test_people_gathering_before_a_mob_attack_do_not_make_it_a_protest(coder):
    text = ("On 21 May 2023, a mob set fire to fifteen houses near Jiribam in Manipur, killing a man. "
            "Several hundred people had gathered at the edge of the village.")
    e = coder.code(_article(text))[0]
    assert e.sub_event_type == S.MOB_VIOLENCE and e.actor2 == "Civilians (India)"


def test_interceptions_during_a_strike_belong_to_the_strike(coder):
    text = ("On 22 May 2023, Russian drones struck port facilities in Odesa, killing two workers. "
            "Air defence units shot down most of the drones.")
    assert [e.sub_event_type for e in coder.code(_article(text))] == [S.AIR_DRONE_STRIKE]


def test_the_group_that_claimed_an_attack_is_its_actor(coder):
    text = ("On 22 May 2023, gunmen attacked border posts near Kozinka in the Belgorod region. "
            "The Russian Volunteer Corps claimed responsibility for the raid.")
    assert coder.code(_article(text))[0].actor1 == "Russian Volunteer Corps"


def test_x_against_y_names_both_sides(coder):
    text = ("On 22 May 2023, eleven gunmen were killed near Chicomuselo, Chiapas. "
            "The clash pitted the Jalisco New Generation Cartel against the Sinaloa Cartel.")
    e = coder.code(_article(text))[0]
    assert {e.actor1, e.actor2} == {"CJNG: Jalisco New Generation Cartel", "Sinaloa Cartel"}


def test_the_place_at_the_head_of_a_note_is_where_it_happened(coder):
    text = ("On 29 March 2022, in Barquisimeto (Lara), residents of the Union and San Vicente parishes "
            "protested against power cuts.")
    e = coder.code(_article(text, "2022-04-01"))[0]
    assert (e.country, e.location) == ("Venezuela", "Barquisimeto")
    text = "On 15 March 2024, in Sagaing Region, military aircraft bombed a village outside Kanbalu."
    assert coder.code(_article(text, "2024-03-18"))[0].location == "Kanbalu"


def test_deaths_stated_after_the_event_sentence_count(coder):
    text = "On 2 May 2020, in Celaya, Guanajuato, two armed men shot at a man. The victim died. 1 fatality."
    assert coder.code(_article(text, "2020-05-05"))[0].fatalities == 1


def test_acled_coded_figure_wins_over_the_reported_one(coder):
    text = ("On 28 April 2020, an airstrike by Afghan military forces killed 7 civilians in Chaghcharan, Ghor. "
            "Fatalities coded as 0 (another source reported 7).")
    assert coder.code(_article(text, "2020-05-01"))[0].fatalities == 0


def test_a_peaceful_protest_has_no_fatalities(coder):
    text = ("On 13 March 2022, residents protested outside a bar in Long Beach, California, "
            "after two pedestrians were killed in a crash nearby the week before.")
    e = coder.code(_article(text, "2022-03-16"))[0]
    assert e.sub_event_type == S.PEACEFUL_PROTEST and e.fatalities == 0


def test_who_speaks_takes_no_part(coder):
    text = "On 22 May 2020, Afghan officials said Taliban fighters attacked a checkpoint in Jowzjan province, killing 12 soldiers."
    e = coder.code(_article(text, "2020-05-25"))[0]
    assert e.actor1 == "Taliban" and e.sub_event_type == S.ARMED_CLASH


def test_a_later_claim_by_a_group_is_not_the_passive_agent(coder):
    text = ("On 22 May 2023, gunmen attacked an army patrol near Tizi Ouzou, wounding four soldiers, "
            "in an attack later claimed by Islamic State.")
    e = coder.code(_article(text))[0]
    assert e.sub_event_type == S.ARMED_CLASH and e.actor2.startswith("Military Forces of Algeria")


def test_police_beating_peaceful_protesters_is_excessive_force(coder):
    text = "On 22 May 2023, police attacked a peaceful student demonstration in Nairobi and beat several students."
    assert coder.code(_article(text))[0].sub_event_type == S.EXCESSIVE_FORCE


def test_an_off_duty_officer_is_a_civilian(coder):
    text = "On 2 May 2020, in Apatzingan, Michoacan, armed men attacked and wounded an off-duty police officer."
    e = coder.code(_article(text, "2020-05-05"))[0]
    assert e.sub_event_type == S.ATTACK and e.actor2 == "Civilians (Mexico)"


def test_a_speaker_reporting_its_own_forces_act_is_the_agent(coder):
    text = ("On 22 May 2023, Ukraine's military said that its forces shot down a Russian attack helicopter "
            "in the Donetsk region.")
    assert coder.code(_article(text))[0].actor1.startswith("Military Forces of Ukraine")


@pytest.mark.parametrize(
    "sentence",
    [
        "On 21 May 2023, fighting between the army and Al Shabaab militants raged for hours in Baidoa, Somalia.",
        "On 21 May 2023, the army and Al Shabaab militants exchanged fire in Baidoa, Somalia.",
        "On 21 May 2023, Somali soldiers clashed with Al Shabaab militants in Baidoa, Somalia.",
    ],
)
def test_a_named_group_on_either_side_of_a_fight_beats_an_unidentified_one(coder, sentence):
    e = coder.code(_article(sentence))[0]
    assert e.sub_event_type == S.ARMED_CLASH
    assert {e.actor1, e.actor2} == {"Military Forces of Somalia (2022-)", "Al Shabaab"}


def test_a_named_group_in_another_sentence_of_the_fight_is_the_other_side(coder):
    text = "On 21 May 2023, government troops clashed in Baidoa, Somalia, according to Al Shabaab fighters."
    e = coder.code(_article(text))[0]
    assert e.actor1.startswith("Military Forces of Somalia") and e.actor2 == "Al Shabaab"


def test_ambushing_civilians_is_an_attack_and_ambushing_troops_a_clash(coder):
    on_civilians = coder.code(_article("On 21 May 2023, Al Shabaab militants ambushed a bus carrying civilians "
                                       "near Baidoa, Somalia."))[0]
    assert on_civilians.sub_event_type == S.ATTACK and on_civilians.actor2.startswith("Civilians")
    on_troops = coder.code(_article("On 21 May 2023, Al Shabaab militants ambushed an army convoy near Baidoa, Somalia."))[0]
    assert on_troops.sub_event_type == S.ARMED_CLASH


@pytest.mark.parametrize("verb", ["seized", "occupied", "captured"])
def test_an_armed_group_that_seizes_a_named_place_takes_territory(coder, verb):
    e = coder.code(_article(f"On 21 May 2023, Al Shabaab fighters {verb} Baidoa in Somalia."))[0]
    assert e.sub_event_type == S.NON_STATE_ACTOR_OVERTAKES_TERRITORY and e.actor1 == "Al Shabaab"


def test_the_place_an_acled_note_says_it_was_coded_to_is_the_location(coder):
    events = coder.code(_article(
        "On 20 May 2023, about 300 people crossed from Ukraine into Poland at the border crossing in "
        "Podkarpackie province [coded to Przemysl] and protested against the long wait."))
    assert events and events[0].location == "Przemysl" and events[0].admin1 == "Podkarpackie"


def test_protest_in_a_capital_named_by_description(coder):
    events = coder.code(_article("Hundreds of teachers protested outside parliament in the Kenyan capital on Monday."))
    assert events and (events[0].location, events[0].country) == ("Nairobi", "Kenya")
    assert events[0].sub_event_type == S.PEACEFUL_PROTEST


def test_a_protest_by_relatives_of_accident_victims_is_still_a_protest(coder):
    events = coder.code(_article(
        "On 20 May 2023, relatives of a boy who died in a road accident staged a protest in Nakuru, "
        "demanding the arrest of the driver."))
    assert [e.sub_event_type for e in events] == [S.PEACEFUL_PROTEST]


def test_unidentified_gunmen_are_not_renamed_after_the_group_they_hit(coder):
    events = coder.code(_article("On 20 May 2023, unknown gunmen shot and killed a QSD fighter near Raqqa city."))
    assert events and (events[0].actor1, events[0].actor2) == (
        "Unidentified Armed Group (Syria)", "QSD: Syrian Democratic Forces")
    assert events[0].sub_event_type == S.ARMED_CLASH


def test_a_coded_to_place_that_is_a_namesake_abroad_is_ignored(coder):
    events = coder.code(_article("On 20 May 2023, militiamen killed a man in Gbedju village (coded as Maze) (Djugu, Ituri)."))
    assert events and events[0].country == "Democratic Republic of Congo" and events[0].admin1 == "Ituri"


def test_industrial_accidents_are_not_events_but_a_bomb_at_a_gas_station_is(coder):
    for text in ("Nine workers were killed on Tuesday when a chemical plant exploded in Tarnow.",
                 "Gas cylinders exploded during a fire in a warehouse in Kano on Monday, firefighters said."):
        assert coder.code(_article(text)) == []
    events = coder.code(_article("On 20 May 2023, a bomb exploded in a toilet at a gas station in Mandalay."))
    assert [e.sub_event_type for e in events] == [S.REMOTE_EXPLOSIVE]


def test_police_blotter_crime_is_not_political_violence(coder):
    for text in ("Police in Leeds recovered stolen property worth $50,000 and identified five burglary suspects on Monday.",
                 "A man was taken into custody in Izmir on Friday after police found drugs and counterfeit money in his car."):
        assert coder.code(_article(text)) == []
    # a named armed group, or the military, makes a seizure part of the conflict
    events = coder.code(_article("On 20 May 2023, soldiers seized drugs and rifles from Al Shabaab fighters in Baidoa."))
    assert events and events[0].sub_event_type == S.DISRUPTED_WEAPONS_USE


def test_the_violence_a_protest_is_about_does_not_make_it_violent(coder):
    for text in ("On 20 May 2023, residents protested in Nakuru against the increase in armed clashes in the county.",
                 "On 20 May 2023, traders protested in Nakuru demanding the arrest of men who torched their stalls."):
        events = coder.code(_article(text))
        assert [e.sub_event_type for e in events] == [S.PEACEFUL_PROTEST]
    # violence the crowd commits, before or after the protest word, still counts
    events = coder.code(_article("On 20 May 2023, there were protests in Nakuru after demonstrators clashed with police."))
    assert events and events[0].sub_event_type == S.VIOLENT_DEMONSTRATION
