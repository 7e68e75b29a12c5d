"""Country names, demonyms, ISO numeric codes and ACLED regions."""

import pytest

from pipelines.extraction.countries import acled_region, country_of, find_countries, fold, iso_numeric


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Ukrainian", "Ukraine"),
        ("U.S.", "United States"),
        ("DRC", "Democratic Republic of Congo"),
        ("Democratic Republic of the Congo", "Democratic Republic of Congo"),
        ("Côte d'Ivoire", "Ivory Coast"),
        ("Syrian Arab Republic", "Syria"),
        ("Republic of Korea", "South Korea"),
        ("Burma", "Myanmar"),
        ("Palestinian", "Palestine"),
        ("Russian Federation", "Russia"),
        ("Turkiye", "Turkey"),
        ("Iranian", "Iran"),
    ],
)
def test_country_of_gives_acleds_spelling(name: str, country: str) -> None:
    assert country_of(name) == country


def test_country_of_unknown_name_is_none() -> None:
    assert country_of("Atlantis") is None


def test_iso_numeric_codes() -> None:
    assert iso_numeric("Ukraine") == 804
    assert iso_numeric("Democratic Republic of Congo") == 180
    assert iso_numeric("Palestine") == 275
    assert iso_numeric("Nowhere") is None


@pytest.mark.parametrize(
    ("country", "region"),
    [
        ("Syria", "Middle East"),
        ("Iran", "Middle East"),
        ("Ukraine", "Europe"),
        ("Russia", "Europe"),
        ("Mexico", "Central America"),
        ("United States", "North America"),
        ("Democratic Republic of Congo", "Middle Africa"),
        ("Mozambique", "Southern Africa"),
        ("Nigeria", "Western Africa"),
        ("Somalia", "Eastern Africa"),
        ("Libya", "Northern Africa"),
        ("Azerbaijan", "Caucasus and Central Asia"),
        ("Kazakhstan", "Caucasus and Central Asia"),
        ("India", "South Asia"),
        ("Myanmar", "Southeast Asia"),
        ("South Korea", "East Asia"),
        ("Haiti", "Caribbean"),
        ("Colombia", "South America"),
        ("Papua New Guinea", "Oceania"),
    ],
)
def test_acled_regions(country: str, region: str) -> None:
    assert acled_region(country) == region


def test_find_countries_names_abbreviations_and_demonyms_with_offsets() -> None:
    text = "The U.S. and the DRC condemned the Russian strikes on Ukraine."
    found = find_countries(text)
    assert [(text[s:e], c) for s, e, c in found] == [
        ("U.S.", "United States"),
        ("DRC", "Democratic Republic of Congo"),
        ("Russian", "Russia"),
        ("Ukraine", "Ukraine"),
    ]


def test_find_countries_prefers_the_longest_name() -> None:
    found = find_countries("Aid reached the Central African Republic and South Sudan.")
    assert [c for _, _, c in found] == ["Central African Republic", "South Sudan"]


def test_find_countries_ignores_the_pronoun_us() -> None:
    assert find_countries("They told us nothing.") == []


@pytest.mark.parametrize("apostrophe", ["'", "’", "‘", "ʼ", "´", "`"])
def test_find_countries_reads_a_possessive_whatever_the_apostrophe(apostrophe: str) -> None:
    text = f"Shells hit Ukraine{apostrophe}s east and Côte d{apostrophe}Ivoire{apostrophe}s north."
    assert [c for _, _, c in find_countries(text)] == ["Ukraine", "Ivory Coast"]


def test_fold_treats_typeset_marks_like_plain_ones() -> None:
    assert fold("Sana´a") == fold("Sanaʼa") == fold("Sana'a") == "sanaa"
    assert fold("Nord‑Kivu") == fold("Nord-Kivu") == "nord kivu"
