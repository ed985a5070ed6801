"""The documentation cannot lie: its code runs, its tables match the code."""

from __future__ import annotations

import argparse
import json
import re

import attrs
import pytest

from conftest import ROOT
from newsmodel import model
from newsmodel.cli import _OUTPUT_STYLES, build_parser
from newsmodel.fidelity import FIDELITY, kept
from newsmodel.formats import Format
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
        for action in build_parser()._actions  # noqa: SLF001
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


def test_every_page_is_in_the_index() -> None:
    index = (ROOT / "docs" / "index.md").read_text()
    tree = index.split("```{toctree}", 1)[1].split("```", 1)[0].split()
    pages = {
        str(p.relative_to(ROOT / "docs").with_suffix("")) for p in (ROOT / "docs").rglob("*.md")
    }
    assert pages - {"index"} == set(tree) - {":maxdepth:", "2"}


def test_readme_links_resolve() -> None:
    readme = (ROOT / "README.md").read_text()
    for target in re.findall(r"\]\(((?!https?:)[^)#]+)\)", readme):
        assert (ROOT / target).exists(), target


@pytest.mark.parametrize(
    ("page", "format"),
    [
        ("newsml-g2.md", Format.NEWSML_G2),
        ("jsonld.md", Format.JSONLD),
        ("ninjs.md", Format.NINJS),
        ("nitf.md", Format.NITF),
    ],
)
def test_mapping_table_lists_every_field_and_what_comes_back(page: str, format: Format) -> None:  # noqa: A002
    text = (ROOT / "docs" / "formats" / page).read_text()
    table = text.split("| model field |", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \|.*\| ([\w ]+) \|$", table, re.MULTILINE)
    assert [(f.name, kept(format, f.name).value) for f in attrs.fields(model.Article)] == rows
    trims = "Reading trims the white space around each text" in text
    assert FIDELITY[format].trims_text == trims


def _table_names(page: str, start: str, end: str) -> set[str]:
    text = (ROOT / "docs" / "formats" / page).read_text()
    table = text.split(start, 1)[1].split(end, 1)[0]
    return set(re.findall(r"@?[A-Za-z][\w-]*", table))


def _rich_article() -> model.Article:
    from test_jsonld import rich_article  # noqa: PLC0415 - the article with every field

    return attrs.evolve(rich_article(), slugline="S", urgency=2, editorial_note="N", version=3)


def test_the_json_ld_table_names_every_property_written() -> None:
    from newsmodel.formats import jsonld  # noqa: PLC0415

    written = json.loads(jsonld.dumps(_rich_article()))
    names = _table_names("jsonld.md", "## The mapping", "## Validation")
    assert set(written) - {"@context", "@type"} <= names


def test_the_ninjs_table_names_every_key_written() -> None:
    from newsmodel.formats import ninjs  # noqa: PLC0415

    written = json.loads(ninjs.VERSION_3.dumps(_rich_article()))
    names = _table_names("ninjs.md", "## Writing", "`write(article)`")
    assert set(written) - {"standard", "type"} <= names


def test_the_nitf_table_names_every_element_written() -> None:
    from lxml import etree  # noqa: PLC0415

    from newsmodel.formats import nitf  # noqa: PLC0415

    document = etree.fromstring(nitf.dumps(_rich_article()).encode())
    head = [e for part in ("head", "body/body.head") for e in document.iterfind(f"{{*}}{part}//*")]
    written = {p for e in head for p in etree.QName(e).localname.split(".")} - {"field"}
    names = _table_names("nitf.md", "## The mapping", "### The extension")
    assert written <= names


def test_the_newsml_g2_table_names_every_element_written() -> None:
    from lxml import etree  # noqa: PLC0415

    from newsmodel.formats import newsml_g2  # noqa: PLC0415

    item = etree.fromstring(newsml_g2.dumps(_rich_article()).encode())
    meta = [
        c
        for part in ("itemMeta", "contentMeta", "rightsInfo")
        for c in item.iterfind(f"{{*}}{part}/*")
    ]
    written = {etree.QName(e).localname for e in meta} - {"itemClass", "field", "quotation"}
    names = _table_names("newsml-g2.md", "## The mapping", "### The extension")
    assert written <= names
