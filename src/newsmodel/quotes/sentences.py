"""
Where sentences end in news copy, outside quotations.

A full stop ends a sentence when a capital letter or a quotation follows,
unless it ends an abbreviation news copy uses before names and places
(``Mr.``, ``Rep.``, ``U.S.``) or an initial (``George W. Bush``).
"""

from __future__ import annotations

import bisect
import re

__all__ = ["ABBREVIATIONS", "starts"]

#: The titles news copy shortens with a full stop, lower-cased: a name always
#: follows them, never a new sentence.
_TITLES = frozenset(
    """
    mr mrs ms dr rep reps sen sens del gov gen lt col sgt capt adm maj cmdr st prof rev
    pres supt det insp amb hon messrs mt ft no nos
    """.split()
)
#: Every word news copy shortens with a full stop, lower-cased.
ABBREVIATIONS = _TITLES | frozenset(
    """
    jr sr vs etc inc co corp ltd bros dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec calif fla mich penn ariz colo conn
    ill ind kan mass minn miss nev okla ore tenn tex va wash wis wyo
    """.split()
)
#: Words that open a sentence and never follow an abbreviation inside one: ``the U.S. He said``.
_OPENERS = frozenset(
    """
    He She It They We I The But And This That These Those There His Her Their Its Our
    """.split()
)
_END = re.compile(r"[.?!\u2026]+[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]*[A-Z0-9])")
_LAST_WORD = re.compile(r"([\w.]+)[.]$")


def starts(text: str, quoted: list[tuple[int, int]]) -> list[int]:
    """
    Return the offsets where the sentences of ``text`` start, the first 0.

    A sentence never starts inside one of the ``quoted`` stretches (given
    with their marks, in order, not overlapping): a quotation of several sentences belongs to the
    sentence that frames it.  A quotation that ends with a full stop ends
    its sentence too.
    """
    found = [0]
    starts_of_quoted = [start for start, _ in quoted]
    for match in _END.finditer(text):
        end = match.start()
        inside = bisect.bisect_right(starts_of_quoted, end) - 1
        if inside >= 0 and end < quoted[inside][1] and quoted[inside][1] - 1 >= match.end():
            continue  # a full stop inside a quotation that goes on
        if text[end] == "." and _abbreviation(text, end + 1, match.end()):
            continue
        found.append(match.end())
    return found


def _abbreviation(text: str, end: int, following: int) -> bool:
    """
    Whether the full stop just before ``end`` closes an abbreviation inside a sentence.

    An abbreviation may end a sentence too: the word at ``following`` tells
    (``in the U.S. He said``), unless the abbreviation is a title.
    """
    match = _LAST_WORD.search(text, max(0, end - 12), end)
    if match is None:
        return False
    word = match.group(1)
    shortened = "." in word or word.lower() in ABBREVIATIONS  # U.S., E.U., a.m., Calif.
    if not shortened:
        return len(word) == 1 and word.isupper()
    if word.lower() in _TITLES:
        return True
    opener = text[following : following + 6].split(maxsplit=1)[:1]
    return not (opener and opener[0].rstrip(",") in _OPENERS)
