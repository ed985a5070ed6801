"""
The exceptions newsmodel raises on purpose.

This module is a leaf: it imports nothing from the package, so every other
module can import it without creating a cycle.
Every error subclasses :class:`NewsmodelError`, and the ones about bad input
also subclass :class:`ValueError`, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

__all__ = [
    "DocumentInvalid",
    "FieldError",
    "LossyConversionError",
    "NewsmodelError",
    "NotAnArticleError",
    "ParseError",
    "StructureError",
    "TooLargeError",
    "UnknownFormatError",
]


class NewsmodelError(Exception):
    """
    Base class for every exception newsmodel raises on purpose.
    """


class FieldError(NewsmodelError, ValueError):
    """
    A model field was given a value it cannot hold.

    Raised by the model's validators at construction, so that an invalid
    article can never exist.

    Args:
        field: The name of the attribute, as in the Python class, with the
            index of the member for a tuple: ``keywords[2]``.
        message: What is wrong, naming what was expected and what was found.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class ParseError(NewsmodelError, ValueError):
    """
    The input is not well-formed (not JSON, not XML, not decodable text).

    Args:
        message: What is wrong.
        line: The 1-based line where the parser stopped, when known.
        column: The 1-based column where the parser stopped, when known.
    """

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        where = (
            ""
            if line is None
            else f"line {line}: "
            if column is None
            else f"line {line}, column {column}: "
        )
        super().__init__(f"{where}{message}")
        self.message = message
        self.line = line
        self.column = column


class StructureError(NewsmodelError, ValueError):
    """
    The input is well-formed but does not describe a valid article.

    Args:
        problems: One ``(path, message)`` pair per problem, the path a
            JSONPath such as ``$.bylines[0].text``.
    """

    def __init__(self, problems: tuple[tuple[str, str], ...]) -> None:
        self.problems = problems
        self.errors = tuple(f"{message} @ {path}" for path, message in problems)
        super().__init__("; ".join(self.errors))


class DocumentInvalid(NewsmodelError, ValueError):
    """
    A document failed validation.

    Args:
        issues: The problems found, as :class:`newsmodel.validate.Issue` objects.
    """

    def __init__(self, issues: tuple[object, ...]) -> None:
        super().__init__("; ".join(str(issue) for issue in issues))
        self.issues = issues


class LossyConversionError(NewsmodelError, ValueError):
    """
    A strict conversion would lose data.

    Args:
        losses: What would be lost, each ``where: what``.
    """

    def __init__(self, losses: tuple[str, ...]) -> None:
        super().__init__("conversion would lose data: " + "; ".join(losses))
        self.losses = losses


class NotAnArticleError(NewsmodelError, ValueError):
    """
    The input is a news item, but not an article: a picture, a package...

    Args:
        kind: What the item is, such as ``picture`` or ``package``.
        guid: The item's identifier, when it has one.
    """

    def __init__(self, kind: str, guid: str | None) -> None:
        name = f" {guid}" if guid else ""
        article = "an" if kind[:1].lower() in set("aeiou") else "a"
        super().__init__(f"item{name} is {article} {kind}, not an article")
        self.kind = kind
        self.guid = guid


class TooLargeError(NewsmodelError, ValueError):
    """
    An input is larger than the limit it is read under.

    Args:
        size: Its size in bytes, or at least how much was read of it.
        limit: The limit, in bytes.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"the input is {size:,} bytes or more, over the limit of {limit:,}")
        self.size = size
        self.limit = limit


class UnknownFormatError(NewsmodelError, ValueError):
    """
    The format of an input could not be told from its content or its name.
    """
