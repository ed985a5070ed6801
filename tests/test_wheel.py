"""A built wheel carries its schemas: installed alone, it validates a document."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

from conftest import ROOT, SEED_JSON


def test_wheel_installs_and_validates(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        timeout=300,
    )
    (wheel,) = wheels.glob("newsmodel_kit-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "newsmodel/schemas/newsmodel-article.schema.json" in names
    assert "newsmodel/schemas/official/newsml-g2/xml.xsd" in names
    assert "newsmodel/schemas/official/ninjs/ninjs-schema_3.3.json" in names
    assert "newsmodel/py.typed" in names

    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    python = fresh / "bin" / "python"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    # The dependencies come from this environment (no network needed); the
    # package itself only from the wheel, as a path file is read after it.
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    (Path(site.stdout.strip()) / "dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n"
    )
    where = _run(python, "-c", "import newsmodel.validation as v; print(v.__file__)", cwd=tmp_path)
    assert where.stdout.startswith(str(fresh))

    good = _run(fresh / "bin" / "newsmodel", "validate", SEED_JSON, cwd=tmp_path)
    assert (0, "checked 1 file: 1 valid, 0 invalid") == (
        good.returncode,
        good.stdout.splitlines()[-1],
    )
    bad = tmp_path / "bad.json"
    bad.write_text('{"headline": ""}', encoding="utf-8")
    refused = _run(fresh / "bin" / "newsmodel", "validate", bad, cwd=tmp_path)
    assert 1 == refused.returncode
    expected = f"{bad}: newsmodel article schema: $.headline: expected non-empty text, got ''"
    assert expected == refused.stdout.splitlines()[0]
    # The official XSD and the schema it imports come from the installed package.
    item = tmp_path / "item.xml"
    item.write_text('<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x"/>')
    judged = _run(fresh / "bin" / "newsmodel", "validate", item, cwd=tmp_path)
    assert 1 == judged.returncode
    assert f"{item}:1:0: NewsML-G2 2.35 XSD: /newsItem: " in judged.stdout


def _run(*argv: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a program of the fresh environment, away from the checkout."""
    return subprocess.run(
        [str(arg) for arg in argv], capture_output=True, text=True, check=False, cwd=cwd
    )
