"""The beginnings scanners use to skip text positions: never too few, or a match is lost."""

import re

from pipelines.extraction.regex_heads import alternatives, match_beginnings


def test_alternatives_split_only_at_the_top_level():
    assert alternatives(r"shell(?:ed|ing)|mortars?|[|]x") == [r"shell(?:ed|ing)", "mortars?", "[|]x"]


def test_beginnings_cover_every_match():
    pattern = r"\b(?:(?:late|early)\s+)?overnight"
    heads = match_beginnings(pattern, 1)
    assert heads == {"l", "e", "o"}
    for text in ("overnight", "late overnight", "Early overnight"):
        m = re.match(pattern, text, re.IGNORECASE)
        assert m and text[0].lower() in heads


def test_a_beginning_that_cannot_be_listed_means_try_everywhere():
    assert "" in match_beginnings(r"\d+ days ago", 1)
    assert match_beginnings("air ?strikes?", 3) == {"air"}
