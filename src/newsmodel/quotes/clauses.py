"""
Which clause of a sentence a cue stands in, and so whose words it reports.

A sentence may hold several cues: one in a clause that sets the scene
(``When Trump said ...,``), one in a relative clause (``which he called``,
``Beck, who has said``), one after the main clause (``..., although he
tweeted``), one in an aside that a comma closes (``Graham, who says ...,
tweeted``).  The functions here tell which clause a cue is in;
:mod:`newsmodel.quotes.attribution` picks the cue from them.
"""

from __future__ import annotations

from newsmodel.quotes.cues import inflections
from newsmodel.quotes.mentions import mention_ending, verb_like
from newsmodel.quotes.speakers import PRONOUNS
from newsmodel.quotes.verbs import is_cue
from newsmodel.quotes.words import PREPOSITIONS

__all__ = [
    "AS_CUES",
    "RELATIVES",
    "SUBORDINATORS",
    "antecedent",
    "in_order",
    "opening_phrase",
    "subordinate",
]

#: Cues whose object ``as`` can stand for: ``as Cruz said``, ``as the report notes``.
AS_CUES = frozenset(
    form
    for base in ("say", "note", "write", "observe", "explain", "argue", "remark", "suggest")
    for forms in inflections(base).values()
    for form in forms
    if not form.endswith("ing")
)
#: Words that open a relative clause, whose cue is the quotation's own.
RELATIVES = frozenset(["who", "whom", "which"])
#: Words that open a clause that sets the scene for the main one.
SUBORDINATORS = frozenset(
    """
    when after as while before since although though if because once until whenever despite with
    """.split()
)
#: Words that open a clause of its own after the main one: ``..., although he tweeted``.
_LATER_CLAUSE_OPENERS = frozenset(
    "when after while before since although though because until whenever whereas with".split()
)
#: Adverbs that may stand before a subordinator: ``Even before``, ``Shortly after``.
_DEGREE = frozenset(["even", "ever", "just", "shortly", "soon", "long", "right", "only"])
_DASH_WORDS = frozenset(["\u2014", "\u2013", "-"])


def in_order(words: list[str], cues: list[int]) -> list[int]:
    """
    The cues at ``cues`` in the order to try them: those of the clause the quotation is in first.

    That is the relative clause or the later clause that runs on to the
    quotation; the cues of an aside that a comma closed are not the
    quotation's at all.
    """
    relative, closed = _relative(words)
    if closed is not None:  # Graham, who says ..., tweeted
        cues = [index for index in cues if not relative < index < closed]
        relative = -1
    inner = max(relative, _later_clause(words, cues))
    return [index for index in cues if index > inner] + [index for index in cues if index < inner]


def _relative(words: list[str]) -> tuple[int, int | None]:
    """
    Where the last relative clause opens, whose cue is the quotation's own: ``which he called``.

    And where a comma closes it before the main verb, if one does:
    ``Graham, who says ..., tweeted``.
    """
    opening = max((i for i, word in enumerate(words) if word.lower() in RELATIVES), default=-1)
    if opening < 0:
        return -1, None
    closing = (
        index
        for index in range(opening + 1, len(words) - 1)
        if words[index] in {",", *_DASH_WORDS} and _main_verb(words, index + 1)
    )
    return opening, next(closing, None)


def _main_verb(words: list[str], index: int) -> bool:
    """Whether ``words[index]``, after a relative clause, is the main verb: ``, proposes``."""
    word = words[index]
    third = word.endswith("s") and not word.endswith(("ss", "us", "is"))
    return is_cue(words, index) or verb_like(word) or (word.islower() and third)


def _later_clause(words: list[str], cues: list[int]) -> int:
    """
    Where a clause that a conjunction opens after the first cue, and the quotation is in, opens.

    As in ``Kasich says he is tough, after a woman told him he is "too nice"``:
    the woman's words, though Kasich's cue comes first.
    """
    if len(cues) < 2:  # noqa: PLR2004 - a cue before the clause and one in it
        return -1
    for index in range(cues[-1] - 1, cues[0], -1):
        lowered = words[index].lower()
        joined = lowered in {"and", "but"} and _names_subject(words[index + 1 : cues[-1]])
        if lowered in _LATER_CLAUSE_OPENERS or joined:
            return index if "," not in words[index + 1 : -1] else -1
    return -1


def _names_subject(words: list[str]) -> bool:
    """Whether words before a cue are its subject, so ``and`` before them opens a clause."""
    return (
        bool(words)
        and (words[0][0].isupper() or words[0].lower() in PRONOUNS)
        and (mention_ending(words, whole=True) is not None)
    )


def subordinate(words: list[str], index: int) -> bool:
    """Whether the cue at ``index`` is in a clause a comma closes: ``When Trump said ...,``."""
    start = index
    while start and words[start - 1] != ",":
        start -= 1
    if words[start].lower() in {"and", "but"} and start + 1 < index:
        start += 1  # ..., and when Rubio said ...,
    if words[start].lower() in _DEGREE and start + 1 < index:
        start += 1  # Even before Smith spoke,
    if words[start].lower() not in SUBORDINATORS or "," not in words[index + 1 :]:
        return False
    if words[start].lower() == "as" and _reports_as(words, index):
        return False  # As Ruth Marcus puts it, Obama is making "...": Marcus's words
    comma = words.index(",", index + 1)
    return any(word[0].isalnum() for word in words[comma + 1 :])  # As Smith put it, "...


def opening_phrase(words: list[str], index: int) -> bool:
    """
    Whether the cue at ``index`` is in a phrase that opens the sentence.

    As in ``Asked by Smith about the vote, Jones said``: the one asking is
    not the one whose words follow.
    """
    start = index
    while start and words[start - 1] not in {".", ";"}:
        start -= 1
    opening = [word.lower() for word in words[start:index]]
    return (
        (not opening or opening[0] in SUBORDINATORS)
        and len(opening) <= 1
        and ("," in words[index + 1 :])
    )


def _reports_as(words: list[str], index: int) -> bool:
    """Whether the cue at ``index`` reports what ``as`` stands for: ``as X said``."""
    verb = words[index].lower()
    following = words[index + 1] if index + 1 < len(words) else ""
    return (verb in {"put", "puts"} and following.lower() == "it") or verb in AS_CUES


def antecedent(words: list[str]) -> str | None:
    """The name a relative clause the cue is in belongs to: ``Beck, who has in the past said``."""
    for index in range(len(words) - 1, 0, -1):
        if words[index] in {",", ".", ";"}:
            return None
        if words[index].lower() == "who" and words[index - 1] in {",", *_DASH_WORDS}:
            head = words[: index - 1]
            # a reaction from Obama, who called: the antecedent may be a preposition's object
            cut = max((i + 1 for i, w in enumerate(head) if w.lower() in PREPOSITIONS), default=0)
            return mention_ending(head, whole=False) or mention_ending(head[cut:], whole=False)
    return None
