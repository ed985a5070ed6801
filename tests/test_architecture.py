"""
The layers of the package: a lower layer never imports a higher one.

docs/architecture.md draws the same layers; this test reads every module's
imports (at the top, inside functions and under ``TYPE_CHECKING`` alike) and
fails on an import that points upwards, so the picture cannot drift.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from newsmodel.formats import Format, info

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "newsmodel"

#: Each layer by the dotted prefixes of its modules, lowest first.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("newsmodel.errors", "newsmodel._version", "newsmodel._lowlevel", "newsmodel.limits"),
    ("newsmodel.model",),
    ("newsmodel.conversion",),
    ("newsmodel.quotes",),
    ("newsmodel.formats",),
    ("newsmodel.fidelity", "newsmodel.validation"),
    ("newsmodel.reporters",),
    ("newsmodel.cli", "newsmodel._cli", "newsmodel._files", "newsmodel.__main__", "newsmodel.beam"),
)
#: ``newsmodel/__init__.py`` is the facade: it names everything, lazily.
FACADE = "newsmodel"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    for rank, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    msg = f"{module} is in no layer: add it to LAYERS and to docs/architecture.md"
    raise AssertionError(msg)


def is_module(dotted: str) -> bool:
    where = PACKAGE.parent.joinpath(*dotted.split("."))
    return where.is_dir() or where.with_suffix(".py").exists()


def imported(path: Path) -> set[str]:
    """The newsmodel modules a file imports, wherever the import stands."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("newsmodel"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("newsmodel"):
            base = node.module or ""
            # ``from newsmodel.formats import jsonld`` imports a submodule, not a name.
            found.update(
                f"{base}.{a.name}" if is_module(f"{base}.{a.name}") else base for a in node.names
            )
    return found


def upward_imports(path: Path, name: str) -> list[str]:
    """What a module imports from layers above its own."""
    return sorted(
        other for other in imported(path) if other != FACADE and layer_of(other) > layer_of(name)
    )


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if module_name(p) != FACADE)


def test_every_module_is_in_a_layer() -> None:
    for path in MODULES:
        layer_of(module_name(path))


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_no_module_imports_a_higher_layer(path: Path) -> None:
    name = module_name(path)
    assert [] == upward_imports(path, name), f"{name} imports a higher layer"


def test_the_checker_sees_upward_imports(tmp_path: Path) -> None:
    """Positive control: the model importing formats or the CLI, in any spelling, is caught."""
    module = tmp_path / "model.py"
    module.write_text(
        "from newsmodel.cli import main\n"
        "def f():\n    from newsmodel.formats import jsonld\n"
        "import newsmodel.validation\n"
    )
    expected = ["newsmodel.cli", "newsmodel.formats.jsonld", "newsmodel.validation"]
    assert expected == upward_imports(module, "newsmodel.model")


def test_the_top_level_stays_small() -> None:
    top = list(PACKAGE.glob("*.py"))
    assert len(top) <= 14, sorted(p.name for p in top)


def test_no_module_is_over_600_lines() -> None:
    long = {module_name(p): n for p in MODULES if (n := len(p.read_text().splitlines())) > 600}
    assert {} == long


@pytest.mark.parametrize("fmt", list(Format), ids=lambda f: f.value)
def test_every_format_module_speaks_the_same_verbs(fmt: Format) -> None:
    module = importlib.import_module(info(fmt).module.partition(":")[0])
    verbs = ("loads", "read", "read_items") + (("dumps", "write") if info(fmt).writable else ())
    assert [] == [verb for verb in verbs if not callable(getattr(module, verb, None))]
