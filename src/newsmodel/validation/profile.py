"""
newsmodel's own verdicts: its native JSON schema, and the narrow profiles its writers promise.

Native JSON has no other standard, so its schema is the default verdict.  The
NewsML-G2 and ninjs profiles (``--profile newsmodel``) are narrower than the
standards: they are the guarantee that newsmodel's output is what it says it
writes, and a reading into the model follows them (what it would lose as
warnings, an item that is not an article as an error).
"""

from __future__ import annotations

from copy import deepcopy
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from newsmodel._lowlevel import json as strict_json
from newsmodel._lowlevel import xml as hardened_xml
from newsmodel.conversion import Reading
from newsmodel.errors import ParseError, StructureError
from newsmodel.formats import Format, newsml_g2, ninjs
from newsmodel.formats import json as native_json
from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.validation import bundled
from newsmodel.validation.messages import schema_issues, xsd_issues
from newsmodel.validation.report import Issue, Severity, Verdict, parse_issue

if TYPE_CHECKING:
    from collections.abc import Iterable

    from newsmodel.conversion import Item

__all__ = ["check_json", "check_newsml_g2", "check_ninjs", "reading_issues"]

ARTICLE_SCHEMA = "newsmodel article schema"
READING = "newsmodel reading"
_G2_PROFILE = "newsmodel NewsML-G2 profile"
_NINJS_PROFILES = {2: Format.NINJS2, 3: Format.NINJS3}


def check_json(data: str | bytes) -> Verdict:
    """
    Check native JSON: one article, an array of them, or JSON Lines.

    In an array each article's paths start ``$[n]``; in JSON Lines each
    issue carries the line of its article.
    """
    try:
        document = strict_json.parse(data)
    except ParseError as error:
        lines = native_json.json_lines(data)
        if lines is None:
            return Verdict([parse_issue(error, "JSON")])
        issues = [
            attrs.evolve(issue, line=issue.line or number)
            for number, line in lines
            for issue in check_json(line).issues
        ]
        return Verdict(issues, f"newsmodel JSON Lines of {len(lines)} articles")
    if isinstance(document, list):
        issues = [
            attrs.evolve(issue, path=f"$[{index}]{issue.path[1:]}")
            for index, article in enumerate(document)
            for issue in _check_article(article)
        ]
        return Verdict(issues, f"newsmodel JSON array of {len(document)} articles")
    return Verdict(_check_article(document), "newsmodel JSON article")


#: What the schema cannot check, read into the model once the schema has
#: passed: the body's markup, and each quotation's span against the headline,
#: the summary or the body.  The schema checks every other field as the model
#: would (tests/test_schema.py holds the two to one verdict), so the rest of
#: the article is not read twice.
_ONLY_THE_MODEL_CHECKS = ("headline", "summary", "body", "quotations")


def _check_article(document: object) -> list[Issue]:
    findings = bundled.profile_checker(Format.JSON).findings(document)
    issues = schema_issues(findings, ARTICLE_SCHEMA)
    if not issues and isinstance(document, dict):  # the schema's root is an object
        unchecked = {key: document[key] for key in _ONLY_THE_MODEL_CHECKS if key in document}
        try:
            native_json.from_document(unchecked)
        except StructureError as error:
            issues = [Issue(message=m, path=p, rule=READING) for p, m in error.problems]
    return issues


def check_newsml_g2(data: str | bytes) -> Verdict:
    """Check against newsmodel's NewsML-G2 profile, then read."""
    raw = data.encode() if isinstance(data, str) else data
    try:
        root = hardened_xml.parse(raw)
    except ParseError as error:
        return Verdict([parse_issue(error, "XML")])
    profile = bundled.profile_xsd()
    if etree.QName(root).localname == "newsMessage":
        # newsmodel's profile describes items: each item of a message is checked as one.
        issues = [
            attrs.evolve(issue, path=f"/newsMessage/itemSet/item[{number}]{issue.path}")
            for number, item in enumerate(root.iterfind(f"{{{g2.NAR}}}itemSet/*"), start=1)
            for issue in xsd_issues(deepcopy(item), profile, _G2_PROFILE, g2.NAR)
        ]
    else:
        issues = xsd_issues(root, profile, _G2_PROFILE, g2.NAR)
    what = "NewsML-G2 in newsmodel's profile"
    if issues:
        return Verdict(issues, what)
    try:
        return Verdict(reading_issues(newsml_g2.read_items(raw)), what)
    except (ParseError, StructureError) as error:
        return Verdict([Issue(message=str(error), rule=READING)], what)


def check_ninjs(data: str | bytes) -> Verdict:
    """
    Check a ninjs document against its major version's profile, then read.

    A 1.x document has no profile: newsmodel writes 2.x and 3.x only.
    """
    try:
        document = strict_json.parse(data)
    except ParseError as error:
        return Verdict([parse_issue(error, "JSON")])
    major = ninjs.version_of(document) if isinstance(document, dict) else 0
    if major not in _NINJS_PROFILES:
        found = "ninjs 1.x" if major else "not a ninjs object"
        message = f"newsmodel writes ninjs 2.x and 3.x; this is {found}"
        return Verdict([Issue(message=message, rule="newsmodel ninjs profile")])
    findings = bundled.profile_checker(_NINJS_PROFILES[major]).findings(document)
    issues = schema_issues(findings, f"newsmodel ninjs {major} profile")
    what = f"ninjs {major}.x in newsmodel's profile"
    return Verdict(issues or reading_issues(ninjs.read_document(document)), what)


def reading_issues(items: Iterable[Item]) -> list[Issue]:
    """An item that is not an article is an error; what reading loses, warnings."""
    issues = []
    for item in items:
        if not isinstance(item, Reading):
            issues.append(Issue(message=str(item.error()), path=item.where, rule=READING))
        else:
            issues += [
                Issue(message=loss.what, path=loss.where, severity=Severity.WARNING, rule=READING)
                for loss in item.losses
            ]
    return issues
