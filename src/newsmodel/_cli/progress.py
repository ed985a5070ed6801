"""
A progress line on a terminal, for a run long enough to wonder about.

It shows only when the stream is a terminal, the user did not ask for quiet
(``-q``), and the run has taken a second already; then it is rewritten in
place a few times a second, so a short run or a pipe sees nothing.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["Progress"]

_LONG_RUN = 1.0  # seconds before the line first shows
_INTERVAL = 0.2  # seconds between two updates of the line


class Progress:
    """
    One line of progress on *stream*, rewritten in place.

    Args:
        stream: Where it goes: standard error.
        quiet: Show nothing.
        clock: Seconds from some fixed point; the tests give their own.
    """

    def __init__(
        self, stream: TextIO, *, quiet: bool, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._stream = stream
        self._enabled = not quiet and stream.isatty()
        self._clock = clock
        self._start = clock()
        self._shown_at: float | None = None

    def show(self, text: str) -> None:
        """
        Show *text* as the progress so far, if the run is long and it is time to.
        """
        if not self._enabled:
            return
        now = self._clock()
        if now - self._start < _LONG_RUN:
            return
        if self._shown_at is not None and now - self._shown_at < _INTERVAL:
            return
        self._stream.write(f"\r{text}")
        self._stream.flush()
        self._shown_at = now

    def finish(self, text: str) -> None:
        """
        Show the final count and end the line, if the line was shown at all.
        """
        if self._shown_at is not None:
            self._stream.write(f"\r{text}\n")
            self._stream.flush()
