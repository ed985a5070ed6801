"""
``python -m newsmodel.beam convert|validate``: the Beam pipelines as a command.

The options follow Beam's examples: ``--input`` is a file pattern, ``--output``
and ``--dead-letter`` are file prefixes, and every other option goes to Beam
(``--runner``, ``--project``, ``--direct_num_workers``, ...).  The runner is
Beam's local FnApiRunner unless ``--runner`` names another.  Exit codes: 0
when the pipeline ran, whatever the dead letters (they are data); 1 when it
could not run; 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

import apache_beam as beam
from apache_beam.metrics.metric import MetricsFilter
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from newsmodel.beam import (
    NAMESPACE,
    Convert,
    ReadItems,
    Validate,
    WriteArticles,
    WriteDeadLetters,
)
from newsmodel.formats import Format, info
from newsmodel.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from apache_beam.runners.runner import PipelineResult

__all__ = ["build_parser", "main"]

# Beam's DirectRunner first downloads another runner (Prism); this one it falls back to.
_LOCAL_RUNNER = "FnApiRunner"


def build_parser() -> argparse.ArgumentParser:
    """
    Build the parser of newsmodel's own options; Beam parses the rest.
    """
    parser = argparse.ArgumentParser(
        prog="python -m newsmodel.beam",
        description="Convert or validate news articles at scale, on any Apache Beam runner.",
        epilog="Any other option is Beam's (--runner, --project, --direct_num_workers, ...). "
        "Exit codes: 0 the pipeline ran, 1 it could not run, 2 usage error.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    convert = commands.add_parser("convert", help="convert every item the pattern matches")
    convert.add_argument(
        "--to", required=True, choices=[f.value for f in Format if info(f).writable]
    )
    convert.add_argument("--output", required=True, metavar="PREFIX", help="prefix of the output")
    convert.add_argument(
        "--strict", action="store_true", help="refuse a conversion that would lose data"
    )
    validate = commands.add_parser("validate", help="validate every item the pattern matches")
    for command in (convert, validate):
        command.add_argument(
            "--input", required=True, metavar="GLOB", help="files to read, on any file system"
        )
        command.add_argument(
            "--from",
            dest="source",
            choices=[f.value for f in Format],
            help="format of every input (default: detect)",
        )
        command.add_argument(
            "--dead-letter",
            required=True,
            metavar="PREFIX",
            help="prefix of the JSON Lines files of the items refused, with the reasons",
        )
        command.add_argument(
            "--max-bytes",
            type=int,
            default=DEFAULT_MAX_BYTES,
            metavar="N",
            help=f"refuse an item larger than N bytes (default: {DEFAULT_MAX_BYTES:,})",
        )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """
    Run the command with *argv* (default: ``sys.argv[1:]``) and return the exit code.
    """
    args, beam_args = build_parser().parse_known_args(argv)
    options = PipelineOptions(beam_args)
    if options.view_as(StandardOptions).runner is None:
        options.view_as(StandardOptions).runner = _LOCAL_RUNNER
    forced = None if args.source is None else Format(args.source)
    try:
        with beam.Pipeline(options=options) as pipeline:
            items, unreadable = pipeline | "Read" >> ReadItems(
                args.input, forced, max_bytes=args.max_bytes
            )
            if args.command == "convert":
                done, refused = items | Convert(Format(args.to), strict=args.strict)
                _ = done | WriteArticles(args.output, Format(args.to))
            else:
                _, refused = items | Validate(max_bytes=args.max_bytes)
            _ = (
                (unreadable, refused)
                | "All refused" >> beam.Flatten()
                | WriteDeadLetters(args.dead_letter)
            )
        result = pipeline.result
    except Exception as error:  # noqa: BLE001 - a runner fails in ways of its own; say it on one line
        print(f"newsmodel.beam: the pipeline could not run: {error}", file=sys.stderr)
        return 1
    print(_counts(result), file=sys.stderr)
    return 0


def _counts(result: PipelineResult) -> str:
    """The pipeline's counters on one line: ``items_read 44, refused 3, ...``."""
    found = result.metrics().query(MetricsFilter().with_namespace(NAMESPACE))["counters"]
    totals: dict[str, int] = {}
    for counter in found:
        totals[counter.key.metric.name] = totals.get(counter.key.metric.name, 0) + counter.committed
    return ", ".join(f"{name} {count:,}" for name, count in sorted(totals.items()))


if __name__ == "__main__":
    sys.exit(main())
