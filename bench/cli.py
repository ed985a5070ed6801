"""
Benchmark the command line: validating a folder, converting a feed, and starting up.

    .venv/bin/python bench/cli.py [--files N] [--rounds N] [--convert-items N]

It writes N generated articles (native JSON and NewsML-G2, half each) to a
temporary folder and prints files per second for ``newsmodel validate`` with
one job and with two; then the peak memory (VmHWM) of ``newsmodel convert``
run in a child process on a JSON Lines file of 1,000 and of 100,000 items,
to one newsMessage, and back from it to JSON Lines; then the start-up time
of ``newsmodel --version`` next to ``python -c "import lxml.etree"``, each
the best of several runs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import WRITTEN_AT, generated_articles, timed

from newsmodel.formats import json as native_json
from newsmodel.formats import newsml_g2

NEWSMODEL = [sys.executable, "-m", "newsmodel"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--files", type=int, default=3_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--convert-items", type=int, default=100_000)
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

    convert_memory(args.convert_items)

    version = timed([*NEWSMODEL, "--version"], args.rounds * 3)
    floor = timed([sys.executable, "-c", "import lxml.etree"], args.rounds * 3)
    print("start-up, best of runs")
    print(f"  newsmodel --version:           {version * 1000:6.1f} ms")
    print(
        f"  python -c 'import lxml.etree': {floor * 1000:6.1f} ms   (ratio {version / floor:.2f}x)"
    )
    return 0


# Runs the command line in a child process, then reports its own peak memory.
_CONVERT = """
import sys
from newsmodel.cli import main
code = main(sys.argv[1:])
peak = next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]
print(code, int(peak) / 1024)
"""


def convert_memory(items: int) -> None:
    """Peak memory of converting a small feed and a large one, item by item."""
    article = generated_articles(1)[0]
    document = json.loads(native_json.dumps(article))
    print(f"newsmodel convert, peak memory of the whole process (VmHWM), {items:,} items")
    with tempfile.TemporaryDirectory() as folder:
        for count in (1_000, items):
            lines = Path(folder) / f"feed-{count}.jsonl"
            with lines.open("w", encoding="utf-8") as out:
                for number in range(count):
                    document["id"] = f"urn:newsmodel:bench:{number}"
                    out.write(json.dumps(document, ensure_ascii=False) + "\n")
            message = Path(folder) / f"feed-{count}.xml"
            back = Path(folder) / f"back-{count}.jsonl"
            for source, target, output in ((lines, "newsml-g2", message), (message, "json", back)):
                argv = ["convert", str(source), "--to", target, "-o", str(output), "-q"]
                start = time.perf_counter()
                done = subprocess.run(
                    [sys.executable, "-c", _CONVERT, *argv],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                seconds = time.perf_counter() - start
                code, peak = done.stdout.split()
                size = source.stat().st_size / 2**20
                print(
                    f"  {count:>7,} items, {source.suffix} ({size:,.0f} MiB) to {target}:"
                    f" peak {float(peak):6.1f} MiB, {count / seconds:,.0f} items/s, exit {code}"
                )


if __name__ == "__main__":
    raise SystemExit(main())
