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
import os
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from newsmodel import _files
from newsmodel._version import __version__
from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format, detect, info
from newsmodel.limits import DEFAULT_MAX_BYTES, read_input

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Sequence

    from newsmodel.conversion import Item
    from newsmodel.model import Agent, Article, Quotation
    from newsmodel.reporters import Checked

__all__ = ["build_parser", "main"]

_FORMAT_NAMES = [f.value for f in Format]
_WRITABLE_NAMES = [f.value for f in Format if info(f).writable]
_JSON_FAMILY = frozenset({Format.JSON, Format.JSONLD, Format.NINJS, Format.NINJS2, Format.NINJS3})
_OUTPUT_STYLES = ("text", "json", "github", "junit")  # the keys of reporters.REPORTERS
_STDIO = "-"
_SCHEMA_VARIABLE = "NEWSMODEL_SCHEMA_"
_FILES_PER_JOB = 4
_LONG_RUN = 200  # files: from here on a terminal shows the progress
_T = TypeVar("_T")
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
        description="Convert articles. Without -o or --out-dir the result goes to "
        "standard output; several articles as JSON go out one per line.",
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT", help="a file, or - for stdin")
    convert.add_argument("--to", required=True, choices=_WRITABLE_NAMES, help="output format")
    convert.add_argument(
        "--from", dest="source", choices=_FORMAT_NAMES, help="input format (default: detect)"
    )
    target = convert.add_mutually_exclusive_group()
    target.add_argument("-o", "--output", metavar="FILE", help="output file, or - for stdout")
    target.add_argument("--out-dir", metavar="DIR", help="write one file per input here")
    convert.add_argument(
        "--strict", action="store_true", help="refuse a conversion that would lose data"
    )

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
    validate.add_argument(
        "--output", choices=_OUTPUT_STYLES, default="text", help="report style (default: text)"
    )
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
    quotes.add_argument(
        "--output",
        choices=("text", "json"),
        default="text",
        help="text, or one JSON document for tools (default: text)",
    )

    for command in (convert, validate, inspect, quotes):
        command.add_argument(
            "--max-bytes",
            type=_positive,
            default=DEFAULT_MAX_BYTES,
            metavar="N",
            help=f"refuse an input larger than N bytes (default: {DEFAULT_MAX_BYTES:,})",
        )
    commands.add_parser("formats", help="list the formats and what each can do")
    return parser


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
    number = int(text)
    if number < 1:
        msg = f"expected a number of 1 or more, got {text}"
        raise argparse.ArgumentTypeError(msg)
    return number


def _items(name: str, args: argparse.Namespace) -> list[Item]:
    """Every item of one input, in the format ``--from`` names or the one detected."""
    data = read_input(name, args.max_bytes)
    return list(info(_format_of(data, name, args.source)).codec().read_items(data))


def _format_of(data: bytes, name: str, forced: str | None) -> Format:
    if forced is not None:
        return Format(forced)
    return detect(data, None if name == _STDIO else name)


def _reason(error: Exception) -> str:
    return error.strerror if isinstance(error, OSError) and error.strerror else str(error)


def _fail(name: str, error: Exception) -> None:
    print(f"{name}: {_reason(error)}", file=sys.stderr)


def _convert(args: argparse.Namespace) -> int:
    target = Format(args.to)
    articles: list[tuple[str, str, Article]] = []
    status = 0
    for name in args.inputs:
        try:
            status |= _read_articles(name, args, articles)
        except (NewsmodelError, OSError) as error:
            _fail(name, error)
            status = 1
    codec = info(target).codec()
    documents: list[tuple[str, str]] = []
    for label, stem, article in articles:
        writing = codec.write(article)
        for loss in writing.losses:
            print(f"{label}: warning: {loss}", file=sys.stderr)
        if args.strict and writing.losses:
            print(f"{label}: refused: {target.value} would lose data (--strict)", file=sys.stderr)
            status = 1
        else:
            documents.append((stem, writing.text))
    try:
        _output(documents, target, args)
    except (NewsmodelError, OSError) as error:
        _fail(args.output or args.out_dir, error)
        status = 1
    return status


def _output(documents: list[tuple[str, str]], target: Format, args: argparse.Namespace) -> None:
    """Write the documents: one file each, or all to one output."""
    if args.out_dir is not None:
        Path(args.out_dir).mkdir(parents=True, exist_ok=True)
        for stem, text in documents:
            destination = str(Path(args.out_dir) / (stem + info(target).extensions[0]))
            _write(destination, text, args.inputs)
        return
    text = _joined([text for _, text in documents], target)
    if args.output in (None, _STDIO):
        sys.stdout.write(text)
    elif documents:
        _write(args.output, text, args.inputs)


def _read_articles(
    name: str, args: argparse.Namespace, into: list[tuple[str, str, Article]]
) -> int:
    """
    Read the articles of one input into *into*, and return its exit status.

    Each article comes with its label for messages and the stem of its
    output file.  Losses are reported as warnings, and items that are not
    articles as errors.
    """
    from newsmodel.conversion import Reading  # noqa: PLC0415 - loads the model

    items = _items(name, args)
    stem = "stdin" if name == _STDIO else Path(name).stem
    status = 0
    for number, item in enumerate(items, start=1):
        label, item_stem = (
            (name, stem) if len(items) == 1 else (f"{name}[{number}]", f"{stem}-{number}")
        )
        if not isinstance(item, Reading):
            _fail(label, item.error())
            status = 1
            continue
        for note in (*item.guesses, *item.losses):
            print(f"{label}: warning: {note}", file=sys.stderr)
        if args.strict and item.losses:
            print(f"{label}: refused: reading it would lose data (--strict)", file=sys.stderr)
            status = 1
            continue
        into.append((label, item_stem, item.article))
    return status


def _joined(documents: list[str], target: Format) -> str:
    """
    One document as it is; several JSON documents as JSON Lines.
    """
    if len(documents) <= 1:
        return "".join(documents)
    if target not in _JSON_FAMILY:
        msg = f"several articles go to one output only as JSON; use --out-dir for {target.value}"
        raise NewsmodelError(msg)
    import json  # noqa: PLC0415 - only for several articles

    return "".join(json.dumps(json.loads(d), ensure_ascii=False) + "\n" for d in documents)


def _write(destination: str, text: str, inputs: Sequence[str]) -> None:
    if any(_files.same_file(destination, name) for name in inputs if name != _STDIO):
        msg = "refusing to overwrite an input"
        raise NewsmodelError(msg)
    _files.atomic_write(destination, text)


def _validate(args: argparse.Namespace) -> int:
    from newsmodel.reporters import REPORTERS  # noqa: PLC0415 - loads jsonschema

    # A directory's .txt files are notes and manifests more often than articles:
    # plain text is validated when named, not when found.
    suffixes = frozenset(e for f in Format if f is not Format.TEXT for e in info(f).extensions)
    problem = _validate_options(args)
    if problem:
        print(f"newsmodel validate: {problem}", file=sys.stderr)
        return 2
    names = list(_files.expand(args.paths, suffixes, args.include, args.exclude))
    check = partial(
        _check,
        forced=args.format,
        official=args.official_schema,
        profile=args.profile,
        schema_version=args.schema_version,
        max_bytes=args.max_bytes,
    )
    # Worker processes pay off only for enough files; the output is the same either way.
    if args.jobs > 1 and len(names) >= _FILES_PER_JOB * args.jobs and _STDIO not in names:
        from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415 - start-up cost

        with ProcessPoolExecutor(max_workers=min(args.jobs, len(names))) as pool:
            results = list(_progress(pool.map(check, names, chunksize=8), len(names), sys.stderr))
    else:
        results = list(_progress(map(check, names), len(names), sys.stderr))
    REPORTERS[args.output](results, sys.stdout)
    _official_note(args.official_schema, results)
    failed = any(not r.report.ok or (args.strict and r.report.issues) for r in results)
    return 1 if failed else 0


def _validate_options(args: argparse.Namespace) -> str | None:
    """What is wrong with validate's options, if anything: a usage error, before any file."""
    from newsmodel.validation import NINJS_VERSIONS, bundled  # noqa: PLC0415 - loads lxml

    if args.schema_version is not None and args.schema_version not in NINJS_VERSIONS:
        known = ", ".join(NINJS_VERSIONS)
        return f"--schema-version {args.schema_version}: no such ninjs schema; known: {known}"
    schemas = [args.official_schema] if args.official_schema else []
    schemas += [v for k, v in os.environ.items() if k.startswith(_SCHEMA_VARIABLE) and v]
    try:
        for schema in schemas:
            if not bundled.official_format(schema):
                return f"{schema}: an XSD of no format newsmodel validates (NewsML-G2, NITF)"
    except NewsmodelError as error:
        return str(error)
    return None


def _official_note(schema: str | None, results: Sequence[Checked]) -> None:
    """Say when --official-schema did not apply to some files, and which ones it judges."""
    if schema is None:
        return
    from newsmodel.validation import bundled  # noqa: PLC0415 - loaded by now

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


def _progress(results: Iterable[_T], total: int, stream: TextIO) -> Iterator[_T]:
    """
    Pass *results* through, counting them on *stream*.

    The count shows only on a terminal, and only for a long run.
    """
    show = total >= _LONG_RUN and stream.isatty()
    for done, result in enumerate(results, start=1):
        if show and (done % 50 == 0 or done == total):
            stream.write(f"\rchecked {done}/{total} files")
            stream.flush()
        yield result
    if show:
        stream.write("\n")


def _check(  # noqa: PLR0913 - validate's options, for a worker process
    name: str,
    forced: str | None,
    official: str | None,
    *,
    profile: str,
    schema_version: str | None,
    max_bytes: int,
) -> Checked:
    """Validate one file; in a worker process when checking many."""
    from newsmodel.reporters import Checked  # noqa: PLC0415
    from newsmodel.validation import Issue, Report, validate  # noqa: PLC0415

    try:
        data = read_input(name, max_bytes)
        source = _format_of(data, name, forced)
        schema = official or os.environ.get(_SCHEMA_VARIABLE + _family(source))
        report = validate(
            data,
            source,
            profile=profile,
            schema_version=schema_version,
            official_schema=schema or None,
        )
    except (NewsmodelError, OSError) as error:
        report = Report(format=None, issues=(Issue(message=_reason(error)),))
    return Checked(name=name, report=report)


def _family(source: Format) -> str:
    """The end of the variable naming a format's official schema: ``NINJS``, ``NEWSML_G2``."""
    name = "ninjs" if source in {Format.NINJS2, Format.NINJS3} else source.value
    return name.upper().replace("-", "_")


def _inspect(args: argparse.Namespace) -> int:
    from newsmodel.conversion import Reading  # noqa: PLC0415 - loads the model

    try:
        items = _items(args.path, args)
    except (NewsmodelError, OSError) as error:
        _fail(args.path, error)
        return 1
    status = 0
    for number, item in enumerate(items, start=1):
        if len(items) > 1:
            print(f"== item {number}")
        if isinstance(item, Reading):
            print(_summary(item.article))
        else:
            _fail(args.path, item.error())
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
    from newsmodel.conversion import Reading  # noqa: PLC0415 - loads the model
    from newsmodel.quotes import extract_quotations  # noqa: PLC0415

    found: list[tuple[str, tuple[Quotation, ...]]] = []
    status = 0
    for name in args.paths:
        try:
            items = _items(name, args)
        except (NewsmodelError, OSError) as error:
            _fail(name, error)
            status = 1
            continue
        for number, item in enumerate(items, start=1):
            label = name if len(items) == 1 else f"{name}[{number}]"
            if isinstance(item, Reading):
                found.append((label, extract_quotations(item.article)))
            else:
                _fail(label, item.error())
                status = 1
    if args.output == "json":
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
