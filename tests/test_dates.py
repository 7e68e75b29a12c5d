"""Dates: explicit and relative mentions resolved against the publication date."""

import datetime as dt

import pytest

from pipelines.extraction.dates import DateMention, days_of, find_dates

TUESDAY_2_MAY = dt.date(2023, 5, 2)  # a Tuesday, two days into a month
D = dt.date


def _only(text: str, published_on: dt.date = TUESDAY_2_MAY) -> DateMention:
    mentions = find_dates(text, published_on)
    assert len(mentions) == 1, mentions
    return mentions[0]


def _day(text: str, published_on: dt.date = TUESDAY_2_MAY) -> dt.date:
    mention = _only(text, published_on)
    assert mention.first_day == mention.last_day
    return mention.first_day


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed the village on 22 April 2023.",
        "Gunmen stormed the village on April 22, 2023.",
        "Gunmen stormed the village on April 22.",
        "Gunmen stormed the village on 22 April.",
        "Gunmen stormed the village on the 22nd of April.",
        "Gunmen stormed the village (2023-04-22).",
        "Gunmen stormed the village on 22/04/2023.",
        "Gunmen stormed the village on 04/22/2023.",
        "Gunmen stormed the village on Saturday, 22 April 2023.",
    ],
)
def test_explicit_dates_in_every_common_form(text):
    mention = _only(text)
    assert (mention.first_day, mention.precision, mention.historical) == (D(2023, 4, 22), 1, False)
    assert text[mention.start:mention.end].rstrip(".)").endswith(("2023", "April", "22"))


def test_numeric_dates_are_read_day_first():
    assert _day("The convoy was hit on 03/04/2023.") == D(2023, 4, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling resumed on Monday.", D(2023, 5, 1)),
        ("Militants attacked the base Monday.", D(2023, 5, 1)),
        ("The checkpoint was overrun late on Saturday.", D(2023, 4, 29)),
        ("Drones struck the depot early Tuesday.", D(2023, 5, 2)),
        ("Two mortars landed in the market Sunday night.", D(2023, 4, 30)),
        ("Police dispersed the crowd yesterday.", D(2023, 5, 1)),
        ("Police dispersed the crowd today.", D(2023, 5, 2)),
        ("Police dispersed the crowd this morning.", D(2023, 5, 2)),
        ("Rockets fell on the town last night.", D(2023, 5, 1)),
        ("Rockets fell on the town overnight.", D(2023, 5, 2)),
        ("Rockets fell on the town overnight into Tuesday.", D(2023, 5, 2)),
        ("Rockets fell on the town Monday night into Tuesday.", D(2023, 5, 2)),
        ("Rockets fell on the town overnight on Sunday.", D(2023, 4, 30)),
        ("Rockets fell on the town on the night of 21 to 22 April.", D(2023, 4, 22)),
        ("The bridge was blown up two days ago.", D(2023, 4, 30)),
        ("Fighting broke out last Tuesday.", D(2023, 4, 25)),
    ],
)
def test_relative_days(text, expected):
    mention = _only(text)
    assert (mention.first_day, mention.precision) == (expected, 1)


def test_a_weekday_equal_to_the_publication_weekday_is_the_publication_day():
    assert _day("Protesters marched on Tuesday.") == TUESDAY_2_MAY


def test_weekdays_cross_a_month_boundary():
    assert _day("Shelling hit the port on Sunday.") == D(2023, 4, 30)


def test_relative_dates_cross_a_year_boundary():
    tuesday_2_january = D(2024, 1, 2)
    assert _day("Rebels seized the town on Saturday.", tuesday_2_january) == D(2023, 12, 30)
    assert _day("Rebels seized the town on 30 December.", tuesday_2_january) == D(2023, 12, 30)
    last_month = _only("Rebels seized the town last month.", tuesday_2_january)
    assert (last_month.first_day, last_month.last_day, last_month.precision) == (D(2023, 12, 1), D(2023, 12, 31), 3)


@pytest.mark.parametrize(
    ("text", "first", "last", "precision"),
    [
        ("Clashes went on last week.", D(2023, 4, 24), D(2023, 4, 30), 2),
        ("Clashes went on over the weekend.", D(2023, 4, 29), D(2023, 4, 30), 2),
        ("Clashes went on in mid-April.", D(2023, 4, 11), D(2023, 4, 20), 2),
        ("Clashes went on earlier this month.", D(2023, 5, 1), D(2023, 5, 2), 3),
        ("Clashes went on in April.", D(2023, 4, 1), D(2023, 4, 30), 3),
        ("Clashes went on in May.", D(2023, 5, 1), D(2023, 5, 2), 3),
        ("Clashes went on in June.", D(2022, 6, 1), D(2022, 6, 30), 3),
    ],
)
def test_weeks_and_months_are_periods_with_coarser_precision(text, first, last, precision):
    mention = _only(text)
    assert (mention.first_day, mention.last_day, mention.precision) == (first, last, precision)


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("Troops fought from 3 to 5 April.", 1),
        ("Troops fought 3-5 April.", 1),
        ("Troops fought on April 3-5.", 1),
        ("Troops fought at some point between 3 and 5 April.", 2),
    ],
)
def test_day_ranges(text, precision):
    mention = _only(text)
    assert (mention.first_day, mention.last_day, mention.precision) == (D(2023, 4, 3), D(2023, 4, 5), precision)


def test_a_range_across_months():
    mention = _only("Troops fought from 30 April to 1 May.")
    assert (mention.first_day, mention.last_day) == (D(2023, 4, 30), D(2023, 5, 1))


def test_days_of_lists_each_day_of_a_lasting_event_and_one_day_of_an_uncertain_one():
    assert days_of(_only("Troops fought from 30 April to 2 May.")) == [D(2023, 4, 30), D(2023, 5, 1), D(2023, 5, 2)]
    assert days_of(_only("Troops fought on 1 May.")) == [D(2023, 5, 1)]
    assert days_of(_only("Troops fought last week.")) == [D(2023, 4, 27)]


def test_acled_note_openings():
    published = D(2022, 6, 27)
    assert _only("On 24 June 2022, rebels ambushed a patrol.", published).first_day == D(2022, 6, 24)
    as_reported = _only("Around 14 June 2022 (as reported), a mob burned a car.", published)
    assert (as_reported.first_day, as_reported.precision) == (D(2022, 6, 14), 1)
    week_of = _only("On 3 June 2022 (week of), soldiers looted shops.", published)
    assert (week_of.first_day, week_of.precision) == (D(2022, 6, 3), 2)
    window = _only("Between 1 and 7 June 2022, militants abducted herders.", published)
    assert (window.first_day, window.last_day, window.precision) == (D(2022, 6, 1), D(2022, 6, 7), 2)


@pytest.mark.parametrize(
    "text",
    [
        "The town was destroyed in 1945.",
        "The region has been contested since 2014.",
        "Veterans of the 2008 war joined the protest.",
        "Russia has occupied the area since February 2022.",
        "They marked the anniversary of the 12 March 2019 massacre.",
    ],
)
def test_history_is_marked_historical(text):
    assert _only(text).historical


def test_recent_dates_are_not_historical():
    assert not _only("On 30 December 2023, a drone hit the port.", D(2024, 1, 2)).historical


@pytest.mark.parametrize(
    "text",
    [
        "More than 2,000 people fled.",
        "About 2000 people fled.",
        "Theresa May spoke to reporters.",
        "Protesters may march again.",
        "Talks will resume next Monday.",
    ],
)
def test_non_dates_are_not_dates(text):
    assert find_dates(text, TUESDAY_2_MAY) == []


def test_nothing_is_dated_after_publication():
    assert find_dates("Elections are due on 20 May 2023.", TUESDAY_2_MAY) == []
    rolled_back = _only("A ceasefire began on 20 May.")
    assert rolled_back.first_day == D(2022, 5, 20) and rolled_back.historical
    this_week = _only("Raids continued this week.")
    assert this_week.last_day == TUESDAY_2_MAY


def test_offsets_point_into_the_text_and_mentions_come_in_order():
    text = "On Monday gunmen killed two farmers; on 28 April police had arrested a suspect."
    mentions = find_dates(text, TUESDAY_2_MAY)
    assert [text[m.start:m.end] for m in mentions] == ["On Monday", "28 April"]


def test_plans_later_this_month_are_not_dates():
    assert find_dates("A vote is due later this month.", TUESDAY_2_MAY) == []
    assert find_dates("Talks resume later this week.", TUESDAY_2_MAY) == []


@pytest.mark.parametrize(
    "text",
    [
        "Shelling resumed LAST WEEK near the depot.",
        "OVERNIGHT shelling damaged the depot.",
        "The depot was shelled Two Days Ago.",
        "The depot was shelled EARLIER THIS MONTH.",
        "The depot was shelled Over The Weekend.",
        "YESTERDAY the depot was shelled.",
        "The depot was shelled LAST Tuesday.",
    ],
)
def test_relative_dates_are_found_in_any_case(text: str) -> None:
    assert _only(text).first_day <= TUESDAY_2_MAY


def test_a_non_ascii_character_elsewhere_does_not_change_the_dates_found() -> None:
    plain = "The café owner said the depot was shelled last week and again two days ago, on 30 April."
    ascii_only = plain.replace("é", "e")
    assert [(m.first_day, m.last_day, m.precision) for m in find_dates(plain, TUESDAY_2_MAY)] == [
        (m.first_day, m.last_day, m.precision) for m in find_dates(ascii_only, TUESDAY_2_MAY)
    ]
    assert len(find_dates(plain, TUESDAY_2_MAY)) == 3
