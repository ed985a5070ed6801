"""
Benchmark NewsML-G2 reading and writing against the lxml floor.

    .venv/bin/python bench/newsmlg2.py [--rounds N]

For the text items of the shared corpus (when ../shared is there) and for a
set of generated articles, it prints items per second for newsmodel's reader
and writer, and for plain lxml parsing and serialising the same bytes, with
the ratio.  Times are the best of several rounds, all in this one run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from common import WRITTEN_AT, arguments, compare, generated_articles
from lxml import etree

from newsmodel import newsmlg2
from newsmodel.conversion import Reading

if TYPE_CHECKING:
    from newsmodel.model import Article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "newsml-g2"


def corpus_items() -> list[bytes]:
    """Each text item of the corpus as its own document."""
    readings = [
        item
        for path in sorted(CORPUS.glob("*.xml"))
        for item in newsmlg2.read_items(path.read_bytes())
        if isinstance(item, Reading)
    ]
    return [newsmlg2.dumps(r.article, version_created=WRITTEN_AT).encode() for r in readings]


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


def main() -> int:
    args = arguments(__doc__.splitlines()[1])

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
    compare(sets, args.rounds, _floor, _read, _write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
