"""The command line: exit codes, messages, and files written safely."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, SEED_JSON, SHARED, json_error, need, run
from newsmodel.cli import main


def broken_copy(tmp_path: Path) -> Path:
    document = json.loads(SEED_JSON.read_bytes())
    document["urgency"] = 12
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    return broken


def test_validate_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(EXAMPLES))
    valid = f"{SEED_JSON}: valid: newsmodel JSON article\n"
    assert (0, valid + "checked 1 file: 1 valid, 0 invalid\n", "") == (code, out, err)


def test_validate_a_broken_copy(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = broken_copy(tmp_path)
    code, out, _ = run(capsys, "validate", str(broken))
    assert 1 == code
    assert [
        f"{broken}: newsmodel article schema: $.urgency: 12 is greater than the maximum of 9",
        "checked 1 file: 0 valid, 1 invalid",
    ] == out.splitlines()


def test_validate_a_malformed_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"headline": "h",\n  "urgency": }', encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(bad))
    assert 1 == code
    assert f"{bad}:2:14: JSON: $: Expecting value" == out.splitlines()[0]


def test_validate_a_directory_mixes_results(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken_copy(tmp_path)
    (tmp_path / "good.json").write_bytes(SEED_JSON.read_bytes())
    (tmp_path / "notes.txt").write_text("not a document")
    code, out, _ = run(capsys, "validate", str(tmp_path), "--output", "json")
    document = json.loads(out)
    assert 1 == code
    assert "fail" == document["status"]
    assert [("broken.json", False), ("good.json", True)] == [
        (Path(f["name"]).name, f["ok"]) for f in document["files"]
    ]
    assert "$.urgency" == document["files"][0]["issues"][0]["path"]


def test_validate_for_github(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{\n}", encoding="utf-8")
    code, out, _ = run(capsys, "validate", "--output", "github", str(bad))
    assert 1 == code
    title = "newsmodel article schema%3A $.headline"
    assert f"::error file={bad},title={title}::required key missing\n" == out


def test_missing_file_is_an_issue(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    code, out, _ = run(capsys, "validate", str(missing))
    assert 1 == code
    assert f"{missing}: $: No such file or directory" == out.splitlines()[0]


def test_unknown_format_is_an_issue(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    odd = tmp_path / "story.xyz"
    odd.write_text("hello")
    code, out, _ = run(capsys, "validate", str(odd))
    assert 1 == code
    assert "cannot tell the format" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["validate"],
        ["convert", "x.json"],
        ["convert", "x.json", "--to", "klingon"],
        ["validate", "x.json", "--output", "xml"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert 2 == caught.value.code
    assert "usage:" in capsys.readouterr().err


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main([])
    assert "usage:" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert 0 == code
    assert out.startswith("newsmodel 0.")


def test_formats_lists_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "formats")
    assert 0 == code
    assert out.splitlines()[0].startswith("json ")


def test_convert_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "convert", str(SEED_JSON), "--to", "json")
    assert (0, SEED_JSON.read_text(encoding="utf-8"), "") == (code, out, err)


def test_convert_several_to_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "convert", str(SEED_JSON), str(SEED_JSON), "--to", "json")
    lines = out.splitlines()
    assert 0 == code
    assert 2 == len(lines)
    assert json.loads(lines[0]) == json.loads(SEED_JSON.read_bytes())


def test_convert_to_a_file_and_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert 0 == run(capsys, "convert", str(SEED_JSON), "--to", "json", "-o", str(target))[0]
    assert SEED_JSON.read_bytes() == target.read_bytes()
    folder = tmp_path / "converted" / "json"
    assert 0 == run(capsys, "convert", str(SEED_JSON), "--to", "json", "--out-dir", str(folder))[0]
    assert SEED_JSON.read_bytes() == (folder / "seed-article.json").read_bytes()
    assert [] == list(tmp_path.rglob(".newsmodel-*"))


def test_convert_never_overwrites_its_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "story.json"
    source.write_text('{"headline":"h"}', encoding="utf-8")
    code, _, err = run(capsys, "convert", str(source), "--to", "json", "-o", str(source))
    assert 1 == code
    assert "refusing to overwrite an input" in err
    assert '{"headline":"h"}' == source.read_text(encoding="utf-8")


def test_convert_invalid_input_leaves_no_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = broken_copy(tmp_path)
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "convert", str(broken), "--to", "json", "-o", str(target))
    assert (1, "") == (code, out)
    assert f"{broken}: expected an integer from 1 to 9, got 12 @ $.urgency\n" == err
    assert not target.exists()


def _subprocess(*argv: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsmodel", *argv],
        input=stdin,
        capture_output=True,
        check=False,
        timeout=60,
    )


def test_stdin_and_no_traceback() -> None:
    """A real process reading stdin; bad input never prints a traceback."""
    good = _subprocess("convert", "-", "--to", "json", stdin=SEED_JSON.read_bytes())
    assert (0, SEED_JSON.read_bytes()) == (good.returncode, good.stdout)
    for junk in [b"\xff\xfe\x00", b"{", b'{"headline": 1}', b"[" * 50_000]:
        bad = _subprocess("convert", "-", "--from", "json", "--to", "json", stdin=junk)
        assert 1 == bad.returncode
        assert b"Traceback" not in bad.stderr
        assert bad.stderr.startswith(b"-: ")
        checked = _subprocess("validate", "-", "--format", "json", stdin=junk)
        assert 1 == checked.returncode
        assert b"Traceback" not in checked.stdout + checked.stderr


# ---- NewsML-G2 ----------------------------------------------------------------

G2_CORPUS = SHARED / "corpus" / "newsml-g2"


def _g2_files() -> list[Path]:
    return sorted(G2_CORPUS.glob("*.xml")) if G2_CORPUS.is_dir() else []


@pytest.mark.parametrize("path", _g2_files(), ids=lambda p: p.name)
def test_every_g2_corpus_file_converts_or_says_why(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    from newsmodel.conversion import Reading  # noqa: PLC0415
    from newsmodel.formats import newsml_g2  # noqa: PLC0415

    found = list(newsml_g2.read_items(path.read_bytes()))
    code, out, err = run(capsys, "convert", str(path), "--from", "newsml-g2", "--to", "json")
    articles = [item for item in found if isinstance(item, Reading)]
    assert (0 if len(articles) == len(found) else 1) == code
    assert len(articles) == len([line for line in out.splitlines() if line.startswith("{")]) or (
        len(articles) == 1 and out.startswith("{\n")
    )
    failures = [line for line in err.splitlines() if ": warning: " not in line]
    assert len(found) - len(articles) == len(failures), failures
    assert all(line.startswith(str(path)) for line in err.splitlines())


def test_g2_picture_is_refused_with_its_kind(capsys: pytest.CaptureFixture[str]) -> None:
    picture = G2_CORPUS / "reuters__picture_polling_station.xml"
    need(picture)
    code, out, err = run(capsys, "convert", str(picture), "--to", "json")
    assert (1, "") == (code, out)
    assert (
        f"{picture}: item tag:reuters.com,0000:newsml_GM1E9341HD701 is a picture, not an article\n"
        == err
    )


def test_g2_strict_refuses_a_lossy_item(capsys: pytest.CaptureFixture[str]) -> None:
    item = G2_CORPUS / "stt__revenio_ceo.xml"
    need(item)
    code, out, err = run(capsys, "convert", str(item), "--to", "json", "--strict")
    assert (1, "") == (code, out)
    assert err.splitlines()[-1] == f"{item}: refused: reading it would lose data (--strict)"
    assert f"{item}: warning: line 2: /newsItem: <assert> is not held by the model" in err


def test_g2_round_trip_through_the_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert (
        0
        == run(capsys, "convert", str(SEED_JSON), "--to", "newsml-g2", "--out-dir", str(tmp_path))[
            0
        ]
    )
    written = tmp_path / "seed-article.xml"
    for profile in ("standard", "newsmodel"):
        code, out, _ = run(capsys, "validate", str(written), "--profile", profile)
        assert (0, "checked 1 file: 1 valid, 0 invalid") == (code, out.splitlines()[-1])
    code, out, err = run(capsys, "convert", str(written), "--to", "json")
    assert (0, SEED_JSON.read_text(encoding="utf-8"), "") == (code, out, err)


def test_g2_validate_names_the_element(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    run(capsys, "convert", str(SEED_JSON), "--to", "newsml-g2", "-o", str(tmp_path / "a.xml"))
    broken = tmp_path / "b.xml"
    broken.write_text(
        (tmp_path / "a.xml").read_text().replace("<language", "<frob/><language"), encoding="utf-8"
    )
    line = 1 + broken.read_text().split("<frob/>")[0].count("\n")
    code, out, _ = run(capsys, "validate", str(broken))
    assert 1 == code
    expected = "/newsItem/contentMeta/frob: Element 'frob': This element is not expected."
    assert out.startswith(f"{broken}:{line}:0: NewsML-G2 2.35 XSD: {expected}")
    code, out, _ = run(capsys, "validate", str(broken), "--profile", "newsmodel")
    assert out.startswith(f"{broken}:{line}:0: newsmodel NewsML-G2 profile: {expected}")


# ---- JSON-LD and HTML pages ---------------------------------------------------------

LD_CORPUS = SHARED / "corpus" / "jsonld"


def _ld_files() -> list[Path]:
    return sorted(LD_CORPUS.glob("*.jsonld")) if LD_CORPUS.is_dir() else []


@pytest.mark.parametrize("path", _ld_files(), ids=lambda p: p.name)
def test_every_jsonld_corpus_file_converts_or_gives_line_and_column(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    code, out, err = run(capsys, "convert", str(path), "--to", "json")
    if "_MALFORMED" in path.name:
        assert (1, "") == (code, out)
        assert re.fullmatch(rf"{re.escape(str(path))}: line \d+, column \d+: .+\n", err), err
    else:
        assert 0 == code, err
        assert json.loads(out)["headline"]


def test_jsonld_written_validates_with_no_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "convert", str(SEED_JSON), "--to", "jsonld", "--out-dir", str(tmp_path)
    )
    assert 0 == code
    assert f"{SEED_JSON}: warning: $.quotations: JSON-LD holds only part of it" in err.splitlines()
    written = tmp_path / "seed-article.jsonld"
    code, out, _ = run(capsys, "validate", str(written))
    assert 0 == code
    assert out.endswith("checked 1 file: 1 valid, 0 invalid\n")


def test_strict_refuses_a_lossy_write(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "convert", str(SEED_JSON), "--to", "jsonld", "--strict")
    assert (1, "") == (code, out)
    assert err.splitlines()[-1] == f"{SEED_JSON}: refused: jsonld would lose data (--strict)"


def test_an_html_page_converts_and_validates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        "<!DOCTYPE html>\n<html><head>\n"
        '<script type="application/ld+json">{"@type": "NewsArticle",}</script>\n'
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        ' "@type": "NewsArticle", "headline": "Storm hits coast"}</script>\n'
        "</head><body></body></html>\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "convert", str(page), "--to", "json")
    assert 0 == code
    assert "Storm hits coast" == json.loads(out)["headline"]
    block = '{"@type": "NewsArticle",}'
    _, _, where = json_error(block)  # the "}" or, on Python 3.13, the trailing comma
    column = page.read_text().splitlines()[2].index(block) + where
    assert f"{page}: warning: line 3, column {column}: block 1 is not JSON" in err
    code, out, _ = run(capsys, "validate", str(page))
    assert 1 == code
    assert out.startswith(f"{page}:3:")
    message, _, _ = json_error('{"@type": "NewsArticle",}')
    assert f"block 1 is not JSON: {message}" in out.splitlines()[0]


def test_html_is_read_only(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["convert", str(SEED_JSON), "--to", "html"])
    assert "invalid choice: 'html'" in capsys.readouterr().err


# ---- ninjs -----------------------------------------------------------------------------

NINJS_CORPUS = SHARED / "corpus" / "ninjs"


def _ninjs_files() -> list[Path]:
    return sorted(NINJS_CORPUS.glob("*.json")) if NINJS_CORPUS.is_dir() else []


@pytest.mark.parametrize("path", _ninjs_files(), ids=lambda p: p.name)
def test_every_ninjs_corpus_file_converts_or_says_what_it_is(
    capsys: pytest.CaptureFixture[str], path: Path
) -> None:
    code, out, err = run(capsys, "convert", str(path), "--from", "ninjs", "--to", "json")
    if code == 0:
        assert json.loads(out)["headline"]
    else:
        assert (1, "") == (code, out)
        assert re.fullmatch(rf"{re.escape(str(path))}: item .* is a \w+, not an article\n", err)


@pytest.mark.parametrize("target", ["ninjs", "ninjs2", "ninjs3"])
def test_ninjs_written_validates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, target: str
) -> None:
    code, _, _ = run(capsys, "convert", str(SEED_JSON), "--to", target, "--out-dir", str(tmp_path))
    assert 0 == code
    written = tmp_path / "seed-article.ninjs.json"
    for profile in ("standard", "newsmodel"):
        code, out, _ = run(capsys, "validate", str(written), "--profile", profile)
        assert (0, "checked 1 file: 1 valid, 0 invalid") == (code, out.splitlines()[-1])
    assert newsmodel_format(written) == "ninjs"


def newsmodel_format(path: Path) -> str:
    from newsmodel import detect  # noqa: PLC0415

    return detect(path.read_bytes(), path.name).value


# ---- validation as a CI gate ------------------------------------------------------


def _mixed_tree(root: Path) -> Path:
    """Valid, invalid, malformed and hostile files of every format, and a skipped one."""
    from newsmodel.formats import jsonld, newsml_g2, ninjs  # noqa: PLC0415

    seed = jsonformat_seed()
    tree = root / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "good.json").write_bytes(SEED_JSON.read_bytes())
    (tree / "bad.json").write_text('{"headline": ""}')
    (tree / "broken.json").write_text("{")
    (tree / "item.xml").write_text(newsml_g2.dumps(seed))
    (tree / "page.jsonld").write_text(jsonld.dumps(seed))
    (tree / "story.ninjs.json").write_text(ninjs.VERSION_3.dumps(seed))
    (tree / "page.html").write_text(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle",}</script>'
        "</head></html>"
    )
    (tree / "sub" / "bomb.xml").write_text(
        '<!DOCTYPE a [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><newsItem>&b;</newsItem>'
    )
    (tree / "sub" / "notes.txt").write_text("not a document")
    (tree / "copies").mkdir()
    for number in range(10):  # enough files for worker processes to be used
        (tree / "copies" / f"copy-{number}.json").write_bytes(SEED_JSON.read_bytes())
    return tree


def jsonformat_seed() -> Any:
    from newsmodel.formats import json as native_json  # noqa: PLC0415

    return native_json.loads(SEED_JSON.read_bytes())


def test_validate_a_mixed_tree_the_same_with_one_job_or_two(tmp_path: Path) -> None:
    """A real process, every format, hostile input: exact lines, same with -j 1 or 2."""
    tree = _mixed_tree(tmp_path)
    one = _subprocess("validate", str(tree), "-j", "1")
    two = _subprocess("validate", str(tree), "-j", "2")
    assert (1, one.stdout) == (two.returncode, two.stdout)
    assert 1 == one.returncode
    assert b"Traceback" not in one.stderr + two.stderr
    lines = [line for line in one.stdout.decode().splitlines() if ": valid: " not in line]
    assert [
        f"{tree}/bad.json: newsmodel article schema: $.headline: expected non-empty text, got ''",
        f"{tree}/broken.json:1:2: JSON: $: Expecting property name enclosed in double quotes",
    ] == lines[:2]
    block = '{"@type": "NewsArticle",}'
    message, _, where = json_error(block)
    not_json = f"block 1 is not JSON: {message}"
    column = (tree / "page.html").read_text().index(block) + where  # Python 3.13 differs
    assert f"{tree}/page.html:1:{column}: JSON: $: {not_json}" in lines
    no_article = "no JSON-LD article among the page's 1 blocks"
    assert f"{tree}/page.html: newsmodel reading: $: {no_article}" in lines
    assert any(line.startswith(f"{tree}/sub/bomb.xml:1:") and "DOCTYPE" in line for line in lines)
    assert "checked 18 files: 14 valid, 4 invalid" == lines[-1]


def test_validate_json_output_parses(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tree = _mixed_tree(tmp_path)
    _, out, _ = run(capsys, "validate", str(tree), "--output", "json")
    document = json.loads(out)
    assert "fail" == document["status"]
    assert 18 == len(document["files"])


def test_validate_junit_output_counts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from lxml import etree  # noqa: PLC0415

    tree = _mixed_tree(tmp_path)
    code, out, _ = run(capsys, "validate", str(tree), "--output", "junit")
    suite = etree.fromstring(out.encode()).find("testsuite")
    assert suite is not None
    assert 1 == code
    assert ("18", "4") == (suite.get("tests"), suite.get("failures"))
    assert 4 == len(suite.findall("testcase/failure"))
    assert 1 == len(suite.findall("testcase/system-out"))  # the JSON-LD's Google warnings


def test_validate_include_exclude_and_strict(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tree = _mixed_tree(tmp_path)
    code, out, _ = run(capsys, "validate", str(tree), "--include", "*.jsonld", "--exclude", "sub")
    assert (0, "checked 1 file: 1 valid, 0 invalid") == (code, out.splitlines()[-1])
    # Warnings only: Google recommends datePublished, dateModified, an author, an image.
    assert 4 == sum(": Google Article rules: " in line for line in out.splitlines())
    code, _, _ = run(capsys, "validate", str(tree), "--include", "*.jsonld", "--strict")
    assert 1 == code


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["validate", str(SEED_JSON), "-j", "0"],
            "-j/--jobs: expected a whole number of 1 or more, got '0'",
        ),
        (
            ["validate", str(SEED_JSON), "--max-bytes", "abc"],
            "--max-bytes: expected a whole number of 1 or more, got 'abc'",
        ),
        (["convert", str(SEED_JSON), "--to", "json", "--max-bytes", "-5"], "got '-5'"),
    ],
)
def test_numbers_are_asked_for_in_the_users_words(
    capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert 2 == caught.value.code
    err = capsys.readouterr().err
    assert expected in err
    assert "_positive" not in err


def test_max_bytes_takes_grouped_digits(capsys: pytest.CaptureFixture[str]) -> None:
    assert 1 == run(capsys, "validate", str(SEED_JSON), "--max-bytes", "1_000")[0]
    assert 0 == run(capsys, "validate", str(SEED_JSON), "--max-bytes", "1,000,000")[0]


def test_inspect_summarises_and_tells_what_each_format_loses(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "inspect", str(SEED_JSON))
    lines = out.splitlines()
    assert 0 == code
    assert (
        "headline:  Putin to visit Donbas in eastern Ukraine ‘in due course’: Kremlin" == lines[0]
    )
    assert "section:   News › Russia" in lines
    assert "quotation: Antonio Guterres: “a dangerous escalation,” [partial]" in lines
    assert "newsml-g2: loses nothing" in lines
    assert "jsonld:    loses $.images, $.quotations, $.boilerplate" in lines


def test_an_official_schema_judges_files_of_its_format_only(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    xsd = SHARED / "ref" / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
    item = SHARED / "corpus" / "newsml-g2" / "iptc__listing01_news_item.xml"
    story = NINJS_CORPUS / "ntb__google_skien_ninjs30.json"
    need(xsd)
    code, out, _ = run(capsys, "validate", str(item), "--profile", "newsmodel")
    assert 1 == code  # an IPTC example is not newsmodel's profile
    code, out, err = run(capsys, "validate", str(item), str(story), "--official-schema", str(xsd))
    assert (0, "checked 2 files: 2 valid, 0 invalid") == (code, out.splitlines()[-1])
    assert f"note: {xsd} judges newsml-g2 files only; 1 other file was" in err
    invalid = SHARED / "corpus" / "newsml-g2" / "stt__athletics_results_archive.xml"
    monkeypatch.setenv("NEWSMODEL_SCHEMA_NEWSML_G2", str(xsd))
    code, out, _ = run(capsys, "validate", str(invalid))
    assert 1 == code
    rule = "official schema NewsML-G2_2.35-spec-All-Power.xsd"
    assert f"{rule}: /newsItem/itemMeta/versionCreated: Element 'versionCreated': ''" in out


def test_an_official_json_schema_finds_its_references_beside_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    schema = SHARED / "ref" / "ninjs" / "ninjs-schema_3.1.json"  # refers to GeoJSON beside it
    need(schema)
    good = NINJS_CORPUS / "ntb__google_skien_ninjs30.json"
    bad = NINJS_CORPUS / "funke_futurezone__cloned_police_dog.json"
    code, out, _ = run(capsys, "validate", str(good), str(bad), "--official-schema", str(schema))
    assert 1 == code
    assert f"{bad}: official schema ninjs-schema_3.1.json: $.uri: required key missing" in out
    assert f"{good}: valid: ninjs text" in out.splitlines()


def test_the_pre_commit_hook_runs_as_pre_commit_would_run_it(tmp_path: Path) -> None:
    """The hook's own entry and file pattern, on the files a commit would pass it."""
    import yaml  # noqa: PLC0415

    from conftest import ROOT  # noqa: PLC0415

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    good = tmp_path / "good.json"
    good.write_bytes(SEED_JSON.read_bytes())
    bad = tmp_path / "bad.json"
    bad.write_text('{"headline": ""}')
    ignored = tmp_path / "notes.txt"
    ignored.write_text("not matched by the hook")
    files = [str(f) for f in (good, bad, ignored) if re.search(hook["files"], f.name)]
    assert [str(good), str(bad)] == files
    entry = [sys.executable, "-m", "newsmodel", *hook["entry"].split()[1:]]
    assert 0 == subprocess.run([*entry, files[0]], check=False, capture_output=True).returncode
    failed = subprocess.run([*entry, *files], check=False, capture_output=True, text=True)
    assert 1 == failed.returncode
    expected = f"{bad}: newsmodel article schema: $.headline: expected non-empty text, got ''"
    assert expected in failed.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_progress_shows_on_a_terminal_for_a_long_run_only() -> None:
    from newsmodel._cli.progress import Progress  # noqa: PLC0415

    def count(stream: io.StringIO, *, quiet: bool = False, seconds: float = 5.0) -> str:
        clock = _Clock()
        progress = Progress(stream, quiet=quiet, clock=clock)
        for done in range(1, 101):
            clock.now = seconds * done / 100
            progress.show(f"converted {done} items")
        progress.finish("converted 100 items")
        return stream.getvalue()

    shown = count(_Terminal())
    assert shown.endswith("\rconverted 100 items\n")
    assert not shown.startswith("\rconverted 1 items")  # nothing in the first second
    assert 5 < shown.count("\r") < 100  # a few times a second, not every item
    assert "" == count(io.StringIO())  # a pipe or a file
    assert "" == count(_Terminal(), quiet=True)  # -q
    assert "" == count(_Terminal(), seconds=0.9)  # a short run


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    # `newsmodel quotes ... | head -1`: the pipe closes while output is still coming.
    story = str(EXAMPLES / "seed-article.txt")
    child = subprocess.Popen(
        [sys.executable, "-m", "newsmodel", "quotes", *[story] * 400],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.readline()
    child.stdout.close()
    errors = child.stderr.read().decode()
    child.stderr.close()
    assert 1 == child.wait()
    assert "Traceback" not in errors
