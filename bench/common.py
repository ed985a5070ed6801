"""
What the benchmarks share: timing, and generated articles.
"""

from __future__ import annotations

import subprocess
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from newsmodel.model import Article, Body, Byline, Concept, Person, Quotation, Section, Span

if TYPE_CHECKING:
    from collections.abc import Callable

WRITTEN_AT = datetime(2026, 1, 1, tzinfo=UTC)


def best(rounds: int, work: Callable[[], object]) -> float:
    """The fastest of *rounds* runs of *work*, in seconds of this process's CPU time."""
    times = []
    for _ in range(rounds):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times)


def paired(
    rounds: int, ours: Callable[[], object], floor: Callable[[], object]
) -> tuple[float, float]:
    """
    The fastest of *rounds* runs of *ours* and of *floor*, taken in turn.

    On a shared machine the load changes from second to second; timing the
    two in turn puts both under the same load, and timing this process's
    CPU time rather than the clock leaves out the time other jobs held the
    core (a long round is preempted more often than a short one), so their
    ratio holds.
    """
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(rounds):
        for work, kept in ((ours, times[0]), (floor, times[1])):
            start = time.process_time()
            work()
            kept.append(time.process_time() - start)
    return min(times[0]), min(times[1])


def timed(command: list[str], rounds: int) -> float:
    """The fastest of *rounds* runs of a command, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def generated_articles(count: int) -> list[Article]:
    """Articles of a realistic size: a dozen paragraphs, bylines, subjects, quotes."""
    paragraphs = [f"Paragraph {n} of the story, with “a quotation {n}” in it." for n in range(12)]
    body = Body.from_paragraphs(*paragraphs)
    start = body.text.index("a quotation 3")
    return [
        Article(
            id=f"urn:newsmodel:bench:{n}",
            version=1,
            headline=f"Story number {n} about the council budget",
            summary="The council approved its budget.",
            sections=(Section(path=("News", "Local")),),
            bylines=(Byline(text="By Ann Lee"),),
            subjects=(Concept(code="20000621", scheme="medtop", name="politics"),),
            language="en",
            published=WRITTEN_AT,
            modified=WRITTEN_AT,
            body=body,
            quotations=(
                Quotation(
                    text="a quotation 3",
                    speaker=Person(name="Ann Lee"),
                    span=Span(start=start, end=start + len("a quotation 3")),
                ),
            ),
        )
        for n in range(count)
    ]
