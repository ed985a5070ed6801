"""
What ``newsmodel validate`` does with each file, in a worker process when there are many.

A JSON Lines file of any JSON format is checked one document a line, each
issue carrying its line; ``--strict`` turns warnings into errors, so that
the summary counts as the exit code does.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import attrs

from newsmodel._cli import JSON_FORMATS, SCHEMA_VARIABLE, reason
from newsmodel._lowlevel import json as strict_json
from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format, detect
from newsmodel.formats.json import json_lines
from newsmodel.limits import read_input
from newsmodel.reporters import Checked
from newsmodel.validation import NINJS_VERSIONS, Issue, Report, Severity, bundled, validate

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = ["check_file", "official_note", "options_problem", "strictly"]

_STDIO = "-"


def _format_of(data: bytes, name: str, forced: str | None) -> Format:
    if forced is not None:
        return Format(forced)
    return detect(data, None if name == _STDIO else name)


def strictly(result: Checked) -> Checked:
    """Under ``--strict`` a warning fails a file, so it is reported as an error."""
    issues = tuple(attrs.evolve(i, severity=Severity.ERROR) for i in result.report.issues)
    return attrs.evolve(result, report=attrs.evolve(result.report, issues=issues))


def check_file(  # noqa: PLR0913 - validate's options, for a worker process
    name: str,
    forced: str | None,
    official: str | None,
    *,
    profile: str,
    schema_version: str | None,
    max_bytes: int,
) -> Checked:
    """Validate one file; in a worker process when checking many."""

    def judge(data: str | bytes, source: Format) -> Report:
        schema = official or os.environ.get(SCHEMA_VARIABLE + _family(source))
        return validate(
            data,
            source,
            profile=profile,
            schema_version=schema_version,
            official_schema=schema or None,
        )

    try:
        data = read_input(name, max_bytes)
        lines = _json_lines(data, forced)
        report = (
            _check_lines(lines, forced, judge)
            if lines
            else judge(data, _format_of(data, name, forced))
        )
    except (NewsmodelError, OSError) as error:
        report = Report(format=None, issues=(Issue(message=reason(error)),))
    return Checked(name=name, report=report)


def _family(source: Format) -> str:
    """The end of the variable naming a format's official schema: ``NINJS``, ``NEWSML_G2``."""
    name = "ninjs" if source in {Format.NINJS2, Format.NINJS3} else source.value
    return name.upper().replace("-", "_")


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


def _check_lines(
    lines: list[tuple[int, str]],
    forced: str | None,
    judge: Callable[[str | bytes, Format], Report],
) -> Report:
    """
    Validate JSON Lines one document a line, in the format of the first.

    Each issue carries the line of its document.
    """
    source = Format(forced) if forced is not None else detect(lines[0][1].encode())
    issues = [
        attrs.evolve(issue, line=number)
        for number, line in lines
        for issue in judge(line, source).issues
    ]
    return Report(format=source, issues=tuple(issues))


def options_problem(schema_version: str | None, official_schema: str | None) -> str | None:
    """What is wrong with validate's options, if anything: a usage error, before any file."""
    if schema_version is not None and schema_version not in NINJS_VERSIONS:
        known = ", ".join(NINJS_VERSIONS)
        return f"--schema-version {schema_version}: no such ninjs schema; known: {known}"
    schemas = [official_schema] if official_schema else []
    schemas += [v for k, v in os.environ.items() if k.startswith(SCHEMA_VARIABLE) and v]
    try:
        for schema in schemas:
            if not bundled.official_format(schema):
                return f"{schema}: an XSD of no format newsmodel validates (NewsML-G2, NITF)"
    except NewsmodelError as error:
        return str(error)
    return None


def official_note(schema: str | None, results: Sequence[Checked]) -> None:
    """Say when --official-schema did not apply to some files, and which ones it judges."""
    if schema is None:
        return
    formats = bundled.official_format(schema)
    others = sum(r.report.format is not None and r.report.format not in formats for r in results)
    if others:
        names = "/".join(sorted(f.value for f in formats))
        were = "file was" if others == 1 else "files were"
        print(
            f"note: {schema} judges {names} files only; {others} other {were} judged "
            "by the bundled schemas",
            file=sys.stderr,
        )
