"""
Every format, and every chain of two, loses exactly what FIDELITY documents.

A field kept whole must come back equal (up to white space around text, for
the formats whose readers trim it); a field kept not at all must come back
empty; and whatever differs must be in the writers' loss reports.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given

from newsmodel.conversion import Reading
from newsmodel.fidelity import FIDELITY, Kept, kept
from newsmodel.formats import Format, info
from newsmodel.model import Article
from strategies import articles

WRITTEN = [f for f in Format if info(f).writable]


def trimmed(value: Any) -> Any:
    """*value* with the white space around each of its texts removed."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, tuple):
        return tuple(trimmed(v) for v in value)
    if attrs.has(type(value)):
        return (type(value), *(trimmed(getattr(value, f.name)) for f in attrs.fields(type(value))))
    return value


def through(article: Article, target: Format) -> tuple[Article, set[str]]:
    """*article* written as *target* and read back, and the fields reported lost."""
    codec = info(target).codec()
    writing = codec.write(article)
    (item,) = codec.read_items(writing.text)
    assert isinstance(item, Reading), item
    return item.article, {loss.where.removeprefix("$.") for loss in writing.losses}


def assert_faithful(original: Article, back: Article, chain: list[Format], lost: set[str]) -> None:
    trims = any(FIDELITY[f].trims_text for f in chain)
    for field in attrs.fields(Article):
        before, after = getattr(original, field.name), getattr(back, field.name)
        if before != after:
            assert field.name in lost, f"{field.name} changed through {chain} unreported"
        levels = {kept(f, field.name) for f in chain}
        if levels == {Kept.WHOLE}:
            same = trimmed(before) == trimmed(after) if trims else before == after
            assert same, f"{field.name} is documented as kept whole through {chain}"
        elif Kept.NOTHING in levels:
            assert after == field.default, f"{field.name} is documented as not written"


@pytest.mark.parametrize("first", WRITTEN)
@given(article=articles())
def test_every_format_and_every_chain_of_two(first: Format, article: Article) -> None:
    middle, lost_first = through(article, first)
    assert_faithful(article, middle, [first], lost_first)
    for second in WRITTEN:
        back, lost_second = through(middle, second)
        assert_faithful(article, back, [first, second], lost_first | lost_second)


def test_the_table_covers_every_written_format_and_names_real_fields() -> None:
    assert set(FIDELITY) == set(WRITTEN)
    names = {f.name for f in attrs.fields(Article)}
    for fidelity in FIDELITY.values():
        assert set(fidelity.not_whole) <= names
        assert Kept.WHOLE not in fidelity.not_whole.values()
