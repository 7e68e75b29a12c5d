"""Cardinal numbers written as digits ("1,200", "35") or English words ("twenty-one",
"two hundred and five", "a dozen"), shared by the date and fatality extractors so both read
numbers the same way.

`NUMBER_PATTERN` is regex source without groups of its own (safe to embed in larger patterns);
`parse_number` turns what it matches into an int.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}


def lazy_pattern(source: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A regex compiled on first use: the extractors' patterns are large (they embed
    `NUMBER_PATTERN`), and compiling them all at import would make importing the coder slow."""
    return functools.cache(lambda: re.compile(source, flags))


def _alternation(words: list[str]) -> str:
    # Longest first so "seventeen" is not read as "seven" + "teen".
    return "|".join(sorted(words, key=len, reverse=True))


_NUMBER_WORD = rf"(?:{_alternation([*_UNITS, *_TENS])})"
_SCALE = r"(?:hundred|thousand|million)"
_TERM = rf"(?:{_NUMBER_WORD}|{_SCALE}|dozen)"
# A run of number words, loosely: "twenty-one", "two hundred and five", "a dozen", "half a dozen".
# "and" joins only after a scale word, so "two and three" is two numbers; `parse_number`
# checks the order of the words.
_WORDS = (
    rf"(?:(?:half\s+)?a\s+(?={_SCALE}|dozen)|(?={_NUMBER_WORD})){_TERM}"
    rf"(?:[\s-]+{_TERM}\b|(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+{_NUMBER_WORD}\b)*"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:hundred|thousand|million))?"

NUMBER_PATTERN = rf"(?<![\w.,])(?:{_DIGITS}|{_WORDS})(?!\w|[.,]\d)"
"""Regex source matching one cardinal number, digits or words (use with re.IGNORECASE)."""

_NUMBER = lazy_pattern(rf"(?:{_DIGITS}|{_WORDS})", re.IGNORECASE)
_TOKEN = lazy_pattern(r"[a-z]+|\d[\d,]*")


def parse_number(text: str) -> int | None:
    """The value of a cardinal number ("1,200" → 1200, "twenty-one" → 21, "a dozen" → 12,
    "two hundred and five" → 205, "3 thousand" → 3000), or None when `text` is not one."""
    cleaned = " ".join(text.split()).lower()
    if not _NUMBER().fullmatch(cleaned):
        return None
    if cleaned == "half a dozen":
        return 6
    total = 0
    current = 0
    previous = ""
    for token in _TOKEN().findall(cleaned):
        if token[0].isdigit():
            current += int(token.replace(",", ""))
        elif token in _UNITS or token in _TENS:
            value = _UNITS.get(token) or _TENS.get(token, 0)
            if previous in _UNITS or (previous in _TENS and token in _TENS) or (previous in _TENS and value >= 10):
                return None  # "one two", "twenty thirty": two numbers, not one
            current += value
        elif token == "a":
            current += 1
        elif token == "dozen":
            current = max(current, 1) * 12
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in ("thousand", "million"):
            total += max(current, 1) * _SCALES[token]
            current = 0
        previous = token
    return total + current
