"""HTML from outside, cleaned by nh3 into blocks a body holds, with what was removed named."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel._lowlevel import sanitiser
from newsmodel.model import Body

# Pieces of the markup feeds send, well-formed or not, safe or not.
_pieces = st.sampled_from(
    [
        "<p>", "</p>", "<b>", "</b>", "text", " ", "\n", "<div>", "</div>", "<header>", "</header>",
        "<script>x</script>", "<a href='javascript:x'>", "<a href='https://x'>", "</a>",
        "<!-- c -->", "<html>", "<body>", "<BODY>", "<head>", "</head>", "<title>t</title>",
        "<!DOCTYPE html>", "&amp;", "&nbsp;", "&#1;", "&#xFFFE;", "&#13;", "\r", "<br>",
        "<img src=x onerror=y>", "<table><tr><td>c</td></tr></table>", "<li data-x='1'>",
        "<Company>", "</Company>", "x<", "<?pi x?>", "<pre> a  b</pre>", "\x01",
        "<time data-datetime='x'>t</time>", "<section class='c'>", "</section>",
    ]
)  # fmt: skip


@given(st.lists(_pieces, max_size=14).map("".join))
def test_cleaned_blocks_are_the_body_of_the_cleaned_markup(markup: str) -> None:
    # A reader builds its body from the blocks where the sanitiser parsed
    # them; it must be the body the cleaned markup makes.
    cleaned, removed = sanitiser.clean(markup)
    blocks, removed_too = sanitiser.clean_blocks(markup)
    assert removed == removed_too
    if cleaned.strip():
        assert Body(html=cleaned) == Body.from_element(blocks)
    else:
        assert not len(blocks)


@pytest.mark.parametrize(
    ("markup", "cleaned"),
    [
        # lxml's HTML parser makes two bodies of this, or none.
        ("<head/><BODY><p>one</p></BODY>", "<p>one</p>"),
        ("<p>a</p><body><p>b</p></body>", "<p>a</p><p>b</p>"),
        ("<html>", ""),
        ("<html><head><title>t</title></head></html>", "<p>t</p>"),
    ],
)
def test_markup_with_more_or_fewer_bodies_is_cleaned(markup: str, cleaned: str) -> None:
    assert cleaned == sanitiser.clean(markup)[0]


@pytest.mark.parametrize("reference", ["&#1;", "&#xFFFE;", "&#x1F;"])
def test_a_reference_to_a_character_xml_cannot_carry_is_removed(reference: str) -> None:
    cleaned, removed = sanitiser.clean(f"<p>a{reference}b</p>")
    assert "<p>ab</p>" == cleaned
    assert ("characters XML cannot carry",) == removed


@pytest.mark.parametrize(
    ("markup", "removed"),
    [
        ('<section class="main"><p>Text</p></section>', ("<section>", "section@class")),
        ("<p onclick='x()'>Text</p><script>x()</script>", ("<script>", "p@onclick")),
        ('<p><a href="javascript:x()">a</a></p>', ("a@href",)),
        ("<p>Text</p>", ()),
    ],
)
def test_what_the_sanitiser_removed_is_named(markup: str, removed: tuple[str, ...]) -> None:
    assert removed == sanitiser.clean(markup)[1]
