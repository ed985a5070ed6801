"""The distribution's name: one nobody else holds, and the one every install line names."""

from __future__ import annotations

import re
import tomllib

import yaml

from conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
# `newsmodel` on the package index is another project's (0.28, 2022, torch and mlflow).
TAKEN = "newsmodel"


def _distribution() -> str:
    name: str = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["name"]
    return name


def _requirement_names(arguments: str) -> list[str]:
    """The distributions an install line names: not its options, paths or groups."""
    names = []
    words = arguments.split("#", 1)[0].split()  # a shell comment ends the line
    for index, given in enumerate(words):
        word = given.strip("'\"`")
        after_option = index > 0 and words[index - 1] in {"--group", "-r", "-c", "-e"}
        if word.startswith(("-", ".", "/")) or after_option or not word:
            continue
        names.append(re.split(r"[\[<>=!~;]", word, maxsplit=1)[0])
    return names


def test_the_distribution_is_not_the_taken_name() -> None:
    assert TAKEN != _distribution().lower()
    assert "newsmodel-kit" == _distribution()


def test_the_import_and_the_command_stay_newsmodel() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert {"newsmodel": "newsmodel.cli:main"} == project["project"]["scripts"]
    assert ["src/newsmodel"] == project["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]


def test_every_install_line_names_the_distribution() -> None:
    found = []
    for page in PAGES:
        for arguments in re.findall(r"pip install ([^\n`)]*)", page.read_text()):
            found += [(page.name, name) for name in _requirement_names(arguments)]
    assert found  # the README and the CI page do install it by name
    assert [] == [(page, name) for page, name in found if name != _distribution()]


def test_the_recipes_install_the_distribution() -> None:
    recipes = (ROOT / "docs" / "ci.md").read_text()
    blocks = re.findall(r"```yaml\n(.*?)```", recipes, re.DOTALL)
    dependencies = [
        dependency
        for block in blocks
        for entry in _walk(yaml.safe_load(block))
        for dependency in entry.get("additional_dependencies", [])
    ]
    assert [_distribution()] == dependencies


def test_the_helper_finds_names_and_skips_the_rest() -> None:
    assert ["newsmodel-kit", "orjson"] == _requirement_names("'newsmodel-kit[fast]>=0.1' orjson")
    assert [] == _requirement_names(". --group bench -e ./src")
    assert ["newsmodel"] == _requirement_names("newsmodel")


def _walk(node: object) -> list[dict[str, list[str]]]:
    """Every mapping in a YAML document, at any depth."""
    if isinstance(node, dict):
        return [node, *(m for value in node.values() for m in _walk(value))]
    if isinstance(node, list):
        return [m for value in node for m in _walk(value)]
    return []
