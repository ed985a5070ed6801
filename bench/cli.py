"""
Benchmark the command line: validating a folder, and starting up.

    .venv/bin/python bench/cli.py [--files N] [--rounds N]

It writes N generated articles (native JSON and NewsML-G2, half each) to a
temporary folder and prints files per second for ``newsmodel validate`` with
one job and with two; then the start-up time of ``newsmodel --version`` next
to ``python -c "import lxml.etree"``, each the best of several runs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from common import WRITTEN_AT, generated_articles, timed

from newsmodel.formats import json as native_json
from newsmodel.formats import newsml_g2

NEWSMODEL = [sys.executable, "-m", "newsmodel"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--files", type=int, default=3_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        for number, article in enumerate(generated_articles(args.files)):
            if number % 2:
                document = newsml_g2.dumps(article, version_created=WRITTEN_AT)
                (Path(folder) / f"item-{number}.xml").write_text(document)
            else:
                (Path(folder) / f"article-{number}.json").write_text(native_json.dumps(article))
        print(f"newsmodel validate, {args.files} files, best of {args.rounds} rounds")
        single = timed([*NEWSMODEL, "validate", folder, "-j", "1"], args.rounds)
        double = timed([*NEWSMODEL, "validate", folder, "-j", "2"], args.rounds)
        print(f"  -j 1: {args.files / single:>8,.0f} files/s")
        speedup = single / double
        print(f"  -j 2: {args.files / double:>8,.0f} files/s   ({speedup:.2f}x -j 1)")

    version = timed([*NEWSMODEL, "--version"], args.rounds * 3)
    floor = timed([sys.executable, "-c", "import lxml.etree"], args.rounds * 3)
    print("start-up, best of runs")
    print(f"  newsmodel --version:           {version * 1000:6.1f} ms")
    print(
        f"  python -c 'import lxml.etree': {floor * 1000:6.1f} ms   (ratio {version / floor:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
