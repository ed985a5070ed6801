"""
newsmodel's steps as Apache Beam transforms, for archives that outgrow one machine.

A pipeline reads the items of many files, converts or validates each one
alone, and writes the results; any Beam runner runs it (Dataflow, Flink,
Spark, or locally)::

    items, unreadable = pipeline | ReadItems("gs://archive/2006/*.xml")
    articles, refused = items | Convert(to=Format.NINJS)
    articles | WriteArticles("gs://out/articles", Format.NINJS)
    (unreadable, refused) | beam.Flatten() | WriteDeadLetters("gs://out/refused")

Every step reads and writes with the library's own readers and writers, so a
pipeline gives exactly the articles ``newsmodel convert`` gives.  Nothing is
dropped silently: whatever cannot be read, converted or validated goes to the
step's second output as a :class:`DeadLetter` saying why, and the metrics
counters (namespace ``newsmodel``) count what each step did.

This package needs the ``beam`` extra (``pip install 'newsmodel-kit[beam]'``); no
other part of newsmodel imports it.
"""

from __future__ import annotations

import io
import json
from itertools import chain, islice
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.filesystems import FileSystems
from apache_beam.metrics.metric import Metrics
from apache_beam.pvalue import PBegin, PCollection
from attrs import frozen

from newsmodel._lowlevel import json as strict_json
from newsmodel.conversion import Reading
from newsmodel.errors import NewsmodelError, ParseError, TooLargeError
from newsmodel.formats import Format, detect, info, newsml_g2
from newsmodel.formats import json as native_json
from newsmodel.limits import DEFAULT_MAX_BYTES
from newsmodel.validation import validate

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import IO


__all__ = [
    "NAMESPACE",
    "Convert",
    "DeadLetter",
    "ReadItems",
    "Record",
    "Validate",
    "WriteArticles",
    "WriteDeadLetters",
]

#: The namespace of the metrics counters: ``items_read``, ``articles_converted``,
#: ``items_valid``, ``refused`` (dead letters) and ``fields_lost``.
NAMESPACE = "newsmodel"
_DEAD = "dead_letters"
_MAIN = "main"
# Formats that hold several articles in one document, and how to split them.
_SPLITTERS: dict[Format, Callable[[IO[bytes]], Iterator[tuple[int, bytes]]]] = {
    Format.NEWSML_G2: newsml_g2.iter_documents,
}
# Formats written as JSON: a pipeline writes them as JSON Lines, and reads them so too.
_JSON_FAMILY = frozenset({Format.JSON, Format.JSONLD, Format.NINJS, Format.NINJS2, Format.NINJS3})
_HEAD = 4096  # bytes: enough to tell the format of a file too large to read whole


@frozen(kw_only=True)
class Record:
    """
    One item of a source, as a document of its own: what flows between steps.

    Attributes:
        source: The file it came from, as the file system names it.
        item: Its number in the source, counting from 1, when the source
            holds several; empty when it is the whole source.
        line: The line of the source it starts on.
        format: The format of *data*.
        data: The document.
    """

    source: str
    item: str
    line: int
    format: Format
    data: bytes


@frozen(kw_only=True)
class DeadLetter:
    """
    An item a step could not take, and why.

    Attributes:
        source: The file it came from.
        item: Its number in the source, or empty for the whole source.
        stage: The step that refused it: ``read``, ``convert`` or ``validate``.
        error: Why, on one line.
    """

    source: str
    item: str
    stage: str
    error: str

    def to_json(self) -> str:
        """
        This dead letter as one line of JSON, the form dead-letter files hold.
        """
        fields = {"source": self.source, "item": self.item, "stage": self.stage}
        return json.dumps({**fields, "error": self.error}, ensure_ascii=False)


def _refusal(record: Record, item: str, stage: str, error: Exception | str) -> DeadLetter:
    """A dead letter for *record*, naming where in the source the item starts."""
    reason = str(error)
    if record.line > 1:
        reason = f"in the item from line {record.line}: {reason}"
    return DeadLetter(source=record.source, item=item, stage=stage, error=reason)


def _read_failure(source: str, error: NewsmodelError | OSError) -> DeadLetter:
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return DeadLetter(source=source, item="", stage="read", error=reason)


class _SplitItems(beam.DoFn):
    """Read one file and split it into items, within the size limit."""

    def __init__(self, forced: Format | None, max_bytes: int) -> None:
        super().__init__()
        self.forced = forced
        self.max_bytes = max_bytes
        self.read = Metrics.counter(NAMESPACE, "items_read")
        self.refused = Metrics.counter(NAMESPACE, "refused")

    def process(self, file: fileio.ReadableFile) -> Iterator[Any]:
        """Yield the file's records, then a dead letter if part of it is unreadable."""
        source = file.metadata.path
        try:
            with file.open(mime_type="application/octet-stream") as stream:
                data = stream.read(self.max_bytes + 1)
            if len(data) <= self.max_bytes:
                records = self._split(source, data)
            else:
                records = self._stream(file, data[:_HEAD])
            for record in records:
                if isinstance(record, DeadLetter):
                    self.refused.inc()
                    yield beam.pvalue.TaggedOutput(_DEAD, record)
                else:
                    self.read.inc()
                    yield record
        except (NewsmodelError, OSError) as error:
            self.refused.inc()
            yield beam.pvalue.TaggedOutput(_DEAD, _read_failure(source, error))

    def _split(self, source: str, data: bytes) -> Iterator[Record | DeadLetter]:
        """The records of a file read whole: its format is told as the CLI tells it."""
        found = self.forced or detect(data, source)
        if found in _SPLITTERS:
            documents = _SPLITTERS[found](io.BytesIO(data))
            head = list(islice(documents, 2))
            if len(head) <= 1:  # one item: the file is its document, and errors say its lines
                yield Record(source=source, item="", line=1, format=found, data=data)
            else:
                yield from self._items(source, found, chain(head, documents))
            return
        lines = native_json.json_lines(data) if found in _JSON_FAMILY else None
        if lines is None:
            yield Record(source=source, item="", line=1, format=found, data=data)
            return
        yield from self._items(source, found, ((n, line.encode()) for n, line in lines))

    def _stream(self, file: fileio.ReadableFile, head: bytes) -> Iterator[Record | DeadLetter]:
        """
        The records of a file too large to read whole, as they stream past.

        Only a file of many items can be read so: a NewsML-G2 message, or JSON Lines.
        """
        source = file.metadata.path
        found = self.forced or detect(head, source)
        with file.open(mime_type="application/octet-stream") as stream:
            if found in _SPLITTERS:
                yield from self._items(source, found, _SPLITTERS[found](stream))
            elif found in _JSON_FAMILY and head.lstrip().startswith(b"{"):
                yield from self._items(source, found, self._json_lines(stream, file))
            else:
                raise TooLargeError(file.metadata.size_in_bytes, self.max_bytes)

    def _json_lines(
        self, stream: IO[bytes], file: fileio.ReadableFile
    ) -> Iterator[tuple[int, bytes]]:
        """
        The numbered lines of a JSON Lines file, as they stream past.

        A file whose first line is not a JSON document of its own is one large
        document (indented JSON, say) rather than JSON Lines, and is too large.
        A line is read only to one byte past the limit, which refuses it.
        """
        lines = ((n, line) for n, line in self._bounded_lines(stream) if line.strip())
        first = next(lines, None)
        if first is None:
            return
        try:
            strict_json.parse(first[1][: self.max_bytes + 1])
        except ParseError:
            raise TooLargeError(file.metadata.size_in_bytes, self.max_bytes) from None
        yield first
        yield from lines

    def _bounded_lines(self, stream: IO[bytes]) -> Iterator[tuple[int, bytes]]:
        """Number the lines, each cut one byte past the limit, skipping what is past it."""
        number = 0
        while line := stream.readline(self.max_bytes + 1):
            number += 1
            if not line.endswith(b"\n"):  # cut, or the last line
                while (rest := stream.readline(self.max_bytes + 1)) and not rest.endswith(b"\n"):
                    pass
            yield number, line.rstrip(b"\r\n")

    def _items(
        self, source: str, found: Format, documents: Iterable[tuple[int, bytes]]
    ) -> Iterator[Record | DeadLetter]:
        """Number the documents of a file; each JSON line's format is told from itself."""
        for number, (line, data) in enumerate(documents, start=1):
            if len(data) > self.max_bytes:
                error = TooLargeError(len(data), self.max_bytes)
                yield DeadLetter(source=source, item=str(number), stage="read", error=str(error))
                continue
            told = detect(data, source) if found in _JSON_FAMILY and not self.forced else found
            yield Record(source=source, item=str(number), line=line, format=told, data=data)


class ReadItems(beam.PTransform[PBegin, tuple[PCollection[Record], PCollection[DeadLetter]]]):
    """
    Read the items of the files a pattern matches, each as a :class:`Record`.

    Any file system Beam knows will do (local, ``gs://``, ``s3://``), and
    compressed files (``.gz``, ``.bz2``, ...) are read through.  The files
    are spread over the workers.  A NewsML-G2 ``newsMessage`` and a JSON
    Lines file give one record per item (a ``beam.Reshuffle()`` after this
    step spreads the items of a few large files too); a file too large to
    read whole (``max_bytes``) is streamed when it is one of these, and each
    of its items must then keep to the limit.  The format is told from each file's
    content and name, as ``newsmodel convert`` tells it, unless *format* says.

    Returns:
        The records, and the dead letters of files that cannot be read.
    """

    def __init__(
        self,
        file_pattern: str,
        format: Format | None = None,  # noqa: A002 - the library's name for it
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        super().__init__()
        self.file_pattern = file_pattern
        self.format = format
        self.max_bytes = max_bytes

    def expand(self, begin: PBegin) -> tuple[PCollection[Record], PCollection[DeadLetter]]:
        """Match, spread the files over the workers, and split each into items."""
        split = (
            begin
            | "Match" >> fileio.MatchFiles(self.file_pattern)
            | "Spread files" >> beam.Reshuffle()
            | "Open" >> fileio.ReadMatches()
            | "Split"
            >> beam.ParDo(_SplitItems(self.format, self.max_bytes)).with_outputs(_DEAD, main=_MAIN)
        )
        return split[_MAIN], split[_DEAD]


class _ConvertFn(beam.DoFn):
    """Read one record with its format's reader and write it with the target's writer."""

    def __init__(self, target: Format, strict: bool) -> None:
        super().__init__()
        self.target = target
        self.strict = strict
        self.converted = Metrics.counter(NAMESPACE, "articles_converted")
        self.refused = Metrics.counter(NAMESPACE, "refused")
        self.lost = Metrics.counter(NAMESPACE, "fields_lost")

    def process(self, record: Record) -> Iterator[Any]:
        """Yield the record's articles in the target format, and dead letters for the rest."""
        try:
            items = list(info(record.format).codec().read_items(record.data))
        except NewsmodelError as error:
            self.refused.inc()
            yield beam.pvalue.TaggedOutput(_DEAD, _refusal(record, record.item, "read", error))
            return
        for number, item in enumerate(items, start=1):
            label = _sub_item(record.item, number, len(items))
            if not isinstance(item, Reading):
                self.refused.inc()
                dead = _refusal(record, label, "read", item.error())
                yield beam.pvalue.TaggedOutput(_DEAD, dead)
                continue
            outcome = self._write(record, label, item)
            if isinstance(outcome, DeadLetter):
                self.refused.inc()
                yield beam.pvalue.TaggedOutput(_DEAD, outcome)
            else:
                self.converted.inc()
                yield outcome

    def _write(self, record: Record, label: str, reading: Reading) -> Record | DeadLetter:
        try:
            writing = info(self.target).codec().write(reading.article)
        except NewsmodelError as error:
            return _refusal(record, label, "convert", error)
        losses = (*reading.losses, *writing.losses)
        self.lost.inc(len(losses))
        if self.strict and losses:
            lost = "; ".join(str(loss) for loss in losses)
            return _refusal(record, label, "convert", f"would lose data (strict): {lost}")
        text = writing.text.encode()
        return Record(source=record.source, item=label, line=1, format=self.target, data=text)


def _sub_item(item: str, number: int, total: int) -> str:
    """The number of an article among those one record holds (a JSON array, a page)."""
    if total == 1:
        return item
    return f"{item}.{number}" if item else str(number)


class Convert(
    beam.PTransform[PCollection[Record], tuple[PCollection[Record], PCollection[DeadLetter]]]
):
    """
    Convert each record to *to*, as ``newsmodel convert --to`` does.

    Each record gives its articles (usually one) as records of format *to*;
    an item that is not an article, cannot be read, or (with *strict*) would
    lose data goes to the dead letters.  The ``fields_lost`` counter counts
    what the readings and writings could not keep.

    Returns:
        The converted records, and the dead letters.
    """

    def __init__(self, to: Format, *, strict: bool = False) -> None:
        super().__init__()
        self.to = to
        self.strict = strict

    def expand(
        self, records: PCollection[Record]
    ) -> tuple[PCollection[Record], PCollection[DeadLetter]]:
        """Convert each record alone."""
        converted = records | "Convert" >> beam.ParDo(
            _ConvertFn(self.to, self.strict)
        ).with_outputs(_DEAD, main=_MAIN)
        return converted[_MAIN], converted[_DEAD]


class _ValidateFn(beam.DoFn):
    """Validate one record against the bundled schema of its format."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__()
        self.max_bytes = max_bytes
        self.valid = Metrics.counter(NAMESPACE, "items_valid")
        self.refused = Metrics.counter(NAMESPACE, "refused")

    def process(self, record: Record) -> Iterator[Any]:
        """Yield the record if it is valid, or a dead letter with every error."""
        report = validate(record.data, record.format, max_bytes=self.max_bytes)
        if report.ok:
            self.valid.inc()
            yield record
            return
        self.refused.inc()
        errors = "; ".join(str(issue) for issue in report.errors)
        yield beam.pvalue.TaggedOutput(_DEAD, _refusal(record, record.item, "validate", errors))


class Validate(
    beam.PTransform[PCollection[Record], tuple[PCollection[Record], PCollection[DeadLetter]]]
):
    """
    Validate each record, as ``newsmodel validate`` validates a file.

    Returns:
        The valid records, and a dead letter for each invalid one naming all
        its errors.
    """

    def __init__(self, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__()
        self.max_bytes = max_bytes

    def expand(
        self, records: PCollection[Record]
    ) -> tuple[PCollection[Record], PCollection[DeadLetter]]:
        """Validate each record alone."""
        checked = records | "Validate" >> beam.ParDo(_ValidateFn(self.max_bytes)).with_outputs(
            _DEAD, main=_MAIN
        )
        return checked[_MAIN], checked[_DEAD]


def _one_line(record: Record) -> str:
    """A JSON document on one line, for JSON Lines."""
    return json.dumps(json.loads(record.data), ensure_ascii=False)


class _WriteEach(beam.DoFn):
    """Write each record to a file of its own, named after its source and number."""

    def __init__(self, prefix: str, extension: str) -> None:
        super().__init__()
        self.prefix = prefix
        self.extension = extension

    def process(self, record: Record) -> Iterator[str]:
        """Write the record and yield the name of its file."""
        stem = PurePosixPath(record.source.replace("\\", "/")).stem
        name = f"{self.prefix}-{stem}{f'-{record.item}' if record.item else ''}{self.extension}"
        with FileSystems.create(name, mime_type="application/octet-stream") as stream:
            stream.write(record.data)
        yield name


class WriteArticles(beam.PTransform[PCollection[Record], PCollection[str]]):
    """
    Write converted records under a file prefix.

    A JSON format is written as sharded JSON Lines, one document a line
    (``PREFIX-00000-of-00004.jsonl``); an XML format one file per item,
    ``PREFIX-STEM.xml``, or ``PREFIX-STEM-N.xml`` for the N-th item of a source.

    Returns:
        The names of the files written.
    """

    def __init__(self, prefix: str, format: Format) -> None:  # noqa: A002
        super().__init__()
        self.prefix = prefix
        self.format = format

    def expand(self, records: PCollection[Record]) -> PCollection[str]:
        """Write the records in the form their format suits."""
        if self.format in _JSON_FAMILY:
            return (
                records
                | "One line each" >> beam.Map(_one_line)
                | "Write shards" >> beam.io.WriteToText(self.prefix, file_name_suffix=".jsonl")
            )
        extension = info(self.format).extensions[0]
        return records | "Write files" >> beam.ParDo(_WriteEach(self.prefix, extension))


class WriteDeadLetters(beam.PTransform[PCollection[DeadLetter], PCollection[str]]):
    """
    Write dead letters as sharded JSON Lines under a file prefix.

    Returns:
        The names of the files written.
    """

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix

    def expand(self, letters: PCollection[DeadLetter]) -> PCollection[str]:
        """One JSON line per dead letter."""
        return (
            letters
            | "As JSON" >> beam.Map(DeadLetter.to_json)
            | "Write shards" >> beam.io.WriteToText(self.prefix, file_name_suffix=".jsonl")
        )
