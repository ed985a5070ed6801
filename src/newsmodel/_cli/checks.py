"""
What ``newsmodel validate`` does with each file, in a worker process when there are many.

A JSON Lines file of any JSON format is checked one document a line, each
issue carrying its line; ``--strict`` turns warnings into errors, so that
the summary counts as the exit code does.
"""

from __future__ import annotations

import os

import attrs

from newsmodel._cli import JSON_FORMATS, reason
from newsmodel._lowlevel import json as strict_json
from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format, detect
from newsmodel.formats.json import json_lines
from newsmodel.limits import read_input
from newsmodel.reporters import Checked
from newsmodel.validation import Issue, Report, Severity, validate

__all__ = ["check_file", "strictly"]

_STDIO = "-"


def _format_of(data: bytes, name: str, forced: str | None) -> Format:
    if forced is not None:
        return Format(forced)
    return detect(data, None if name == _STDIO else name)


def strictly(result: Checked) -> Checked:
    """Under ``--strict`` a warning fails a file, so it is reported as an error."""
    issues = tuple(attrs.evolve(i, severity=Severity.ERROR) for i in result.report.issues)
    return attrs.evolve(result, report=attrs.evolve(result.report, issues=issues))


def check_file(name: str, forced: str | None, official: str | None, max_bytes: int) -> Checked:
    """Validate one file; in a worker process when checking many."""
    try:
        data = read_input(name, max_bytes)
        lines = _json_lines(data, forced)
        if lines:
            report = _check_lines(lines, forced, official)
        else:
            source = _format_of(data, name, forced)
            schema = _official_schema_for(source, official)
            report = validate(data, source, official_schema=schema)
    except (NewsmodelError, OSError) as error:
        report = Report(format=None, issues=(Issue(message=reason(error)),))
    return Checked(name=name, report=report)


def _json_lines(data: bytes, forced: str | None) -> list[tuple[int, str]] | None:
    """The numbered lines of a JSON Lines document of a JSON format, or None."""
    if forced is not None and Format(forced) not in JSON_FORMATS:
        return None
    if data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] != b"{":
        return None
    lines = json_lines(data)
    if lines is None:
        return None
    try:
        strict_json.parse(lines[0][1])
    except NewsmodelError:
        return None
    return lines


def _check_lines(lines: list[tuple[int, str]], forced: str | None, official: str | None) -> Report:
    """
    Validate JSON Lines one document a line, in the format of the first.

    Each issue carries the line of its document.
    """
    source = Format(forced) if forced is not None else detect(lines[0][1].encode())
    schema = _official_schema_for(source, official)
    issues = [
        attrs.evolve(issue, line=number)
        for number, line in lines
        for issue in validate(line, source, official_schema=schema).issues
    ]
    return Report(format=source, issues=tuple(issues))


def _official_schema_for(source: Format, given: str | None) -> str | None:
    """The official schema to check a file of *source* against, if any fits it."""
    variable = "NEWSMODEL_SCHEMA_" + source.value.upper().replace("-", "_")
    schema = given or os.environ.get(variable)
    if schema is None:
        return None
    xml_input = source is Format.NEWSML_G2
    return schema if schema.lower().endswith(".xsd") == xml_input else None
