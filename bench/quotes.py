"""
Measure quotation extraction on the hand-annotated train and development sets.

    .venv/bin/python bench/quotes.py [train|dev ...] [--rounds N] [--predictions FOLDER]

Runs ``newsmodel.extract_quotations`` over every paragraph of each split
(``../shared/quotes/polnear-<split>.jsonl``; both by default: rules are
developed on train, and dev shows whether they generalise), scores the
predictions with the sets' own ``score.py`` and prints its table, then
paragraphs per second of this process's CPU time (best of several rounds),
which other jobs on the machine do not inflate as they do wall time.  Terms in
quotation marks are not predicted: the sets do not count them as quotations.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsmodel.model import QuotationKind
from newsmodel.quotes import extract_quotations

QUOTES = Path(__file__).resolve().parent.parent.parent / "shared" / "quotes"
SPLITS = ("train", "dev")
SCORER = QUOTES / "score.py"


def split_path(split: str) -> Path:
    """Where the annotated paragraphs of a split are."""
    return QUOTES / f"polnear-{split}.jsonl"


def predictions(paragraphs: list[dict[str, str]]) -> list[dict[str, object]]:
    """One prediction line per paragraph, in the scorer's form."""
    lines: list[dict[str, object]] = []
    for paragraph in paragraphs:
        quotes = [
            {
                "text": quotation.text,
                "start": quotation.span.start,
                "end": quotation.span.end,
                "speaker": quotation.speaker.name if quotation.speaker else None,
                "speaker_mention": quotation.speaker_mention,
            }
            for quotation in extract_quotations(paragraph["text"])
            if quotation.kind is not QuotationKind.TERM and quotation.span is not None
        ]
        lines.append({"id": paragraph["id"], "quotes": quotes})
    return lines


def measure(split: str, rounds: int, kept: Path | None) -> None:
    """Score one split and time it."""
    path = split_path(split)
    if not path.is_file():
        sys.exit(f"the {split} set is not there: {path}")
    with path.open(encoding="utf-8") as rows:
        paragraphs = [json.loads(row) for row in rows if row.strip()]
    times = []
    for _ in range(rounds):
        start = time.process_time()
        lines = predictions(paragraphs)
        times.append(time.process_time() - start)
    with tempfile.TemporaryDirectory() as folder:
        predicted = (kept or Path(folder)) / f"predictions-{split}.jsonl"
        predicted.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
        print(f"== {split}: {path.name}", flush=True)
        subprocess.run([sys.executable, SCORER, predicted, path], check=True)
    print(
        f"{len(paragraphs)} paragraphs, {len(paragraphs) / min(times):,.0f} paragraphs/s (one core)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("splits", nargs="*", metavar="split", help="train, dev (default: both)")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds (best is kept)")
    parser.add_argument("--predictions", type=Path, help="also keep the predictions in this folder")
    options = parser.parse_args()
    unknown = set(options.splits) - set(SPLITS)
    if unknown:
        parser.error(f"unknown split {min(unknown)!r}: expected one of {', '.join(SPLITS)}")
    for split in options.splits or SPLITS:
        measure(split, options.rounds, options.predictions)


if __name__ == "__main__":
    main()
