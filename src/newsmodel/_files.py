"""
Files for the command line: finding the inputs below the paths it is given.

``validate`` and ``convert`` find files alike; how outputs are written is
:mod:`newsmodel._cli.outputs`.
"""

from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

__all__ = ["expand"]


def expand(
    paths: Iterable[str],
    suffixes: frozenset[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> Iterator[str]:
    """
    Yield each file path, and the files found below each directory.

    Below a directory only names ending with one of *suffixes* count, in
    sorted order; hidden files and folders are skipped, and so are names
    matching an *exclude* glob; with *include* globs, a file must match one.
    """

    def wanted(name: str) -> bool:
        return not any(fnmatch(name, glob) for glob in exclude)

    for name in paths:
        path = Path(name)
        if not path.is_dir():
            yield name
            continue
        for root, folders, files in os.walk(path):
            folders[:] = sorted(f for f in folders if not f.startswith(".") and wanted(f))
            for file in sorted(files):
                matches = not include or any(fnmatch(file, glob) for glob in include)
                if file.startswith(".") or not wanted(file) or not matches:
                    continue
                if Path(file).suffix.lower() in suffixes:
                    yield str(Path(root) / file)
