"""
How ``newsmodel validate`` shows its results: one reporter per output style.

A reporter takes the checked files in order and writes to a text stream;
it is the only code that formats validation results for people or tools.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

from attrs import frozen
from lxml import etree

from newsmodel.validation import Issue, Report

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["REPORTERS", "Checked"]


@frozen(kw_only=True)
class Checked:
    """
    One validated input: its name as the user gave it, and the report.
    """

    name: str
    report: Report


def _text_line(name: str, issue: Issue) -> str:
    # file:line:col: path: message, as compilers print; file: path: message without a position
    return f"{name}:{issue}\n" if issue.line is not None else f"{name}: {issue}\n"


def _text(results: Sequence[Checked], out: TextIO) -> None:
    for result in results:
        out.writelines(_text_line(result.name, issue) for issue in result.report.issues)
        if result.report.ok and result.report.what:
            out.write(f"{result.name}: valid: {result.report.what}\n")
    invalid = sum(not result.report.ok for result in results)
    files = "file" if len(results) == 1 else "files"
    out.write(
        f"checked {len(results)} {files}: {len(results) - invalid} valid, {invalid} invalid\n"
    )


def _issue_json(issue: Issue) -> dict[str, object]:
    return {
        "path": issue.path,
        "message": issue.message,
        "line": issue.line,
        "column": issue.column,
        "severity": issue.severity.value,
        "rule": issue.rule,
    }


def _json(results: Sequence[Checked], out: TextIO) -> None:
    document = {
        "status": "ok" if all(r.report.ok for r in results) else "fail",
        "files": [
            {
                "name": result.name,
                "format": result.report.format.value if result.report.format else None,
                "what": result.report.what,
                "ok": result.report.ok,
                "issues": [_issue_json(issue) for issue in result.report.issues],
            }
            for result in results
        ],
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _github_escape(text: str, *, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _github(results: Sequence[Checked], out: TextIO) -> None:
    """
    GitHub Actions workflow commands: one annotation per issue.
    """
    for result in results:
        for issue in result.report.issues:
            properties = [f"file={_github_escape(result.name, property_value=True)}"]
            if issue.line is not None:
                properties.append(f"line={issue.line}")
                if issue.column is not None:
                    properties.append(f"col={issue.column}")
            title = f"{issue.rule}: {issue.path}" if issue.rule else issue.path
            properties.append(f"title={_github_escape(title, property_value=True)}")
            out.write(
                f"::{issue.severity.value} {','.join(properties)}::"
                f"{_github_escape(issue.message)}\n"
            )


def _junit(results: Sequence[Checked], out: TextIO) -> None:
    """
    Write JUnit XML, which GitLab, Jenkins and others show as test results.

    Each file is a test case, failed by its errors, its warnings in its output.
    """
    suite = etree.Element(
        "testsuite",
        name="newsmodel validate",
        tests=str(len(results)),
        failures=str(sum(not r.report.ok for r in results)),
        errors="0",
    )
    for result in results:
        case = etree.SubElement(
            suite,
            "testcase",
            name=result.name,
            classname=result.report.format.value if result.report.format else "unknown",
        )
        errors = result.report.errors
        if errors:
            failure = etree.SubElement(case, "failure", message=str(errors[0]))
            failure.text = "\n".join(str(issue) for issue in errors)
        warnings = [i for i in result.report.issues if i not in errors]
        if warnings:
            etree.SubElement(case, "system-out").text = "\n".join(str(i) for i in warnings)
    suites = etree.Element("testsuites")
    suites.append(suite)
    out.write(etree.tostring(suites, encoding="unicode", pretty_print=True))


#: The output styles of ``newsmodel validate``, by their ``--output`` name.
REPORTERS: dict[str, Callable[[Sequence[Checked], TextIO], None]] = {
    "text": _text,
    "json": _json,
    "github": _github,
    "junit": _junit,
}
