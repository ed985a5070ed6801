"""
Passive cues, whose subject is spoken to or of and whose speaker follows ``by``.

``The plan was called "a disaster" by Senator Ruth Odum``, ``often labeled a
"witch hunt" by its critics``, ``as described by the FBI director``: the
subject of a passive cue is not its speaker, and the agent ``by`` names, if
the copy names one, is.
"""

from __future__ import annotations

from newsmodel.quotes.cues import PASTS
from newsmodel.quotes.mentions import mention_starting, verb_like
from newsmodel.quotes.speakers import PRONOUNS

__all__ = ["agent", "agent_after", "is_passive"]

#: The forms of ``be`` that make a past participle passive.
_PASSIVE_AUXILIARIES = frozenset("is was were are be been being".split())
#: Words between a passive cue and the ``by`` that names its speaker, at most.
_AGENT_REACH = 6
_PUNCTUATION = frozenset([",", ".", ";", ":"])
#: Words between a passive cue and the quotation it governs: ``called it a "..."``, ``labeled as``.
_COMPLEMENT_OPENERS = frozenset("a an the as it him her them this that his its their".split())


def is_passive(words: list[str], index: int) -> bool:
    """
    Whether the cue at ``index`` is passive: ``Mook was asked``, ``described by``.

    Its subject is the one spoken to or of, not the speaker, who follows ``by``
    if the copy names them.
    """
    if words[index].lower() not in PASTS:
        return False
    previous = index - 1
    while previous >= 0 and (_adverb(words[previous]) or words[previous] == "often"):
        previous -= 1  # was often labeled, is widely described
    following = [*words[index + 1 : index + 3], "", ""]
    auxiliary = words[previous].lower() if previous >= 0 else ""
    by = following[0] == "by" and not following[1].endswith("ing")  # not continued by saying
    return auxiliary in _PASSIVE_AUXILIARIES or auxiliary == "as" or by


def _adverb(word: str) -> bool:
    """An adverb that may stand before a participle: ``widely``, ``repeatedly``."""
    return word.islower() and word.endswith("ly") and len(word) > 4  # noqa: PLR2004


def agent(words: list[str]) -> str | None:
    """The speaker ``by`` names a few words after a passive cue: ``described by the mayor as``."""
    for index, word in enumerate(words[:_AGENT_REACH]):
        if word.lower() == "by":
            mention = mention_starting(words[index + 1 :])
            return mention if mention is not None and mention.lower() not in PRONOUNS else None
        if word in _PUNCTUATION or verb_like(word):
            return None  # asked at a lunch held by the Journal: the by is another verb's
    return None


def agent_after(before: list[str], after: list[str]) -> tuple[str, str] | None:
    """
    The agent and cue of ``a "witch hunt" by Democrats``: ``by`` after the quotation.

    The cue, a past participle, is among the last few words before it.
    """
    if not after or after[0].lower() != "by":
        return None
    for index in range(len(before) - 1, max(-1, len(before) - 1 - _AGENT_REACH), -1):
        if before[index].lower() in PASTS:  # the by after the quotation makes it passive
            named = agent(after)
            return None if named is None else (named, before[index].lower())
        if before[index].lower() not in _COMPLEMENT_OPENERS and not _adverb(before[index]):
            return None  # reported in a "hit piece" by: the quotation is not what was reported
    return None
