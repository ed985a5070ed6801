"""The documentation cannot lie: its code runs, its tables match the code."""

from __future__ import annotations

import argparse
import re

import attrs
import pytest

from conftest import ROOT
from newsmodel import model
from newsmodel.cli import _OUTPUT_STYLES, _parser
from newsmodel.reporters import REPORTERS

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _python_blocks() -> list[tuple[str, str]]:
    return [
        (f"{page.relative_to(ROOT)}#{number}", block)
        for page in PAGES
        for number, block in enumerate(
            re.findall(r"```python\n(.*?)```", page.read_text(), re.DOTALL)
        )
    ]


@pytest.mark.parametrize(("where", "code"), _python_blocks())
def test_python_examples_run(where: str, code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    exec(compile(code, where, "exec"), {})  # noqa: S102 - running our own docs


def _documented_fields() -> dict[str, list[str]]:
    page = (ROOT / "docs" / "model.md").read_text()
    sections = re.split(r"^## ", page, flags=re.MULTILINE)[1:]
    return {
        section.split("\n", 1)[0].strip(): re.findall(r"^\| `(\w+)` \|", section, re.MULTILINE)
        for section in sections
    }


@pytest.mark.parametrize(
    "cls",
    [c for c in vars(model).values() if isinstance(c, type) and attrs.has(c)],
    ids=lambda c: c.__name__,
)
def test_model_page_lists_every_field_in_order(cls: type) -> None:
    assert [f.name for f in attrs.fields(cls)] == _documented_fields()[cls.__name__]


def test_cli_page_names_every_option() -> None:
    page = (ROOT / "docs" / "cli.md").read_text()
    commands = next(
        action
        for action in _parser()._actions  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction)  # noqa: SLF001
    )
    for name, parser in commands.choices.items():
        assert f"## {name}" in page
        for action in parser._actions:  # noqa: SLF001
            for option in action.option_strings:
                if option not in {"-h", "--help"}:
                    assert f"`{option}" in page, option


def test_output_styles_are_the_reporters() -> None:
    """The CLI names them without importing the reporters, to start fast."""
    assert tuple(REPORTERS) == _OUTPUT_STYLES


def test_every_page_is_linked_from_the_index() -> None:
    index = (ROOT / "docs" / "index.md").read_text()
    for page in (ROOT / "docs").rglob("*.md"):
        if page.name != "index.md":
            assert str(page.relative_to(ROOT / "docs")) in index, page


def test_readme_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text()
    for target in re.findall(r"\]\(((?!https?:)[^)#]+)\)", readme):
        assert (ROOT / target).exists(), target


def test_newsml_g2_mapping_table_lists_every_field_in_order() -> None:
    page = (ROOT / "docs" / "formats" / "newsml-g2.md").read_text()
    table = page.split("## The mapping", 1)[1].split("###", 1)[0]
    listed = re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)
    assert [f.name for f in attrs.fields(model.Article)] == listed


def test_jsonld_mapping_table_lists_every_field_in_order() -> None:
    page = (ROOT / "docs" / "formats" / "jsonld.md").read_text()
    table = page.split("## The mapping", 1)[1].split("\n\n", 2)[1]
    listed = re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)
    assert [f.name for f in attrs.fields(model.Article)] == listed


def test_ninjs_mapping_table_lists_every_field_in_order() -> None:
    page = (ROOT / "docs" / "formats" / "ninjs.md").read_text()
    table = page.split("## Writing", 1)[1].split("`write(article)`", 1)[0]
    listed = re.findall(r"^\| `(\w+)` \|", table, re.MULTILINE)
    assert [f.name for f in attrs.fields(model.Article)] == listed
