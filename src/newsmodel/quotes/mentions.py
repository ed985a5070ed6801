"""
The words that name a speaker, found in English news copy by rules.

A speaker mention is a noun phrase next to a speech verb: before it
(``the Kremlin's spokesman Dmitry Peskov told``), after it (``said Rep.
Jane Smith (D-Va.), the panel's chair``), or opening the clause a later verb
belongs to (``Trump attacked Clinton, saying``).  No parser is needed for
these: a mention is a run of words that are not clause words, bounded by
punctuation, a determiner or a pronoun, with appositives and parentheses
taken whole.  The word lists here are the grammar the rules know.
"""

from __future__ import annotations

from newsmodel.quotes.cues import FINITE, SAID_NOUNS, SPEECH_VERBS, VERB_ONLY
from newsmodel.quotes.speakers import PRONOUNS
from newsmodel.quotes.words import CONTRACTING, DETERMINERS, PREPOSITIONS, join, tokens

__all__ = [
    "BETWEEN",
    "OPENING_ADVERBS",
    "SPEECH_VERBS",
    "clause_subject",
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
#: Words a speaker mention does not contain: they start another clause.
_CLAUSE_WORDS = frozenset(
    """
    and but or nor that which who whom whose because while as when whenever if so where after
    before since though although than whether what how why then yet once until unless in on at
    during from to about into over under between among against without through not is was were
    are be been being do does did by with has have had would will could should may might can
    """.split()
)
#: Of those, the ones that may open a description of someone: ``Ann Lee, of the council,``.
_DESCRIBING = PREPOSITIONS - frozenset(
    "following during despite amid alongside within through across around near".split()
)
_RELATIVES = frozenset(["who", "which", "whose", "whom", "where"])
#: Capitalised words that open a sentence but cannot open its subject.
_NOT_SUBJECTS = _CLAUSE_WORDS | frozenset(
    """
    this these those there here such along amid across after although behind beyond despite
    following like unlike within according however meanwhile still also instead indeed later earlier
    perhaps finally then now today yesterday tonight last next first again thus for with of
    outside inside alongside beside near around throughout toward towards upon via amidst
    """.split()
)
_MENTION_MAX_TOKENS = 16
_NAME_MAX_WORDS = 4
#: Modal verbs that are also first names.
_MODAL_NAMES = frozenset(["Will", "May"])
_DATELINE_WORDS = 8
_DASH_MARKS = frozenset(["\u2014", "\u2013", "-"])
_GROUP_MAX_WORDS = 3
_ROLE_MAX_WORDS = 3
_ASIDE_MAX_WORDS = 14
_CONJUNCTIONS = frozenset(["and", "but", "so", "yet", "or"])
#: Adverbs that may open a clause before its subject: ``Then Trump said``.
OPENING_ADVERBS = frozenset(
    "then now later also still again meanwhile instead finally earlier separately even ever".split()
)
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
_QUANTIFIERS = frozenset(
    "another some many several few other both each two three four five dozens".split()
)
#: Words that say when, which end a run of words before a verb but name nobody:
#: ``Priebus later Thursday``, ``two weeks ago``.
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_TIME_WORDS = frozenset(
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
    while end and _between(words[end - 1]):
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
        if _joins_names(words, start - 1) and inside and words[start - 2][0].isupper():
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
    return join(taken) if taken and _names_someone(taken) else None


def _untimed(words: list[str]) -> list[str]:
    """``words`` without the time they end with: ``Priebus later Thursday`` is Priebus."""
    end = len(words)
    while end and (words[end - 1] in _WEEKDAYS or words[end - 1] in _TIME_WORDS):
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


def _between(word: str) -> bool:
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
    if words and words[0].lower() in _CONJUNCTIONS:
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
            clause = words[comma + 1].lower() in _CLAUSE_WORDS - _DESCRIBING  # , but only after
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
            _joins_names(words, end)
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


def _joins_names(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` is the ``and`` of ``Trump and Ryan``, ``Kwan and her aides``."""
    following = words[index + 1] if index + 1 < len(words) else ""
    return bool(index) and words[index] == "and" and opens_name(following)


def _opens_participle(clause: list[str]) -> bool:
    """
    Whether a clause opens with a participle or an adverb, not a name.

    As in ``Horrified at ..., Ramos``, ``Immediately after ..., Trump``,
    ``Hours later, she``.
    """
    opener = clause[0].lower()
    following = clause[1].lower() if len(clause) > 1 else ""
    if following in {"later", "earlier", "ago"}:
        return opener in _TIME_WORDS or opener[0].isdigit()  # Hours later, she; not Lee earlier
    if opener.endswith("ly"):
        return following == "," or following.endswith(("ing", "ed")) or following in _CLAUSE_WORDS
    return opener.endswith(("ed", "ing")) and "," in clause


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
        lower_case_start = opening and (start or main) and opener in DETERMINERS | _QUANTIFIERS
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


def _without_openers(clause: list[str]) -> list[str]:
    """A clause without the conjunction and adverbs it opens with: ``And then Trump went``."""
    if clause and clause[0].lower() in _CONJUNCTIONS:
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
    if clause[0].lower() in DETERMINERS | _QUANTIFIERS:
        after_name = clause[index - 1][0].isupper() and word.islower()
        following = clause[index + 1] if index + 1 < len(clause) else ""
        takes_object = following.lower() in DETERMINERS | {"that"} or following[:1].isupper()
        present = (after_name or takes_object) and _third_person(word)  # The ad hits Clinton
        counted = clause[0].lower() in _QUANTIFIERS  # Another featured: no noun needed
        verb = (index > 1 or counted) and (verb_like(word) or lowered in _COMMON_PASTS or present)
        return lowered in _CLAUSE_WORDS or lowered in VERB_ONLY or _between(word) or verb
    if not word[0].islower() or lowered in {"of", "for"} or _joins_names(clause, index):
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
        or lowered in _COMMON_PASTS
        or verb_like(word)
        or _between(word)
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
    return word[0].isalnum() and lowered not in _CLAUSE_WORDS and lowered not in VERB_ONLY


def _names_someone(words: list[str]) -> bool:
    """
    Whether the words can name a speaker.

    They can if they hold a capitalised name, are a pronoun, or are a
    description with its own noun (``the mayor``, not ``the``).
    """
    if len(words) == 1 and words[0].lower() in PRONOUNS | _INDEFINITE:
        return True
    return any(word[0].isupper() and word.lower() not in DETERMINERS for word in words) or (
        len(words) > 1 and words[0].lower() in DETERMINERS | _QUANTIFIERS
    )
