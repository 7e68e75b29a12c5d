"""Clean article text and split it into sentences, keeping character offsets into the original.

Every later stage works on `Sentence` objects so the evidence of an event can point back to
the exact characters of the article it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations that end with a dot but do not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm",
    "gov", "sen", "rep", "pres", "st", "mt", "ft", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
    "inc", "ltd", "co", "corp", "dept", "approx", "est", "jr", "sr", "brig", "cmdr", "rev", "hon",
}
# The lookahead names every character a boundary can begin with, so the regex engine skips
# ahead to those instead of trying each alternative at every character.
_BOUNDARY = re.compile(r"(?=[.!?\n])(?:[.!?]+[\"'”’)\]]*\s+|\n\s*\n|\n(?=\s*[A-Z“\"\-–•*]))")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)\s*$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: `text == article_text[start:end]`."""

    start: int
    end: int
    text: str
    index: int


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences on end punctuation and line breaks, not on abbreviations
    ("Gen.", "U.S.") or initials. Offsets index into `text` unchanged."""
    sentences: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.end()
        punct_at = m.start()
        if text[punct_at] == ".":
            word = _WORD_BEFORE.search(text, max(0, punct_at - 12), punct_at)
            token = word.group(1).lower().rstrip(".") if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        _append(sentences, text, start, cut)
        start = cut
    _append(sentences, text, start, len(text))
    return sentences


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # most sentences begin with a letter: test that before copying the sentence to scan it
    if end > start and (text[start].isalnum() or any(ch.isalnum() for ch in text[start:end])):
        out.append(Sentence(start, end, text[start:end], len(out)))
