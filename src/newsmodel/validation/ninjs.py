"""
The ninjs verdict: IPTC's official schema of the version the document is in.

The version comes from what the document declares (``standard.version``, or
a ``$schema`` naming ``ninjs-schema_X.Y.json``), else from its shape, which
tells the major version only (camelCase keys are 3.x, ``headlines`` arrays
2.x, the rest 1.x): such a document is judged by the newest released schema
of that major version, which accepts whatever an older minor one does.  A
forced version (``--schema-version``) overrides both, as IPTC's own test suite
needs: some of its files declare one version and are tested against another.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import attrs

from newsmodel._lowlevel import json as strict_json
from newsmodel.errors import ParseError
from newsmodel.formats.ninjs import version_of
from newsmodel.validation import bundled
from newsmodel.validation.messages import schema_issues
from newsmodel.validation.report import Issue, Severity, Verdict, parse_issue

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["check", "judged_version"]

_SCHEMA_URI = re.compile(r"ninjs-schema_(\d+)\.(\d+)\.json")
_VERSION = re.compile(r"(\d+)\.(\d+)")


def check(data: str | bytes, *, schema_version: str | None, official: Path | None) -> Verdict:
    """
    Judge a ninjs document, or each document of a JSON array of them.

    Args:
        data: The document.
        schema_version: The version to judge by, whatever the document says.
        official: A user's copy of a ninjs schema, used instead of the bundled ones.
    """
    try:
        document = strict_json.parse(data)
    except ParseError as error:
        return Verdict([parse_issue(error, "JSON")])
    if not isinstance(document, list):
        return _check_document(document, schema_version, official)
    issues: list[Issue] = []
    for index, item in enumerate(document):
        found = _check_document(item, schema_version, official)
        issues += [attrs.evolve(i, path=f"$[{index}]{i.path[1:]}") for i in found.issues]
    return Verdict(issues, f"array of {len(document)} ninjs documents")


def _check_document(document: Any, forced: str | None, official: Path | None) -> Verdict:
    kind = _kind(document)
    if official is not None:
        rule = f"official schema {official.name}"
        findings = bundled.user_json_checker(str(official)).findings(document)
        return Verdict(schema_issues(findings, rule), f"ninjs {kind}")
    version, notes = judged_version(document, forced)
    if version is None:
        return Verdict(notes)
    findings = bundled.ninjs_checker(version).findings(document)
    issues = notes + schema_issues(findings, f"ninjs {version} schema")
    candidate = " (a candidate upstream)" if version in bundled.NINJS_CANDIDATES else ""
    return Verdict(issues, f"ninjs {version}{candidate} {kind}")


def _kind(document: Any) -> str:
    """What the document says it is: ``text``, ``picture``, ``event``...; else ``item``."""
    kind = document.get("type") if isinstance(document, dict) else None
    return kind if isinstance(kind, str) and kind else "item"


def judged_version(document: Any, forced: str | None = None) -> tuple[str | None, list[Issue]]:
    """
    The ninjs version to judge *document* by, and any note on how it was chosen.

    ``None`` (with an error) when the document declares a major version no
    schema exists for.
    """
    if forced is not None:
        return forced, []
    declared = _declared(document)
    if declared is None:
        major = version_of(document) if isinstance(document, dict) else 3
        return bundled.NEWEST_RELEASED[major], []
    major, minor = declared
    version = f"{major}.{minor}"
    if version in bundled.NINJS_VERSIONS:
        return version, []
    if major not in bundled.NEWEST_RELEASED:
        known = ", ".join(bundled.NINJS_VERSIONS)
        message = f"declares ninjs {version}, which has no official schema; known: {known}"
        return None, [Issue(message=message, rule="ninjs version")]
    newest = bundled.NEWEST_RELEASED[major]
    note = Issue(
        message=f"declares ninjs {version}, which has no bundled schema; judged by {newest}",
        severity=Severity.WARNING,
        rule="ninjs version",
    )
    return newest, [note]


def _declared(document: Any) -> tuple[int, int] | None:
    """The version a document declares, (major, minor): ``standard.version``, else ``$schema``."""
    if not isinstance(document, dict):
        return None
    standard = document.get("standard")
    version = standard.get("version") if isinstance(standard, dict) else None
    if isinstance(version, str) and (match := _VERSION.match(version.strip())):
        return int(match[1]), int(match[2])
    schema = document.get("$schema")
    if isinstance(schema, str) and (match := _SCHEMA_URI.search(schema)):
        return int(match[1]), int(match[2])
    return None
