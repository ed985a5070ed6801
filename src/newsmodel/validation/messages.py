"""
Schema findings as issues, in the words of the schema's titles, one line each.

Shared by every JSON Schema check, official or newsmodel's, so that the same
mistake reads the same whichever schema (and whichever engine) found it.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import TYPE_CHECKING

from lxml import etree

from newsmodel.validation.report import Issue

if TYPE_CHECKING:
    from collections.abc import Iterable

    from newsmodel.validation.engines import Finding

__all__ = ["schema_issues", "short", "xsd_issues"]

_LONGEST_MESSAGE = 200
# The keywords whose failure means keys the schema does not define.
_REFUSES_KEYS = frozenset({"additionalProperties", "unevaluatedProperties"})
_PREFIX = re.compile(r"(?<=/)[\w.-]+:")


def short(message: str) -> str:
    """Schema messages quote whole values; a line is enough."""
    return message if len(message) <= _LONGEST_MESSAGE else message[: _LONGEST_MESSAGE - 3] + "..."


def schema_issues(findings: Iterable[Finding], rule: str) -> list[Issue]:
    """One issue per finding (per missing key, for ``required``), in document order."""
    # Keyed by path and message: one issue per missing key, although an engine
    # may repeat them, and each issue made once.
    said: dict[tuple[str, str], None] = {}
    for finding in _in_document_order(findings):
        if finding.keyword == "required" and finding.missing:
            # Point at the missing key, as reading the document does.
            where = finding.json_path
            for key in finding.missing:
                said[f"{where}.{key}", "required key missing"] = None
        else:
            said[finding.json_path, _message(finding)] = None
    return [Issue(message=message, path=path, rule=rule) for path, message in said]


def _in_document_order(findings: Iterable[Finding]) -> list[Finding]:
    """
    Findings sorted by path: indexes before keys where one path has each.

    Two paths that share their steps up to a point reach the same value, so
    the next step of each is a key of the same object or an index of the same
    array, and plain tuples compare; the key tells them apart only otherwise.
    """
    listed = list(findings)
    try:
        return sorted(listed, key=attrgetter("path"))
    except TypeError:  # a step an index in one path and a key in another
        return sorted(listed, key=_typed_path)


def _typed_path(finding: Finding) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in finding.path)


def _message(finding: Finding) -> str:
    """Say what a schema error means, in the words of the schema's titles."""
    if finding.keyword in {"oneOf", "anyOf"} and finding.alternatives:
        missing = [key for alternative in finding.alternatives for key in alternative.missing]
        if missing and len(missing) == len(finding.alternatives):
            return "expected a key " + " or ".join(repr(key) for key in missing)
        # The alternative that got furthest into the document says most.
        return _message(max(finding.alternatives, key=lambda f: len(f.path)))
    if finding.keyword == "pattern" and finding.title:
        return short(f"expected {finding.title}, got {finding.instance!r}")
    if finding.keyword in _REFUSES_KEYS and isinstance(finding.instance, dict):
        unknown = _unexpected(finding.message)
        if unknown:
            return f"unknown key {unknown}"
    return short(finding.message)


def _unexpected(message: str) -> str:
    """The keys an ``additionalProperties`` or ``unevaluatedProperties`` message names."""
    _, _, rest = message.partition("(")
    names, _, _ = rest.partition(" was unexpected")
    names, _, _ = names.partition(" were unexpected")
    return names.strip()


def xsd_issues(
    root: etree._Element, schema: etree.XMLSchema, rule: str, namespace: str
) -> list[Issue]:
    """What *schema* finds in the tree of *root*: line, column and element path of each error."""
    if schema.validate(root):
        return []
    tree = root.getroottree()
    return [
        Issue(
            message=short(entry.message.replace("{" + namespace + "}", "")),
            path=_xml_path(tree, entry.path),
            line=entry.line,
            column=entry.column,
            rule=rule,
        )
        for entry in schema.error_log
    ]


def _xml_path(tree: etree._ElementTree, path: str | None) -> str:
    """libxml2's XPath of an element (``/*/*[3]``) as element names."""
    try:
        found = tree.xpath(path) if path else []
    except etree.XPathError:  # a prefix declared deeper down: libxml2's path, without prefixes
        return _PREFIX.sub("", path or "/")
    if not isinstance(found, list) or not found or not isinstance(found[0], etree._Element):  # noqa: SLF001
        return path or "/"
    names = [found[0], *found[0].iterancestors()]
    return "/" + "/".join(etree.QName(n).localname for n in reversed(names))
