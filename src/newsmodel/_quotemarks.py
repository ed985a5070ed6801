"""
Stretches of text between quotation marks, as news copy writes them.

Copy mixes straight and curly marks, forgets closing marks, and leaves a
quotation open at the end of a paragraph when it runs on into the next one.
Marks are therefore paired in order rather than trusted: a straight mark
opens or closes whatever is pending, an opening curly mark inside a
quotation ends it there (the writer quoting inside a quotation, or a typo),
a closing curly mark with nothing open is ignored, and a quotation still
open at the end of the paragraph ends there.
"""

from __future__ import annotations

import re

from attrs import frozen

__all__ = ["HEADLINE_MARKS", "Stretch", "stretches"]

_OPENING = "\u201c\u201e\u00ab"  # “ „ «
_CLOSING = "\u201d\u00bb"  # ” »
_EITHER = '"'
#: The single curly marks headlines quote with (U+2018, U+2019).
HEADLINE_MARKS = ("\u2018", "\u2019")

_DOUBLE_MARKS = re.compile(f"[{_OPENING}{_CLOSING}{_EITHER}]")


@frozen
class Stretch:
    """Quoted words: ``text[start:end]``, the marks themselves left out."""

    start: int
    end: int


def stretches(paragraph: str, *, single: bool = False) -> list[Stretch]:
    """
    Return the quoted stretches of one paragraph, in order.

    With ``single``, the single curly marks of headlines count instead of
    the double ones; an apostrophe inside a word is never a mark.
    """
    found: list[Stretch] = []
    opened: int | None = None
    for position, closing in _marks(paragraph, single=single):
        if opened is None:
            if not closing:
                opened = position + 1
            continue
        if closing is False:
            _keep(paragraph, found, opened, position)
            opened = position + 1
        else:
            _keep(paragraph, found, opened, position)
            opened = None
    if opened is not None:
        _keep(paragraph, found, opened, len(paragraph))
    return found


def _marks(paragraph: str, *, single: bool) -> list[tuple[int, bool | None]]:
    """
    Return each mark's position and what it can do.

    True: it can only close; False: it can only open; None: either.
    """
    if single:
        opening, closing = HEADLINE_MARKS
        marks: list[tuple[int, bool | None]] = []
        for position, character in enumerate(paragraph):
            if character == opening:
                marks.append((position, False))
            elif character == closing and not _inside_word(paragraph, position):
                marks.append((position, True))
        return marks
    return [
        (match.start(), None if mark == _EITHER else mark in _CLOSING)
        for match in _DOUBLE_MARKS.finditer(paragraph)
        for mark in (match.group(),)
    ]


def _inside_word(text: str, position: int) -> bool:
    """Whether the mark at ``position`` is an apostrophe, as in ``Kremlin\u2019s``."""
    return (
        0 < position < len(text) - 1
        and text[position - 1].isalnum()
        and text[position + 1].isalnum()
    )


def _keep(paragraph: str, found: list[Stretch], start: int, end: int) -> None:
    """Add the stretch if it holds a word, trimmed of white space at its ends."""
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    if any(character.isalnum() for character in paragraph[start:end]):
        found.append(Stretch(start, end))
