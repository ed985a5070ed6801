"""
The verbs that cue a quotation, in every form copy writes them.

Reporters vary the verb of speech (``said``, ``gushed``, ``fumed``, ``is
insisting``, ``declared``), so a list of the forms seen in one corpus
misses the next article's.  The lexicon here holds base forms only; the
third person, past and ``-ing`` forms are derived from them by the
spelling rules of English inflection, with the irregular pasts of the
few verbs that have one given as facts about those verbs.
"""

from __future__ import annotations

__all__ = [
    "FINITE",
    "PASTS",
    "PHRASAL",
    "SAID_NOUNS",
    "SPEECH_VERBS",
    "VERB_ONLY",
    "inflections",
]

#: Verbs of saying, writing and reporting that attribute quoted words, in base form.
_BASES = """
    say tell add ask write tweet explain argue note state continue insist claim call describe
    depict warn recall reply respond answer announce acknowledge admit assert maintain suggest
    predict promise vow quip joke shout chant yell urge charge complain testify report conclude
    concede observe remark reiterate emphasize emphasise stress comment post caution counter
    boast lament muse pledge label dub brand tout praise blast slam criticize criticise accuse
    demand proclaim whisper scream sing opine thunder echo agree scold condemn liken mock attack
    read declare gush implore fume exclaim press bark assure cry wonder snap retort rage rant
    sigh laugh groan grumble murmur mutter bellow roar holler plead beg beam crack tease scoff
    sneer snarl growl huff protest object interject interrupt confide confirm confess disclose
    reveal affirm allege contend reason surmise speculate text email message blog retweet
    rebut inquire query question challenge inform advise remind threaten forecast mention
    elaborate clarify recount reflect marvel rave enthuse laud hail applaud brag crow repeat
    underscore blame gripe grouse seethe chuckle sob stammer term deem tell instruct
    lecture preach pontificate reassure concur whine summarize
    summarise offer venture add sniff snipe jab taunt needle rail decry denounce
    lash berate chide rebuke fret worry refer speak talk cite indicate imply bemoan express vent
    react remember riff retaliate exhort intone drawl hiss gasp deride lambaste ridicule
    """.split()
#: Verbs that cue a quotation only with their particle: ``went on``, ``shot back``.
_PHRASAL_BASES = {
    "go": "on",
    "shoot": "back",
    "fire": "back",
    "push": "back",
    "hit": "back",
    "chime": "in",
    "weigh": "in",
    "point": "out",
    "lash": "out",
}
#: The past forms that do not follow the rules (past tense and participle alike).
_IRREGULAR_PASTS = {
    "say": "said",
    "tell": "told",
    "write": "wrote written",
    "sing": "sang sung",
    "read": "read",
    "swear": "swore sworn",
    "speak": "spoke spoken",
    "forecast": "forecast",
    "go": "went gone",
    "shoot": "shot",
    "hit": "hit",
}
#: Verbs of more than one syllable stressed on the last, which double a final consonant.
_STRESSED_LAST = frozenset(["admit", "rebut", "refer", "confer", "concur", "regret", "commit"])
_VOWELS = frozenset("aeiou")
_NOT_DOUBLED = frozenset("wxy")


def inflections(base: str) -> dict[str, tuple[str, ...]]:
    """Return a verb's forms by kind: ``base``, ``third`` person, ``past``, ``ing``."""
    pasts = _IRREGULAR_PASTS.get(base)
    return {
        "base": (base,),
        "third": (_third_person(base),),
        "past": tuple(pasts.split()) if pasts else _regular_pasts(base),
        "ing": (_present_participle(base),),
    }


def _third_person(base: str) -> str:
    if base.endswith(("s", "x", "z", "ch", "sh")) or _ends_consonant_o(base):
        return base + "es"
    if _ends_consonant_y(base):
        return base[:-1] + "ies"
    return base + "s"


def _regular_pasts(base: str) -> tuple[str, ...]:
    if base.endswith("e"):
        return (base + "d",)
    if _ends_consonant_y(base):
        return (base[:-1] + "ied",)
    if _doubles(base):
        return (base + base[-1] + "ed",)
    if base.endswith("l") and _syllables(base) > 1 and _doubling_shape(base):
        return (base + "ed", base + "led")  # American labeled, British labelled
    return (base + "ed",)


def _present_participle(base: str) -> str:
    if base.endswith("ie"):
        return base[:-2] + "ying"
    if base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        return base[:-1] + "ing"
    if _doubles(base):
        return base + base[-1] + "ing"
    return base + "ing"


def _doubles(base: str) -> bool:
    """Whether the final consonant doubles: ``quip``, ``snap``, ``admit``, not ``visit``."""
    return _doubling_shape(base) and (_syllables(base) == 1 or base in _STRESSED_LAST)


def _doubling_shape(base: str) -> bool:
    """Whether a verb ends in one vowel and one consonant: ``quip``, not ``plead``."""
    return (
        len(base) >= 3  # noqa: PLR2004 - a consonant, a vowel, a consonant
        and base[-1] not in _VOWELS
        and base[-1] not in _NOT_DOUBLED
        and base[-2] in _VOWELS
        and (base[-3] not in _VOWELS or base[-4:-2] == "qu")  # the u of qu is no vowel
    )


def _syllables(word: str) -> int:
    """Vowel groups, a silent final ``e`` left out: enough to tell ``snap`` from ``admit``."""
    word = word.removesuffix("e")
    groups = 0
    previous = False
    for letter in word:
        vowel = letter in _VOWELS
        groups += vowel and not previous
        previous = vowel
    return groups


def _ends_consonant_y(word: str) -> bool:
    return word.endswith("y") and len(word) > 1 and word[-2] not in _VOWELS


def _ends_consonant_o(word: str) -> bool:
    return word.endswith("o") and len(word) > 1 and word[-2] not in _VOWELS


def _forms(kinds: tuple[str, ...]) -> frozenset[str]:
    return frozenset(form for base in _BASES for kind in kinds for form in inflections(base)[kind])


#: Every form of every cue verb.
SPEECH_VERBS = _forms(("base", "third", "past", "ing"))
#: The forms that carry their own tense and can come before their subject: ``"...," said Smith``.
FINITE = _forms(("third", "past"))
#: The forms that cannot be nouns, so never part of a speaker mention (``the report`` can).
VERB_ONLY = _forms(("past", "ing"))
#: The past forms: verbs wherever they stand (``said``, ``declared``).
PASTS = _forms(("past",))
#: Every form of the verbs that need a particle, with their particle.
PHRASAL = {
    form: particle
    for base, particle in _PHRASAL_BASES.items()
    for forms in inflections(base).values()
    for form in forms
}
#: Nouns for what someone said, singular and plural: ``Trump's recent assertion``,
#: ``Podliska's most explosive claim`` - its speaker is the possessor, not the noun.
SAID_NOUNS = frozenset(
    noun
    for base in """
        assertion statement remark comment claim contention argument response answer suggestion
        promise pledge vow call demand description warning message rhetoric language view
        position stance proposal attack criticism accusation charge complaint insistence
        prediction admission denial reply retort quip joke boast threat plea request question
        announcement explanation word tone advice speech testimony assessment account slogan
        motto mantra refrain catchphrase phrase line
        """.split()
    for noun in (base, _third_person(base))
)
