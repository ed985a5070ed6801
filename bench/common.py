"""
What the benchmarks share: timing, generated articles, and the report line.
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from newsmodel.model import Article, Body, Byline, Concept, Person, Quotation, Section, Span

if TYPE_CHECKING:
    from collections.abc import Callable

WRITTEN_AT = datetime(2026, 1, 1, tzinfo=UTC)


def best(rounds: int, work: Callable[[], object]) -> float:
    """The fastest of *rounds* runs of *work*, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
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


def report(name: str, count: int, ours: float, floor: float) -> None:
    print(
        f"{name:<34} {count / ours:>10,.0f} items/s   floor {count / floor:>10,.0f} items/s"
        f"   ratio {ours / floor:5.2f}x"
    )


def arguments(description: str) -> argparse.Namespace:
    """The options every benchmark takes: rounds, and how many articles to generate."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--articles", type=int, default=1_000)
    return parser.parse_args()


def compare(
    sets: list[tuple[str, list[Article], list[bytes]]],
    rounds: int,
    floor: Callable[[list[bytes]], None],
    read: Callable[[list[bytes]], None],
    write: Callable[[list[Article]], None],
) -> None:
    """Time reading, writing and the floor on each set of articles and their documents."""
    for label, articles, documents in sets:
        floor_time = best(rounds, partial(floor, documents))
        read_time = best(rounds, partial(read, documents))
        write_time = best(rounds, partial(write, articles))
        report(f"read  ({label}, {len(documents)})", len(documents), read_time, floor_time)
        report(f"write ({label}, {len(articles)})", len(articles), write_time, floor_time)
