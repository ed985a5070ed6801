"""
Whether a word stands as a cue where it is written.

A form of a verb of saying is not always a verb: ``the reports``, ``a
writing professor``, ``his remarks were`` hold nouns and adjectives, and
``Said Smith`` or ``Voss Says`` are cues in capitals.  The lexicon of cues
is :mod:`newsmodel.quotes.cues`; this module reads a form where it stands,
and writes the cue an attribution keeps (``told Russian news agencies``).
"""

from __future__ import annotations

from newsmodel.quotes.cues import FINITE, PASTS, PHRASAL, SPEECH_VERBS
from newsmodel.quotes.mentions import between, may_be_in_mention, verb_like
from newsmodel.quotes.speakers import PRONOUNS
from newsmodel.quotes.words import DETERMINERS

__all__ = [
    "AUXILIARIES",
    "JOINERS",
    "LEADING_CUES",
    "TELLS",
    "cue",
    "is_cue",
    "is_verb",
    "with_subject",
]

#: The forms of ``tell``, whose object is the one told, not the speaker.
TELLS = frozenset(["told", "tells", "tell", "telling"])
#: Cues whose speaker follows them: ``according to the report``, ``per the mayor``.
LEADING_CUES = {"according": "to", "per": ""}
#: Words that join a second verb to the subject of a first: ``Scott beamed and asked``.
JOINERS = frozenset([",", "and", "but", "then", "before", "after", "while", "by"])
#: Auxiliaries, which stand between a subject and its verb: ``Smith was quoted``.
AUXILIARIES = frozenset("is was were are be been being can could may might will would".split())
#: Words after which an -ing form is a verb: ``, saying``, ``was telling``.
_BEFORE_PARTICIPLE = JOINERS | frozenset("when is was are were be been kept began started".split())
#: Words after which a base form is a verb: ``will say``, ``to tell``, ``they say``.
_BEFORE_BASE = frozenset(
    "to will would could should may might must can did do does not never i we they you".split()
)
_ADDRESSEE_MAX_WORDS = 3
#: Words the subject of ``with X saying`` may have.
_WITH_SUBJECT_WORDS = 6
_OBJECT_PRONOUNS = frozenset(["him", "her", "them", "us", "me", "you"])


def is_cue(words: list[str], index: int) -> bool:
    """
    Whether ``words[index]`` is a cue.

    A verb of speech in lower case, or capitalised where copy is in
    title case or inverts (``Said Smith``); ``according to``, ``per``, ``as
    ... put it``.
    """
    word = words[index]
    lowered = word.lower()
    if lowered in LEADING_CUES or lowered in {"put", "puts"}:
        following = words[index + 1] if index + 1 < len(words) else ""
        return lowered in LEADING_CUES or following == "it"
    if lowered in PHRASAL or lowered not in SPEECH_VERBS:
        return _speech(words, index)
    previous = words[index - 1].lower() if index else ""
    if not word.islower():  # Said Smith; Clinton Said; but the UCLA Anderson Forecast
        opens = not index or not words[index - 1][0].isalnum()
        return (lowered in PASTS and opens) or (lowered in FINITE and _title_case(words, index))
    if lowered in FINITE:  # said; says, or the noun reports
        possessed = previous.endswith(("'s", "\u2019s"))
        return lowered in PASTS or (
            previous not in DETERMINERS and not possessed and not _noun_before_verb(words, index)
        )
    if lowered.endswith("ing"):  # saying, or the adjective in a writing professor
        return (
            not previous
            or previous in _BEFORE_PARTICIPLE
            or previous.endswith("ly")
            or _after_with(words, index)
        )
    return previous in _BEFORE_BASE  # say, or the noun in the press


def _noun_before_verb(words: list[str], index: int) -> bool:
    """
    Whether a present-tense cue is a plural noun, the subject of the verb after it.

    As in ``his remarks were``, ``the emails show``: a cue is followed by
    what was said, never by another verb.
    """
    following = words[index + 1].lower() if index + 1 < len(words) else ""
    return following in AUXILIARIES or following in FINITE


def _title_case(words: list[str], index: int) -> bool:
    """Whether the words around ``words[index]`` are in title case: ``Voss Says``."""
    lettered = [word for word in words[max(0, index - 3) : index + 3] if word[:1].isalpha()]
    return len(lettered) > 1 and all(word[0].isupper() for word in lettered)


def _after_with(words: list[str], index: int) -> bool:
    """Whether an ``-ing`` form follows ``with`` and a name: ``with Sen. McCain calling it``."""
    return bool(with_subject(words[:index]))


def with_subject(words: list[str]) -> list[str]:
    """
    The subject that ``with`` gives the ``-ing`` form after ``words``, or nothing.

    As in ``..., with many marchers chanting``: all the words between them,
    in any case, but no verb.
    """
    lowered = [word.lower() for word in words[-_WITH_SUBJECT_WORDS - 1 :]]
    if "with" not in lowered:
        return []
    subject = words[len(words) - len(lowered) + lowered.index("with") + 1 :]
    while subject and between(subject[-1]):
        subject = subject[:-1]  # with Trump reportedly telling
    if all(
        (may_be_in_mention(word) or (word == "and" and 0 < index < len(subject) - 1))
        and not verb_like(word)
        for index, word in enumerate(subject)
    ):
        return subject  # many marchers and nurses
    return []


def is_verb(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is a verb of speech where it stands (not ``the report``)."""
    return words[index].lower() not in LEADING_CUES and is_cue(words, index)


def _speech(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is a verb of speech, with its particle if it needs one."""
    lowered = words[index].lower()
    if lowered in PHRASAL:
        return index + 1 < len(words) and words[index + 1].lower() == PHRASAL[lowered]
    return lowered in SPEECH_VERBS


def cue(verb: str, following: list[str]) -> str:
    """
    Return the cue: the verb, and whom a ``told`` was said to.

    As in ``told Russian news agencies``.
    """
    if verb in {"put", "puts"}:
        return "put it"
    if verb in PHRASAL:
        return f"{verb} {PHRASAL[verb]}"
    if verb not in TELLS:
        return verb
    taken: list[str] = []
    for word in following[:_ADDRESSEE_MAX_WORDS]:
        lowered = word.lower()
        if lowered in _OBJECT_PRONOUNS:
            taken.append(word)
            break
        if not may_be_in_mention(word) or lowered in DETERMINERS or lowered in PRONOUNS:
            break
        taken.append(word)
    return " ".join([verb, *taken])
