"""
Quotations in news copy and who said them, found by rules.

Reporters attribute quotations in a handful of ways: the speaker and a
speech verb after the quotation (``"...," he said``, ``"...," said Rep.
Smith``), before it (``Peskov said: "..."``, ``Zelensky called the
referendums "worthless."``), around a quotation split in two, or in an
earlier sentence that the quotation continues.  This module reads a text
sentence by sentence, as a reader does, and keeps the latest speaker for
quotations that stand alone.  A few quoted words nobody is said to say (the
"new territories") are kept as terms.  ``docs/quotations.md`` says what is
recognised and how well, measured on a hand-annotated set.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from attrs import evolve, frozen

from newsmodel.model import Article, Quotation, QuotationKind, Span, TextPart
from newsmodel.quotes import foreign, sentences
from newsmodel.quotes.attribution import (
    Attribution,
    after,
    attributed,
    before,
    participle_subject,
    passive_agent,
)
from newsmodel.quotes.cues import FINITE, SPEECH_VERBS
from newsmodel.quotes.marks import Stretch, quotes_with_single_marks, stretches
from newsmodel.quotes.speakers import Cast
from newsmodel.quotes.subjects import clause_subject
from newsmodel.quotes.words import CONTRACTING, tokens

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["extract_quotations"]

#: Words just before an opening mark that make a few quoted words a term:
#: ``the "new territories"``, ``Russia's "special military operation"``.
_TERM_MARKERS = frozenset(
    ["the", "its", "his", "her", "their", "our", "this", "these", "so-called"]
)
_TERM_MAX_WORDS = 4
_TITLE_WORDS = (2, 8)  # how many words a quoted title has
#: Words a title leaves in lower case: ``"Orange is the New Black"``.
_TITLE_SMALL_WORDS = frozenset("a an the and or of to in on at for with by is from as".split())
_NAME_AND_CUE = 60  # characters after a quotation that lacks its comma: a name and a verb
_NAME_MAX_WORDS = 4
_REACH = 400  # characters before a quotation that can hold its sentence's subject
_HEADLINE_SOURCE = re.compile(r":\s*((?:[\w'\u2019.-]+\s+){0,3}[\w'\u2019.-]+)\s*$")
#: Each language's commonest words, and the share of a text's words they make up at least.
_COMMON_WORDS = {
    "en": frozenset("the of and to a in is was that for on with he she said it as at by".split()),
    "de": frozenset(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein".split()
    ),
    "fr": frozenset(
        "le la les de des et en un une du que est pour qui dans par sur au il a".split()
    ),
}
_COMMON_SHARE = 0.05
_MARK_WEIGHT = 1  # a language's own opening quotation mark counts as a common word
_MIN_WORDS = 40  # fewer words than this: too few for the share, the most hits decide
_LANGUAGE_SAMPLE = 3000  # characters
_WORDS = re.compile(r"[^\W\d_]+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def extract_quotations(
    source: str | Article, *, language: str | None = None
) -> tuple[Quotation, ...]:
    """
    Return every quotation in ``source``, in reading order.

    Given text, spans count its characters (paragraphs are separated by a
    blank line).  Given an article, its headline and then its body are
    read, and each span names the part it counts in; the article's own
    quotations are not consulted.  Terms in quotation marks come back as
    :attr:`~newsmodel.model.QuotationKind.TERM` quotations without a speaker.

    The rules for speakers and terms are English ones, with a few German
    and French patterns (``sagte X``, ``a déclaré X``); for a ``language``
    (by default the article's, else guessed from the text) other than
    these, quotations come back with their spans and no speaker rather than
    with wrong ones.
    """
    if isinstance(source, Article):
        language = language or source.language
    text = source if isinstance(source, str) else source.body.text if source.body else ""
    language = language.lower().split("-")[0] if language else _guess_language(text)
    reader = _Reader(language=language, single=quotes_with_single_marks(text))
    if isinstance(source, str):
        return tuple(reader.text(source, TextPart.BODY))
    found = list(reader.headline(source.headline))
    if source.body is not None:
        found.extend(reader.text(source.body.text, TextPart.BODY))
    return tuple(found)


def _guess_language(text: str) -> str | None:
    """
    The language of a text none was given for, by its commonest words.

    English, German or French: the one whose commonest words and opening
    quotation marks the text uses most (English on a tie), if they make up
    enough of it or the text is too short to tell, else None.
    """
    words = _WORDS.findall(text[:_LANGUAGE_SAMPLE].lower())
    counts = Counter(words)
    hits = {
        language: sum(map(counts.__getitem__, common & counts.keys()))
        for language, common in _COMMON_WORDS.items()
    }
    hits["de"] += _MARK_WEIGHT * text.count("\u201e")  # „…“ is German
    hits["fr"] += _MARK_WEIGHT * text.count("\u00ab")  # «…» is French
    best = max(hits, key=hits.__getitem__)  # English on a tie: it comes first
    if len(words) < _MIN_WORDS or hits[best] >= _COMMON_SHARE * len(words):
        return best
    return None


class _Reader:
    """Reads one article in order, remembering who it named and who spoke last."""

    def __init__(self, *, language: str | None, single: bool) -> None:
        self.language = language
        self.single = single  # the copy quotes with single marks, British style
        self.cast = Cast()
        self.last: Attribution | None = None
        self.paragraphs = 0  # read so far
        self.last_said = 0  # the paragraph self.last was said in

    def headline(self, headline: str) -> Iterator[Quotation]:
        """
        Yield the quotations of a headline.

        Headlines quote with single marks and name the source after a
        colon: ``Putin to visit Donbas \u2018in due course\u2019: Kremlin``.
        """
        found = stretches(headline, single=True) or stretches(headline)
        source = _HEADLINE_SOURCE.search(headline)
        attribution = None
        if source is not None and all(stretch.end < source.start() for stretch in found):
            mention = source.group(1)
            attribution = Attribution(mention, self.cast.resolve(mention), None)
        for stretch in found:
            kind = _kind(whole=False, term=_is_term(headline, stretch))
            yield _quotation(headline, stretch, attribution, TextPart.HEADLINE, kind)

    def text(self, text: str, part: TextPart) -> Iterator[Quotation]:
        """Quotations of a text whose paragraphs are separated by blank lines."""
        start = 0
        for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
            end = len(text) if match is None else match.start()
            for quotation in self.paragraph(text[start:end], part):
                yield _moved(quotation, start)
            if match is not None:
                start = match.end()

    def paragraph(self, paragraph: str, part: TextPart) -> Iterator[Quotation]:
        """Quotations of one paragraph, spans counting from its start."""
        self.paragraphs += 1
        quoted = stretches(paragraph, single=self.single)
        if self.language != "en":
            yield from self._foreign(paragraph, quoted, part)
            return
        starts = sentences.starts(paragraph, [(s.start - 1, s.end + 1) for s in quoted])
        first = 0  # of the quoted stretches in the sentence
        for start, end in zip(starts, [*starts[1:], len(paragraph)], strict=True):
            stop = first
            while stop < len(quoted) and quoted[stop].start < end:
                stop += 1
            following = quoted[stop].start - 1 if stop < len(quoted) else len(paragraph)
            sentence = _Sentence(paragraph, start, end, following)
            yield from self.sentence(sentence, quoted[first:stop], part)
            first = stop

    def _foreign(
        self, paragraph: str, quoted: list[Stretch], part: TextPart
    ) -> Iterator[Quotation]:
        """Quotations of German or French copy, with the speakers its patterns name."""
        edges = [0, *(edge for s in quoted for edge in (s.start - 1, s.end + 1)), len(paragraph)]
        for left, right in zip(edges[::2], edges[1::2], strict=True):
            self.cast.meet(paragraph[left:right])  # whom er, sie, il and elle may mean
        for index, stretch in enumerate(quoted):
            mention = None
            if self.language in foreign.LANGUAGES:
                left = quoted[index - 1].end + 1 if index else 0
                mention = foreign.speaker_after(
                    self.language, paragraph[stretch.end : stretch.end + _REACH]
                ) or foreign.speaker_before(self.language, paragraph[left : stretch.start - 1])
            found = attributed(mention, None, self.cast)
            yield _quotation(paragraph, stretch, found, part, QuotationKind.FULL)

    def sentence(
        self, sentence: _Sentence, inside: list[Stretch], part: TextPart
    ) -> Iterator[Quotation]:
        """Quotations of one sentence (``inside``), then remember its speaker."""
        text = sentence.paragraph
        edges = [
            sentence.start,
            *(e for s in inside for e in (s.start - 1, s.end + 1)),
            sentence.end,
        ]
        for left, right in zip(edges[::2], edges[1::2], strict=True):
            self.cast.meet(text[left:right])
        explicit: list[Attribution | None] = []
        closing: list[Attribution | None] = []  # named after the quotation
        terms: list[bool] = []
        wholes: list[bool] = []
        for index, stretch in enumerate(inside):
            left = inside[index - 1].end + 1 if index else sentence.start
            right = inside[index + 1].start - 1 if index + 1 < len(inside) else sentence.following
            before_text = text[left : stretch.start - 1]
            continues = _continues(text, stretch)
            closing.append(after(text[stretch.end : right], continues=continues, cast=self.cast))
            term = _is_term(text, stretch)
            told = before_text
            if index and closing[index - 1] is not None:
                told = _after_trailing_cue(before_text)
            spoken = before(told, self.cast) if closing[-1] is None or term else None
            if closing[-1] is None and spoken is None:
                closing[-1] = passive_agent(
                    before_text, text[stretch.end : right], self.cast
                ) or participle_subject(
                    text[sentence.start : stretch.start - 1],
                    text[stretch.end : right],
                    continues=continues,
                    cast=self.cast,
                )
            explicit.append(closing[-1] or spoken)
            terms.append(term)
            wholes.append(_stands_alone(before_text))
        previous: Attribution | None = None
        for index, stretch in enumerate(inside):
            following = (found for found in closing[index + 1 :] if found is not None)
            found = explicit[index] or previous or next(following, None)  # "...", "..."
            term = terms[index] and (found is None or _names_a_work(text, stretch))
            found = (
                found
                or attributed(_sentence_subject(text, sentence.start, stretch), None, self.cast)
                or self._carried_over()
            )
            kind = _kind(whole=wholes[index], term=term)
            if kind is not QuotationKind.TERM:
                previous = found
            yield _quotation(text, stretch, found, part, kind)
        if previous is None:
            previous = before(text[sentence.start : sentence.end], self.cast, alone=True)
        if previous is not None:
            self.last, self.last_said = previous, self.paragraphs

    def _carried_over(self) -> Attribution | None:
        """
        Return the latest speaker, for a quotation its sentence does not attribute.

        The cue belonged to the earlier sentence, so it is not repeated.
        """
        if self.last is None or self.paragraphs - self.last_said > 1:
            return None  # nobody spoke in the paragraph before: too far to guess
        return Attribution(self.last.mention, self.last.speaker, None)


@frozen
class _Sentence:
    """
    A sentence of ``paragraph``.

    ``following`` is where the words after its last quotation end: at the
    next quotation or the end of the paragraph.
    """

    paragraph: str
    start: int
    end: int
    following: int


#: Conjunctions that open a clause of its own after a cue: ``..., Stevens says, but she``.
_NEW_CLAUSE = frozenset(["but", "and", "yet", "so", "while", "though", "although"])


def _after_trailing_cue(between: str) -> str:
    """
    The words between two quotations after the cue that attributed the first.

    As in ``"...," Stevens says, but she cautions that "..."``: the first
    clause was the first quotation's, the second names the second's speaker.
    """
    words = between.lstrip(" ,\u201d\u2019\"'")
    if "," not in words:
        return between
    rest = words[words.index(",") + 1 :]
    opening = rest.split(maxsplit=1)[:1]
    return rest if opening and opening[0] in _NEW_CLAUSE else between  # not , adding that


def _sentence_subject(text: str, start: int, stretch: Stretch) -> str | None:
    """The subject that opens the sentence a quotation is in, if it has one."""
    return clause_subject(tokens(text[start : min(stretch.start - 1, start + _REACH)]))


def _moved(quotation: Quotation, offset: int) -> Quotation:
    """The quotation with its span counted from ``offset`` characters earlier."""
    if quotation.span is None or not offset:
        return quotation
    span = quotation.span
    return evolve(quotation, span=evolve(span, start=span.start + offset, end=span.end + offset))


def _quotation(
    text: str,
    stretch: Stretch,
    attribution: Attribution | None,
    part: TextPart,
    kind: QuotationKind,
) -> Quotation:
    words = text[stretch.start : stretch.end]
    span = Span(start=stretch.start, end=stretch.end, part=part)
    if kind is QuotationKind.TERM:
        return Quotation(text=words, kind=kind, span=span)
    return Quotation(
        text=words,
        kind=kind,
        speaker=attribution.speaker if attribution else None,
        speaker_mention=attribution.mention if attribution else None,
        cue=attribution.cue if attribution else None,
        span=span,
    )


def _kind(*, whole: bool, term: bool) -> QuotationKind:
    if term:
        return QuotationKind.TERM
    return QuotationKind.FULL if whole else QuotationKind.PARTIAL


def _is_term(text: str, stretch: Stretch) -> bool:
    """
    Whether quoted words are a term rather than someone's words.

    A term is a few words that do not end a sentence or a clause, after
    ``the`` or a possessive (but not ``as the``, ``called the``): ``the
    "new territories"``, ``Russia's "special military operation"``.
    """
    words = text[stretch.start : stretch.end].split()
    before = tokens(text[max(0, stretch.start - 60) : stretch.start - 1])
    if _title_or_value(words, before):
        return True
    if len(words) > _TERM_MAX_WORDS or words[-1][-1] in ".?!,;:":
        return False
    if not before:
        return False
    marker = before[-1].lower()
    possessive = marker.endswith(("'s", "\u2019s")) and marker[:-2] not in CONTRACTING
    if marker not in _TERM_MARKERS and not possessive:
        return False
    framing = before[-2].lower() if len(before) > 1 else ""
    return framing != "as" and framing not in SPEECH_VERBS


def _names_a_work(text: str, stretch: Stretch) -> bool:
    """Whether quoted words are a title or a markup value: nobody's words."""
    words = text[stretch.start : stretch.end].split()
    return _title_or_value(words, tokens(text[max(0, stretch.start - 60) : stretch.start - 1]))


def _title_or_value(words: list[str], before: list[str]) -> bool:
    """:func:`_names_a_work` for the quoted *words* and the tokens *before* them."""
    return bool(before) and (before[-1] == "=" or _is_title(words, before))


def _is_title(words: list[str], before: list[str]) -> bool:
    """
    Whether quoted words are the title of a work: ``the show "Fox & Friends,"``.

    Every word but the small ones capitalised, inside the writer's sentence
    rather than after a cue or a colon that would make them someone's words.
    """
    if not _TITLE_WORDS[0] <= len(words) <= _TITLE_WORDS[1] or before[-1] in {":", ",", "."}:
        return False
    if before[-1].lower() in SPEECH_VERBS:
        return False
    lettered = [word for word in before[-_TITLE_WORDS[1] :] if word[:1].isalpha()]
    if sum(word[0].isupper() for word in lettered) * 2 > len(lettered):
        return False  # the sentence is in title case too: a headline's words
    return (
        all(
            word[:1].isupper() or word.lower() in _TITLE_SMALL_WORDS or not word[:1].isalpha()
            for word in words
        )
        and words[0][:1].isupper()
    )


def _stands_alone(before: str) -> bool:
    """
    Whether a quotation is a whole statement rather than a fragment.

    It is when it opens its sentence or follows a colon or a speech verb
    (``said: "..."``, ``said, "..."``).
    """
    before = before.rstrip()
    if not before or before.endswith((":", "\u2014")):
        return True
    words = before.rstrip(",").split()
    return bool(words) and words[-1].lower() in SPEECH_VERBS


def _continues(paragraph: str, stretch: Stretch) -> bool:
    """Whether a quotation ends as a sentence goes on: ``"...," he said``, ``«...», he said``."""
    words = paragraph[stretch.start : stretch.end].rstrip("'\u2019 ")  # a quotation inside ends
    following = paragraph[stretch.end + 1 : stretch.end + 2]
    if words and words[-1].isalnum():
        return _name_and_cue(paragraph[stretch.end + 1 : stretch.end + 1 + _NAME_AND_CUE])
    return (bool(words) and words[-1] in ",?!\u2014\u2013-\u2026") or following == ","


def _name_and_cue(text: str) -> bool:
    """
    Whether a name and a cue follow a quotation that lacks its comma.

    As in ``"We will fight this" Sara Bloom said``: a slip of the keyboard,
    told from an object (``"..." Trump, his family``) by the verb.
    """
    words = tokens(text)
    names = 0
    while names < len(words) and words[names][0].isupper():
        names += 1
    return 0 < names <= _NAME_MAX_WORDS and names < len(words) and words[names] in FINITE
