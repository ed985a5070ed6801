"""
Plain-text articles, laid out as copy pasted from a page or an e-mail.

The layout (the seed article's) is a block per paragraph, blocks separated
by blank lines::

    News / Russia                          an optional section path
    Putin to visit Donbas ...              the headline
    By Jane Doe                            an optional byline
    26 November 2022                       an optional date
    The Kremlin's spokesman Dmitry Peskov  an optional photo caption
    Russia says President ...              the body, paragraph by paragraph
    Press TV's website can also be ...     trailing publisher boilerplate

Text has no markup, so everything but the headline and the body is a
guess; each guess is returned as a :class:`~newsmodel.conversion.Guess`
naming its line, and a date the model cannot hold (one without a time
zone) as a loss.  The quotations are found by
:func:`newsmodel.quotes.extract_quotations`.  Newsmodel reads this
format and does not write it.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from attrs import evolve, frozen

from newsmodel._lowlevel import utf8, validators, xhtml
from newsmodel.conversion import Guess, Loss, Reading, article_of
from newsmodel.errors import FieldError, ParseError, StructureError
from newsmodel.model import Article, Body, Byline, Image, QuotationKind, Section
from newsmodel.quotes import extract_quotations

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["loads", "read", "read_items"]

_SECTION_SEPARATOR = re.compile(r"\s+[/\u203a\u00bb>|]\s+")
_SECTION_NAME_MAX_WORDS = 4
_CAPTION_MAX_WORDS = 25
_SHOWN = 60  # characters of a block a guess quotes
_BOILERPLATE_MAX_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*$")
_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)
_BOILERPLATE_WORDS = re.compile(
    r"\u00a9|\bcopyright\b|all rights reserved|\bsubscribe\b|\bsign up\b|\bfollow us\b"
    r"|\bclick here\b|\bdownload (?:our|the) app\b|\bnewsletter\b|https?://|\bwww\.",
    re.IGNORECASE,
)
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = r"(?:" + "|".join(m[:3] + r"(?:" + m[3:] + r"|\.)?" for m in _MONTHS) + r")"
_DATE = re.compile(
    rf"^(?:\w+,?\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}},?)\s+\d{{4}}\b.{{0,30}}$"
    r"|^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$",
    re.IGNORECASE,
)


def loads(data: str | bytes, /) -> Article:
    """
    Read a plain-text article.

    Raises:
        ParseError: The bytes are not UTF-8, or the text holds characters
            an article cannot (control characters), or no headline.
    """
    return article_of(read(data), lossless=False)


def read_items(data: str | bytes, /) -> Iterator[Reading]:
    """
    Read the one article of a plain text, as the other formats read their items.
    """
    yield read(data)


def read(data: str | bytes, /) -> Reading:
    """
    Read a plain-text article, with what was guessed and what was lost.

    Raises:
        ParseError: As :func:`loads`.
        StructureError: A piece of the text the model cannot hold where the
            layout puts it.
    """
    text = utf8.decode(data) if isinstance(data, bytes) else data
    _refuse_unfit_characters(text)
    blocks = _blocks(text)
    if not blocks:
        msg = "expected a headline, found no text"
        raise ParseError(msg, line=1)
    layout = _Layout(blocks)
    try:
        article = layout.article()
    except FieldError as error:  # a section name or caption the model refuses
        raise StructureError(((f"$.{error.field}", error.message),)) from error
    quotations = extract_quotations(article)
    if quotations:
        terms = sum(quotation.kind is QuotationKind.TERM for quotation in quotations)
        said = len(quotations) - terms
        found = (
            f"found {said} {'quotation' if said == 1 else 'quotations'} and {terms} "
            f"{'term' if terms == 1 else 'terms'} in quotation marks"
        )
        layout.guesses.append(Guess(what=f"{found} by rule", path="$.quotations"))
        article = evolve(article, quotations=quotations)
    return Reading(article=article, losses=tuple(layout.losses), guesses=tuple(layout.guesses))


@frozen
class _Block:
    """One paragraph of the text: its lines joined, and the line it starts on."""

    text: str
    line: int

    @property
    def words(self) -> int:
        return len(self.text.split())

    def quoted(self) -> str:
        shown = self.text if len(self.text) <= _SHOWN else self.text[: _SHOWN - 3] + "..."
        return f'"{shown}"'


def _blocks(text: str) -> list[_Block]:
    """
    The paragraphs of the text, each run of white space in them one space.

    Only the white space HTML collapses counts; a no-break space is kept.
    """
    blocks: list[_Block] = []
    lines: list[str] = []
    start = 1
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        if xhtml.WHITE_SPACE.sub("", line):
            if not lines:
                start = number
            lines.append(line)
        elif lines:
            blocks.append(_Block(xhtml.WHITE_SPACE.sub(" ", " ".join(lines)).strip(" "), start))
            lines = []
    return blocks


def _refuse_unfit_characters(text: str) -> None:
    """Refuse a control character, naming its line and column."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n")
    unfit = validators.NOT_XML.search(lines)
    if unfit is None:
        return
    before = lines[: unfit.start()]
    line = before.count("\n") + 1
    column = unfit.start() - (before.rfind("\n") + 1) + 1
    msg = f"expected text, found the control character U+{ord(unfit.group()):04X}"
    raise ParseError(msg, line=line, column=column)


class _Layout:
    """Takes the blocks apart into an article, noting each guess."""

    def __init__(self, blocks: list[_Block]) -> None:
        self.blocks = blocks
        self.guesses: list[Guess] = []
        self.losses: list[Loss] = []

    def article(self) -> Article:
        blocks = list(self.blocks)
        sections = self._section(blocks)
        headline = blocks.pop(0)
        bylines = self._byline(blocks)
        published = self._date(blocks)
        images = self._caption(blocks)
        boilerplate = self._boilerplate(blocks)
        return Article(
            headline=headline.text,
            sections=sections,
            bylines=bylines,
            published=published,
            images=images,
            body=Body.from_paragraphs(*(block.text for block in blocks)) if blocks else None,
            boilerplate=boilerplate,
        )

    def _guess(self, block: _Block, taken_as: str, path: str) -> None:
        what = f"took {block.quoted()} as {taken_as}"
        self.guesses.append(Guess(what=what, line=block.line, path=path))

    def _section(self, blocks: list[_Block]) -> tuple[Section, ...]:
        """A first line of a few short names between separators: ``News / Russia``."""
        names = _SECTION_SEPARATOR.split(blocks[0].text)
        short = all(0 < len(name.split()) <= _SECTION_NAME_MAX_WORDS for name in names)
        if len(blocks) == 1 or len(names) == 1 or not short or _SENTENCE_END.search(blocks[0].text):
            return ()
        self._guess(blocks.pop(0), "the section path", "$.sections[0]")
        return (Section(path=tuple(names)),)

    def _byline(self, blocks: list[_Block]) -> tuple[Byline, ...]:
        """A line that starts with ``By``."""
        if not blocks or not _BYLINE.match(blocks[0].text) or blocks[0].words > _CAPTION_MAX_WORDS:
            return ()
        block = blocks.pop(0)
        self._guess(block, "the byline", "$.bylines[0]")
        return (Byline(text=block.text),)

    def _date(self, blocks: list[_Block]) -> datetime | None:
        """A line that is a date; the model keeps it only with a time zone."""
        if not blocks or not _DATE.match(blocks[0].text):
            return None
        block = blocks.pop(0)
        self._guess(block, "the publication date", "$.published")
        try:
            published = datetime.fromisoformat(block.text.replace(" ", "T", 1))
        except ValueError:
            published = None
        if published is None or published.tzinfo is None:
            what = f"the date {block.quoted()} has no time zone; the model holds only exact times"
            self.losses.append(Loss(where=f"line {block.line}", what=what))
            return None
        return published

    def _caption(self, blocks: list[_Block]) -> tuple[Image, ...]:
        """A short line that is not a sentence, before the body."""
        if len(blocks) <= 1:
            return ()
        block = blocks[0]
        if (
            block.words > _CAPTION_MAX_WORDS
            or _SENTENCE_END.search(block.text)
            or block.text.endswith(":")
        ):
            return ()
        blocks.pop(0)
        self._guess(block, "the photo caption", "$.images[0].caption")
        return (Image(caption=block.text),)

    def _boilerplate(self, blocks: list[_Block]) -> tuple[str, ...]:
        """
        Trailing paragraphs that are the publisher's, not the story's.

        From the end: a line that introduces something (ends with a colon),
        a short line that is not a sentence, or a notice (copyright, links).
        """
        found: list[_Block] = []
        while len(blocks) > 1 and _is_boilerplate(blocks[-1]):
            found.insert(0, blocks.pop())
        for index, block in enumerate(found):
            self._guess(
                block, "publisher boilerplate, kept out of the body", f"$.boilerplate[{index}]"
            )
        return tuple(block.text for block in found)


def _is_boilerplate(block: _Block) -> bool:
    if block.text.endswith(":") or _BOILERPLATE_WORDS.search(block.text):
        return True
    return block.words <= _BOILERPLATE_MAX_WORDS and not _SENTENCE_END.search(block.text)
