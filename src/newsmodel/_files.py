"""
Files for the command line: finding inputs, and writing outputs atomically.

An output is written to a temporary file beside its destination and renamed
into place, so a reader never sees half a file and a failure leaves nothing
behind.
"""

from __future__ import annotations

import os
import tempfile
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

__all__ = ["atomic_write", "expand", "same_file"]


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


def same_file(a: str, b: str) -> bool:
    """
    Whether two names point at the same existing file.
    """
    try:
        return Path(a).samefile(b)
    except OSError:
        return False


def atomic_write(destination: str, text: str) -> None:
    """
    Write *text* as UTF-8 to *destination*, all or nothing.
    """
    target = Path(destination)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=".newsmodel-", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        # mkstemp makes the file private; give it the mode a new file gets.
        temporary.chmod(_new_file_mode(target))
        temporary.replace(target)
    except BaseException:
        temporary.unlink()
        raise


def _new_file_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask
