"""
The words that name a speaker, found in English news copy by rules.

A speaker mention is a noun phrase next to a speech verb: before it
(``the Kremlin's spokesman Dmitry Peskov told``) or after it (``said Rep.
Jane Smith (D-Va.), the panel's chair``); the subject that opens the clause
a later verb belongs to (``Trump attacked Clinton, saying``) is
:mod:`newsmodel.quotes.subjects`'.  No parser is needed for
these: a mention is a run of words that are not clause words, bounded by
punctuation, a determiner or a pronoun, with appositives and parentheses
taken whole.  The word lists here are the grammar the rules know.
"""

from __future__ import annotations

from newsmodel.quotes.cues import FINITE, SPEECH_VERBS, VERB_ONLY
from newsmodel.quotes.speakers import PRONOUNS
from newsmodel.quotes.words import (
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DETERMINERS,
    PREPOSITIONS,
    SUBJECT_OPENERS,
    join,
)

__all__ = [
    "BETWEEN",
    "QUANTIFIERS",
    "SPEECH_VERBS",
    "TIME_WORDS",
    "between",
    "joins_names",
    "may_be_in_mention",
    "mention_ending",
    "mention_starting",
    "opens_name",
    "trailing_name",
    "verb_like",
]

#: Words between a subject and its verb: ``Trump also said``.
BETWEEN = frozenset(
    """
    also later then again previously recently repeatedly reportedly has had have would will
    could once further simply even never often always just already quickly publicly privately
    separately similarly subsequently initially finally frequently openly bluntly angrily flatly
    firmly famously succinctly earlier still only is was are were been however too now first
    """.split()
)
#: Prepositions that may open a description of someone: ``Ann Lee, of the council,``.
_DESCRIBING = PREPOSITIONS - frozenset(
    "following during despite amid alongside within through across around near".split()
)
_RELATIVES = frozenset(["who", "which", "whose", "whom", "where"])
_MENTION_MAX_TOKENS = 16
_NAME_MAX_WORDS = 4
#: Modal verbs that are also first names.
_MODAL_NAMES = frozenset(["Will", "May"])
_GROUP_MAX_WORDS = 3
#: The commonest irregular pasts, which end a subject as ``-ed`` forms do: ``The senator sought``.
_COMMON_PASTS = frozenset(
    """
    began became broke brought came cut did felt found gave got had held kept knew led left let
    lost made met paid put ran saw sent set sought spent stood struck took thought understood
    went won
    """.split()
)
#: Words that stand for an unnamed speaker among several: ``one said``, ``said another``.
_INDEFINITE = frozenset(["one", "another", "others", "some", "many", "most", "several"])
#: Words that count the people a description names: ``another supporter``, ``two aides``.
QUANTIFIERS = frozenset(
    "another some many several few other both each two three four five dozens".split()
)
#: Words that say when, which end a run of words before a verb but name nobody:
#: ``Priebus later Thursday``, ``two weeks ago``.
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
TIME_WORDS = frozenset(
    """
    day days week weeks weekend month months year years ago night morning afternoon evening
    today yesterday tonight hour hours minute minutes moments
    """.split()
)
_TIME_MODIFIERS = frozenset(
    "last this next earlier later on early late that each every one two three few several".split()
)


def mention_ending(words: list[str], *, whole: bool) -> str | None:
    """
    Return the speaker mention that ends ``words``, the words before a verb.

    With ``whole``, every word must belong to it (the words between a
    closing mark and the verb: ``"...," Mitch McConnell, R-Ky., said``).
    """
    end = len(words)
    while end and between(words[end - 1]):
        end -= 1
    if whole:
        return _whole_mention(words[:end])
    if end and words[end - 1] == ",":
        return _appositive(words[: end - 1])
    return _subject(words, _mention_start(words, end), end)


def _mention_start(words: list[str], end: int) -> int:
    """Where the mention that ends at ``words[end]`` starts: back to a clause word."""
    start = end
    while start and end - start < _MENTION_MAX_TOKENS:
        word = words[start - 1]
        lowered = word.lower()
        if word == ")":
            opening = _matching(words, start - 1)
            if opening is None:
                break
            start = opening
            continue
        if lowered in PRONOUNS:
            start -= start == end
            break
        inside = start > 1 and words[start - 2][0].isalnum()  # not the sentence's first word
        if joins_names(words, start - 1) and inside and words[start - 2][0].isupper():
            start -= 1  # Kane and Ortiz wrote
            continue
        named = _first_name(words, start - 1) or (inside and word[0].isupper())
        if not may_be_in_mention(word) and not named:
            break  # but Will, the columnist, is a name
        start -= 1
        if lowered in DETERMINERS:
            break
    return start


def _subject(words: list[str], start: int, end: int) -> str | None:
    """``words[start:end]`` as a mention, unless it is a preposition's object (``in the past``)."""
    taken = words[start:end]
    if start and words[start - 1].lower() in PREPOSITIONS - {"with"}:  # with Smith saying
        name = trailing_name(taken)  # at the convention Sen. Elizabeth Warren said
        return join(name) if name and len(name) < len(taken) else None
    taken = _untimed(taken)
    opened = (
        not start
        or not words[start - 1][0].isalnum()
        or words[start - 1].lower() in SUBJECT_OPENERS
    )
    group = opened and bool(taken) and _group(taken)  # , but critics said
    return join(taken) if taken and (_names_someone(taken) or group) else None


def _untimed(words: list[str]) -> list[str]:
    """``words`` without the time they end with: ``Priebus later Thursday`` is Priebus."""
    end = len(words)
    while end and (words[end - 1] in _WEEKDAYS or words[end - 1] in TIME_WORDS):
        end -= 1
        while end and (words[end - 1].lower() in _TIME_MODIFIERS or words[end - 1].isdigit()):
            end -= 1
    if end and end < len(words) and verb_like(words[end - 1]):
        return words  # the order released Friday: the time is the verb's
    return words[:end]


def trailing_name(words: list[str]) -> list[str]:
    """The capitalised words, and a parenthesis after them, that end ``words``."""
    start = len(words)
    while start:
        word = words[start - 1]
        if word == ")":
            opening = _matching(words, start - 1)
            if opening is None:
                break
            start = opening
        elif word[0].isupper() or (word == "and" and start < len(words) and start > 1):
            start -= 1  # and joins two names: Frank Newport and Jim Harter
        else:
            break
    while start < len(words) and not words[start][0].isupper():
        start += 1
    return words[start:]


def between(word: str) -> bool:
    """Whether a word can stand between a subject and its verb: ``also``, ``jokingly``."""
    lowered = word.lower()
    if not word.islower():
        return False  # Will, the columnist, is no modal
    return lowered in BETWEEN or (lowered.endswith("ly") and len(word) > 4)  # noqa: PLR2004


def _whole_mention(words: list[str]) -> str | None:
    """
    Return all of ``words`` as one mention, if they can be one.

    Appositives and parentheses are part of it: ``Mitch McConnell, R-Ky.``.
    """
    while words and words[-1] == ",":
        words = words[:-1]
    words = _untimed(words)
    if words and words[0].lower() in CONJUNCTIONS:
        return None  # "..." and Jones says: another clause's subject
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return words[0]
    if not words or len(words) > _MENTION_MAX_TOKENS:
        return None
    if not _names_someone(words) and not _group(words):
        return None
    if any(not _may_be_in_whole_mention(words, index) for index in range(min(3, len(words)))):
        return None
    return join(words)


def _may_be_in_whole_mention(words: list[str], index: int) -> bool:
    """Whether a word fits a mention, ``and`` before a name included: ``Smith and Jones``."""
    word = words[index]
    if word in ",()" or may_be_in_mention(word) or _first_name(words, index):
        return True
    if index and word[0].isupper():
        return True
    if not index and word[0].isupper() and len(words) == 1:
        return True  # a one-word name the lexicon also holds: Read said
    following = words[index + 1] if index + 1 < len(words) else ""
    return word == "and" and opens_name(following)


def _group(words: list[str]) -> bool:
    """
    Whether a few lower-case words name people by a plural: ``federal prosecutors``.

    Only where every word must be the speaker's (right before a cue).
    """
    return (
        len(words) <= _GROUP_MAX_WORDS
        and all(word.isalpha() and word.islower() for word in words)
        and words[-1].endswith("s")
        and not words[-1].endswith("ss")
    )


def _appositive(words: list[str]) -> str | None:
    """
    Return a name and the descriptions between commas after it.

    As in ``Nick Witney, a fellow at the council, said``; a relative
    clause (``Assad, who was sworn in on Wednesday, said``) is left out.
    """
    commas = [index for index, word in enumerate(words) if word == ","]
    for comma in reversed(commas):
        if len(words) - comma > _MENTION_MAX_TOKENS:
            return None
        name = mention_ending(words[:comma], whole=False)
        if name is None:
            return None
        appositive = words[comma + 1 :]
        named = name[0].isupper() or (
            name.split()[0].lower() in DETERMINERS and trailing_name(appositive) == appositive
        )  # her personal lawyer, David E. Kendall, wrote
        if named:
            if words[comma + 1].lower() in _RELATIVES:
                return name  # Assad, who was sworn in on Wednesday, said
            clause = words[comma + 1].lower() in CLAUSE_WORDS - _DESCRIBING  # , but only after
            if clause or any(verb_like(word) for word in words[comma + 1 :]):
                return None  # in Salem, Trump went after Bush, calling: a clause, no appositive
            return join([name, *words[comma:]])
    return None


def verb_like(word: str) -> bool:
    """Whether a word reads as a finite verb: ``went``, ``attacked``, ``says``."""
    lowered = word.lower()
    return word.islower() and (
        lowered in FINITE or lowered in _COMMON_PASTS or lowered.endswith("ed")
    )


def mention_starting(words: list[str]) -> str | None:
    """
    Return the speaker mention that starts ``words``, up to the first comma.

    As in ``said Rep. Elijah Cummings (D) of Maryland, the ...``.
    """
    if words and words[0].lower() in PRONOUNS:
        return words[0]
    end = 0
    while end < min(len(words), _MENTION_MAX_TOKENS):
        word = words[end]
        if word == "(":
            closing = _matching(words, end)
            if closing is None:
                break
            end = closing + 1
            continue
        linked = (
            joins_names(words, end)
            or _links_description(words, end)
            or _first_name(words, end)
            or _inside_name(words, end)
        )
        if word.lower() != "of" and not may_be_in_mention(word) and not linked:
            break
        if word.lower() == "for" and end and words[end - 1][0].isupper() and not linked:
            break
        end += 1
    while end and words[end - 1].lower() == "of":
        end -= 1
    taken = _untimed(words[:end])
    if not taken or not _names_someone(taken):
        return None
    return join(taken + _name_after_description(taken, words[len(taken) :]))


def _name_after_description(description: list[str], rest: list[str]) -> list[str]:
    """
    The comma and name that follow a description: ``the union's president, Ed Kline``.

    Only a name that ends the sentence: after ``X, Name,`` a clause may go on
    (``One of its executives, Ann Lee, testified``), which other rules read.
    """
    if description[0].lower() not in DETERMINERS or rest[:1] != [","]:
        return []
    name = []
    for word in rest[1:]:
        if not word[0].isupper():
            break
        name.append(word)
    ends = len(rest) == len(name) + 1 or rest[len(name) + 1] in {".", ";"}
    return [",", *name] if name and ends and len(name) <= _NAME_MAX_WORDS else []


def _inside_name(words: list[str], index: int) -> bool:
    """
    Whether ``to`` or ``for`` joins the capitalised words of one name.

    As in ``Alliance to Reclaim Our Schools``, ``Americans for Prosperity``.
    """
    following = words[index + 1] if index + 1 < len(words) else ""
    return (
        words[index] in {"to", "for"}
        and index > 0
        and words[index - 1][0].isupper()
        and following[:1].isupper()
        and following.lower() not in DETERMINERS
    )


def _first_name(words: list[str], index: int) -> bool:
    """Whether a capitalised modal starts a name: ``Will Doyle``, ``May Ruiz``."""
    following = words[index + 1] if index + 1 < len(words) else ""
    return words[index] in _MODAL_NAMES and following[:1].isupper()


def opens_name(word: str) -> bool:
    """Whether a word after ``and`` opens another speaker: ``Jones``, ``her aides``."""
    return word[:1].isupper() or word.lower() in DETERMINERS


def _links_description(words: list[str], index: int) -> bool:
    """
    Whether ``words[index]`` carries a description on: ``an adviser to Trump``.

    As in ``a person close to the Clintons``, ``the chief known as Bob``.
    """
    word = words[index].lower()
    previous = words[index - 1] if index else ""
    following = words[index + 1] if index + 1 < len(words) else ""
    if word == "as":
        return previous.lower() == "known"
    return (
        word == "to"
        and previous.islower()
        and previous not in VERB_ONLY
        and (following[:1].isupper() or following.lower() in DETERMINERS)
    )


def joins_names(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is the ``and`` of ``Trump and Ryan``, ``Kwan and her aides``."""
    following = words[index + 1] if index + 1 < len(words) else ""
    return bool(index) and words[index] == "and" and opens_name(following)


def _matching(words: list[str], index: int) -> int | None:
    """The index of the parenthesis that pairs with the one at ``index``."""
    step, pair = (-1, "(") if words[index] == ")" else (1, ")")
    for other in range(index + step, max(-1, min(len(words), index + step * 8)), step):
        if words[other] == pair:
            return other
    return None


def may_be_in_mention(word: str) -> bool:
    """Whether a word can belong to a speaker mention: not a clause word or speech verb."""
    lowered = word.lower()
    return word[0].isalnum() and lowered not in CLAUSE_WORDS and lowered not in VERB_ONLY


def _names_someone(words: list[str]) -> bool:
    """
    Whether the words can name a speaker.

    They can if they hold a capitalised name, are a pronoun, or are a
    description with its own noun (``the mayor``, not ``the``).
    """
    if len(words) == 1 and words[0].lower() in PRONOUNS | _INDEFINITE:
        return True
    return any(word[0].isupper() and word.lower() not in DETERMINERS for word in words) or (
        len(words) > 1 and words[0].lower() in DETERMINERS | QUANTIFIERS
    )
