"""
Schema findings as issues, in the words of the schema's titles, one line each.

Shared by every JSON Schema check, official or newsmodel's, so that the same
mistake reads the same whichever schema (and whichever engine) found it.
"""

from __future__ import annotations

import re
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
    ordered = sorted(findings, key=_order)
    # dict.fromkeys: one issue per missing key, although an engine may repeat them.
    return list(dict.fromkeys(i for f in ordered for i in _issues(f, rule)))


def _order(finding: Finding) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, part) if isinstance(part, int) else (1, part) for part in finding.path)


def _issues(finding: Finding, rule: str) -> list[Issue]:
    if finding.keyword == "required" and finding.missing:
        # Point at the missing key, as reading the document does.
        return [
            Issue(message="required key missing", path=f"{finding.json_path}.{key}", rule=rule)
            for key in finding.missing
        ]
    return [Issue(message=_message(finding), path=finding.json_path, rule=rule)]


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
