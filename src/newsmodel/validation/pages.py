"""
Verdicts on what publishers put on the web: schema.org JSON-LD, HTML pages, plain text.

schema.org has no schema to conform to, so a JSON-LD article is judged by
Google's Article rules (errors for what Google rejects, warnings for what it
recommends), then by reading it into the model.  A page is judged by its
first JSON-LD block that holds an article; plain text by reading it.
"""

from __future__ import annotations

import attrs

from newsmodel._lowlevel import json as strict_json
from newsmodel.conversion import Reading
from newsmodel.errors import ParseError, StructureError
from newsmodel.formats import html as htmlpage
from newsmodel.formats import jsonld
from newsmodel.formats import text as plaintext
from newsmodel.formats.jsonld import google
from newsmodel.validation.profile import READING, reading_issues
from newsmodel.validation.report import Issue, Severity, Verdict, parse_issue

__all__ = ["check_html", "check_jsonld", "check_text"]

_GOOGLE = "Google Article rules"


def check_jsonld(data: str | bytes) -> Verdict:
    """Judge the article node of a JSON-LD document."""
    try:
        document = strict_json.parse(data)
    except ParseError as error:
        return Verdict([parse_issue(error, "JSON")])
    return Verdict(_check_document(document), "schema.org JSON-LD")


def _check_document(document: object, prefix: str = "") -> list[Issue]:
    """An article node's problems: Google's rules, then what the model refuses."""
    found = jsonld.find_article(document)
    if isinstance(found, str):
        return [Issue(message=found, path=f"{prefix}$", rule=READING)]
    node, path = found
    issues = [
        Issue(
            message=finding.message,
            path=prefix + finding.path,
            severity=Severity.ERROR if finding.error else Severity.WARNING,
            rule=_GOOGLE,
        )
        for finding in google.check(node, path)
    ]
    item = jsonld.read_document(document)
    if not isinstance(item, Reading) and not any(i.severity is Severity.ERROR for i in issues):
        issues.append(Issue(message=item.reason, path=prefix + item.where, rule=READING))
    return issues


def check_html(data: str | bytes) -> Verdict:
    """Judge the first JSON-LD article of a page; a block that does not parse is an error."""
    try:
        blocks = htmlpage.blocks(data)
    except ParseError as error:
        return Verdict([parse_issue(error, "HTML")])
    issues = [parse_issue(b.error, "JSON") for b in blocks if b.error is not None]
    articles = [b for b in blocks if b.document is not None and _holds_article(b.document)]
    if not articles:
        message = f"no JSON-LD article among the page's {len(blocks)} blocks"
        issues.append(Issue(message=message, rule=READING))
        return Verdict(issues, "HTML page")
    block = articles[0]
    issues += [
        attrs.evolve(issue, line=issue.line or block.line)
        for issue in _check_document(block.document, prefix=f"block {block.number}: ")
    ]
    return Verdict(issues, "HTML page with schema.org JSON-LD")


def check_text(data: str | bytes) -> Verdict:
    """Read a plain-text article: what it guessed and lost are warnings."""
    try:
        reading = plaintext.read(data)
    except ParseError as error:
        return Verdict([parse_issue(error, "text")])
    except StructureError as error:
        return Verdict([Issue(message=m, path=p, rule=READING) for p, m in error.problems])
    guesses = [
        Issue(
            message=guess.what,
            path=guess.path,
            line=guess.line,
            severity=Severity.WARNING,
            rule=READING,
        )
        for guess in reading.guesses
    ]
    return Verdict(guesses + reading_issues([reading]), "plain-text article")


def _holds_article(document: object) -> bool:
    return not isinstance(jsonld.find_article(document), str)
