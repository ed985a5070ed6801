"""
Measure quotation extraction on the hand-annotated development set.

    .venv/bin/python bench/quotes.py [--rounds N] [--predictions FILE]

Runs ``newsmodel.extract_quotations`` over every paragraph of
``../shared/quotes/polnear-dev.jsonl``, scores the predictions with the
set's own ``score.py`` and prints its table, then paragraphs per second
(best of several rounds) on one core.  Terms in quotation marks are not
predicted: the set does not count them as quotations.
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
DEVELOPMENT_SET = QUOTES / "polnear-dev.jsonl"
SCORER = QUOTES / "score.py"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="timing rounds (best is kept)")
    parser.add_argument("--predictions", type=Path, help="also keep the predictions here")
    options = parser.parse_args()
    if not DEVELOPMENT_SET.is_file():
        sys.exit(f"the development set is not there: {DEVELOPMENT_SET}")
    with DEVELOPMENT_SET.open(encoding="utf-8") as rows:
        paragraphs = [json.loads(row) for row in rows if row.strip()]

    times = []
    for _ in range(options.rounds):
        start = time.perf_counter()
        lines = predictions(paragraphs)
        times.append(time.perf_counter() - start)

    with tempfile.TemporaryDirectory() as folder:
        path = options.predictions or Path(folder) / "predictions.jsonl"
        path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
        subprocess.run([sys.executable, SCORER, path, DEVELOPMENT_SET], check=True)
    print(
        f"{len(paragraphs)} paragraphs, {len(paragraphs) / min(times):,.0f} paragraphs/s (one core)"
    )


if __name__ == "__main__":
    main()
