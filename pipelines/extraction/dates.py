"""Dates in article text, explicit ("22 May 2023", "2023-05-22") and relative ("on Monday",
"last week"), resolved against the article's publication date into ACLED's time precision.

Hand-written regexes and tables: the whole coder must read ~100 articles a second, which rules
out general-purpose date parsers run per sentence.

Decisions (ACLED's codebook leaves them open or the text is ambiguous):

- No mention is ever dated after publication. A date without a year takes the publication
  year, or the year before when that would be in the future ("30 December" in a 2 January
  article). An explicit date after publication is dropped (a plan, not an event); a period
  that runs past publication ("this week") is cut at the publication day.
- A weekday is the most recent such day on or before publication, so "on Tuesday" in a
  Tuesday article is the publication day; "last Tuesday" is strictly before it.
- A night that spans two dates is dated by the morning it ends in: that is the date sources
  file overnight strikes under, and when most of them land. A bare "overnight" is the
  publication day (the night just ended), "overnight into Tuesday" and "Monday night into
  Tuesday" are Tuesday, "the night of 21 to 22 May" is 22 May. An evening named alone keeps
  its own date: "last night" is the day before publication, "Sunday night" is Sunday.
- "from 3 to 5 May" and "3-5 May" say the event lasted those days: precision 1, one day each
  (see `days_of`). "between 3 and 5 May" says it happened at some point in that window:
  precision 2, like "last week", "over the weekend", "mid-May". Month-only periods ("in May",
  "earlier this month", "last month") are precision 3.
- ACLED's own qualifiers keep their meaning: "(as reported)" is precision 1, "(week of)" 2,
  "(month of)" 3, all on the date written.
- A mention is historical when it ends more than 180 days before publication, is a bare
  past year ("in 1945", "the 2008 war", "since 2014"), starts a long state ("since February
  2022" more than a month back), or names what an anniversary commemorates.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat

from pipelines.extraction.numbers import NUMBER_PATTERN, parse_number
from pipelines.extraction.numbers import lazy_pattern as _lazy
from pipelines.extraction.regex_heads import match_beginnings

HISTORICAL_AFTER_DAYS = 180
"""A mention ending this many days or more before publication is background, not news."""


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or period mentioned at `text[start:end]`, resolved to calendar days.

    `last_day` equals `first_day` for one day. `precision` is ACLED's time precision: 1 the
    day is known, 2 only the week or a few days, 3 only the month. `historical` marks what is
    clearly not a current event (a past year, a long-running state, an anniversary)."""

    start: int
    end: int
    first_day: dt.date
    last_day: dt.date
    precision: int
    historical: bool


_MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}
_WEEKDAYS = {
    "Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5,
    "Sunday": 6,
}


def _names(table: dict[str, int]) -> str:
    # Case-sensitive (capitalised) so that "may" the verb and "a march" are not months.
    return "(?-i:" + "|".join(sorted(table, key=len, reverse=True)) + r")\b"


_MONTH = _names(_MONTHS) + r"\.?"
_WEEKDAY = _names(_WEEKDAYS)
_DAY = r"(?<![\d.,/])(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?:19|20)\d{2}(?!\d)"
_TO = r"\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\bthrough\b|\binto\b|/)\s*"
_LEAD = (
    rf"(?:(?P<night>(?:the\s+)?night\s+of\s+(?:the\s+)?)|(?P<between>between\s+(?:the\s+)?)"
    rf"|from\s+(?:the\s+)?|{_WEEKDAY},?\s+(?:the\s+)?)?"
)
_QUALIFIER = r"(?:,?\s*\((?P<qual>week of|month of|as reported)\))?"
_TIME_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"


def _optional_year(group: str) -> str:
    return rf"(?:,?\s+(?P<{group}>{_YEAR}))?"


_RANGE_LINK = r"(?:\s+and\s+|" + _TO + ")"

_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?<![\d-])(?P<y>(?:19|20)\d{2})[-/](?P<m>[01]?\d)[-/](?P<d>[0-3]?\d)(?!\d)"),
    ("numeric", r"(?<![\d./])(?P<a>[0-3]?\d)[./](?P<b>[0-3]?\d)[./](?P<y>(?:19|20)?\d{2})(?![\d/]|\.\d)"),
    # 21-22 May 2022; between 3 and 5 May; night of 21 to 22 May
    ("range_dm", rf"{_LEAD}(?P<d1>{_DAY}){_RANGE_LINK}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}){_optional_year('y')}"),
    # 30 April to 2 May 2022
    ("range_dmdm", rf"{_LEAD}(?P<d1>{_DAY})\s+(?:of\s+)?(?P<m1>{_MONTH}){_optional_year('y1')}{_RANGE_LINK}"
                   rf"(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH}){_optional_year('y')}"),
    # May 3-5, 2022; between May 3 and 5
    ("range_md", rf"{_LEAD}(?P<m>{_MONTH})\s+(?P<d1>{_DAY}){_RANGE_LINK}(?P<d2>{_DAY}){_optional_year('y')}"),
    # April 30 to May 2, 2022
    ("range_mdmd", rf"{_LEAD}(?P<m1>{_MONTH})\s+(?P<d1>{_DAY}){_optional_year('y1')}{_RANGE_LINK}"
                   rf"(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}){_optional_year('y')}"),
    ("dm", rf"{_LEAD}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}){_optional_year('y')}{_QUALIFIER}"),
    ("md", rf"{_LEAD}(?P<m>{_MONTH})\s+(?P<d>{_DAY}){_optional_year('y')}{_QUALIFIER}"),
    # in May, mid-May, early May 2022, May 2022
    ("month", rf"(?:\b(?P<part>early|mid|middle\s+of|late|end\s+of|the\s+end\s+of|beginning\s+of"
              rf"|the\s+beginning\s+of|start\s+of|the\s+start\s+of)[\s-]+|\b(?:in|since|during|until|till"
              rf"|through|throughout|from|last|this|before|after|by)\s+)?(?P<m>{_MONTH})"
              rf"(?:,?\s+(?P<y>{_YEAR}))?"),
    ("year", rf"\b(?P<prep>in|since|of|from|until|till|by|during|before|after|the|early|late|mid-?"
             rf"|summer|spring|autumn|fall|winter)\s+(?P<y>{_YEAR})(?P<decade>s)?"
             r"(?!\s*(?:%|[-–/]\s*\d))(?=(?P<next>\s+[a-z]+))?"),
    ("weekday", rf"\b(?:(?P<mod>last|past|this|next|coming|previous)\s+)?(?:(?:late|early)\s+)?"
                rf"(?:on\s+)?(?:(?:late|early)\s+)?(?<!next\s)(?<!coming\s)(?P<w>{_WEEKDAY})(?:'s)?(?:\s+{_TIME_OF_DAY})?"
                rf"(?:\s+into\s+(?P<into>{_WEEKDAY}))?"),
    ("overnight", rf"\b(?:(?:late|early)\s+)?overnight(?:\s+(?:into|to|on|of)?\s*(?P<w>{_WEEKDAY}))?"),
    ("day_word", r"\b(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night"
                 r"|this\s+(?:morning|afternoon|evening)|earlier\s+today|earlier\s+in\s+the\s+day)\b"),
    ("ago", rf"\b(?P<n>an?|{NUMBER_PATTERN})\s+(?P<unit>days?|weeks?)\s+ago\b"),
    ("week", r"\b(?<!later\s)(?P<which>last|this|earlier\s+this|past|previous)\s+week\b(?!end)"),
    ("weekend", r"\b(?P<which>over\s+the|at\s+the|on\s+the|during\s+the|this|last|past|over\s+the\s+past"
                r"|previous)\s+weekend\b"),
    ("month_rel", r"\b(?<!later\s)(?P<which>(?:earlier|later|late|early)\s+(?:this|last)|earlier\s+in\s+the|this|last"
                  r"|past|previous)\s+month\b"),
]
_COMPILED = {kind: _lazy(source, re.IGNORECASE) for kind, source in _PATTERNS}

# Which patterns a cue triggers, and how many words before the cue each may begin.
_TRIGGERS: dict[str, tuple[tuple[str, int], ...]] = {
    "digit": (("iso", 0), ("numeric", 0), ("year", 1), ("ago", 0)),
    "month": (("dm", 6), ("range_dm", 6), ("range_dmdm", 6), ("md", 3), ("range_md", 3), ("range_mdmd", 3),
              ("month", 3)),
    "weekday": (("weekday", 3),),
    "word": (("overnight", 2), ("day_word", 3), ("ago", 3), ("week", 2), ("weekend", 3), ("month_rel", 3)),
}
_MOST_WORDS_BACK = {cue: max(back for _, back in kinds) for cue, kinds in _TRIGGERS.items()}
_DIGITS = _lazy(r"\d+")
_NAME = _lazy("(?:" + "|".join(sorted([*_MONTHS, *_WEEKDAYS], key=len, reverse=True)) + r")\b")
_RELATIVE_WORDS = ("yesterday", "today", "tonight", "night", "morning", "afternoon", "evening", "ago", "week", "month")
_RELATIVE_WORD = _lazy("|".join(_RELATIVE_WORDS).replace("ago", r"ago\b"))
_WORD_START = _lazy(r"\b\w")

@functools.cache
def _first_chars(kind: str) -> frozenset[str] | None:
    """The lower-case characters a match of the pattern `kind` can begin with; None when any
    can (its beginning cannot be listed)."""
    heads = match_beginnings(dict(_PATTERNS)[kind], 1)
    return None if "" in heads else frozenset(heads)


@functools.cache
def _kinds_starting(cue: str, words_back: int, char: str) -> tuple[str, ...]:
    """The pattern kinds `cue` triggers `words_back` words before it (0: at the cue itself)
    that can begin with `char`."""
    return tuple(
        kind for kind, most_back in _TRIGGERS[cue]
        if (words_back == 0 or words_back <= most_back)
        # a non-ASCII start is always tried: IGNORECASE lets "ſ" match "s"
        and ((first := _first_chars(kind)) is None or not char.isascii() or char.lower() in first)
    )


_SINCE_BEFORE = _lazy(r"\bsince\s+(?:(?:the\s+)?(?:early|mid|late)[\s-]+|the\s+)?$", re.IGNORECASE)
_ANNIVERSARY_BEFORE = _lazy(r"\banniversary\s+of\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Period:
    """A mention resolved to days, before it is cut at publication and judged historical."""

    first: dt.date
    last: dt.date
    precision: int
    historical: bool = False


def find_dates(text: str, published_on: dt.date) -> list[DateMention]:
    """Every date mention in `text`, in order, none after `published_on`.

    Where candidate mentions overlap, the longest wins ("Monday, 22 May 2023" over "Monday").
    """
    candidates: list[tuple[int, int, _Period]] = []
    for start, kind in _attempts(text):
        match = _COMPILED[kind]().match(text, start)
        if match is not None:
            period = _RESOLVERS[kind](match, published_on)
            if period is not None:
                candidates.append((match.start(), match.end(), period))
    candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
    taken: list[tuple[int, int]] = []
    mentions: list[DateMention] = []
    for start, end, period in candidates:
        if any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
            continue
        taken.append((start, end))  # a future date still owns its words: "20 May 2023" is not "May 2023"
        mention = _finish(text, start, end, period, published_on)
        if mention is not None:
            mentions.append(mention)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _attempts(text: str) -> list[tuple[int, str]]:
    """(position, pattern kind) pairs worth trying: every mention holds a cue (a digit, a month
    or weekday name, a word such as "yesterday") and begins at it or a few words before it
    ("between 3 and 5 May", "late on Saturday"). Matching there, rather than scanning the whole
    text with each pattern, keeps `find_dates` near a millisecond for a 5 KB article."""
    if text.isascii():
        cues = [(position, "digit") for position in _ascii_digit_run_starts(text)]
        cues += [(position, "word") for position in _ascii_relative_word_starts(text.lower())]
    else:
        cues = [(m.start(), "digit") for m in _DIGITS().finditer(text)]
        cues += [(m.start(), "word") for m in _RELATIVE_WORD().finditer(text.lower())]
    cues += [(m.start(), "weekday" if m.group(0) in _WEEKDAYS else "month") for m in _NAME().finditer(text)]
    word_starts = _word_starts_before(text, sorted(position for position, _ in cues))
    attempts: set[tuple[int, str]] = set()
    for position, cue in cues:
        if position < len(text):
            attempts.update(zip(repeat(position), _kinds_starting(cue, 0, text[position])))
        nearest = bisect_left(word_starts, position)
        earliest = max(bisect_left(word_starts, position - 60, 0, nearest), nearest - _MOST_WORDS_BACK[cue])
        for back, start in enumerate(reversed(word_starts[earliest:nearest]), 1):
            attempts.update(zip(repeat(start), _kinds_starting(cue, back, text[start])))
    return sorted(attempts)


# The two functions below find what `_DIGITS` and `_RELATIVE_WORD` find in ASCII text, with
# `str.find`, which skips through text several times faster than those regexes.


def _ascii_digit_run_starts(text: str) -> list[int]:
    digits: set[int] = set()
    for digit in "0123456789":
        position = text.find(digit)
        while position >= 0:
            digits.add(position)
            position = text.find(digit, position + 1)
    return sorted(position for position in digits if position - 1 not in digits)


def _ascii_relative_word_starts(lowered: str) -> list[int]:
    """Where `_RELATIVE_WORD` matches: at each place the first of its words found there wins,
    and the search goes on after it."""
    ends: dict[int, int] = {}
    for word in _RELATIVE_WORDS:
        position = lowered.find(word)
        while position >= 0:
            end = position + len(word)
            if word != "ago" or end == len(lowered) or not (lowered[end].isalnum() or lowered[end] == "_"):
                ends.setdefault(position, end)
            position = lowered.find(word, position + 1)
    starts: list[int] = []
    free_from = 0
    for position in sorted(ends):
        if position >= free_from:
            starts.append(position)
            free_from = ends[position]
    return starts


def _word_starts_before(text: str, positions: list[int]) -> list[int]:
    """Where words begin in the 60 characters before each of `positions` (sorted), in order."""
    starts: list[int] = []
    window_start = window_end = 0
    for position in positions:
        if position - 60 > window_end:
            starts += map(re.Match.start, _WORD_START().finditer(text, window_start, window_end))
            window_start = position - 60
        window_end = position
    starts += map(re.Match.start, _WORD_START().finditer(text, window_start, window_end))
    return starts


def days_of(mention: DateMention) -> list[dt.date]:
    """The days to code an event on: every day of a range whose days are all known
    (precision 1, "from 3 to 5 May" → 3, 4, 5 May); for a week or month (precision 2, 3) the
    one day in the middle of the period, as ACLED codes an event known only to the week."""
    if mention.precision == 1:
        span = (mention.last_day - mention.first_day).days
        return [mention.first_day + dt.timedelta(days=i) for i in range(span + 1)]
    middle = (mention.last_day - mention.first_day).days // 2
    return [mention.first_day + dt.timedelta(days=middle)]


def _finish(text: str, start: int, end: int, period: _Period, published_on: dt.date) -> DateMention | None:
    if period.first > published_on:
        return None
    last = min(period.last, published_on)
    before = text[max(0, start - 40):start]
    age = (published_on - last).days
    historical = (
        period.historical
        or age >= HISTORICAL_AFTER_DAYS
        or (_starts_long_state(text, start, before) and (published_on - period.first).days > 31)
        or _ANNIVERSARY_BEFORE().search(before) is not None
    )
    return DateMention(start, end, period.first, last, period.precision, historical)


def _starts_long_state(text: str, start: int, before: str) -> bool:
    return _SINCE_BEFORE().search(before) is not None or text[start:start + 6].lower() == "since "


# --- resolvers: one per pattern kind, match → _Period (or None when not a usable date) ---


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _month_number(text: str) -> int:
    return _MONTHS[text.rstrip(".")]


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _in_past_year(month: int, day: int, year: str | None, published_on: dt.date) -> dt.date | None:
    """The date with its written year, else the latest such date on or before publication."""
    if year:
        return _date(int(year), month, day)
    found = _date(published_on.year, month, day)
    if found is None or found > published_on:
        found = _date(published_on.year - 1, month, day)
    return found


def _single(match: re.Match[str], day: int, month: int, published_on: dt.date) -> _Period | None:
    found = _in_past_year(month, day, match.group("y"), published_on)
    if found is None:
        return None
    precision = {"week of": 2, "month of": 3}.get((match.groupdict().get("qual") or "").lower(), 1)
    return _Period(found, found, precision)


def _resolve_dm(match: re.Match[str], published_on: dt.date) -> _Period | None:
    return _single(match, _day_number(match.group("d")), _month_number(match.group("m")), published_on)


def _resolve_iso(match: re.Match[str], published_on: dt.date) -> _Period | None:
    found = _date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    return _Period(found, found, 1) if found else None


def _resolve_numeric(match: re.Match[str], published_on: dt.date) -> _Period | None:
    year = int(match.group("y"))
    if year < 100:
        year += 2000
    first, second = int(match.group("a")), int(match.group("b"))
    # Day first, as most of the world writes it, unless that cannot be a date (05/22/2023).
    found = _date(year, second, first) or _date(year, first, second)
    return _Period(found, found, 1) if found else None


def _range(match: re.Match[str], m1: int, d1: int, m2: int, d2: int, published_on: dt.date) -> _Period | None:
    year = match.group("y")
    first_year = match.groupdict().get("y1")
    last = _in_past_year(m2, d2, year, published_on)
    if last is None:
        return None
    start_year = int(first_year) if first_year else last.year - (1 if (m1, d1) > (m2, d2) else 0)
    first = _date(start_year, m1, d1)
    if first is None or first > last:
        return None
    if match.group("night"):
        return _Period(last, last, 1)
    precision = 2 if match.group("between") and first != last else 1
    return _Period(first, last, precision)


def _resolve_range_dm(match: re.Match[str], published_on: dt.date) -> _Period | None:
    month = _month_number(match.group("m"))
    d1, d2 = _day_number(match.group("d1")), _day_number(match.group("d2"))
    return _range(match, month, d1, month, d2, published_on)


def _resolve_range_dmdm(match: re.Match[str], published_on: dt.date) -> _Period | None:
    return _range(
        match,
        _month_number(match.group("m1")), _day_number(match.group("d1")),
        _month_number(match.group("m2")), _day_number(match.group("d2")),
        published_on,
    )


_MONTH_PARTS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "mid": (11, 20),
                "middle": (11, 20), "late": (21, 31), "end": (21, 31)}


def _resolve_month(match: re.Match[str], published_on: dt.date) -> _Period | None:
    part, year = match.group("part"), match.group("y")
    if not part and not year and match.group(0) == match.group("m"):
        return None  # a bare capitalised "May" or "March" may be a name or a verb
    month = _month_number(match.group("m"))
    if year:
        first_year = int(year)
    else:
        first_year = published_on.year if month <= published_on.month else published_on.year - 1
    days = monthrange(first_year, month)[1]
    if part:
        low, high = next(_MONTH_PARTS[w] for w in part.lower().split() if w in _MONTH_PARTS)
        return _Period(dt.date(first_year, month, low), dt.date(first_year, month, min(high, days)), 2)
    return _Period(dt.date(first_year, month, 1), dt.date(first_year, month, days), 3)


_PEOPLE_AFTER_NUMBER = _lazy(r"\s+[a-z]+s$")


def _resolve_year(match: re.Match[str], published_on: dt.date) -> _Period | None:
    year = int(match.group("y"))
    prep = match.group("prep").lower()
    plural_after = match.group("next") and _PEOPLE_AFTER_NUMBER().match(match.group("next"))
    if year >= published_on.year or (prep in ("the", "of", "in") and plural_after and not match.group("decade")):
        return None  # the current year says nothing; "the 2000 protesters" is a count
    last_year = year + 9 if match.group("decade") else year
    return _Period(dt.date(year, 1, 1), dt.date(last_year, 12, 31), 3, historical=True)


def _weekday_on_or_before(published_on: dt.date, weekday: int, strictly: bool = False) -> dt.date:
    back = (published_on.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return published_on - dt.timedelta(days=back)


def _resolve_weekday(match: re.Match[str], published_on: dt.date) -> _Period | None:
    mod = (match.group("mod") or "").lower()
    if mod in ("next", "coming"):
        return None
    day = _weekday_on_or_before(published_on, _WEEKDAYS[match.group("into") or match.group("w")],
                                strictly=mod in ("last", "past", "previous"))
    return _Period(day, day, 1)


def _resolve_overnight(match: re.Match[str], published_on: dt.date) -> _Period | None:
    weekday = match.group("w")
    day = _weekday_on_or_before(published_on, _WEEKDAYS[weekday]) if weekday else published_on
    return _Period(day, day, 1)


_DAYS_BACK = {"yesterday": 1, "last night": 1, "the day before yesterday": 2}


def _resolve_day_word(match: re.Match[str], published_on: dt.date) -> _Period | None:
    word = " ".join(match.group("word").lower().split())
    day = published_on - dt.timedelta(days=_DAYS_BACK.get(word, 0))
    return _Period(day, day, 1)


def _resolve_ago(match: re.Match[str], published_on: dt.date) -> _Period | None:
    n = match.group("n")
    count = 1 if n.lower() in ("a", "an") else parse_number(n)
    if count is None:
        return None
    if match.group("unit").lower().startswith("week"):
        day = published_on - dt.timedelta(weeks=count)
        return _Period(day - dt.timedelta(days=3), day + dt.timedelta(days=3), 2)
    day = published_on - dt.timedelta(days=count)
    return _Period(day, day, 1)


def _resolve_week(match: re.Match[str], published_on: dt.date) -> _Period | None:
    monday = published_on - dt.timedelta(days=published_on.weekday())
    if match.group("which").lower().endswith("this"):
        return _Period(monday, published_on, 2)
    return _Period(monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), 2)


def _resolve_weekend(match: re.Match[str], published_on: dt.date) -> _Period | None:
    saturday = _weekday_on_or_before(published_on, 5)
    which = match.group("which").lower()
    if which in ("last", "past", "over the past", "previous") and published_on.weekday() >= 5:
        saturday -= dt.timedelta(days=7)
    return _Period(saturday, saturday + dt.timedelta(days=1), 2)


def _resolve_month_rel(match: re.Match[str], published_on: dt.date) -> _Period | None:
    which = match.group("which").lower()
    if which.startswith("later"):
        return None  # "later this month" is a plan
    this_first = published_on.replace(day=1)
    if which.endswith("last") or which in ("past", "previous"):
        last = this_first - dt.timedelta(days=1)
        return _Period(last.replace(day=1), last, 3)
    return _Period(this_first, published_on, 3)


_RESOLVERS: dict[str, Callable[[re.Match[str], dt.date], _Period | None]] = {
    "iso": _resolve_iso,
    "numeric": _resolve_numeric,
    "range_dm": _resolve_range_dm,
    "range_dmdm": _resolve_range_dmdm,
    "range_md": _resolve_range_dm,
    "range_mdmd": _resolve_range_dmdm,
    "dm": _resolve_dm,
    "md": _resolve_dm,
    "month": _resolve_month,
    "year": _resolve_year,
    "weekday": _resolve_weekday,
    "overnight": _resolve_overnight,
    "day_word": _resolve_day_word,
    "ago": _resolve_ago,
    "week": _resolve_week,
    "weekend": _resolve_weekend,
    "month_rel": _resolve_month_rel,
}
