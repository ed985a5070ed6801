"""convert item by item: several items to one file or a folder, limits per item, flat memory."""

from __future__ import annotations

import json
import tracemalloc
from typing import TYPE_CHECKING

import attrs
import pytest
from lxml import etree

from conftest import SEED_JSON, SHARED, run
from newsmodel.formats import json as native_json
from newsmodel.formats import newsml_g2
from newsmodel.model import Body

if TYPE_CHECKING:
    from pathlib import Path

    from newsmodel.model import Article

NAR = "http://iptc.org/std/nar/2006-10-01/"
XSD = SHARED / "ref" / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"


def _seed() -> Article:
    return native_json.loads(SEED_JSON.read_bytes())


def _stories(folder: Path, count: int) -> list[str]:
    """*count* native JSON files, each its own headline."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for number in range(1, count + 1):
        path = folder / f"story{number}.json"
        story = attrs.evolve(_seed(), headline=f"Story number {number}", quotations=())
        path.write_text(native_json.dumps(story), encoding="utf-8")
        names.append(str(path))
    return names


def _message(items: list[str]) -> str:
    """A newsMessage written by hand, as an agency's feed would hold its items."""
    return (
        f'<newsMessage xmlns="{NAR}"><header><sent>2026-11-30T06:00:00Z</sent></header>'
        f"<itemSet>{''.join(items)}</itemSet></newsMessage>\n"
    )


def test_several_items_to_one_file_make_a_news_message_valid_against_the_official_xsd(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    names = _stories(tmp_path / "in", 3)
    message = tmp_path / "all.xml"
    code, out, err = run(capsys, "convert", *names, "--to", "newsml-g2", "-o", str(message))
    assert (0, "", "") == (code, out, err)
    root = etree.parse(str(message)).getroot()
    assert f"{{{NAR}}}newsMessage" == root.tag
    assert 3 == len(root.findall(f"{{{NAR}}}itemSet/{{{NAR}}}newsItem"))
    if not XSD.is_file():
        pytest.skip(f"{XSD} is absent")
    from newsmodel._lowlevel.xml import load_schema  # noqa: PLC0415

    schema = load_schema(str(XSD))
    assert schema.validate(root), schema.error_log
    # Read back: three articles, in order, with their own headlines.
    code, out, _ = run(capsys, "convert", str(message), "--to", "json")
    assert 0 == code
    assert [f"Story number {n}" for n in (1, 2, 3)] == [
        json.loads(line)["headline"] for line in out.splitlines()
    ]


def test_several_items_to_standard_output_make_a_news_message(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "convert", str(SEED_JSON), str(SEED_JSON), "--to", "newsml-g2")
    assert 0 == code
    assert out.startswith(f'<newsMessage xmlns="{NAR}">')
    assert 2 == len(list(newsml_g2.read_items(out.encode())))


@pytest.mark.parametrize("target", ["json", "jsonld", "ninjs", "ninjs2"])
def test_json_formats_go_to_json_lines_that_every_command_reads_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, target: str
) -> None:
    names = _stories(tmp_path / "in", 3)
    lines = tmp_path / "all.jsonl"
    assert 0 == run(capsys, "convert", *names, "--to", target, "-o", str(lines))[0]
    assert 3 == len(lines.read_text(encoding="utf-8").splitlines())
    code, out, _ = run(capsys, "validate", str(lines))
    assert (0, "checked 1 file: 1 valid, 0 invalid") == (code, out.splitlines()[-1])
    code, out, _ = run(capsys, "convert", str(lines), "--to", "json")
    assert 0 == code
    assert [f"Story number {n}" for n in (1, 2, 3)] == [
        json.loads(line)["headline"] for line in out.splitlines()
    ]
    code, out, _ = run(capsys, "inspect", str(lines))
    assert 0 == code
    assert ["== item 1", "== item 2", "== item 3"] == [
        line for line in out.splitlines() if line.startswith("==")
    ]
    assert "headline:  Story number 2" in out.splitlines()


def test_validate_gives_each_json_line_its_own_line_number(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = tmp_path / "feed.jsonl"
    good = native_json.dumps(_seed(), indent=None)
    lines.write_text(f'{good}\n{{"headline": ""}}\n\n{good}\n{{"headline": \n', encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(lines))
    assert 1 == code
    assert [
        f"{lines}:2: newsmodel article schema: $.headline: expected non-empty text, got ''",
        f"{lines}:5:14: JSON: $: Expecting value",
        "checked 1 file: 0 valid, 1 invalid",
    ] == out.splitlines()


def test_out_dir_names_each_item_and_a_rerun_replaces_its_own_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_text(_message([newsml_g2.dumps(_seed())] * 3), encoding="utf-8")
    folder = tmp_path / "out"
    argv = ["convert", str(feed), str(SEED_JSON), "--to", "jsonld", "--out-dir", str(folder)]
    assert 0 == run(capsys, *argv)[0]
    expected = ["feed-1.jsonld", "feed-2.jsonld", "feed-3.jsonld", "seed-article.jsonld"]
    assert expected == sorted(p.name for p in folder.iterdir())
    (folder / "feed-2.jsonld").write_text("stale")
    assert 0 == run(capsys, *argv)[0]
    assert expected == sorted(p.name for p in folder.iterdir())
    assert "stale" != (folder / "feed-2.jsonld").read_text()


def test_out_dir_refuses_a_second_input_of_the_same_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (first,) = _stories(tmp_path / "a", 1)
    (second,) = _stories(tmp_path / "b", 1)
    folder = tmp_path / "out"
    code, _, err = run(capsys, "convert", first, second, "--to", "json", "--out-dir", str(folder))
    assert 1 == code
    assert f"{second}: an earlier input wrote {folder / 'story1.json'} already" in err
    assert "Story number 1" == json.loads((folder / "story1.json").read_text())["headline"]


def test_convert_takes_a_directory_as_validate_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _stories(tmp_path / "in" / "sub", 2)
    (tmp_path / "in" / "notes.txt").write_text("not an article")
    (tmp_path / "in" / ".hidden.json").write_text("{")
    code, out, err = run(capsys, "convert", str(tmp_path / "in"), "--to", "json")
    assert (0, "") == (code, err)
    assert ["Story number 1", "Story number 2"] == [
        json.loads(line)["headline"] for line in out.splitlines()
    ]


def test_the_size_limit_applies_to_each_item_of_a_large_news_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    item = newsml_g2.dumps(_seed())
    feed = tmp_path / "feed.xml"
    feed.write_text(_message([item] * 200), encoding="utf-8")  # over a megabyte: streamed
    assert feed.stat().st_size > 2**20
    limit = str(100_000)
    code, out, err = run(capsys, "convert", str(feed), "--to", "json", "--max-bytes", limit)
    assert (0, "", 200) == (code, err, len(out.splitlines()))

    huge = attrs.evolve(_seed(), body=Body.from_paragraphs("word " * 100_000), quotations=())
    feed.write_text(_message([item] * 150 + [newsml_g2.dumps(huge), item]), encoding="utf-8")
    code, out, err = run(capsys, "convert", str(feed), "--to", "json", "--max-bytes", limit)
    assert 1 == code
    assert 150 == len(out.splitlines())  # the items before it went out
    assert (
        f"{feed}: item 151 is over the limit of 100,000 bytes"
        " (--max-bytes applies to each item of a newsMessage)\n"
    ) == err


def test_the_size_limit_applies_to_each_json_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    line = native_json.dumps(_seed(), indent=None)
    long_line = native_json.dumps(attrs.evolve(_seed(), slugline="x" * 20_000), indent=None)
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([line] * 4 + [long_line, line]) + "\n", encoding="utf-8")
    assert feed.stat().st_size > 20_000
    code, out, err = run(capsys, "convert", str(feed), "--to", "json", "--max-bytes", "20000")
    assert 1 == code
    assert 5 == len(out.splitlines())
    assert err.startswith(f"{feed}[5]: ")
    assert "over the limit of 20,000" in err


def test_a_whole_document_is_still_refused_over_the_limit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "convert", str(SEED_JSON), "--to", "json", "--max-bytes", "100")
    assert (1, "") == (code, out)
    size = SEED_JSON.stat().st_size  # judged by its size, before it is read
    assert f"{SEED_JSON}: the input is {size:,} bytes or more, over the limit of 100\n" == err


def test_memory_stays_flat_over_ten_times_the_items(tmp_path: Path) -> None:
    """Not a timed test: the peak of Python's allocations, for 100 and 1,000 items."""
    from newsmodel.cli import main  # noqa: PLC0415

    line = json.dumps({"headline": "A short story", "body": {"html": "<p>One paragraph.</p>"}})
    peaks = []
    for count in (100, 1_000):
        feed = tmp_path / f"feed{count}.jsonl"
        feed.write_text(f"{line}\n" * count, encoding="utf-8")
        output = tmp_path / f"out{count}.xml"
        main(["convert", str(feed), "--to", "newsml-g2", "-o", str(output), "-q"])  # warm up
        tracemalloc.start()
        assert 0 == main(["convert", str(feed), "--to", "newsml-g2", "-o", str(output), "-q"])
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert count == output.read_text().count("<newsItem ")
        peaks.append(peak)
    assert peaks[1] < 2 * peaks[0], peaks


def test_strict_counts_a_file_with_warnings_as_invalid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    run(capsys, "convert", str(SEED_JSON), "--to", "jsonld", "-o", str(tmp_path / "page.jsonld"))
    page = str(tmp_path / "page.jsonld")
    code, out, _ = run(capsys, "validate", page)
    assert (0, "checked 1 file: 1 valid, 0 invalid") == (code, out.splitlines()[-1])
    code, out, _ = run(capsys, "validate", page, "--strict")
    assert (1, "checked 1 file: 0 valid, 1 invalid") == (code, out.splitlines()[-1])
    code, out, _ = run(capsys, "validate", page, "--strict", "--output-format", "json")
    assert (1, "fail") == (code, json.loads(out)["status"])


def test_output_format_is_the_option_and_output_its_hidden_old_spelling(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from newsmodel.cli import build_parser  # noqa: PLC0415

    new = run(capsys, "validate", str(SEED_JSON), "--output-format", "json")
    old = run(capsys, "validate", str(SEED_JSON), "--output", "json")
    assert new == old
    assert "ok" == json.loads(new[1])["status"]
    for command in ("validate", "quotes"):
        with pytest.raises(SystemExit):
            build_parser().parse_args([command, "--help"])
        shown = capsys.readouterr().out
        assert "--output-format" in shown
        assert "--output " not in shown.replace("--output-format", "")
