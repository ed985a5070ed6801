"""
Who a quotation's own sentence says said it, and with which cue.

The speaker of a quotation sits next to a cue: after the quotation
(``"...," he said``, ``"...," said Rep. Smith``, ``"...," Blunt, after a
pause, said``, ``"..." for now, she said``, ``"..." according to the
report``) or before it (``Peskov told reporters: "..."``, ``Zelensky
called the referendums "..."``, ``according to Smith, "..."``, ``as Smith
put it, "..."``).  The functions here read the words on either side of one
quotation; :mod:`newsmodel.quotes` decides which side to trust.
"""

from __future__ import annotations

from attrs import evolve, frozen

from newsmodel.model import Agent
from newsmodel.quotes import clauses, passives, verbs
from newsmodel.quotes.cues import FINITE, PASTS, PHRASAL, SPEECH_VERBS, VERB_ONLY
from newsmodel.quotes.mentions import (
    BETWEEN,
    may_be_in_mention,
    mention_ending,
    mention_starting,
    opens_name,
    trailing_name,
    verb_like,
)
from newsmodel.quotes.speakers import PRONOUNS, Cast
from newsmodel.quotes.subjects import OPENING_ADVERBS, clause_subject
from newsmodel.quotes.verbs import (
    AUXILIARIES,
    JOINERS,
    LEADING_CUES,
    TELLS,
    cue,
    is_cue,
    is_verb,
)
from newsmodel.quotes.words import DETERMINERS, PREPOSITIONS, join, tokens

__all__ = [
    "Attribution",
    "after",
    "attributed",
    "before",
    "participle_subject",
    "passive_agent",
]

#: Passives that report what their subject was heard saying: ``is quoted as saying``.
_HEARD = frozenset(["quoted", "heard", "overheard", "seen", "recorded", "filmed", "caught"])
#: Verbs by which a later source passes a saying on: ``..., reports the Herald.``
_REPORTED = frozenset(["reported", "reports"])
#: Characters around a quotation or a verb that attribution reads: enough for
#: any speaker mention or clause opening, and a bound on the work per quotation.
_REACH = 400
#: Words after a quotation that can hold its speaker and verb.
_AFTER_WORDS = 24
#: Words an aside between commas may have: ``Blunt, after a long pause, said``.
_ASIDE_WORDS = 20
#: What may follow a cue that ends its clause: ``she said.``, ``she said on Monday``.
_CLAUSE_ENDS = frozenset(
    """
    . , ; : ? ! on in at during after before last this yesterday today earlier later recently
    """.split()
)
#: Words that open a phrase after a speaker, before the verb: ``a staffer in the room said``.
_PHRASE_OPENERS = frozenset(["in", "at", "from", "with", "for", "on"])
_LABEL_MAX_WORDS = 6
#: Participles of cues whose object is the one spoken to: ``Asked ..., Smith said``.
_ADDRESSED = frozenset(
    "asked pressed told questioned challenged reminded informed urged confronted warned".split()
)
#: Words that may stand before a cue whose subject is an earlier clause's: ``and later said``.
_SUBJECTLESS = frozenset("and but then also later again so".split())
#: Words before a participle that opens a sentence: ``And in declaring``, ``After spending``.
_PARTICIPLE_OPENERS = frozenset("and but in after by while when since before on without".split())
_SHORTEST_PARTICIPLE = 5
#: Every word that can be a cue, to pass over the others quickly.
_MAY_CUE = SPEECH_VERBS | PHRASAL.keys() | LEADING_CUES.keys() | {"put", "puts"}
_CLOSING_MARKS = "'\"\u2019\u201d\u00bb\u201c \t\n"
_DASHES = frozenset([",", ".", "\u2014", "\u2013", "-"])


@frozen
class Attribution:
    """Who said something, as worded, and how."""

    mention: str
    speaker: Agent | None
    cue: str | None


def attributed(mention: str | None, cue: str | None, cast: Cast) -> Attribution | None:
    """The attribution to ``mention``, resolved against the people named so far."""
    if not mention or not _well_formed(tokens(mention)):
        return None
    return Attribution(mention, cast.resolve(mention), cue)


def _well_formed(words: list[str]) -> bool:
    """
    Whether words a rule took can name a speaker: no preposition opens or closes them.

    ``PolitiFact rated 32% of Republican claims as "false"`` reads
    ``claims`` as a cue and ``of Republican`` as its subject; a phrase a
    preposition opens is its object, never a verb's subject, and one that
    ends in a preposition (``a series of``) was cut short.
    """
    first, last = words[0], words[-1]
    opened = first.lower() in PREPOSITIONS and (first.islower() or len(words) > 1)  # Al From said
    return not opened and last not in PREPOSITIONS


def after(text: str, *, continues: bool, cast: Cast) -> Attribution | None:
    """
    Return the speaker named right after a quotation.

    Unless the quotation ends with a comma (or ``?``, ``!``, a dash), a
    capital letter after it starts another sentence, and only that
    sentence being just a speaker and a cue (``Smith said.``) or a
    lower-case ``he said`` can still attribute it.
    """
    sentence = tokens(text.lstrip(_CLOSING_MARKS)[:_REACH])
    while sentence and sentence[0] in _DASHES:
        sentence.pop(0)
    words = sentence[:_AFTER_WORDS]
    if not words:
        return None
    found = _closing(words, continues=continues, cast=cast)
    if found is None and not continues and not words[0][0].isupper():
        found = _trailing(sentence, cast)  # "..." on X, Y and Z, the lawsuit alleges.
    if found is not None and found.cue == "according to":
        return found
    if found is None and words[0][0].isupper() and not continues:
        return None  # the words after the quotation are another sentence's
    return _reporting_source(words, cast) or found


def _as_put_it(words: list[str], cast: Cast) -> Attribution | None:
    """The speaker of ``"...," as Smith put it.`` after a quotation."""
    for index in range(2, len(words) - 1):
        if words[index].lower() in {"put", "puts"} and words[index + 1].lower() == "it":
            return attributed(mention_ending(words[1:index], whole=True), "put it", cast)
    return None


def _as_said(words: list[str], cast: Cast) -> Attribution | None:
    """The speaker of ``"...," as Cruz said on Monday``: ``as`` stands for the quotation."""
    found = _subject_then_cue(words[1:], cast)
    return found if found is not None and found.cue in clauses.AS_CUES else None


def _as_described(words: list[str], cast: Cast) -> Attribution | None:
    """The speaker of ``"..." - as described by the FBI director -``: a passive's agent."""
    if len(words) < 3 or words[1].lower() not in PASTS or words[1].lower() not in SPEECH_VERBS:  # noqa: PLR2004
        return None
    return attributed(passives.agent(words[2:]), words[1].lower(), cast)


def _reporting_source(words: list[str], cast: Cast) -> Attribution | None:
    """
    The source a sentence ends by naming as the one that reported the saying.

    As in ``"...," Smith said, according to the Herald.`` or ``..., reports
    the Herald.``: the outermost source is the quotation's, as the first
    of several cues is before a quotation.
    """
    for index, word in enumerate(words):
        lowered = word.lower()
        if word in {".", "?", "!", ";"}:
            return None
        if lowered == "according":
            found = _leading(words, index, cast)
            if found is not None:
                return found
        if lowered in _REPORTED and index and words[index - 1] == ",":
            rest = words[index + 1 :]
            mention = mention_starting(rest)
            taken = len(tokens(mention)) if mention else len(rest)
            if mention and (taken == len(rest) or rest[taken] in {".", ","}):
                return attributed(mention, lowered, cast)
    return None


def _closing(words: list[str], *, continues: bool, cast: Cast) -> Attribution | None:
    """The speaker and cue of the words after a quotation, by the ways copy orders them."""
    first = words[0].lower()
    if first in LEADING_CUES:
        return _leading(words, 0, cast)
    if first == "as":
        return _as_put_it(words, cast) or _as_said(words, cast) or _as_described(words, cast)
    if first in FINITE and (continues or words[0].islower()):
        found = attributed(mention_starting(words[1:]), cue(first, words[1:]), cast)
        if found is not None:
            return found
    if words[0][0].isupper() and not continues:
        return _speaker_sentence(words, cast)
    if continues:
        return _subject_then_cue(words, cast) or _trailing(words, cast)
    return _trailing(words, cast) or _subject_then_cue(words, cast)


def _subject_then_cue(words: list[str], cast: Cast) -> Attribution | None:
    """``he said``, ``Mitch McConnell, R-Ky., said``, ``Blunt, after a pause, said``."""
    index = 0
    aside: int | None = None  # where an aside between speaker and verb ends
    phrase: int | None = None  # where a phrase after the speaker starts: a staffer in the room
    while index < len(words):
        word = words[index]
        lowered = word.lower()
        if index and _verb_after_subject(words, index):
            end = index if aside is None and phrase is None else (phrase or index)
            mention = None if aside else mention_ending(words[:end], whole=True)
            if mention is None and "," in words[:index]:
                mention = mention_ending(words[: words.index(",")], whole=True)
            return attributed(mention, cue(lowered, words[index + 1 :]), cast)
        heard = _heard_saying(words, index) if index else None
        if heard is not None:
            return attributed(mention_ending(words[: heard[0]], whole=True), heard[1], cast)
        if word == "," and index:
            aside = _aside_end(words, index)
            if aside is not None:
                index = aside
                continue
        if index and phrase is None and lowered in _PHRASE_OPENERS:
            phrase = index
        elif lowered == "and" and index + 1 < len(words) and opens_name(words[index + 1]):
            pass  # Smith and Jones wrote, Smith and her aides wrote
        elif not (
            word in ",()."
            or may_be_in_mention(word)
            or lowered in BETWEEN
            or lowered in AUXILIARIES
            or (word[0].isupper() and index + 1 < len(words) and is_verb(words, index + 1))
        ):
            return None  # a capital before a cue is a name the lexicon also holds: Read said
        index += 1
    return None


def _heard_saying(words: list[str], index: int) -> tuple[int, str] | None:
    """
    Where the subject of ``is quoted as saying`` ends, and its cue.

    A passive of hearing or quoting at ``words[index]`` whose ``-ing`` cue
    says what the subject said: ``Kim was heard telling aides``.
    """
    if words[index].lower() not in _HEARD:
        return None
    following = index + 1
    if following < len(words) and words[following].lower() == "as":
        following += 1
    verb = words[following].lower() if following < len(words) else ""
    if not verb.endswith("ing") or verb not in SPEECH_VERBS:
        return None
    start = index
    while start and words[start - 1].lower() in AUXILIARIES:
        start -= 1
    return (start, cue(verb, words[following + 1 :])) if start < index else None


def _verb_after_subject(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is a cue, counting a plural's present: ``the two write``."""
    lowered = words[index].lower()
    present = lowered in SPEECH_VERBS and lowered not in VERB_ONLY
    return is_verb(words, index) or (present and index > 0 and _plural(words[index - 1]))


def _plural(word: str) -> bool:
    """Whether a word before a verb makes a plural subject: ``the Saudis``, ``the two``."""
    lowered = word.lower()
    return lowered in {"two", "three", "both", "they", "we", "i", "you"} or (
        lowered.endswith("s") and not lowered.endswith(("ss", "'s", "\u2019s"))
    )


def _aside_end(words: list[str], comma: int) -> int | None:
    """
    Where an aside that opens at ``comma`` closes, if a cue follows it.

    ``Blunt, after a long pause, said``, ``Paris, who worked there, said``.
    """
    for index in range(comma + 1, min(len(words) - 1, comma + _ASIDE_WORDS)):
        if words[index] == ",":
            return index + 1 if is_verb(words, index + 1) else None
        if words[index] in {".", ";"}:
            return None
    return None


def _trailing(words: list[str], cast: Cast) -> Attribution | None:
    """
    The speaker of a cue that ends the sentence after a clause of the writer's.

    As in ``"..." for crimes, she said.``: the cue closes its clause, so it
    attributes what came before rather than introducing what follows.
    """
    for index, word in enumerate(words):
        if word in {".", "?", "!", ";"}:
            return None
        lowered = word.lower()
        if not _verb_after_subject(words, index) or lowered.endswith("ing"):
            continue
        rest = words[index + 1 :]
        if index and words[index - 1] == "," and lowered in FINITE:  # ..., said Ann Smith.
            mention = mention_starting(rest)
            taken = len(tokens(mention)) if mention else len(rest)
            if taken < len(rest) and rest[taken] in {".", ","}:
                return attributed(mention, cue(lowered, rest), cast)
        following = rest[0] if rest else "."
        comma = max((i for i in range(index) if words[i] == ","), default=None)
        if comma is not None and following.lower() in _CLAUSE_ENDS:
            opening = comma + 2 if words[comma + 1].lower() == "as" else comma + 1  # , as X said
            mention = mention_ending(words[opening:index], whole=True)
            if mention is not None:
                return attributed(mention, cue(lowered, rest), cast)
    return None


def _speaker_sentence(words: list[str], cast: Cast) -> Attribution | None:
    """The speaker of a sentence that is only a speaker and a cue: ``Trump said.``."""
    for index, word in enumerate(words):
        lowered = word.lower()
        if index and is_verb(words, index):
            following = words[index + 1] if index + 1 < len(words) else ""
            if following != ".":
                return None
            mention = mention_ending(words[:index], whole=True)
            return attributed(mention, cue(lowered, words[index + 1 :]), cast)
        if not may_be_in_mention(word) and word not in ",()" and lowered not in BETWEEN:
            return None
    return None


def _leading(words: list[str], index: int, cast: Cast) -> Attribution | None:
    """The speaker after ``according to`` or ``per`` at ``words[index]``."""
    lowered = words[index].lower()
    rest = words[index + 1 :]
    if LEADING_CUES[lowered]:
        if not rest or rest[0].lower() != LEADING_CUES[lowered]:
            return None
        rest = rest[1:]
    elif not rest or not (rest[0][0].isupper() or rest[0].lower() in DETERMINERS):
        return None  # per cent, per year
    cue_words = f"{lowered} {LEADING_CUES[lowered]}".strip()
    return attributed(mention_starting(rest), cue_words, cast)


def before(text: str, cast: Cast, *, alone: bool = False) -> Attribution | None:
    """
    Return the speaker of the first cue in ``text``, the words before a quotation.

    The first is the outermost: in ``Obama said he expected Americans to say
    "no"``, the quotation is reported by Obama, and the cue is the verb
    nearest the quotation: ``Zelensky said ... and called the referendums
    "...`` gives Zelensky and ``called``.  A relative clause is the
    exception (``Smith said it was a law which he called "..."``: he), and a
    cue in a clause that only sets the scene is passed over (``When Trump
    announced his run, he called them "..."``: he).  With ``alone``, the
    words are a whole sentence that quotes nothing.
    """
    words = tokens(text[-_REACH:])
    labelled = _label(words)
    if labelled is not None and not alone:
        return attributed(labelled, None, cast)
    cues = [
        index
        for index, word in enumerate(words)
        if word.lower() in _MAY_CUE and is_cue(words, index)
    ]
    earlier = 0  # cues tried before this one, but not those of a clause that sets the scene
    for index in clauses.in_order(words, cues):
        if passives.is_passive(words, index):
            earlier += 1
            outer = clauses.opening_phrase(words, index) or index != cues[-1]  # a cue follows it
            agent = None if outer else passives.agent(words[index + 1 :])
            if agent is not None:
                return attributed(agent, words[index].lower(), cast)
            continue
        if clauses.subordinate(words, index) or _asked_first(words, index):
            continue
        verb = words[index].lower()
        if verb in LEADING_CUES:
            leading = _leading(words, index, cast)
            if leading is not None:
                return leading
            continue
        mention = _speaker_of(words, index, first=not earlier, alone=alone)
        earlier += 1
        antecedent = None if mention else clauses.antecedent(words[:index])
        if mention or antecedent:
            nearest = cues[-1] if words[cues[-1]].lower() not in LEADING_CUES else index
            return _credited(
                mention, antecedent, cue(words[nearest].lower(), words[nearest + 1 :]), cast
            )
        if not alone and _subjectless(words[:index]):
            return None  # "..." and said that her campaign would: the earlier subject's
    return _before_colon(words, cast) if not cues and not alone else None


def _asked_first(words: list[str], index: int) -> bool:
    """Whether the cue at ``index`` opens the sentence, its object the one who speaks next."""
    return words[index].lower() in _ADDRESSED and clauses.opening_phrase(words, index)


def _credited(
    mention: str | None, antecedent: str | None, said: str, cast: Cast
) -> Attribution | None:
    """A cue's attribution to its speaker, or to the antecedent of the relative clause it is in."""
    if mention:
        return attributed(mention, said, cast)
    # Beck, who has long called him "...": worded who, resolved to Beck
    found = attributed(antecedent, said, cast)
    return evolve(found, mention="who") if found is not None else None


def _subjectless(opening: list[str]) -> bool:
    """Whether the words before a cue leave it an earlier clause's subject: ``and then said``."""
    return opening[:1] in (["and"], ["but"]) and not any(
        word[0].isalnum() and word.lower() not in _SUBJECTLESS for word in opening
    )


def _before_colon(words: list[str], cast: Cast) -> Attribution | None:
    """The speaker of words a colon introduces with no cue: ``Smith delivered a retort:``."""
    if not words or words[-1] != ":":
        return None
    named = mention_ending(words[:-1], whole=True)
    if named is None or _holds_a_verb(tokens(named)):
        named = clause_subject(words) or named
    return attributed(named, None, cast)


def _holds_a_verb(words: list[str]) -> bool:
    """Whether words taken for a name hold a verb: ``delivered``, ``makes a``."""
    return any(
        verb_like(word)
        or (word.islower() and word.endswith("s") and following.lower() in DETERMINERS)
        for word, following in zip(words[1:], [*words[2:], ""], strict=False)
    )


def _speaker_of(words: list[str], index: int, *, first: bool, alone: bool) -> str | None:
    """The speaker of the cue at ``index``: before it, after it, or opening its clause."""
    verb = words[index].lower()
    preceding, following = words[:index], words[index + 1 :]
    inserted = _inserted(preceding, verb, following)
    if inserted is not None:
        return inserted
    absolute = join(verbs.with_subject(preceding)) if verb.endswith("ing") else ""  # with X saying
    mention = absolute or mention_ending(preceding, whole=False)
    opens = not any(word[0].isalnum() for word in preceding) or _inverted(preceding, following)
    if mention is None and verb in FINITE and opens and not alone:
        mention = mention_starting(following)
    joined = verb.endswith("ing") or (preceding and preceding[-1].lower() in JOINERS)
    if mention is None and joined and first:
        mention = _nearest_clause_subject(preceding) or clause_subject(preceding)
    if mention is None and preceding and preceding[-1] == ",":
        mention = _subject_before_aside(preceding)
    if mention is None and preceding and first:
        mention = _contracted_pronoun(preceding[-1])
    return mention


def _contracted_pronoun(word: str) -> str | None:
    """The pronoun of an auxiliary's contraction before a cue: ``he's said``, ``they've said``."""
    pronoun, mark, rest = word.replace("\u2019", "'").partition("'")
    return pronoun if mark and rest in {"s", "ve", "d"} and pronoun.lower() in PRONOUNS else None


def _nearest_clause_subject(words: list[str]) -> str | None:
    """
    The subject of the clause a joined verb ends: ``..., she laughed and said``.

    Only after ``and``, ``but`` or ``then``: a participle after a comma
    (``Trump attacked Clinton, saying``) belongs to the first clause.
    """
    if not words or words[-1].lower() not in {"and", "but", "then"} or "," not in words:
        return None
    comma = len(words) - 1 - words[::-1].index(",")
    clause = words[comma + 1 :]
    while clause and clause[0].lower() in {"such", *clauses.SUBORDINATORS}:
        clause = clause[1:]  # ..., such as when Cruz knocked Rubio and called
    return clause_subject(clause)


def _inverted(preceding: list[str], following: list[str]) -> bool:
    """Whether a cue comes before its speaker and a colon: ``In short, explained X: "..."``."""
    return bool(preceding) and preceding[-1] == "," and following[-1:] == [":"]


def _inserted(preceding: list[str], verb: str, following: list[str]) -> str | None:
    """The speaker of a cue set between commas: ``The paradox, says Carl Anthony, is``."""
    if not preceding or preceding[-1] != "," or verb not in FINITE or verb in TELLS:
        return None  # told names whom it was said to: X, who ..., told POLITICO, "..."
    mention = mention_starting(following)
    taken = len(tokens(mention)) if mention else len(following)
    if taken < len(following) and following[taken] == "," and mention and mention[0].isupper():
        return mention
    return None


def participle_subject(
    opening: str, after_text: str, *, continues: bool, cast: Cast
) -> Attribution | None:
    """
    The subject of the main clause, for a quotation in a participle's phrase that opens it.

    As in ``In calling the plan "a farce," the mayor broke ranks``: the one
    calling is the subject the phrase leads up to.  ``opening`` is the
    sentence up to the quotation, ``after_text`` the words after it; with
    ``continues``, the quotation's comma closes the phrase.
    """
    words = tokens(opening[:_REACH])
    while words and words[0].lower() in _PARTICIPLE_OPENERS:
        words = words[1:]
    if not words or not _participle(words[0]) or "," in words:
        return None
    following = tokens(after_text.lstrip(_CLOSING_MARKS)[:_REACH])
    if continues:
        following = [",", *following[following[:1] == [","] :]]
    for index, word in enumerate(following):
        if word in {".", "?", "!", ";", ":"}:
            return None
        if word == ",":
            return attributed(clause_subject(following[index + 1 :], main=True), None, cast)
    return None


def _participle(word: str) -> bool:
    """Whether a word is an ``-ing`` form: ``declaring``, ``Acknowledging``, not ``King``."""
    lowered = word.lower()
    return lowered.endswith("ing") and len(lowered) > _SHORTEST_PARTICIPLE


def passive_agent(before_text: str, after_text: str, cast: Cast) -> Attribution | None:
    """
    The speaker a passive cue names after the quotation: ``labeled a "witch hunt" by Democrats``.

    The cue, a past participle, is among the last few words before the quotation.
    """
    words = tokens(before_text[-_REACH:])
    following = tokens(after_text.lstrip(_CLOSING_MARKS)[:_REACH])[:_AFTER_WORDS]
    found = passives.agent_after(words, following)
    return None if found is None else attributed(found[0], found[1], cast)


def _label(words: list[str]) -> str | None:
    """
    The name a line of quotation is labelled with: ``More from Jones: "..."``.

    A name right before the colon, itself after a dash, ``from`` or nothing.
    """
    if len(words) < 2 or words[-1] != ":":  # noqa: PLR2004 - a name and its colon
        return None
    name = trailing_name(words[:-1])
    if not name or len(name) > _LABEL_MAX_WORDS:
        return None
    opening = len(words) - 1 - len(name)
    ahead = words[opening - 1].lower() if opening else ""
    if ahead == ",":  # Ann Lee, Valley Courier: the person, then where they write
        person = trailing_name(words[: opening - 1])
        first = opening - 1 - len(person)
        if (
            person
            and len(person) <= _LABEL_MAX_WORDS
            and not (first and words[first - 1][0].isalnum())
        ):
            return join(person)
    if opening and ahead[0].isalnum() and ahead != "from":
        return None
    return join(name)


def _subject_before_aside(words: list[str]) -> str | None:
    """
    The name opening a clause whose verb comes after an aside.

    As in ``Michael Seaman, who lives outside Sacramento, said``.
    """
    mention = mention_starting(words)
    taken = len(tokens(mention)) if mention else 0
    if mention is None or taken >= len(words) or words[taken] != ",":
        return None
    if taken == len(words) - 1 and mention.lower() in OPENING_ADVERBS:
        return None  # no aside, no subject: Meanwhile, speaking to reporters
    return mention if mention[0].isupper() or mention.lower() in PRONOUNS else None
