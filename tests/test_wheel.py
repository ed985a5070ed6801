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
    assert (0, "checked 1 file: 1 valid, 0 invalid\n") == (good.returncode, good.stdout)
    bad = tmp_path / "bad.json"
    bad.write_text('{"headline": ""}', encoding="utf-8")
    refused = _run(fresh / "bin" / "newsmodel", "validate", bad, cwd=tmp_path)
    assert 1 == refused.returncode
    assert f"{bad}: $.headline: expected non-empty text, got ''" == refused.stdout.splitlines()[0]


def _run(*argv: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a program of the fresh environment, away from the checkout."""
    return subprocess.run(
        [str(arg) for arg in argv], capture_output=True, text=True, check=False, cwd=cwd
    )
