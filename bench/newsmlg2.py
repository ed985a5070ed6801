"""
Benchmark NewsML-G2 reading and writing against the lxml floor.

    .venv/bin/python bench/newsmlg2.py [--rounds N]

For the text items of the shared corpus (when ../shared is there) and for a
set of generated articles, it prints items per second for newsmodel's reader
and writer, and for plain lxml parsing and serialising the same bytes, with
the ratio.  Times are the best of several rounds, all in this one run.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from newsmodel import newsmlg2
from newsmodel.conversion import Reading
from newsmodel.model import Article, Body, Byline, Concept, Person, Quotation, Section, Span

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "newsml-g2"
WRITTEN_AT = datetime(2026, 1, 1, tzinfo=UTC)


def best(rounds: int, work: Callable[[], object]) -> float:
    """The fastest of *rounds* runs of *work*, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def corpus_items() -> list[bytes]:
    """Each text item of the corpus as its own document."""
    readings = [
        item
        for path in sorted(CORPUS.glob("*.xml"))
        for item in newsmlg2.read_items(path.read_bytes())
        if isinstance(item, Reading)
    ]
    return [newsmlg2.dumps(r.article, version_created=WRITTEN_AT).encode() for r in readings]


def generated_articles(count: int) -> list[Article]:
    """Articles of a realistic size: a dozen paragraphs, bylines, subjects, quotes."""
    paragraphs = [f"Paragraph {n} of the story, with “a quotation {n}” in it." for n in range(12)]
    body = Body.from_paragraphs(*paragraphs)
    start = body.text.index("a quotation 3")
    return [
        Article(
            id=f"urn:newsmodel:bench:{n}",
            version=1,
            headline=f"Story number {n} about the council budget",
            summary="The council approved its budget.",
            sections=(Section(path=("News", "Local")),),
            bylines=(Byline(text="By Ann Lee"),),
            subjects=(Concept(code="20000621", scheme="medtop", name="politics"),),
            language="en",
            published=WRITTEN_AT,
            modified=WRITTEN_AT,
            body=body,
            quotations=(
                Quotation(
                    text="a quotation 3",
                    speaker=Person(name="Ann Lee"),
                    span=Span(start=start, end=start + len("a quotation 3")),
                ),
            ),
        )
        for n in range(count)
    ]


def _floor(documents: list[bytes]) -> None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    for document in documents:
        etree.tostring(etree.fromstring(document, parser))


def _read(documents: list[bytes]) -> None:
    for document in documents:
        newsmlg2.read(document)


def _write(articles: list[Article]) -> None:
    for article in articles:
        newsmlg2.dumps(article, version_created=WRITTEN_AT)


def report(name: str, count: int, ours: float, floor: float) -> None:
    print(
        f"{name:<34} {count / ours:>10,.0f} items/s   floor {count / floor:>10,.0f} items/s"
        f"   ratio {ours / floor:5.2f}x"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--articles", type=int, default=1_000)
    args = parser.parse_args()

    articles = generated_articles(args.articles)
    documents = [newsmlg2.dumps(a, version_created=WRITTEN_AT).encode() for a in articles]
    sets = [("generated", articles, documents)]
    if CORPUS.is_dir():
        corpus = corpus_items()
        sets.append(("corpus text items", [newsmlg2.loads(d) for d in corpus], corpus))
    else:
        print(f"({CORPUS} is absent: generated articles only)", file=sys.stderr)

    print(f"NewsML-G2, best of {args.rounds} rounds")
    print("floor: lxml parses and serialises the same bytes")
    for label, items, docs in sets:
        floor_time = best(args.rounds, partial(_floor, docs))
        read_time = best(args.rounds, partial(_read, docs))
        write_time = best(args.rounds, partial(_write, items))
        report(f"read  ({label}, {len(docs)})", len(docs), read_time, floor_time)
        report(f"write ({label}, {len(items)})", len(items), write_time, floor_time)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
