"""
The ``newsmodel`` command line: ``convert``, ``validate``, ``inspect``, ``quotes`` and ``formats``.

Only this module reads arguments, prints and chooses exit codes; the library
underneath does neither.  Exit codes: 0 when all went well, 1 when an input
is invalid or unreadable, 2 for a usage error.  Bad input never ends in a
Python traceback: every such failure is a :class:`NewsmodelError` or an
:class:`OSError`, reported on one line.

Commands import the modules they need when they run, so ``newsmodel
--version`` starts without loading the model, lxml or jsonschema.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from newsmodel import _files
from newsmodel._cli import reason
from newsmodel._version import __version__
from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format, info
from newsmodel.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from newsmodel._cli.inputs import Numbered
    from newsmodel._cli.progress import Progress
    from newsmodel.model import Agent, Article, Quotation
    from newsmodel.reporters import Checked

__all__ = ["build_parser", "main"]

_FORMAT_NAMES = [f.value for f in Format]
_WRITABLE_NAMES = [f.value for f in Format if info(f).writable]
_JSON_LINES = ".jsonl"
_OUTPUT_STYLES = ("text", "json", "github", "junit")  # the keys of reporters.REPORTERS
_STDIO = "-"
_FILES_PER_JOB = 4
_DEBUG = "NEWSMODEL_DEBUG"  # set, a bug shows its traceback


def build_parser() -> argparse.ArgumentParser:
    """
    Build the argument parser: the one place the commands and options are defined.

    The documentation's CLI reference is generated from it.
    """
    parser = argparse.ArgumentParser(
        prog="newsmodel",
        description="Convert and validate news articles.",
        epilog="Exit codes: 0 success, 1 invalid or unreadable input, 2 usage error.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert articles from one format to another",
        description="Convert articles, one item at a time. Without -o or --out-dir the "
        "result goes to standard output; several articles to one output make one "
        "newsMessage (NewsML-G2) or JSON Lines (the JSON formats).",
    )
    convert.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="a file, a directory, or - for stdin"
    )
    convert.add_argument("--to", required=True, choices=_WRITABLE_NAMES, help="output format")
    convert.add_argument(
        "--from", dest="source", choices=_FORMAT_NAMES, help="input format (default: detect)"
    )
    target = convert.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", metavar="FILE", help="output file, or - for stdout")
    target.add_argument(
        "--out-dir", metavar="DIR", help="write one file per item here: STEM.EXT, or STEM-N.EXT"
    )
    convert.add_argument(
        "--strict", action="store_true", help="refuse a conversion that would lose data"
    )
    _quiet_option(convert)

    validate = commands.add_parser(
        "validate",
        help="validate files against their standards' official schemas",
        description="Validate files, and the files in directories, recursively: each by the "
        "official schema of its standard and version (NewsML-G2 2.35 XSD, NITF 3.6 XSD, the "
        "ninjs schema of its version), bundled; native JSON by its schema; JSON-LD by Google's "
        "Article rules. A valid file is reported with what it is (valid: ninjs 3.0 picture).",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="a file, a directory or -")
    validate.add_argument(
        "--format", choices=_FORMAT_NAMES, help="format of every input (default: detect)"
    )
    _output_format_option(validate, _OUTPUT_STYLES, "report style (default: text)")
    validate.add_argument(
        "--strict", action="store_true", help="fail on warnings too, not only on errors"
    )
    validate.add_argument(
        "--profile",
        choices=("standard", "newsmodel"),  # validation.PROFILES
        default="standard",
        help="standard: the official schemas (default); newsmodel: the narrower profile "
        "newsmodel writes, then a reading into the model",
    )
    validate.add_argument(
        "--schema-version",
        metavar="X.Y",
        help="judge ninjs files by this version's schema, whatever they declare",
    )
    validate.add_argument(
        "--official-schema",
        metavar="PATH",
        help="judge by your copy of an official schema instead of the bundled one: an XSD of "
        "NewsML-G2 or NITF (told by its namespace) or a ninjs JSON Schema; it applies to files "
        "of that format only; without it, NEWSMODEL_SCHEMA_<FORMAT> may name one per format",
    )
    validate.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, check only files whose name matches (repeatable)",
    )
    validate.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="in directories, skip files or folders whose name matches (repeatable)",
    )
    _quiet_option(validate)
    validate.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=os.cpu_count() or 1,
        metavar="N",
        help="check N files at a time (default: the number of cores); the output keeps the order",
    )

    inspect = commands.add_parser(
        "inspect",
        help="summarise an article and what each format would lose of it",
        description="Print a short summary of each article of a file.",
    )
    inspect.add_argument("path", metavar="FILE", help="a file, or - for stdin")
    inspect.add_argument(
        "--from", dest="source", choices=_FORMAT_NAMES, help="input format (default: detect)"
    )

    quotes = commands.add_parser(
        "quotes",
        help="find the quotations of articles and who said them",
        description="Print each quotation found in each article's headline and body, with "
        "its speaker and cue, one per line: FILE:PART:START-END: KIND: words — speaker. "
        "Quotations an input already carries are not consulted.",
    )
    quotes.add_argument("paths", nargs="+", metavar="FILE", help="a file, or - for stdin")
    quotes.add_argument(
        "--from", dest="source", choices=_FORMAT_NAMES, help="input format (default: detect)"
    )
    _output_format_option(
        quotes, ("text", "json"), "text, or one JSON document for tools (default: text)"
    )

    for command in (convert, validate, inspect, quotes):
        command.add_argument(
            "--max-bytes",
            type=_positive,
            default=DEFAULT_MAX_BYTES,
            metavar="N",
            help="refuse an input (an item, in a newsMessage or JSON Lines) larger than "
            f"N bytes (default: {DEFAULT_MAX_BYTES:,})",
        )
    commands.add_parser("formats", help="list the formats and what each can do")
    return parser


def _output_format_option(
    command: argparse.ArgumentParser, choices: Sequence[str], help_text: str
) -> None:
    """``--output-format``, and ``--output``, its old spelling, kept hidden."""
    command.add_argument("--output-format", choices=choices, default="text", help=help_text)
    command.add_argument(
        "--output",
        dest="output_format",
        choices=choices,
        default=argparse.SUPPRESS,
        help=argparse.SUPPRESS,
    )


def _quiet_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-q", "--quiet", action="store_true", help="no progress line, even on a terminal"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command line with *argv* (default: ``sys.argv[1:]``).

    Returns:
        The exit code.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"newsmodel {__version__}")
        return 0
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "convert": _convert,
        "validate": _validate,
        "formats": _formats,
        "inspect": _inspect,
        "quotes": _quotes,
    }
    if args.command not in commands:
        parser.print_usage(sys.stderr)
        return 2
    try:
        return commands[args.command](args)
    except BrokenPipeError:
        # Whoever read the output stopped (``| head``): stop quietly, as other
        # tools do, with standard output pointed where flushing it cannot fail.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # the last resort: a bug, told in one line
        if os.environ.get(_DEBUG):
            raise
        where = _failing_input(error, _inputs_of(args))
        print(
            f"newsmodel {args.command}: internal error ({type(error).__name__}:"
            f" {' '.join(str(error).split())})"
            f"{f' while working on {where}' if where else ''}; this is a bug in newsmodel,"
            f" please report it (set {_DEBUG}=1 to see the traceback)",
            file=sys.stderr,
        )
        return 1


def _inputs_of(args: argparse.Namespace) -> list[str]:
    """The inputs a command was given: its commands name them differently."""
    named = [getattr(args, key, None) for key in ("inputs", "paths", "path")]
    return [
        name for value in named if value for name in ([value] if isinstance(value, str) else value)
    ]


def _failing_input(error: BaseException, inputs: Sequence[str]) -> str | None:
    """
    The input being worked on when *error* was raised, if one can be told.

    The innermost frame holding one of the inputs (or a file under one of
    them) as a local names it; failing that, a single input is the one.
    """
    found = inputs[0] if len(inputs) == 1 else None
    trace = error.__traceback__
    while trace is not None:
        for value in trace.tb_frame.f_locals.values():
            if isinstance(value, str | Path) and any(
                str(value) == name or str(value).startswith(name.rstrip("/") + "/")
                for name in inputs
            ):
                found = str(value)
        trace = trace.tb_next
    return found


def _positive(text: str) -> int:
    try:
        number = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        number = 0
    if number < 1:
        msg = f"expected a whole number of 1 or more, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _fail(name: str, error: Exception) -> None:
    print(f"{name}: {reason(error)}", file=sys.stderr)


def _convert(args: argparse.Namespace) -> int:
    """Read, convert and write one item at a time, so that memory stays flat."""
    from newsmodel._cli.outputs import Destination, Folder, Joined, identities  # noqa: PLC0415
    from newsmodel._cli.progress import Progress  # noqa: PLC0415

    target = Format(args.to)
    forced = None if args.source is None else Format(args.source)
    names = list(_files.expand(args.inputs, _found_suffixes()))
    inputs = identities(name for name in names if name != _STDIO)
    output_name = args.out_dir or args.output or _STDIO
    joined = None
    if args.out_dir is None:
        joined = one = Joined(Destination(output_name, inputs), target)
        converting = _Converting(target, lambda _, text: one.add(text), strict=args.strict)
    else:
        try:
            folder = Folder(args.out_dir, target, inputs)
        except (NewsmodelError, OSError) as error:
            _fail(output_name, error)
            return 1
        converting = _Converting(target, folder.add, strict=args.strict, per_item=True)
    try:
        converting.run(names, forced, args.max_bytes, Progress(sys.stderr, quiet=args.quiet))
        if joined is not None:
            joined.close()
    except (_OutputFailedError, NewsmodelError, OSError) as failed:
        cause = failed.error if isinstance(failed, _OutputFailedError) else failed
        if isinstance(cause, BrokenPipeError):
            raise cause from None  # the reader of standard output went away: stop quietly
        if joined is not None:
            joined.close(keep=False)
        _fail(output_name, cause)
        return 1
    return converting.status


class _OutputFailedError(Exception):
    """The one output cannot be written: the run stops."""

    def __init__(self, error: Exception) -> None:
        super().__init__(str(error))
        self.error = error


class _Converting:
    """What ``convert`` does with each item, and the exit status it comes to."""

    def __init__(
        self,
        target: Format,
        write: Callable[[str, str], None],
        *,
        strict: bool,
        per_item: bool = False,
    ) -> None:
        self.codec = info(target).codec()
        self.target = target
        self.write = write
        self.strict = strict
        self.per_item = per_item
        self.status = 0
        self.count = 0

    def run(
        self, names: list[str], forced: Format | None, max_bytes: int, progress: Progress
    ) -> None:
        """
        Convert every item of every input; an input that cannot be read is reported.

        Raises:
            _OutputFailedError: The one output cannot be written.
        """
        from newsmodel._cli.inputs import read_items  # noqa: PLC0415 - loads the readers

        for done, name in enumerate(names, start=1):
            try:
                for numbered in read_items(name, forced, max_bytes):
                    self.convert(numbered)
                    progress.show(f"converted {self.count:,} items, {done}/{len(names)} files")
            except (NewsmodelError, OSError) as error:
                _fail(name, error)
                self.status = 1
        progress.finish(f"converted {self.count:,} items, {len(names)}/{len(names)} files")

    def convert(self, numbered: Numbered) -> None:
        """
        Convert one item and write it; report what is lost or refused.

        *write* takes the item's stem and the document.  When each item has
        its own output (*per_item*), one that cannot be written is reported
        and the others go on; when all share one, the run stops.

        Raises:
            _OutputFailedError: The one output cannot be written.
        """
        from newsmodel.conversion import Reading  # noqa: PLC0415 - loaded by now

        label, stem, item = numbered
        if not isinstance(item, Reading):
            self._refuse(label, str(item.error()))
            return
        for note in (*item.guesses, *item.losses):
            print(f"{label}: warning: {note}", file=sys.stderr)
        if self.strict and item.losses:
            self._refuse(label, "refused: reading it would lose data (--strict)")
            return
        writing = self.codec.write(item.article)
        for loss in writing.losses:
            print(f"{label}: warning: {loss}", file=sys.stderr)
        if self.strict and writing.losses:
            self._refuse(label, f"refused: {self.target.value} would lose data (--strict)")
            return
        try:
            self.write(stem, writing.text)
        except (NewsmodelError, OSError) as error:
            if not self.per_item:
                raise _OutputFailedError(error) from error
            self._refuse(label, reason(error))
            return
        self.count += 1

    def _refuse(self, label: str, why: str) -> None:
        print(f"{label}: {why}", file=sys.stderr)
        self.status = 1


def _found_suffixes() -> frozenset[str]:
    """
    The file name endings of inputs found in a directory.

    A directory's .txt files are notes and manifests more often than
    articles: plain text is read when named, not when found.
    """
    suffixes = {e for f in Format if f is not Format.TEXT for e in info(f).extensions}
    return frozenset({*suffixes, _JSON_LINES})


def _validate(args: argparse.Namespace) -> int:
    from newsmodel._cli.checks import (  # noqa: PLC0415 - loads jsonschema
        check_file,
        official_note,
        options_problem,
        strictly,
    )
    from newsmodel._cli.progress import Progress  # noqa: PLC0415
    from newsmodel.reporters import REPORTERS  # noqa: PLC0415

    problem = options_problem(args.schema_version, args.official_schema)
    if problem:
        print(f"newsmodel validate: {problem}", file=sys.stderr)
        return 2
    names = list(_files.expand(args.paths, _found_suffixes(), args.include, args.exclude))
    check = partial(
        check_file,
        forced=args.format,
        official=args.official_schema,
        profile=args.profile,
        schema_version=args.schema_version,
        max_bytes=args.max_bytes,
    )
    progress = Progress(sys.stderr, quiet=args.quiet)
    # Worker processes pay off only for enough files; the output is the same either way.
    with contextlib.ExitStack() as stack:
        mapped: Iterable[Checked] = map(check, names)
        if args.jobs > 1 and len(names) >= _FILES_PER_JOB * args.jobs and _STDIO not in names:
            from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - start-up cost

            workers = min(args.jobs, len(names))
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=workers))
            mapped = pool.map(check, names, chunksize=8)
        results = []
        for done, result in enumerate(mapped, start=1):
            results.append(strictly(result) if args.strict else result)
            progress.show(f"checked {done}/{len(names)} files")
        progress.finish(f"checked {len(names)}/{len(names)} files")
    REPORTERS[args.output_format](results, sys.stdout)
    official_note(args.official_schema, results)
    return 0 if all(result.report.ok for result in results) else 1


def _inspect(args: argparse.Namespace) -> int:
    from newsmodel._cli.inputs import read_items  # noqa: PLC0415 - loads the readers
    from newsmodel.conversion import Reading  # noqa: PLC0415 - loads the model

    status = 0
    forced = None if args.source is None else Format(args.source)
    try:
        for number, (label, _, item) in enumerate(
            read_items(args.path, forced, args.max_bytes), start=1
        ):
            if label != args.path:
                print(f"== item {number}")
            if isinstance(item, Reading):
                print(_summary(item.article))
            else:
                _fail(label, item.error())
                status = 1
    except (NewsmodelError, OSError) as error:
        _fail(args.path, error)
        status = 1
    return status


def _summary(article: Article) -> str:
    """A short human summary: what the article says and what each format would lose."""
    lines = [f"headline:  {article.headline}"]
    for byline in article.bylines:
        names = ", ".join(f"{c.agent.name} ({c.role.value})" for c in byline.contributors)
        lines.append(f"byline:    {' — '.join(t for t in (byline.text, names) if t)}")
    lines += [f"section:   {section}" for section in article.sections]
    for label, when in (
        ("published", article.published),
        ("modified", article.modified),
        ("created", article.created),
    ):
        if when is not None:
            lines.append(f"{label + ':':<10} {when.isoformat()}")
    for quotation in article.quotations:
        who = quotation.speaker.name if quotation.speaker else "(nobody named)"
        lines.append(f"quotation: {who}: “{quotation.text}” [{quotation.kind.value}]")
    for target in (f for f in Format if info(f).writable and f is not Format.NINJS):
        losses = [loss.where for loss in info(target).codec().write(article).losses]
        lines.append(f"{target.value + ':':<10} loses {', '.join(losses) if losses else 'nothing'}")
    return "\n".join(lines)


def _quotes(args: argparse.Namespace) -> int:
    """Print the quotations of every article of every input."""
    from newsmodel._cli.inputs import read_items  # noqa: PLC0415 - loads the readers
    from newsmodel.conversion import Reading  # noqa: PLC0415 - loads the model
    from newsmodel.quotes import extract_quotations  # noqa: PLC0415

    found: list[tuple[str, tuple[Quotation, ...]]] = []
    status = 0
    forced = None if args.source is None else Format(args.source)
    for name in args.paths:
        try:
            for label, _, item in read_items(name, forced, args.max_bytes):
                if isinstance(item, Reading):
                    found.append((label, extract_quotations(item.article)))
                else:
                    _fail(label, item.error())
                    status = 1
        except (NewsmodelError, OSError) as error:
            _fail(name, error)
            status = 1
    if args.output_format == "json":
        print(_quotes_json(found))
    else:
        for label, quotations in found:
            for quotation in quotations:
                print(f"{label}:{_quote_line(quotation)}")
    return status


def _quote_line(quotation: Quotation) -> str:
    """One quotation on one line: where, what kind, the words, who and how."""
    span = quotation.span
    where = f"{span.part.value}:{span.start}-{span.end}: " if span is not None else ""
    line = f"{where}{quotation.kind.value}: “{quotation.text}”"
    if quotation.speaker is not None:
        line += f" — {_agent(quotation.speaker)}"
    details = [f"as “{quotation.speaker_mention}”"] if quotation.speaker_mention else []
    details += [quotation.cue] if quotation.cue else []
    return f"{line} ({'; '.join(details)})" if details else line


def _agent(agent: Agent) -> str:
    """A speaker with their title and organisation: ``Dmitry Peskov, spokesman, Kremlin``."""
    from newsmodel.model import Person  # noqa: PLC0415 - loaded by now

    parts = [agent.name]
    if isinstance(agent, Person):
        parts += [agent.title] if agent.title else []
        parts += [agent.affiliation.name] if agent.affiliation else []
    return ", ".join(parts)


def _quotes_json(found: list[tuple[str, tuple[Quotation, ...]]]) -> str:
    """The quotations as one JSON document, each in newsmodel's native form."""
    from newsmodel._lowlevel import json as strict_json  # noqa: PLC0415 - only for JSON output
    from newsmodel.formats.json import make_converter  # noqa: PLC0415

    converter = make_converter()
    document = [
        {"input": label, "quotations": [converter.unstructure(q) for q in quotations]}
        for label, quotations in found
    ]
    return strict_json.dumps(document)


def _formats(_: argparse.Namespace) -> int:
    width = max(len(f.value) for f in Format)
    for f in Format:
        can = "read, write" if info(f).writable else "read"
        print(f"{f.value:<{width}}  {can:<11}  {info(f).title} ({' '.join(info(f).extensions)})")
    return 0
