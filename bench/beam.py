"""
Benchmark the Beam pipeline beside ``newsmodel convert`` on the same items.

    .venv/bin/python bench/beam.py [--items 100000] [--per-file 1000] [--workers 2]

It writes the items as NewsML-G2 newsMessages of --per-file generated
articles each (one message, copied), then converts them all to ninjs twice:
with ``newsmodel convert FILES --to ninjs -o OUT``, and with ``python -m
newsmodel.beam convert`` on Beam's local runner in multi-processing mode with
--workers workers.  For each it prints items per second of wall time and of
CPU time (the CPU time of every process, workers included: the steadier
figure on a shared machine), and the peak memory of its whole process tree,
sampled every 200 ms.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import WRITTEN_AT, generated_articles

from newsmodel.formats import newsml_g2

_PAGE = 4096  # bytes: /proc/PID/statm counts pages
_SAMPLE = 0.2  # seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--per-file", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        inputs = _write_messages(Path(folder) / "in", args.items, args.per_file)
        out = Path(folder) / "out"
        out.mkdir()
        command = [sys.executable, "-m", "newsmodel", "convert", *map(str, inputs), "--to", "ninjs"]
        cli = _measure([*command, "-o", str(out / "cli.jsonl")])
        command = [sys.executable, "-m", "newsmodel.beam", "convert", "--to", "ninjs"]
        command += ["--input", str(Path(folder) / "in" / "*.xml"), "--output", str(out / "beam")]
        command += ["--dead-letter", str(out / "refused")]
        command += [
            "--direct_running_mode=multi_processing",
            f"--direct_num_workers={args.workers}",
        ]
        beam = _measure(command)
        written = sum(1 for shard in out.glob("beam-*.jsonl") for _ in shard.open("rb"))
        if written != args.items:
            print(f"beam wrote {written} articles of {args.items}", file=sys.stderr)
            return 1

    print(f"{args.items:,} NewsML-G2 items to ninjs, {len(inputs)} newsMessages")
    for label, (wall, cpu, peak) in (
        ("newsmodel convert", cli),
        (f"beam, multi-processing, {args.workers} workers", beam),
    ):
        print(
            f"  {label:<36} {args.items / wall:>6,.0f} items/s, {args.items / cpu:>6,.0f} "
            f"items/CPU-s, peak memory {peak / 2**20:,.0f} MiB"
        )
    print(
        f"  beam / CLI: {cli[0] / beam[0]:.2f}x the items/s, {cli[1] / beam[1]:.2f}x the "
        f"items/CPU-s, {beam[2] / cli[2]:.1f}x the memory"
    )
    return 0


def _write_messages(folder: Path, items: int, per_file: int) -> list[Path]:
    """Write *items* items as copies of one newsMessage of *per_file* articles."""
    folder.mkdir()
    documents = [
        newsml_g2.dumps(article, version_created=WRITTEN_AT).split("?>", 1)[-1]
        for article in generated_articles(per_file)
    ]
    message = (
        '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>'
        f"{''.join(documents)}</itemSet></newsMessage>"
    ).encode()
    paths = [folder / f"message-{n:05}.xml" for n in range(items // per_file)]
    for path in paths:
        path.write_bytes(message)
    return paths


def _measure(command: list[str]) -> tuple[float, float, int]:
    """
    Run *command*: its wall time and CPU time in seconds, and its peak memory.

    The CPU time is that of every process the command started and waited for.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_memory(process.pid))
            time.sleep(_SAMPLE)
        wall = time.perf_counter() - start
        if process.returncode != 0:
            errors.seek(0)
            msg = f"{command[:4]} exited {process.returncode}: {errors.read()[-500:]!r}"
            raise RuntimeError(msg)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, peak


def _tree_memory(root: int) -> int:
    """The resident memory of a process and all its descendants, in bytes."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # the process ended meanwhile
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree = {root}
    grew = True
    while grew:
        found = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= found
        grew = bool(found)
    total = 0
    for pid in tree:
        try:
            total += int((Path("/proc") / str(pid) / "statm").read_text().split()[1]) * _PAGE
        except OSError:
            continue
    return total


if __name__ == "__main__":
    raise SystemExit(main())
