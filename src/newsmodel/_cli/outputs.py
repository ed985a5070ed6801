"""
Where ``convert`` writes: a file, standard output, or one file per item in a folder.

What is at an output path decides how it is written, so that nothing there
is broken or half written:

* a regular file (or nothing yet) gets a temporary file beside it, renamed
  over it once every document is in: a reader never sees half a file, a
  failure leaves the old one, and the new one keeps the old one's
  permissions;
* a symbolic link is followed, and its target written as above, the link kept;
* a FIFO, a terminal, ``/dev/null`` or any other file that is not regular is
  opened and written, never replaced;
* ``-`` is standard output.

Several documents to one output make one document of the target format:
NewsML-G2 items go in one ``newsMessage``; JSON documents go one per line
(JSON Lines).  Only one document is held at a time, to know whether a second
follows.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newsmodel._cli import JSON_FORMATS
from newsmodel.errors import NewsmodelError
from newsmodel.formats import Format, info

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["Destination", "Folder", "Joined", "identities"]

_STDOUT = "-"
_NAR = "http://iptc.org/std/nar/2006-10-01/"

Identity = tuple[int, int]


def identities(names: Iterable[str]) -> frozenset[Identity]:
    """The device and inode of each existing file named, to refuse to overwrite an input."""
    found = set()
    for name in names:
        with contextlib.suppress(OSError, ValueError):
            status = Path(name).stat()
            found.add((status.st_dev, status.st_ino))
    return frozenset(found)


class Destination:
    """
    One output path, opened on the first write and settled by :meth:`close`.

    Args:
        name: The path, or ``-`` for standard output.
        inputs: The identities of the inputs, which are never written.
    """

    def __init__(self, name: str, inputs: frozenset[Identity] = frozenset()) -> None:
        self.name = name
        self._inputs = inputs
        self._stream: TextIO | None = None
        self._temporary: Path | None = None
        self._target: Path | None = None

    def write(self, text: str) -> None:
        """
        Write *text*, opening the output first if it is not open yet.

        Raises:
            NewsmodelError: The path is one of the inputs.
            OSError: The output cannot be opened or written.
        """
        if self._stream is None:
            self._stream = self._open()
        self._stream.write(text)

    def close(self, *, keep: bool = True) -> None:
        """
        Finish the output: put a new file in place if *keep*, else leave the old one.
        """
        stream, self._stream = self._stream, None
        if stream is None or stream is sys.stdout:
            sys.stdout.flush()
            return
        temporary, target = self._temporary, self._target
        try:
            stream.close()
            if temporary is not None and target is not None and keep:
                _settle(temporary, target)
                return
        except BaseException:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
            raise
        if temporary is not None:
            temporary.unlink(missing_ok=True)

    def _open(self) -> TextIO:
        if self.name == _STDOUT:
            return sys.stdout
        target = Path(os.path.realpath(self.name))  # through any symbolic links
        try:
            status = target.stat()
        except FileNotFoundError:
            status = None
        if status is not None:
            if (status.st_dev, status.st_ino) in self._inputs:
                msg = "refusing to overwrite an input"
                raise NewsmodelError(msg)
            if stat.S_ISDIR(status.st_mode):
                msg = "is a folder; give a file name, or use --out-dir"
                raise NewsmodelError(msg)
            if not stat.S_ISREG(status.st_mode):
                # A FIFO, a device, a socket: write into it, never replace it.
                return target.open("w", encoding="utf-8", newline="\n")
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=".newsmodel-", suffix=".tmp")
        self._temporary, self._target = Path(name), target
        return os.fdopen(handle, "w", encoding="utf-8", newline="\n")


def _settle(temporary: Path, target: Path) -> None:
    """Give the new file the old one's permissions (and owner, where allowed), then rename it."""
    try:
        old = target.stat()
    except FileNotFoundError:
        mask = os.umask(0)
        os.umask(mask)
        temporary.chmod(0o666 & ~mask)  # mkstemp makes the file private
    else:
        with contextlib.suppress(PermissionError):
            os.chown(temporary, old.st_uid, old.st_gid)
        temporary.chmod(stat.S_IMODE(old.st_mode))
    temporary.replace(target)


class Joined:
    """
    Every document to one output: one as it is, several as one document of the format.

    Args:
        destination: Where they go.
        target: Their format.
    """

    def __init__(self, destination: Destination, target: Format) -> None:
        self._destination = destination
        self._target = target
        self._held: str | None = None
        self.count = 0

    def add(self, text: str) -> None:
        """
        Add one document.

        Raises:
            NewsmodelError: A second document, and the format has no way to hold several.
            OSError: The output cannot be written.
        """
        if self.count == 0:
            self._held = text
        else:
            if self._held is not None:
                self._destination.write(self._opening() + self._member(self._held))
                self._held = None
            self._destination.write(self._member(text))
        self.count += 1

    def close(self, *, keep: bool = True) -> None:
        """
        Finish the document and the output; nothing is written for no document.
        """
        try:
            if keep and self._held is not None:
                self._destination.write(self._held)
            elif keep and self.count > 1 and self._target is Format.NEWSML_G2:
                self._destination.write("  </itemSet>\n</newsMessage>\n")
        except BaseException:
            self._destination.close(keep=False)
            raise
        self._destination.close(keep=keep and self.count > 0)

    def _opening(self) -> str:
        if self._target in JSON_FORMATS:
            return ""
        if self._target is Format.NEWSML_G2:
            sent = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
            return (
                f'<newsMessage xmlns="{_NAR}">\n'
                f"  <header>\n    <sent>{sent}</sent>\n  </header>\n  <itemSet>\n"
            )
        msg = f"several articles cannot go to one {self._target.value} file; use --out-dir"
        raise NewsmodelError(msg)

    def _member(self, text: str) -> str:
        if self._target in JSON_FORMATS:
            return json.dumps(json.loads(text), ensure_ascii=False) + "\n"
        return text if text.endswith("\n") else text + "\n"


class Folder:
    """
    One file per document in a folder, named from its input (``STEM.EXT``, ``STEM-N.EXT``).

    A rerun replaces the files it wrote before; two inputs of one stem would
    write the same file, so the second is refused.

    Args:
        directory: The folder, created if it is not there.
        target: The format written, whose extension the files get.
        inputs: The identities of the inputs, which are never written.

    Raises:
        NewsmodelError: *directory* is there and is not a folder.
    """

    def __init__(
        self, directory: str, target: Format, inputs: frozenset[Identity] = frozenset()
    ) -> None:
        self._path = Path(directory)
        if self._path.exists() and not self._path.is_dir():
            msg = "is a file, not a folder; --out-dir needs a folder (or use -o for one file)"
            raise NewsmodelError(msg)
        self._path.mkdir(parents=True, exist_ok=True)
        self._extension = info(target).extensions[0]
        self._inputs = inputs
        self._stems: set[str] = set()

    def add(self, stem: str, text: str) -> None:
        """
        Write one document as the file *stem* names.

        Raises:
            NewsmodelError: An earlier input of this run wrote that file.
            OSError: The file cannot be written.
        """
        name = self._path / (stem + self._extension)
        if stem in self._stems:
            msg = f"an earlier input wrote {name} already; convert inputs of one name apart"
            raise NewsmodelError(msg)
        self._stems.add(stem)
        destination = Destination(str(name), self._inputs)
        try:
            destination.write(text)
        except BaseException:
            destination.close(keep=False)
            raise
        destination.close()
