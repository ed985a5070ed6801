"""
The words of news copy as the rules read them, and written back.

A word keeps its abbreviation's full stop (``Rep.``, ``U.S.``) and its
apostrophes and hyphens (``O'Dea``, ``al-Assad``); other punctuation marks
are words of their own, so that rules can see a comma or a sentence's end.
"""

from __future__ import annotations

import re

from newsmodel.quotes import sentences

__all__ = [
    "CLAUSE_WORDS",
    "CONJUNCTIONS",
    "CONTRACTING",
    "DETERMINERS",
    "PREPOSITIONS",
    "SUBJECT_OPENERS",
    "join",
    "tokens",
]

#: Words a speaker mention does not contain: they start another clause.
CLAUSE_WORDS = frozenset(
    """
    and but or nor that which who whom whose because while as when whenever if so where after
    before since though although than whether what how why then yet once until unless in on at
    during from to about into over under between among against without through not is was were
    are be been being do does did by with has have had would will could should may might can
    """.split()
)
CONJUNCTIONS = frozenset(["and", "but", "so", "yet", "or"])
#: Words after which a clause's subject starts: ``, but critics said``, ``while voters``.
SUBJECT_OPENERS = CONJUNCTIONS | frozenset(
    "while as because though although when after if that".split()
)
#: Words whose ``'s`` is ``is`` or ``has``, not a possessive: ``It's``, ``That's``.
CONTRACTING = frozenset("it he she that there here what who where let".split())
#: Words that open a noun phrase, a speaker's description among them: ``the mayor``.
DETERMINERS = frozenset(
    ["the", "a", "an", "one", "his", "her", "its", "their", "our", "my", "this", "these", "those"]
)
#: Prepositions, which cannot open or close a speaker mention: their phrase is no subject.
PREPOSITIONS = frozenset(
    """
    of for to in on at from with by about into over under following during
    despite amid alongside against without within among between through across around near
    """.split()
)
#: A word's parts may be joined by ``.`` (``U.S``), but not a sentence run on into
#: the next without a space (``said.Trump``); a date's by ``/`` (``9/11``).
_TOKEN = re.compile(r"\w+(?:(?:\.(?![A-Z][a-z])|['\u2019&-]|(?<=\d)/(?=\d))\w+)*\.?|[^\w\s]")
_UNSPACED = re.compile(r" (?=[,.)])|(?<=\() ")


def tokens(text: str) -> list[str]:
    """Words, abbreviations with their full stop (``Rep.``, ``U.S.``), and punctuation marks."""
    words = _TOKEN.findall(text)
    if not any(word[-1] == "." for word in words):
        return words
    split: list[str] = []
    for word in words:
        if word[-1] != "." or len(word) == 1 or _abbreviation(word[:-1]):
            split.append(word)
        else:
            split += [word[:-1], "."]
    return split


def _abbreviation(word: str) -> bool:
    """Whether a word before a full stop is shortened: ``Rep``, ``U.S``, the initial ``W``."""
    return (
        "." in word
        or word.lower() in sentences.ABBREVIATIONS
        or (len(word) == 1 and word.isupper())
    )


def join(words: list[str]) -> str:
    """Words as they were written: no space before ``,`` ``.`` ``)`` or after ``(``."""
    return _UNSPACED.sub("", " ".join(words))
