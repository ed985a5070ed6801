"""
Speakers of German and French quotations, found by the patterns their copy uses.

German copy writes ``„…“, sagte Olaf Scholz``, ``Scholz sagte: „…“``, ``„…“, so
Scholz`` and ``laut Scholz`` (before or after); French copy ``« … », a déclaré
Emmanuel Macron``, ``« … », a-t-il dit``, ``Macron a déclaré : « … »`` and
``selon Macron`` (before or after).  A speaker here is a run of capitalised
words (with the particles of names: ``von``, ``de``) or a pronoun next to one
of these cues; anything else is left without a speaker rather than guessed.
"""

from __future__ import annotations

import re

__all__ = ["LANGUAGES", "speaker_after", "speaker_before"]

_CAPITALISED = r"[A-ZÄÖÜÀ-Ý][\w.'\u2019-]*"
_PARTICLES = r"(?:(?:von|van|de|du|des|le|la|zu)\s+)*"
_NAME = rf"(?:{_CAPITALISED}(?:\s+{_PARTICLES}{_CAPITALISED})*)"
#: Lower-case words of a French role before a name: ``le ministre Jean Roux``.
_ROLE = r"(?:[a-zàâçéèêëîïôûù-]+(?:\s+(?:de|du|des|d'|d\u2019)\s*[a-zàâçéèêëîïôûù-]+)?)"
#: A French description without a name: ``le ministre``, ``la porte-parole du gouvernement``.
_LOWER = "a-zàâçéèêëîïôûù"
_DESCRIPTION = (
    rf"(?:[Ll]es?|[Ll]a|[Ll]['\u2019])\s*[{_LOWER}-]+(?:\s+(?:du|des|de\s+la)\s+[{_LOWER}-]+)?"
)
_GERMAN_VERBS = (
    "sagte|sagt|erklärte|erklärt|betonte|betont|meinte|meint|schrieb|schreibt|fügte|"
    "ergänzte|warnte|warnt|kritisierte|rief|antwortete|fragte|so"
)
_FRENCH_VERBS = (
    "déclaré|dit|affirmé|expliqué|ajouté|souligné|estimé|assuré|indiqué|précisé|écrit|"
    "déclare|affirme|explique|ajoute|souligne|estime|assure|indique|précise|écrit|"
    "lancé|lance|martelé|répondu|répond|prévenu|averti|insisté"
)
_AFTER = {
    "de": re.compile(
        rf"^[\s\"“”»«,]*,?\s*(?:(?:{_GERMAN_VERBS})\s+(?:(er|sie)\b|(?:der|die|das)?\s*({_NAME}))"
        rf"|laut\s+(?:der|des|dem)?\s*({_NAME}))"
    ),
    "fr": re.compile(
        rf"^[\s\"“”»«,]*,?\s*(?:(?:a|avait)?[\s-]*(?:t-(il|elle)\s+)?(?:{_FRENCH_VERBS})"
        rf"(?:[\s-]+(il|elle)\b|\s+(?:le|la|l'|l\u2019)?\s*(?:{_ROLE}\s+)?({_NAME})"
        rf"|\s+({_DESCRIPTION})\b)?"
        rf"|(?:selon|d'après|d\u2019après)\s+(?:(?:le|la|les|l'|l\u2019)?\s*({_NAME})"
        rf"|({_DESCRIPTION})\b))"
    ),
}
_BEFORE = {
    "de": re.compile(
        rf"(?:\b(?:[Ll]aut|[Nn]ach Angaben von)\s+(?:der|des|dem)?\s*({_NAME})[^„“\"»«]*$)"
        rf"|(?:({_NAME})\s+(?:{_GERMAN_VERBS})\b(?:[^„“\"»«.]*:|\s*,[^„“\"»«.]*)\s*$)"
        rf"|(?:\b(?:{_GERMAN_VERBS})\s+(?:der|die)\s+({_NAME})\s*,[^„“\"»«.]*$)"
    ),
    "fr": re.compile(
        rf"(?:\b(?:[Ss]elon|[Dd]'après|[Dd]\u2019après)\s+"
        rf"(?:(?:le|la|les|l'|l\u2019)?\s*({_NAME})|({_DESCRIPTION}))[^«»\"“”]*$)"
        rf"|(?:({_NAME}|{_DESCRIPTION})\s+(?:a|avait)?\s*(?:{_FRENCH_VERBS})\b"
        rf"(?:[^«»\"“”.]*:|\s+qu[e'\u2019][^«»\"“”.]*)\s*$)"
    ),
}
_REACH = 300  # characters before a quotation that can hold its speaker
_MARKS = ' \u00a0\u00ab\u00bb\u201e\u201c\u201d"'
#: The languages these patterns know.
LANGUAGES = frozenset(_AFTER)


def speaker_after(language: str, text: str) -> str | None:
    """The speaker a cue after a quotation names: ``, sagte Scholz``, ``, a déclaré Macron``."""
    match = _AFTER[language].match(text)
    return None if match is None else _named(match.groups())


def speaker_before(language: str, text: str) -> str | None:
    """The speaker named before a quotation: ``Scholz sagte:``, ``selon Macron,``."""
    match = _BEFORE[language].search(text[-_REACH:].rstrip(_MARKS))
    return None if match is None else _named(match.groups())


def _named(groups: tuple[str | None, ...]) -> str | None:
    """The group that matched, without the full stop of a sentence it ends."""
    mention = next((group for group in groups if group), None)
    if mention and mention.endswith(".") and len(mention.split()[-1]) > 2:  # noqa: PLR2004 - not an initial
        mention = mention[:-1]
    return mention
