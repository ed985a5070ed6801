"""Plain-text articles: the seed's layout, each guess reported, bad text refused."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

import newsmodel
from conftest import EXAMPLES, SEED_JSON, run
from newsmodel.errors import ParseError, UnknownFormatError
from newsmodel.formats import Format, detect
from newsmodel.formats import text as plaintext
from newsmodel.model import Byline

if TYPE_CHECKING:
    from pathlib import Path

SEED_TEXT = EXAMPLES / "seed-article.txt"
HAND_MADE = newsmodel.loads(SEED_JSON.read_bytes())


def test_the_seed_text_gives_the_hand_made_article() -> None:
    article = plaintext.loads(SEED_TEXT.read_bytes())
    assert HAND_MADE.sections == article.sections
    assert HAND_MADE.headline == article.headline
    assert HAND_MADE.images == article.images  # the caption
    assert HAND_MADE.body == article.body  # no boilerplate, no-break spaces kept
    assert HAND_MADE.boilerplate == article.boilerplate
    assert [(q.text, q.span, q.kind, q.speaker_mention, q.cue) for q in HAND_MADE.quotations] == [
        (q.text, q.span, q.kind, q.speaker_mention, q.cue) for q in article.quotations
    ]
    assert [q.speaker.name if q.speaker else None for q in HAND_MADE.quotations] == [
        q.speaker.name if q.speaker else None for q in article.quotations
    ]


def test_every_guess_names_its_line() -> None:
    guesses = [str(guess) for guess in plaintext.read(SEED_TEXT.read_bytes()).guesses]
    assert guesses[0].startswith("line 1: took ")
    assert guesses[0].endswith(" as the section path")
    assert 'line 5: took "The Kremlin\'s spokesman Dmitry Peskov" as the photo caption' in guesses
    assert any(g.startswith("line 25: took ") and "boilerplate" in g for g in guesses)
    assert 'line 27: took "Press TV News Roku" as publisher boilerplate, kept out of the body' in (
        guesses
    )
    assert "$.quotations: found 9 quotations and 1 term in quotation marks by rule" in guesses


def test_a_byline_and_a_date_with_its_offset() -> None:
    text = "Council votes\n\nBy Ann Lee\n\n2026-11-25T09:30:00+01:00\n\nThe council voted.\n"
    reading = plaintext.read(text)
    assert (Byline(text="By Ann Lee"),) == reading.article.bylines
    published = reading.article.published
    assert "2026-11-25T09:30:00+01:00" == (published.isoformat() if published else None)
    assert () == reading.losses


def test_a_date_without_a_time_zone_is_a_loss_not_a_guess_at_one() -> None:
    reading = plaintext.read("Council votes\n\n25 November 2026\n\nThe council voted.")
    assert reading.article.published is None
    assert ["line 3"] == [loss.where for loss in reading.losses]
    assert "no time zone" in reading.losses[0].what


def test_a_first_line_that_is_a_sentence_is_the_headline() -> None:
    reading = plaintext.read("Smith / Jones deal falls through.\n\nThe deal fell through.")
    assert "Smith / Jones deal falls through." == reading.article.headline
    assert () == reading.article.sections


def test_notices_at_the_end_are_boilerplate() -> None:
    text = (
        "Council votes\n\nThe council voted on Monday.\n\n© 2026 Example News. All rights reserved."
    )
    article = plaintext.loads(text)
    assert ("© 2026 Example News. All rights reserved.",) == article.boilerplate
    assert "The council voted on Monday." == article.body.text if article.body else None


def test_a_headline_alone_is_an_article() -> None:
    article = plaintext.loads("Council votes\n")
    assert ("Council votes", None) == (article.headline, article.body)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "line 1: expected a headline, found no text"),
        (b"  \n\n \n", "line 1: expected a headline, found no text"),
        (b"Headline\n\nBad \xff byte", "line 3, column 5: expected UTF-8, found byte 0xff"),
        (b"Headline\n\nA bell \x07 here", "line 3, column 8: expected text, found the control"),
        (b"Headline\r\n\r\nA \x00", "line 3, column 3: expected text, found the control"),
    ],
)
def test_bad_text_is_refused_with_its_line(data: bytes, message: str) -> None:
    with pytest.raises(ParseError) as raised:
        plaintext.loads(data)
    assert str(raised.value).startswith(message)


def test_text_is_told_by_its_name_only() -> None:
    assert Format.TEXT is detect(b"Council votes\n\nThe council voted.", "story.txt")
    with pytest.raises(UnknownFormatError):
        detect(b"Council votes\n\nThe council voted.")


def test_convert_from_text_prints_each_guess(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "convert", str(SEED_TEXT), "--from", "text", "--to", "json")
    assert 0 == code
    article = newsmodel.loads(out)
    assert HAND_MADE.body == article.body
    assert len(HAND_MADE.quotations) == len(article.quotations)
    assert f"{SEED_TEXT}: warning: line 5: took \"The Kremlin's spokesman" in err
    assert "Traceback" not in err


def test_convert_strict_does_not_refuse_guesses(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", str(SEED_TEXT), "--to", "json", "--strict")
    assert 0 == code
    assert "took" in err


def test_convert_a_bad_text_file_fails_with_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Headline\n\nBad \xff")
    code, out, err = run(capsys, "convert", str(bad), "--to", "jsonld")
    assert (1, "") == (code, out)
    assert f"{bad}: line 3, column 5: expected UTF-8, found byte 0xff\n" == err


def test_validate_names_text_files_but_does_not_find_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "MANIFEST.txt").write_text("Not an article at all\n", encoding="utf-8")
    (tmp_path / "story.json").write_bytes(SEED_JSON.read_bytes())
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert 0 == code
    assert "checked 1 file" in out
    code, out, _ = run(capsys, "validate", str(SEED_TEXT), "--output", "json")
    assert 0 == code
    (report,) = json.loads(out)["files"]
    assert report["ok"]
    caption = next(issue for issue in report["issues"] if "photo caption" in issue["message"])
    assert ("$.images[0].caption", 5, "warning") == (
        caption["path"],
        caption["line"],
        caption["severity"],
    )


def test_quotes_prints_one_line_per_quotation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", str(SEED_TEXT))
    assert 0 == code
    lines = out.splitlines()
    assert len(HAND_MADE.quotations) == len(lines)
    assert (
        f"{SEED_TEXT}:headline:42-55: partial: “in due course” — Kremlin (as “Kremlin”)"
        == (lines[0])
    )
    assert f"{SEED_TEXT}:body:1809-1835: term: “special military operation”" == lines[7]


def test_quotes_json_is_native_quotations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", str(SEED_JSON), "--output", "json")
    assert 0 == code
    (entry,) = json.loads(out)
    assert str(SEED_JSON) == entry["input"]
    document = json.loads(SEED_JSON.read_bytes())
    found = newsmodel.loads(json.dumps({**document, "quotations": entry["quotations"]}))
    assert [q.span for q in HAND_MADE.quotations] == [q.span for q in found.quotations]


def test_quotes_reports_an_unreadable_input_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, out, err = run(capsys, "quotes", str(bad), str(SEED_TEXT))
    assert 1 == code
    assert err.startswith(f"{bad}: ")
    assert len(HAND_MADE.quotations) == len(out.splitlines())
