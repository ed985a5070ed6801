"""
The subject that opens a clause, for a cue that names no speaker of its own.

``During a speech, Trump attacked Clinton, saying "..."``: the one saying
is the subject of the clause the participle ends, after any phrase that
sets the scene (``During a speech``, ``Hours later``, a dateline).  A
subject runs from a name, a pronoun or a determiner to its verb, over the
nouns and roles before it (``Clinton aides said``, ``Obama speechwriter Jon
Favreau``) and a possessive's noun (``Rubio's campaign sent``).
"""

from __future__ import annotations

from newsmodel.quotes.cues import SAID_NOUNS, SPEECH_VERBS, VERB_ONLY
from newsmodel.quotes.mentions import (
    QUANTIFIERS,
    TIME_WORDS,
    between,
    joins_names,
    may_be_in_mention,
    mention_starting,
    verb_like,
)
from newsmodel.quotes.speakers import PRONOUNS
from newsmodel.quotes.words import CLAUSE_WORDS, CONJUNCTIONS, CONTRACTING, DETERMINERS, tokens

__all__ = ["OPENING_ADVERBS", "clause_subject"]

#: Capitalised words that open a sentence but cannot open its subject.
_NOT_SUBJECTS = CLAUSE_WORDS | frozenset(
    """
    this these those there here such along amid across after although behind beyond despite
    following like unlike within according however meanwhile still also instead indeed later earlier
    perhaps finally then now today yesterday tonight last next first again thus for with of
    outside inside alongside beside near around throughout toward towards upon via amidst
    """.split()
)
#: Adverbs that may open a clause before its subject: ``Then Trump said``.
OPENING_ADVERBS = frozenset(
    "then now later also still again meanwhile instead finally earlier separately even ever".split()
)
_DATELINE_WORDS = 8
_DASH_MARKS = frozenset(["\u2014", "\u2013", "-"])
_ROLE_MAX_WORDS = 3
_ASIDE_MAX_WORDS = 14


def clause_subject(words: list[str], *, main: bool = False) -> str | None:
    """
    Return the subject that opens a clause, after any opening phrase.

    ``During a speech, Trump attacked Clinton, saying`` gives ``Trump``:
    the subject runs from a capitalised word or a pronoun to the first
    lower-case word after the name (its verb).  With ``main``, the words
    follow an opening phrase already, so ``the ...`` may open the subject.
    """
    starts = [0] + [index + 1 for index, word in enumerate(words) if word == ","]
    opening = True  # only an opening phrase so far: a lower-case ``the ...`` may follow
    for start in starts:
        clause = _without_openers(_after_dateline(words[start:]))
        if not clause:
            continue
        opener = clause[0].lower()
        if opener in _NOT_SUBJECTS or _opens_participle(clause):
            continue
        lower_case_start = opening and (start or main) and opener in DETERMINERS | QUANTIFIERS
        if not (clause[0][0].isupper() or opener in PRONOUNS or lower_case_start):
            opening = False
            continue
        opening = False
        verb = next(
            (index for index in range(1, len(clause)) if _ends_subject(clause, index)),
            len(clause),
        )
        if verb < len(clause) and "," in clause[:verb]:
            named = _name_with_aside(clause)
            if named is not None:
                return named
        if verb == len(clause) or "," in clause[:verb]:
            continue
        mention = mention_starting(clause[:verb])
        if mention is not None:
            return mention
    return None


def _opens_participle(clause: list[str]) -> bool:
    """
    Whether a clause opens with a participle or an adverb, not a name.

    As in ``Horrified at ..., Ramos``, ``Immediately after ..., Trump``,
    ``Hours later, she``.
    """
    opener = clause[0].lower()
    following = clause[1].lower() if len(clause) > 1 else ""
    if following in {"later", "earlier", "ago"}:
        return opener in TIME_WORDS or opener[0].isdigit()  # Hours later, she; not Lee earlier
    if opener.endswith("ly"):
        return following == "," or following.endswith(("ing", "ed")) or following in CLAUSE_WORDS
    return opener.endswith(("ed", "ing")) and "," in clause


def _without_openers(clause: list[str]) -> list[str]:
    """A clause without the conjunction and adverbs it opens with: ``And then Trump went``."""
    if clause and clause[0].lower() in CONJUNCTIONS:
        clause = clause[1:]  # And she is sure
    while len(clause) > 1 and clause[0].lower() in OPENING_ADVERBS:
        clause = clause[2:] if clause[1] == "," else clause[1:]
    return clause


def _after_dateline(clause: list[str]) -> list[str]:
    """
    A clause without the dateline it opens with: ``TALLAHASSEE — Rep. Graham``.

    A place in capitals, or ending in a shortened state (``Ore.``) or an
    agency's name (``(AP)``), then a dash.
    """
    for index, word in enumerate(clause[:_DATELINE_WORDS]):
        if word in _DASH_MARKS:
            place = clause[0].isupper() and len(clause[0]) > 1
            tagged = index and (clause[index - 1] == ")" or clause[index - 1].endswith("."))
            return clause[index + 1 :] if index and (place or tagged) else clause
        if not (word[0].isupper() or word[0].isdigit() or word in ",()"):
            return clause
    return clause


def _name_with_aside(clause: list[str]) -> str | None:
    """
    The name opening ``Bush, Florida's former governor, also attacked``.

    A name, a comma, an aside of a few words, a comma, then a lower-case verb.
    """
    name = mention_starting(clause)
    if name is None or not name[0].isupper():
        return None
    taken = len(tokens(name))
    if taken >= len(clause) or clause[taken] != ",":
        return None
    for index in range(taken + 2, min(len(clause) - 1, taken + _ASIDE_MAX_WORDS)):
        if clause[index] == ",":
            following = clause[index + 1]
            return name if following.islower() and following.lower() not in DETERMINERS else None
    return None


def _ends_subject(clause: list[str], index: int) -> bool:
    """
    Whether ``clause[index]`` is past the subject the clause opens with.

    That is the first lower-case word after a name (``Trump attacked``)
    that is not a role before another name (``Obama speechwriter Jon
    Favreau``), or, after ``The ...``, the first word a noun phrase cannot
    hold: a clause word or a verb (``The town released``).
    """
    word = clause[index]
    lowered = word.lower()
    if clause[0].lower() in DETERMINERS | QUANTIFIERS:
        after_name = clause[index - 1][0].isupper() and word.islower()
        following = clause[index + 1] if index + 1 < len(clause) else ""
        takes_object = following.lower() in DETERMINERS | {"that"} or following[:1].isupper()
        present = (after_name or takes_object) and _third_person(word)  # The ad hits Clinton
        counted = clause[0].lower() in QUANTIFIERS  # Another featured: no noun needed
        verb = (index > 1 or counted) and (verb_like(lowered) or present)
        return lowered in CLAUSE_WORDS or lowered in VERB_ONLY or between(word) or verb
    if not word[0].islower() or lowered in {"of", "for"} or joins_names(clause, index):
        return False
    return not _role_before_name(clause, index) and not _nouns_before_verb(clause, index)


def _nouns_before_verb(clause: list[str], index: int) -> bool:
    """
    Whether lower-case words from ``index`` on are nouns the subject ends with.

    As in ``Clinton aides said``, ``Federal labor organizations have``: up to
    three words no verb can be, then a verb.
    """
    possessor = clause[index - 1].lower()
    owned = possessor.endswith(("'s", "\u2019s"))
    if owned and possessor[:-2] in CONTRACTING:
        return False  # It's become
    for offset in range(index, min(len(clause) - 1, index + _ROLE_MAX_WORDS)):
        word, following = clause[offset], clause[offset + 1]
        if owned and following.lower() in SAID_NOUNS:
            return False  # Podliska's explosive claim is: the owner made the claim
        if _may_be_verb(word) or not may_be_in_mention(word):
            return False
        if _third_person(word) and following.lower() in DETERMINERS:
            return False  # Mills forwards an email
        if _may_be_verb(following):
            return not (owned and word.lower() in SAID_NOUNS)  # but Rubio's campaign sent
    return False


def _may_be_verb(word: str) -> bool:
    """Whether a word can be the verb after a subject: ``said``, ``note``, ``have``."""
    lowered = word.lower()
    return word.islower() and (
        lowered in SPEECH_VERBS
        or verb_like(word)
        or between(word)
        or lowered.endswith(("n't", "n\u2019t"))
    )


def _third_person(word: str) -> bool:
    """Whether a lower-case word may be a verb's third person: ``hits``, not ``press``."""
    return word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _role_before_name(clause: list[str], index: int) -> bool:
    """
    Whether lower-case words from ``index`` on are a role before a name.

    As in ``Obama speechwriter Jon Favreau``, ``Democratic presidential
    candidate Bernie Sanders``: up to three nouns, then a capital.
    """
    for offset in range(index, min(len(clause), index + _ROLE_MAX_WORDS + 1)):
        word = clause[offset]
        if word[:1].isupper():
            return offset > index
        lowered = word.lower()
        if not may_be_in_mention(word) or lowered in SPEECH_VERBS or lowered.endswith(("ed", "s")):
            return False
    return False
