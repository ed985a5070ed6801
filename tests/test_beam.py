"""
The Apache Beam transforms and command, on Beam's own local runner.

Beam is an optional extra; CI installs it, so there a missing Beam fails
these tests instead of skipping them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

try:
    import apache_beam as beam
except ImportError:  # pragma: no cover - only without the extra
    if os.environ.get("CI") == "true":
        pytest.fail(
            f"apache-beam is not installed on Python {sys.version.split()[0]}: "
            "scripts/setup installs the beam extra, and CI must run these tests",
            pytrace=False,
        )
    pytest.skip("needs the beam extra: pip install 'newsmodel-kit[beam]'", allow_module_level=True)

from apache_beam.metrics.metric import MetricsFilter
from apache_beam.testing import test_pipeline
from apache_beam.testing.util import assert_that, equal_to, is_empty
from apache_beam.transforms.combiners import Count

from conftest import ROOT, SEED_JSON, run
from newsmodel.beam import (
    NAMESPACE,
    Convert,
    DeadLetter,
    ReadItems,
    Validate,
    WriteArticles,
    WriteDeadLetters,
)
from newsmodel.beam.__main__ import main as validate_command
from newsmodel.formats import Format, newsml_g2
from newsmodel.formats import json as native_json

if TYPE_CHECKING:
    from pathlib import Path

    from apache_beam.runners.runner import PipelineResult

HOSTILE = ROOT / "tests" / "hostile"
# The DirectRunner would first try to download the Prism runner; this is what it falls back to.
RUNNER = "FnApiRunner"


def pipeline() -> test_pipeline.TestPipeline:
    return test_pipeline.TestPipeline(runner=RUNNER)


def canonical(document: str | bytes) -> str:
    """A JSON document in one spelling, to compare documents whatever their layout."""
    return json.dumps(json.loads(document), sort_keys=True, ensure_ascii=False)


def cli_articles(capsys: pytest.CaptureFixture[str], files: list[Path], to: str) -> list[str]:
    """What ``newsmodel convert`` gives for each file, one canonical document per article."""
    found = []
    for path in files:
        _, out, _ = run(capsys, "convert", str(path), "--to", to)
        decoder = json.JSONDecoder()
        position = 0
        while out[position:].strip():
            document, position = decoder.raw_decode(out, len(out) - len(out[position:].lstrip()))
            found.append(json.dumps(document, sort_keys=True, ensure_ascii=False))
    return found


def shard_lines(prefix: Path) -> list[str]:
    """The lines of the JSON Lines shards written under *prefix*."""
    shards = prefix.parent.glob(f"{prefix.name}-*-of-*.jsonl")
    return [line for shard in sorted(shards) for line in shard.read_text().splitlines()]


def counters(result: PipelineResult) -> dict[str, int]:
    query = result.metrics().query(MetricsFilter().with_namespace(NAMESPACE))
    totals: dict[str, int] = {}
    for counter in query["counters"]:
        name = counter.key.metric.name
        totals[name] = totals.get(name, 0) + counter.committed
    return totals


def test_corpus_converts_to_the_articles_the_cli_gives(
    shared: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = sorted((shared / "corpus" / "newsml-g2").glob("*.xml"))
    expected = cli_articles(capsys, corpus, "ninjs")
    p = pipeline()
    items, unreadable = p | ReadItems(str(shared / "corpus" / "newsml-g2" / "*.xml"))
    articles, refused = items | Convert(Format.NINJS)
    assert_that(
        articles | "Canonical" >> beam.Map(lambda r: canonical(r.data)),
        equal_to(expected),
        label="same articles as the CLI",
    )
    assert_that(unreadable, is_empty(), label="every file readable")
    valid, invalid = articles | Validate()
    assert_that(invalid, is_empty(), label="every output valid")
    assert_that(valid | Count.Globally(), equal_to([len(expected)]), label="all")
    _ = articles | WriteArticles(str(tmp_path / "articles"), Format.NINJS)
    assert_that(
        refused | "Stages" >> beam.Map(lambda d: d.stage) | beam.Distinct(),
        equal_to(["read"]),  # pictures, packages, items with nothing to read
        label="refused on reading",
    )
    result = p.run()
    result.wait_until_finish()
    written = [canonical(line) for line in shard_lines(tmp_path / "articles")]
    assert sorted(expected) == sorted(written)
    counted = counters(result)
    assert len(expected) == counted["articles_converted"]
    assert counted["items_read"] == counted["articles_converted"] + counted["refused"]
    assert counted["fields_lost"] > 0  # agencies' feeds carry what the model does not hold


def test_hostile_files_land_in_the_dead_letters_with_their_reasons(tmp_path: Path) -> None:
    hostile = sorted(path.name for path in HOSTILE.iterdir())
    p = pipeline()
    items, unreadable = p | ReadItems(str(HOSTILE / "*"))
    articles, refused = items | Convert(Format.NINJS)
    letters = (unreadable, refused) | beam.Flatten()
    assert_that(articles, is_empty(), label="no article")
    assert_that(
        letters | "Sources" >> beam.Map(lambda d: d.source.rpartition("/")[2]),
        equal_to(hostile),
        label="one dead letter per file",
    )

    def reasons_given(found: list[DeadLetter]) -> None:
        for letter in found:
            assert letter.error
            assert "\n" not in letter.error
            assert "Traceback" not in letter.error
        by_name = {letter.source.rpartition("/")[2]: letter for letter in found}
        assert "DOCTYPE is not supported" in by_name["billion-laughs.xml"].error
        assert "expected UTF-8" in by_name["invalid-utf8.json"].error
        assert "read" == by_name["xxe-file.xml"].stage

    assert_that(letters, reasons_given, label="reasons")
    _ = letters | WriteDeadLetters(str(tmp_path / "refused"))
    p.run().wait_until_finish()
    lines = [json.loads(line) for line in shard_lines(tmp_path / "refused")]
    assert hostile == sorted(line["source"].rpartition("/")[2] for line in lines)


def test_an_empty_input_gives_empty_outputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    _, _, cli_error = run(capsys, "convert", str(empty), "--to", "ninjs")
    p = pipeline()
    items, unreadable = p | "Nothing" >> ReadItems(str(tmp_path / "none-*.xml"))
    assert_that(items, is_empty(), label="no items")
    assert_that(unreadable, is_empty(), label="no dead letters")
    one, _ = p | "Empty file" >> ReadItems(str(empty))
    _, refused = one | Convert(Format.NINJS)
    assert_that(
        refused | beam.Map(lambda d: f"{d.source}: {d.error}\n"),
        equal_to([cli_error]),
        label="an empty file is refused as the CLI refuses it",
    )
    p.run().wait_until_finish()


def test_json_lines_too_large_to_read_whole_stream_one_record_a_line(tmp_path: Path) -> None:
    seed = native_json.loads(SEED_JSON.read_bytes())
    line = native_json.dumps(seed, indent=None).strip()
    limit = len(line.encode()) + 10
    too_long = '{"headline": "' + "x" * limit + '"}'
    source = tmp_path / "feed.jsonl"
    source.write_text(f'{line}\n{{"headline": 3}}\n\n{line}\n{too_long}\n{line}')
    p = pipeline()
    items, unreadable = p | ReadItems(str(source), max_bytes=limit)
    articles, refused = items | Convert(Format.JSON)
    assert_that(
        unreadable | "Too long" >> beam.Map(lambda d: (d.item, d.error)),
        equal_to([("4", f"the input is {limit + 1:,} bytes or more, over the limit of {limit:,}")]),
        label="line 5 too long",
    )
    assert_that(
        articles | beam.Map(lambda r: (r.item, canonical(r.data))),
        equal_to([("1", canonical(line)), ("3", canonical(line)), ("5", canonical(line))]),
        label="lines 1, 4 and 6",
    )
    assert_that(
        refused | "Where" >> beam.Map(lambda d: (d.item, d.stage, d.error.split(":")[0])),
        equal_to([("2", "read", "in the item from line 2")]),
        label="line 2 refused",
    )
    p.run().wait_until_finish()


def test_a_document_over_the_limit_is_refused_whole(tmp_path: Path) -> None:
    indented = tmp_path / "big.json"  # its lines are not JSON Lines
    indented.write_bytes(SEED_JSON.read_bytes())
    p = pipeline()
    items, unreadable = p | ReadItems(str(indented), max_bytes=100)
    assert_that(items, is_empty(), label="not read")
    assert_that(
        unreadable | beam.Map(lambda d: (d.item, d.error)),
        equal_to(
            [("", f"the input is {indented.stat().st_size:,} bytes or more, over the limit of 100")]
        ),
        label="too large",
    )
    p.run().wait_until_finish()


def test_strict_refuses_what_would_lose_data(shared: Path) -> None:
    lossy = shared / "corpus" / "newsml-g2" / "reuters__text_benitez.xml"
    p = pipeline()
    items, _ = p | ReadItems(str(lossy))
    articles, refused = items | Convert(Format.NINJS, strict=True)
    assert_that(articles, is_empty(), label="nothing converted")
    assert_that(
        refused | beam.Map(lambda d: (d.stage, d.error.startswith("would lose data (strict): "))),
        equal_to([("convert", True)]),
        label="refused",
    )
    p.run().wait_until_finish()


def test_xml_is_written_one_file_per_item(tmp_path: Path) -> None:
    p = pipeline()
    items, _ = p | ReadItems(str(SEED_JSON))
    articles, _ = items | Convert(Format.NEWSML_G2)
    written = articles | WriteArticles(str(tmp_path / "out"), Format.NEWSML_G2)
    assert_that(written, equal_to([str(tmp_path / "out-seed-article.xml")]))
    p.run().wait_until_finish()
    seed = native_json.loads(SEED_JSON.read_bytes())
    assert seed == newsml_g2.loads((tmp_path / "out-seed-article.xml").read_bytes())


def test_the_command_gives_the_cli_articles_and_dead_letters(
    shared: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in [*(shared / "corpus" / "newsml-g2").glob("*.xml"), *HOSTILE.glob("*.xml")]:
        (inputs / path.name).write_bytes(path.read_bytes())
    expected = cli_articles(capsys, sorted(inputs.iterdir()), "ninjs")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsmodel.beam", "convert", "--input", str(inputs / "*.xml")]
    command += ["--to", "ninjs", "--output", str(out / "articles")]
    command += ["--dead-letter", str(out / "refused"), "--direct_num_workers=1"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert 0 == done.returncode, done.stderr
    assert "Traceback" not in done.stderr
    written = [canonical(line) for line in shard_lines(out / "articles")]
    assert sorted(expected) == sorted(written)
    letters = [json.loads(line) for line in shard_lines(out / "refused")]
    assert all({"source", "item", "stage", "error"} == set(letter) for letter in letters)
    refused_files = {letter["source"].rpartition("/")[2] for letter in letters}
    assert {path.name for path in HOSTILE.glob("*.xml")} <= refused_files
    assert f"refused {len(letters)}" in done.stderr


def test_the_command_exits_1_when_the_pipeline_cannot_run(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "newsmodel.beam", "validate", "--input", str(SEED_JSON)]
    command += ["--dead-letter", str(tmp_path / "x"), "--runner", "NoSuchRunner"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert 1 == done.returncode
    assert "the pipeline could not run" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_dead_letter_is_one_json_line() -> None:
    letter = DeadLetter(source="s.xml", item="2", stage="read", error="bad “quote”")
    expected = {"source": "s.xml", "item": "2", "stage": "read", "error": "bad “quote”"}
    assert expected == json.loads(letter.to_json())
    assert "“quote”" in letter.to_json()  # one line of UTF-8, not of escapes


def test_the_validate_command_refuses_what_newsmodel_validate_refuses(
    shared: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    corpus = sorted((shared / "corpus" / "newsml-g2").glob("*.xml"))
    counts = {path.name: len(list(newsml_g2.read_items(path.read_bytes()))) for path in corpus}
    single = {name for name, count in counts.items() if count == 1}
    invalid = {name for name in single if run(capsys, "validate", str(corpus[0].parent / name))[0]}
    pattern = str(corpus[0].parent / "*.xml")
    dead = str(tmp_path / "invalid")
    assert 0 == validate_command(["validate", "--input", pattern, "--dead-letter", dead])
    assert f"items_read {sum(counts.values())}, " in capsys.readouterr().err  # the counters
    letters = [json.loads(line) for line in shard_lines(tmp_path / "invalid")]
    refused = {d["source"].rpartition("/")[2] for d in letters if d["stage"] == "validate"}
    assert invalid  # the corpus holds items the official schema refuses
    assert invalid == refused & single
