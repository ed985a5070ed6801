"""
Every benchmark in one run, as one table of ratios.

    .venv/bin/python bench/run.py [--articles N] [--rounds N] [--stream-items N]

For each format newsmodel writes, on the shared corpus's documents (when
../shared is there) and on N generated articles: reading, writing and
validating with the bundled schema (native JSON and ninjs also with
jsonschema alone, as without the ``fast`` extra; ninjs also on the corpus's
articles written as ninjs, as native JSON is), in articles per second,
next to the floor any Python converter pays on the same bytes (lxml parse + serialise
for XML, json loads + dumps for JSON) measured in this run, and the ratio.
Then the peers that install here, on the same documents (IPTC's
``newsmlg2`` package, ``extruct``, plain ``jsonschema``), the peak memory of
streaming a newsMessage and a JSON Lines file of many items, and the
start-up of ``newsmodel --version`` next to ``python -c "import lxml.etree"``.
Absolute times on a shared machine are noise; the ratios travel.  The peers
come from the ``bench`` dependency group (``pip install --group bench``) and
are left out, with a note, where they are missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from contextlib import contextmanager, nullcontext
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from common import WRITTEN_AT, best, generated_articles, paired, timed
from jsonschema import Draft202012Validator
from lxml import etree

from newsmodel import validation
from newsmodel.conversion import Reading
from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format, info, newsml_g2
from newsmodel.formats import html as htmlpage
from newsmodel.validation import bundled
from newsmodel.validation.engines import ENGINES

if TYPE_CHECKING:
    from collections.abc import Iterator

    from newsmodel.model import Article
    from newsmodel.validation.engines import Checker

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
#: The formats measured, and the corpus folder and files of each.
MEASURED = {
    Format.JSON: None,  # no native corpus: the other corpora's articles, written natively
    Format.NEWSML_G2: ("newsml-g2", "*.xml"),
    Format.JSONLD: ("jsonld", "*.jsonld"),
    Format.NINJS: ("ninjs", "*.json"),
}

#: One set of documents in a format and the articles they hold.
Set = tuple[list[bytes], list["Article"]]


class Table:
    """The lines printed, gathered as the run goes."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def section(self, title: str) -> None:
        self.lines += ["", title]
        print(title, file=sys.stderr)  # progress: the table comes at the end

    def ratio(self, label: str, count: int, ours: float, floor: float) -> None:
        self.lines.append(
            f"  {label:<40} {count / ours:>9,.0f}/s   floor {count / floor:>9,.0f}/s"
            f"   {ours / floor:6.1f}x"
        )

    def note(self, text: str) -> None:
        self.lines.append(f"  {text}")

    def show(self) -> None:
        print("\n".join(self.lines))


def floor(format_: Format, documents: list[bytes]) -> None:
    """What any Python converter pays: parse and serialise the bytes."""
    if format_ is Format.NEWSML_G2:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        for document in documents:
            etree.tostring(etree.fromstring(document, parser))
    else:
        for document in documents:
            json.dumps(json.loads(document))


def read(format_: Format, documents: list[bytes]) -> None:
    codec = info(format_).codec()
    for document in documents:
        for _ in codec.read_items(document):
            pass


def write(format_: Format, articles: list[Article]) -> None:
    codec = info(format_).codec()
    for article in articles:
        codec.write(article)


def validate(format_: Format, documents: list[bytes]) -> None:
    for document in documents:
        validation.validate(document, format_)


def written(format_: Format, articles: list[Article]) -> list[bytes]:
    """The articles as documents of the format."""
    if format_ is Format.NEWSML_G2:
        return [newsml_g2.dumps(a, version_created=WRITTEN_AT).encode() for a in articles]
    return [info(format_).codec().write(article).text.encode() for article in articles]


def corpus_sets() -> dict[Format, Set]:
    """Each format's corpus documents that hold an article, and their articles."""
    sets: dict[Format, Set] = {}
    for format_, place in MEASURED.items():
        if place is None:
            continue
        documents, articles = [], []
        for path in sorted((CORPUS / place[0]).glob(place[1])):
            data = path.read_bytes()
            try:
                items = list(info(format_).codec().read_items(data))
            except NewsmodelError:
                continue  # the corpus's malformed examples
            found = [item.article for item in items if isinstance(item, Reading)]
            if found:
                documents.append(data)
                articles += found
        sets[format_] = (documents, articles)
    everything = [article for _, articles in sets.values() for article in articles]
    return {Format.JSON: (written(Format.JSON, everything), everything), **sets}


def generated_sets(count: int) -> dict[Format, Set]:
    articles = generated_articles(count)
    return {format_: (written(format_, articles), articles) for format_ in MEASURED}


def conversions(table: Table, label: str, sets: dict[Format, Set], rounds: int) -> None:
    """Read, write and validate each format's set, each next to its floor."""
    table.section(
        f"{label}: articles per second, best of {rounds}; floor on the same bytes, timed in turn"
    )
    for format_, (documents, articles) in sets.items():
        count = len(articles)
        own = written(format_, articles)
        read_floor = partial(floor, format_, documents)
        name = format_.value
        table.ratio(
            f"{name} read", count, *paired(rounds, partial(read, format_, documents), read_floor)
        )
        table.ratio(
            f"{name} write",
            count,
            *paired(rounds, partial(write, format_, articles), partial(floor, format_, own)),
        )
        ours = partial(validate, format_, documents)
        table.ratio(f"{name} validate", count, *paired(rounds, ours, read_floor))


def without_fast(table: Table, label: str, sets: dict[Format, Set], rounds: int) -> None:
    """Validation as without the ``fast`` extra: jsonschema alone, next to the same floor."""
    table.section(f"{label}: validation without [fast] (jsonschema alone), best of {rounds}")
    with _jsonschema_alone():
        for format_ in (Format.JSON, Format.NINJS):
            documents, articles = sets[format_]
            ours = partial(validate, format_, documents)
            floor_ = partial(floor, format_, documents)
            table.ratio(f"{format_.value} validate", len(articles), *paired(rounds, ours, floor_))


def corpus_articles_as_ninjs(table: Table, corpus: dict[Format, Set], rounds: int) -> None:
    """
    ninjs validation on the corpus's articles written as ninjs, as native JSON's are measured.

    Half of the corpus's own ninjs files are refused by their official
    schema, and listing their errors is most of their time; these documents
    are the same articles, each valid.
    """
    articles = corpus[Format.JSON][1]
    documents = written(Format.NINJS, articles)
    table.section(f"the corpus's articles written as ninjs: validation, best of {rounds}")
    for label, engines in (("", nullcontext()), (" without [fast]", _jsonschema_alone())):
        with engines:
            ours = partial(validate, Format.NINJS, documents)
            floor_ = partial(floor, Format.NINJS, documents)
            table.ratio(f"ninjs validate{label}", len(articles), *paired(rounds, ours, floor_))


@contextmanager
def _jsonschema_alone() -> Iterator[None]:
    """jsonschema-rs hidden from the import system, as if not installed, and no checker kept."""
    saved = sys.modules.get("jsonschema_rs")
    sys.modules["jsonschema_rs"] = None  # type: ignore[assignment] # how Python marks "not there"
    bundled.profile_checker.cache_clear()
    bundled.ninjs_checker.cache_clear()
    try:
        yield
    finally:
        if saved is None:
            del sys.modules["jsonschema_rs"]
        else:
            sys.modules["jsonschema_rs"] = saved
        bundled.profile_checker.cache_clear()
        bundled.ninjs_checker.cache_clear()


def standards(table: Table, label: str, sets: dict[Format, Set], rounds: int) -> None:
    """
    The standards' verdict alone, per item: NewsML-G2 by the 2.35 XSD, ninjs by its schema.

    Next to the floor of parsing the same bytes, and, for ninjs, with each
    JSON Schema engine (jsonschema-rs is used when installed).
    """
    table.section(f"{label}: the standards' verdict, items per second, best of {rounds}")
    for format_ in (Format.NEWSML_G2, Format.NINJS):
        documents = sets[format_][0]
        count = sum(_items_in(format_, document) for document in documents)
        ours = best(rounds, partial(validate, format_, documents))
        floor_time = _parse_floor(documents, rounds)
        table.ratio(f"{format_.value} official verdict", count, ours, floor_time)
    documents = [json.loads(document) for document in sets[Format.NINJS][0]]
    for engine in ENGINES:
        if engine == "rust" and importlib.util.find_spec("jsonschema_rs") is None:
            table.note("jsonschema-rs is not installed: pip install newsmodel[fast]")
            continue
        checker = bundled.ninjs_checker("3.2", engine)
        took = best(rounds, partial(_check_all, checker, documents))
        table.note(f"ninjs 3.2 schema alone, {engine:<6} {len(documents) / took:>12,.0f}/s")


def _check_all(checker: Checker, documents: list[Any]) -> None:
    for document in documents:
        checker.findings(document)


def _items_in(format_: Format, document: bytes) -> int:
    if format_ is not Format.NEWSML_G2 or b"<newsMessage" not in document:
        return 1
    return len(etree.fromstring(document).findall("{*}itemSet/*"))


def _parse_floor(documents: list[bytes], rounds: int) -> float:
    """Parsing alone: what any check of these bytes pays first."""
    if documents[0].lstrip()[:1] == b"<":
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        return best(rounds, lambda: [etree.fromstring(d, parser) for d in documents])
    return best(rounds, lambda: [json.loads(d) for d in documents])


def peers(
    table: Table, corpus: dict[Format, Set], generated: dict[Format, Set], rounds: int
) -> None:
    """The same work by the libraries people use today, where they install."""
    table.section(f"peers on the same documents: per second, best of {rounds}")
    newsml = _peer("NewsMLG2", table)
    if newsml is not None:
        documents, articles = generated[Format.NEWSML_G2]
        _newsml_peer(table, newsml, documents[:500], articles[:500], rounds)
    extruct = _peer("extruct", table)
    pages = [_page(document) for document in corpus.get(Format.JSONLD, ([], []))[0]]
    if extruct is not None and pages:
        _extruct_peer(table, extruct, pages, rounds)
    _jsonschema_peer(table, generated[Format.JSON][0][:2000], rounds)


def _peer(name: str, table: Table) -> Any:
    if importlib.util.find_spec(name) is None:
        table.note(f"{name} is not installed: pip install --group bench")
        return None
    return importlib.import_module(name)


def _newsml_peer(
    table: Table, newsml: Any, documents: list[bytes], articles: list[Article], rounds: int
) -> None:
    """IPTC's own NewsML-G2 package: parse each item into its objects and write it back."""

    def theirs() -> None:
        for document in documents:
            newsml.NewsMLG2Document(filename_or_string=document).to_xml_string()

    def ours() -> None:
        read(Format.NEWSML_G2, documents)
        write(Format.NEWSML_G2, articles)

    label = "NewsMLG2 1.1, G2 read + write"
    _versus(table, label, len(documents), best(rounds, theirs), best(rounds, ours))


def _extruct_peer(table: Table, extruct: Any, pages: list[bytes], rounds: int) -> None:
    """extruct finds the JSON-LD of a page; newsmodel also reads it into an article."""

    def theirs() -> None:
        for page in pages:
            extruct.extract(page, syntaxes=["json-ld"], uniform=False)

    def ours() -> None:
        for page in pages:
            htmlpage.read(page)

    label = "extruct 0.18, the JSON-LD of pages"
    _versus(table, label, len(pages), best(rounds, theirs), best(rounds, ours))


def _jsonschema_peer(table: Table, documents: list[bytes], rounds: int) -> None:
    """Plain jsonschema with the bundled schema, against newsmodel's whole validation."""
    checker = Draft202012Validator(
        validation.schema(Format.JSON), format_checker=Draft202012Validator.FORMAT_CHECKER
    )

    def theirs() -> None:
        for document in documents:
            list(checker.iter_errors(json.loads(document)))

    ours = best(rounds, partial(validate, Format.JSON, documents))
    label = "jsonschema, native JSON's schema"
    _versus(table, label, len(documents), best(rounds, theirs), ours)


def _versus(table: Table, label: str, count: int, theirs: float, ours: float) -> None:
    table.note(
        f"{label:<40} {count / theirs:>9,.0f}/s   newsmodel {count / ours:>9,.0f}/s"
        f"   newsmodel takes {ours / theirs:.2f}x their time"
    )


def _page(document: bytes) -> bytes:
    """A minimal HTML page around a JSON-LD document."""
    return b"".join(
        [
            b'<!doctype html><html><head><title>t</title><script type="application/ld+json">',
            document,
            b"</script></head><body><p>Text.</p></body></html>",
        ]
    )


_FIRST = "urn:newsmodel:bench:0"  # the generated article's id, made unique per item
_STREAM = """
import sys
from newsmodel.formats import json as native_json
from newsmodel.formats import newsml_g2
read = newsml_g2.iter_items if sys.argv[1] == "g2" else native_json.iter_lines
with open(sys.argv[2], "rb") as source:
    count = sum(1 for _ in read(source))
peak = next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]
print(count, int(peak) // 1024)
"""


def streaming(table: Table, items: int) -> None:
    """Peak memory of reading a newsMessage and a JSON Lines file of many items."""
    table.section(f"streaming {items:,} items: peak memory of the whole process (VmHWM)")
    article = generated_articles(1)[0]
    item = newsml_g2.dumps(article, version_created=WRITTEN_AT)
    line = json.dumps(json.loads(info(Format.JSON).codec().write(article).text))
    with tempfile.TemporaryDirectory() as folder:
        message = Path(folder) / "message.xml"
        with message.open("w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
            out.write('<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header>')
            out.write("<sent>2026-01-01T00:00:00Z</sent></header><itemSet>")
            for number in range(items):
                out.write(item.replace(_FIRST, f"urn:newsmodel:bench:{number}"))
            out.write("</itemSet></newsMessage>\n")
        lines = Path(folder) / "articles.jsonl"
        with lines.open("w", encoding="utf-8") as out:
            for number in range(items):
                out.write(line.replace(_FIRST, f"urn:newsmodel:bench:{number}") + "\n")
        for label, kind, path in (("newsMessage", "g2", message), ("JSON Lines", "jsonl", lines)):
            done = subprocess.run(
                [sys.executable, "-c", _STREAM, kind, str(path)],
                check=True,
                capture_output=True,
                text=True,
            )
            count, peak = done.stdout.split()
            size = path.stat().st_size / 2**20
            table.note(f"{label:<12} {size:7,.0f} MiB, {int(count):,} items read: peak {peak} MiB")


def start_up(table: Table, rounds: int) -> None:
    table.section(f"start-up, best of {rounds} runs")
    ours = timed([sys.executable, "-m", "newsmodel", "--version"], rounds)
    lxml_import = timed([sys.executable, "-c", "import lxml.etree"], rounds)
    table.note(f"newsmodel --version            {ours * 1000:6.1f} ms")
    table.note(f"python -c 'import lxml.etree'  {lxml_import * 1000:6.1f} ms")
    table.note(f"ratio                          {ours / lxml_import:6.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].strip())
    parser.add_argument("--articles", type=int, default=10_000, help="generated articles")
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds; the best is kept")
    parser.add_argument("--stream-items", type=int, default=100_000, help="items to stream")
    args = parser.parse_args()

    table = Table()
    print(f"Python {sys.version.split()[0]}, lxml {etree.__version__}", file=sys.stderr)
    corpus = corpus_sets() if CORPUS.is_dir() else {}
    if corpus:
        conversions(table, "corpus documents", corpus, args.rounds)
    else:
        table.note(f"({CORPUS} is absent: generated articles only)")
    generated = generated_sets(args.articles)
    conversions(table, f"{args.articles:,} generated articles", generated, max(1, args.rounds - 2))
    if corpus:
        without_fast(table, "corpus documents", corpus, args.rounds)
    without_fast(table, f"{args.articles:,} generated articles", generated, max(1, args.rounds - 2))
    if corpus:
        corpus_articles_as_ninjs(table, corpus, args.rounds)
        standards(table, "corpus documents", corpus, args.rounds)
    standards(table, f"{args.articles:,} generated articles", generated, args.rounds)
    peers(table, corpus, generated, args.rounds)
    streaming(table, args.stream_items)
    start_up(table, args.rounds * 4)
    table.show()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
