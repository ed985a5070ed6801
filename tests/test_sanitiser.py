"""HTML from outside, cleaned by nh3 into blocks a body holds, with what was removed named."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

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


# Names as feeds write them, and those the HTML parser reads otherwise: in
# another case, not in ASCII, dropped inside a body, or holding only text.
_tags = st.sampled_from(
    [
        "p", "b", "div", "header", "section", "Company", "P", "li", "ul", "td", "tr", "table",
        "br", "img", "a", "time", "x-y", "a.b", "_a", "Ämter", "body", "head", "html", "title",
        "script", "style", "textarea", "noscript", "iframe", "meta", "option", "svg", "image",
    ]
)  # fmt: skip
_attributes = st.dictionaries(
    st.sampled_from(["class", "CLASS", "data-id", "href", "onclick", "_q", "z.w", "Ä", "id"]),
    st.sampled_from(["x", "javascript:x()", "https://example.com/", "<b>", "a&b", ""]),
    max_size=3,
)
_texts = st.sampled_from([None, "", " ", "text", "a < b & c", "\n", "x\r", "&#1;"])


# A comment or processing instruction whose text looks like a tag.
_others = st.sampled_from(["<Company a='b'>", "<p>", "x"]).flatmap(
    lambda text: st.sampled_from([etree.Comment(f" {text} "), etree.PI("pi", text)])
)


@st.composite
def _trees(draw: st.DrawFn, depth: int = 0) -> etree._Element:
    element = etree.Element(draw(_tags) if depth else "body", draw(_attributes) if depth else {})
    element.text = draw(_texts)
    if depth < 3:
        for _ in range(draw(st.integers(0, 3))):
            child = draw(_trees(depth + 1) | _others)
            child.tail = draw(_texts)
            element.append(child)
    return element


@settings(max_examples=400)
@given(_trees())
def test_markup_written_from_parsed_elements_is_cleaned_as_any_markup(tree: etree._Element) -> None:
    # What was removed is named from the elements an XML reader parsed; it
    # must be what a parse of the written markup as HTML names, and the
    # blocks kept the same.
    _assert_cleaned_as_any_markup(tree)


@pytest.mark.parametrize(
    "markup",
    [
        "<script><b>x</b></script>",
        "<p><style><i>x</i></style></p>",
        "<textarea><b>x</b></textarea>",
        "<title><i>x</i></title>",
        "<Ämter>x</Ämter>",
        "<_a>x</_a><p>y</p>",
        "<body class='x'><p>y</p></body>",
        "<p Ä='1' CLASS='c'>x</p>",
        "<P>x</P><Company>y</Company>",
        "<p>x</p><!-- <Company>y</Company> -->",
        "<p>x<?pi <Company a='1'>?></p>",
        "<p title='a b=\"c\" &gt; d'>x</p>",
        "<p xmlns=''>x</p><p>y</p>",
    ],
)
def test_names_the_html_parser_reads_otherwise_are_named_as_it_reads_them(markup: str) -> None:
    _assert_cleaned_as_any_markup(etree.fromstring(f"<body>{markup}</body>"))


def _assert_cleaned_as_any_markup(tree: etree._Element) -> None:
    markup = (tree.text or "") + "".join(
        etree.tostring(child, encoding="unicode", with_tail=True) for child in tree
    )
    blocks, removed = sanitiser.clean_written(markup, sanitiser.start_tags(markup))
    expected_blocks, expected_removed = sanitiser.clean_blocks(markup)
    assert expected_removed == removed
    assert etree.tostring(expected_blocks) == etree.tostring(blocks)


# Markup of plain names, which is named from its start tags: allowed or not,
# with attributes allowed or not, links safe or not, in a table or loose.
_plain_pieces = st.sampled_from(
    [
        "<p>", "</p>", "<b class='c'>", "<b>", "</b>", "text", "<div id='i'>", "</div>",
        "<header>", "</header>", "<section class='c'>", "</section>", "<a href='javascript:x'>",
        "<a href='https://x' rel='r' data-x='1'>", "</a>", "<li data-x='1'>", "<li>", "</li>",
        "<td align='l'>", "<td class='c'>", "</td>", "<table>", "</table>", "<tr>", "</tr>",
        "<Company>", "</Company>", "<time data-datetime='x'>t</time>", "<img src='x' alt='a'>",
        "<img src='javascript:y'>", "<br>", "<span onclick='x()'>", "</span>",
    ]
)  # fmt: skip


@given(st.lists(_plain_pieces, max_size=14).map("".join))
def test_the_names_the_cleaned_markup_holds_are_found_as_a_walk_finds_them(markup: str) -> None:
    # Only allowed names are looked for in what nh3 kept, each by a search
    # that stops at the first element that has it; a walk over every
    # element is the reference.
    names = sanitiser._names(sanitiser._bodies(markup)) | {"<p>", "p@class", "a@href"}  # noqa: SLF001
    kept = sanitiser._bodies(sanitiser._CLEANER.clean(markup))  # noqa: SLF001
    assert names & sanitiser._names(kept) == sanitiser._held(kept, names)  # noqa: SLF001
