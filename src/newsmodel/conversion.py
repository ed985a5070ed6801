"""
What a reader returns: the article, and what the source held beyond it.

Real feeds carry more than the model holds (signals, ratings, an agency's
own elements).  Nothing is dropped silently: every reader returns each piece
it could not keep as a :class:`Loss`, and strict reading turns any loss into
:class:`~newsmodel.errors.LossyConversionError`.  A reader of a format with
no markup (plain text) also says what it took each piece for, as a
:class:`Guess`, so that a wrong guess can be seen and corrected.
"""

from __future__ import annotations

from attrs import frozen

from newsmodel.errors import LossyConversionError, NotAnArticleError, StructureError
from newsmodel.model import Article

__all__ = ["Guess", "Item", "Loss", "NonArticle", "Reading", "Unreadable", "Writing", "article_of"]


@frozen(kw_only=True)
class Loss:
    """
    One piece of the source that the article does not hold.

    Attributes:
        where: Where in the source: ``line 12: /newsItem/itemMeta/signal``.
        what: What was not kept, and why.
    """

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@frozen(kw_only=True)
class Guess:
    """
    What a reader took a piece of the source for, where the source does not say.

    Attributes:
        what: What it was taken for: ``took "Dmitry Peskov" as the photo caption``.
        line: The line of the source it was taken from, if it is one line's.
        path: The field of the article it went to, as a JSONPath.
    """

    what: str
    line: int | None = None
    path: str = "$"

    def __str__(self) -> str:
        return f"{f'line {self.line}' if self.line is not None else self.path}: {self.what}"


@frozen(kw_only=True)
class Reading:
    """
    An article read from a source, with the losses of reading it.

    Attributes:
        article: The article.
        losses: What the source held that the article does not.
        guesses: What the reader took pieces of the source for, where the
            source does not say (plain text has no markup).
    """

    article: Article
    losses: tuple[Loss, ...] = ()
    guesses: tuple[Guess, ...] = ()


@frozen(kw_only=True)
class NonArticle:
    """
    An item of a feed that is not an article, such as a picture or a package.

    Attributes:
        kind: What the item is: ``picture``, ``video``, ``package``, ...
        guid: The item's identifier, when it has one.
        where: Where the item sits in the source.
    """

    kind: str
    guid: str | None
    where: str

    def error(self) -> NotAnArticleError:
        """
        The error that reading this item as an article raises.
        """
        return NotAnArticleError(self.kind, self.guid)


@frozen(kw_only=True)
class Unreadable:
    """
    An item of a feed that cannot make an article, among items that can.

    An item with no headline and nothing to stand in for one is such an item.

    Attributes:
        where: Where the item sits in the source.
        reason: Why it cannot make an article.
    """

    where: str
    reason: str

    def error(self) -> StructureError:
        """
        The error that reading this item alone raises.
        """
        return StructureError(((self.where, self.reason),))


@frozen(kw_only=True)
class Writing:
    """
    A written document, with what its format could not hold of the article.

    Attributes:
        text: The document.
        losses: The article's fields the document does not hold, each where
            a JSONPath into the article (``$.quotations``).
    """

    text: str
    losses: tuple[Loss, ...] = ()


#: What reading one item of a feed gives.
Item = Reading | NonArticle | Unreadable


def article_of(reading: Reading, *, lossless: bool) -> Article:
    """
    Return the article read, refusing a lossy reading when *lossless*.

    Raises:
        LossyConversionError: *lossless*, and the reading has losses.
    """
    if lossless and reading.losses:
        raise LossyConversionError(tuple(str(loss) for loss in reading.losses))
    return reading.article
