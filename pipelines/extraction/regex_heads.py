"""What the matches of a regular expression can begin with, read from the parse tree of
Python's own regex parser.

Scanners use it to skip text positions where no pattern can start (triggers.py indexes its
lexicon by word beginnings, dates.py tries a date pattern only where its first letter
stands). Deriving the beginnings from the patterns, rather than keeping a table by hand,
means an edited pattern can never be silently skipped.
"""

from __future__ import annotations

import re._constants as _sre
import re._parser as _sre_parser


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression, in order."""
    out, depth, in_class, escaped, begin = [], 0, False, False, 0
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]" or pattern[i - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[begin:i])
            begin = i + 1
    out.append(pattern[begin:])
    return out


def match_beginnings(pattern: str, length: int) -> set[str]:
    """Lower-case strings of up to `length` characters that every match of `pattern` begins
    with one of; "" among them when some beginning cannot be listed (say, `\\d+`), in which
    case a scanner must try every position. Lookarounds and anchors are skipped, which only
    makes the set larger, never too small."""
    return {head for head, _ in _heads(_sre_parser.parse(pattern).data, length)}


def _heads(items: list, length: int) -> set[tuple[str, bool]]:
    """(beginning, complete) pairs for a parsed sequence: complete beginnings may be
    continued by what follows the sequence; incomplete ones are all that can be told."""
    heads = {("", True)}
    for op, av in items:
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue
        options = _item_heads(op, av, length)
        if options is None:
            return {(head, False) for head, _ in heads}
        grown = set()
        for head, complete in heads:
            if not complete or len(head) >= length:
                grown.add((head, False))
                continue
            for option, option_complete in options:
                joined = head + option
                grown.add((joined[:length], option_complete and len(joined) < length))
        heads = grown
    return heads


def _item_heads(op, av, length: int) -> set[tuple[str, bool]] | None:
    """_heads of one parsed item; None when its beginnings cannot be listed."""
    if op is _sre.LITERAL:
        return {(chr(av).lower(), True)}
    if op is _sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _sre.LITERAL:
                chars.add(chr(value).lower())
            elif kind is _sre.RANGE and value[1] - value[0] < 64:
                chars.update(chr(code).lower() for code in range(value[0], value[1] + 1))
            else:
                return None
        return {(char, True) for char in chars}
    if op is _sre.SUBPATTERN:
        return _heads(av[-1].data, length)
    if op is _sre.BRANCH:
        return set().union(*(_heads(branch.data, length) for branch in av[1]))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, body = av
        once = _heads(body.data, length) if high == 1 else {(head, False) for head, _ in _heads(body.data, length)}
        return once | {("", True)} if low == 0 else once
    return None
