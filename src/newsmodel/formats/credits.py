"""
Printed credits: who a byline names, and what is not a person at all.

A byline is the credit as printed (``By Sam Lister, Press Association
Political Correspondent``).  Readers keep that text whole and take people out
of it only where the words look like people's names: a login
(``powell.robin``), initials (``KN``), an agency or a picture credit
(``Foto: dpa``) is not a person, and is never made one.
"""

from __future__ import annotations

import re

from newsmodel.model import Person

__all__ = ["is_credit_line", "is_login", "is_personal_name", "people_in"]

# "By", as bylines print it in the languages of the wires.
_BY = re.compile(r"^\s*(?:by|von|av|af|door|de|par|por|di|da)\s+", re.IGNORECASE)
_BETWEEN_NAMES = re.compile(r"\s+(?:and|und|og|och|en|et|y|e|i)\s+|\s*[&;]\s*", re.IGNORECASE)
_AFTER_NAMES = re.compile(r"\s*(?:,|/|\||\s-\s|\s\u2013\s)\s*")
# An address, or one lower-case word of four or more (``powell.robin``, ``siegloff``).
_LOGIN = re.compile(r"^[\w.+-]+@[\w.-]+$|^[a-z][a-z0-9._-]{3,}$")
# What a credit line has and a name has not: "Foto: dpa", "futurezone/KN", "© AFP".
_CREDIT_MARKS = re.compile(r"[:/|\u00a9]")
# A given name and a family name, at the least; a long name has five words.
_FEWEST_WORDS, _MOST_WORDS = 2, 5
_NOT_IN_NAMES = re.compile(r"[\d:@/]")
# Lower-case words names carry: "Ursula von der Leyen", "Ahmed bin Salman".
_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "du", "la", "le", "bin"}
)
_WORD = re.compile(r"^(?:[^\W\d_][\w'\u2019.-]*|[^\W\d_]\.)$")
# "d'Emilio", "O'Brien", "al-Assad": a name that starts with a small prefix.
_PREFIXED = re.compile(r"^[^\W\d_]{1,2}['\u2019-][^\W\d_]")


def is_login(text: str) -> bool:
    """Whether *text* is a login or an address (``powell.robin``), not a credit."""
    return _LOGIN.match(text.strip()) is not None


def is_credit_line(text: str) -> bool:
    """Whether *text* is a credit line (``Foto: dpa``, ``futurezone/KN``), not a name."""
    return _CREDIT_MARKS.search(text) is not None


def is_personal_name(text: str) -> bool:
    """
    Whether *text* reads as one person's name: two to five capitalised words.

    Logins, initials (``KN``), single words (``dpa``, ``Reuters``) and
    credits with a colon (``Photo: AFP``) do not.
    """
    words = text.split()
    if not any(c.isupper() or c.islower() for c in text):  # a script without case: 習近平
        return 0 < len(words) <= _MOST_WORDS and not _NOT_IN_NAMES.search(text)
    if (
        not _FEWEST_WORDS <= len(words) <= _MOST_WORDS
        or ":" in text
        or "@" in text
        or is_login(text)
    ):
        return False
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) >= _FEWEST_WORDS and all(
        _WORD.match(word) and (word[:1].isupper() or word in _PARTICLES or _PREFIXED.match(word))
        for word in words
    )


def people_in(byline: str) -> tuple[Person, ...]:
    """
    The people a printed byline names, with the title printed after them.

    ``By Sam Lister, Press Association`` names Sam Lister, titled Press
    Association; ``futurezone/KN`` names nobody.
    """
    text = _BY.sub("", " ".join(byline.split()))
    names, _, rest = _split_once(text)
    title = rest.strip() or None
    people = []
    for name in _BETWEEN_NAMES.split(names):
        if not is_personal_name(name):
            return ()
        people.append(Person(name=name.strip(), title=title or None))
    return tuple(people)


def _split_once(text: str) -> tuple[str, str, str]:
    match = _AFTER_NAMES.search(text)
    if match is None:
        return text, "", ""
    return text[: match.start()], match.group(), text[match.end() :]
