"""
What validation finds, as objects: an :class:`Issue` per problem, a :class:`Report` per document.

Every issue names the rule it comes from (``NewsML-G2 2.35 XSD``, ``ninjs 3.1
schema``, ``newsmodel profile``...) and where it is, so that a line of output
is enough to find and fix it.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, NamedTuple

from attrs import frozen

from newsmodel.formats import Format

if TYPE_CHECKING:
    from newsmodel.errors import ParseError

__all__ = ["Issue", "Report", "Severity", "Verdict", "parse_issue"]


class Severity(enum.Enum):
    """
    How much an issue matters: errors make a document invalid.
    """

    ERROR = "error"
    WARNING = "warning"


@frozen(kw_only=True)
class Issue:
    """
    One problem found in a document.

    Attributes:
        message: What is wrong, naming what was expected and what was found.
        path: Where, as a JSONPath (``$.bylines[0].text``) or an element
            path (``/newsItem/contentMeta``); ``$`` for the whole document.
        line: The 1-based line, when the problem has a position in the text.
        column: The column, when known (libxml2 counts from 1, and gives 0
            for a schema error, which has a line only).
        severity: Whether the problem makes the document invalid.
        rule: The rule it breaks: a schema, a profile, a syntax.
    """

    message: str
    path: str = "$"
    line: int | None = None
    column: int | None = None
    severity: Severity = Severity.ERROR
    rule: str | None = None

    def __str__(self) -> str:
        where = ""
        if self.line is not None:
            where = f"{self.line}:{self.column}: " if self.column is not None else f"{self.line}: "
        rule = f"{self.rule}: " if self.rule else ""
        return f"{where}{rule}{self.path}: {self.message}"


@frozen(kw_only=True)
class Report:
    """
    The outcome of validating one document.

    Attributes:
        format: The format the document was validated as; ``None`` when
            it could not be told (or the document could not be read).
        issues: Every problem found, in order of their paths.
        what: What the document is, as judged: ``ninjs 3.0 picture``,
            ``NewsML-G2 2.12 newsItem (text)``; ``None`` when unknown.
    """

    format: Format | None
    issues: tuple[Issue, ...] = ()
    what: str | None = None

    @property
    def ok(self) -> bool:
        """
        Whether the document is valid: it has no issue of severity error.
        """
        return not self.errors

    @property
    def errors(self) -> tuple[Issue, ...]:
        """
        The issues that make the document invalid.
        """
        return tuple(i for i in self.issues if i.severity is Severity.ERROR)


class Verdict(NamedTuple):
    """What one check of a document found, and what it found the document to be."""

    issues: list[Issue]
    what: str | None = None


def parse_issue(error: ParseError, rule: str) -> Issue:
    """A document that does not parse: one issue, at the line and column where it breaks."""
    return Issue(message=error.message, line=error.line, column=error.column, rule=rule)
