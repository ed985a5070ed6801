"""A document's bytes rule out characters XML cannot carry only when it holds none."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st

from newsmodel._lowlevel import json as strict_json
from newsmodel.errors import ParseError
from newsmodel.formats.unfit import unfit_strings

# Texts rich in what XML cannot carry and in what only looks like it.
_texts = st.text(st.sampled_from(["a", "é", "\\", "b", "f", "u", "\x07", "\x0c", "\b", "\t", "\n"]))
_texts |= st.text(st.sampled_from(["\ufffe", "\uffff", "\ufeff", "\U0001f600", "0", "x"]))
_documents = st.recursive(
    st.none() | st.booleans() | st.integers() | _texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_texts, inner, max_size=3),
    max_leaves=8,
)


@given(_documents, st.booleans())
@example("\x0c", False)  # each alone: "\f", "\b", "\u0007", and as it is
@example({"a": ["\b"]}, True)
@example("\x07", False)
@example("\ufffe", False)
@example("\uffff", True)
def test_strings_found_from_the_bytes_are_those_a_walk_finds(
    document: object, ascii_only: bool
) -> None:
    data = json.dumps(document, ensure_ascii=ascii_only).encode()
    try:
        parsed = strict_json.parse(data)
    except ParseError:
        return  # a key given twice: nothing to read
    assert list(strict_json.strings_unfit_for_xml(parsed, "$")) == unfit_strings(data, parsed, "$")
