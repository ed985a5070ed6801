"""
Benchmark JSON-LD reading and writing against the json floor.

    .venv/bin/python bench/jsonld.py [--rounds N]

For the pages of the shared corpus (when ../shared is there) and for a set of
generated articles, it prints articles per second for newsmodel's JSON-LD
reader and writer, and for plain ``json.loads`` + ``json.dumps`` of the same
documents, with the ratio.  Times are the best of several rounds, all in this
one run.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from common import arguments, compare, generated_articles

from newsmodel import jsonld

if TYPE_CHECKING:
    from newsmodel.model import Article

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "jsonld"


def _floor(documents: list[bytes]) -> None:
    for document in documents:
        json.dumps(json.loads(document))


def _read(documents: list[bytes]) -> None:
    for document in documents:
        jsonld.read(document)


def _write(articles: list[Article]) -> None:
    for article in articles:
        jsonld.write(article)


def main() -> int:
    args = arguments(__doc__.splitlines()[1])

    articles = generated_articles(args.articles)
    documents = [jsonld.dumps(a).encode() for a in articles]
    sets = [("generated", articles, documents)]
    if CORPUS.is_dir():
        pages = [
            p.read_bytes() for p in sorted(CORPUS.glob("*.jsonld")) if "MALFORMED" not in p.name
        ]
        sets.append(("corpus pages", [jsonld.loads(p) for p in pages], pages))
    else:
        print(f"({CORPUS} is absent: generated articles only)", file=sys.stderr)

    print(f"JSON-LD, best of {args.rounds} rounds")
    print("floor: json.loads and json.dumps of the same documents")
    compare(sets, args.rounds, _floor, _read, _write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
