"""
Stretches of text between quotation marks, as news copy writes them.

Copy mixes straight and curly marks, forgets closing marks, and leaves a
quotation open at the end of a paragraph when it runs on into the next one.
Marks are therefore paired in order rather than trusted: each opening mark
is closed by the marks that close it in some language (“…” and "…" in
English, „…“ in German, «…» in French, »…« in German books), an opening
mark inside a quotation ends it there (the writer quoting inside a
quotation, or a typo), a closing mark with nothing open is ignored, and a
quotation still open at the end of the paragraph ends there.
"""

from __future__ import annotations

import re

from attrs import frozen

from newsmodel._lowlevel.validators import NOT_XML
from newsmodel.quotes.cues import FINITE

__all__ = ["Stretch", "quotes_with_single_marks", "stretches"]

#: Each opening mark, and the marks that close it.
_DOUBLE = {
    '"': '"\u201d',
    "\u201c": '\u201d"',  # “ ”
    "\u201e": '\u201c\u201d"',  # „ “
    "\u00ab": '\u00bb"',  # « »
    "\u00bb": "\u00ab",  # » «
}
#: Headlines and British copy quote with single marks: U+2018 to U+2019 in English,
#: U+201A to U+2018 in German.
#: Copy typed without curly marks quotes with the straight one, ``'``, which is also
#: its apostrophe: it opens only before a letter at the start of a word.
_SINGLE = {"\u2018": "\u2019", "\u201a": "\u2018", "'": "'"}
_DOUBLE_MARKS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')
_SINGLE_MARKS = re.compile("[\u2018\u2019\u201a']")
_OPENING_SINGLE = re.compile(
    "(?:^|(?<=[\\s(\u2014\u2013-]))(?:[\u2018\u201a](?=\\w)|'(?=[^\\W\\d_]))"
)
_WORDS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]{2}")  # a word, not an elision's letter
_CURLY_OPENING = re.compile("[\u2018\u201a](?=\\w)")
#: A straight mark closing a quotation and the words after it, which may hold its cue.
_STRAIGHT_CLOSING = re.compile(r"[,?!]'[ \t]+((?:[\w.-]+[ \t]+){0,3}[\w.-]+)")
#: A cue and a straight mark opening the quotation it introduces.
_STRAIGHT_OPENING = re.compile(r"\b(\w+)[,:][ \t]+'(?=[^\W\d_])")
#: Copy is in title case when nearly all its longer words are capitalised, as
#: headlines are; prose capitalises names, not its verbs and nouns.
_TITLE_CASE_LENGTH = 4
_TITLE_CASE_SHARE = 0.8
_TITLE_CASE_WORDS = 3


@frozen
class Stretch:
    """Quoted words: ``text[start:end]``, the marks themselves left out."""

    start: int
    end: int


def stretches(paragraph: str, *, single: bool = False) -> list[Stretch]:
    """
    Return the quoted stretches of one paragraph, in order.

    With ``single``, the single marks of headlines and British copy count
    instead of the double ones; an apostrophe inside a word, after a plural
    or before a digit (``'90s``) is never a mark.
    """
    closers, marks = (_SINGLE, _SINGLE_MARKS) if single else (_DOUBLE, _DOUBLE_MARKS)
    found: list[Stretch] = []
    opener = ""
    opened = 0
    for match in marks.finditer(paragraph):
        mark, position = match.group(), match.start()
        if single and (
            _inside_word(paragraph, position)
            or _plural_possessive(paragraph, position)
            or (mark == "'" and not opener and not _opens_word(paragraph, position))
        ):
            continue
        if opener and (mark in closers[opener] or _closes(paragraph, position)):
            if opener != "'" or _WORD.search(paragraph, opened, position):
                _keep(paragraph, found, opened, position)  # not the 'n' of rock 'n' roll
            opener = ""
        elif mark in closers:
            if opener:
                _keep(paragraph, found, opened, position)
            opener, opened = mark, position + 1
    if opener:
        _keep(paragraph, found, opened, len(paragraph))
    return found


def _closes(text: str, position: int) -> bool:
    """
    Whether a mark that opens is placed as a closing one: a typo.

    As in ``asked, “Why?“ he said``: right after the words,
    with a space or the end after it.
    """
    before = text[position - 1] if position else " "
    after = text[position + 1] if position + 1 < len(text) else " "
    return not before.isspace() and before in ".,?!;:…" and (after.isspace() or after in ",.")


def quotes_with_single_marks(text: str) -> bool:
    """
    Whether copy quotes speech with single marks, as British copy does.

    It does when it has no double marks at all and opens a quotation with
    a single mark; copy with double-quoted speech uses single marks only
    for titles, scare quotes and quotations inside quotations.  Copy in
    title case is a headline's, whose single marks the headline rules read.
    """
    if _DOUBLE_MARKS.search(text) or "''" in text or not _OPENING_SINGLE.search(text):
        return False  # '' is a double mark typed as two single ones
    if not _CURLY_OPENING.search(text) and not _straight_speech(text):
        return False  # straight marks are apostrophes until a cue shows them quoting
    long_words = [word for word in _WORDS.findall(text) if len(word) >= _TITLE_CASE_LENGTH]
    capitalised = sum(word[0].isupper() for word in long_words)
    return capitalised < _TITLE_CASE_SHARE * len(long_words) or len(long_words) < _TITLE_CASE_WORDS


def _straight_speech(text: str) -> bool:
    """
    Whether straight single marks quote someone: ``,' he said`` or ``said: 'We``.

    Copy typed without curly marks uses the same mark for apostrophes and
    elisions, so a cue next to one is what shows it quoting.
    """
    for match in _STRAIGHT_CLOSING.finditer(text):
        if any(word in FINITE for word in match.group(1).lower().split()):
            return True
    return any(match.group(1).lower() in FINITE for match in _STRAIGHT_OPENING.finditer(text))


def _inside_word(text: str, position: int) -> bool:
    """Whether the mark at ``position`` is an apostrophe, as in ``Kremlin\u2019s``."""
    return (
        0 < position < len(text) - 1
        and text[position - 1].isalnum()
        and text[position + 1].isalnum()
    )


def _opens_word(text: str, position: int) -> bool:
    """Whether a straight mark opens a word: ``'We``, not ``'90s`` or ``farmers' fund``."""
    return _OPENING_SINGLE.match(text, position) is not None


def _plural_possessive(text: str, position: int) -> bool:
    """
    Whether the mark at ``position`` makes a plural possessive: ``the players\u2019 union``.

    After an ``s``, before a lower-case word, with a mark still to come to close the quotation.
    """
    return (
        text[position - 1 : position] == "s"
        and text[position + 1 : position + 2] == " "
        and text[position + 2 : position + 3].islower()
        and text.find(text[position], position + 1) >= 0
    )


def _keep(paragraph: str, found: list[Stretch], start: int, end: int) -> None:
    """
    Add the stretch, trimmed of white space at its ends, if it holds a word.

    Words with a character XML cannot carry (a control character in raw
    text) are no quotation an article can hold, and are left out.
    """
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    words = paragraph[start:end]
    if any(character.isalnum() for character in words) and not NOT_XML.search(words):
        found.append(Stretch(start, end))
