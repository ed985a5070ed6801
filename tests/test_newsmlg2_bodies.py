"""NewsML-G2 bodies the allow-list refuses: the sanitiser is given the same markup either way."""

from __future__ import annotations

import copy

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from newsmodel._lowlevel import sanitiser, xml
from newsmodel.errors import FieldError
from newsmodel.formats import markup
from newsmodel.formats.newsml_g2 import body, names
from newsmodel.model import Body

# Blocks of every kind a feed sends: allowed, refused, in other namespaces,
# with prefixes and declarations, and text that looks like markup.
_BLOCKS = st.sampled_from(
    [
        "<p>a</p>",
        "<p>b <b>c</b></p>",
        "<p/>",
        "<p class='x' onclick='y()'>d</p>",
        "<script>s()</script>",
        "<p><a href='javascript:x()'>l</a></p>",
        "<Company>C</Company>",
        "<fakta>f</fakta>",
        "<p>f</p>tail",
        "<!-- c -->",
        "<?pi x?>",
        "<p xmlns=''>g</p>",
        "<o:p xmlns:o='urn:o'>h</o:p>",
        "<p xml:lang='fi'>i</p>",
        "<p><span q:a='1' xmlns:q='urn:q'>j</span></p>",
        "<p q:c='1'>o</p>",  # of a namespace the document declares outside the body
        '<p>&lt;x:y&gt; a:b="c" xmlns</p>',
        "<p title='a:b=\"c\"'>k</p>",
        f"<p><h:b xmlns:h='{names.XHTML}'>m</h:b></p>",
        f"<p><n:b xmlns:n='{names.NAR}'>n</n:b></p>",
        "<header>h</header>",
        "<p>  spaced\n text </p>",
    ]
)


@given(
    st.lists(_BLOCKS, min_size=1, max_size=5).map("".join),
    st.sampled_from([names.XHTML, names.NAR]),
)
def test_a_refused_body_written_where_it_is_is_its_copy_without_namespaces(
    blocks: str, namespace: str
) -> None:
    # Written where it was parsed, or copied and renamed element by element
    # first (the long way, and the way it always went): the sanitiser reads
    # the same markup, so it removes and reports the same.
    root = xml.parse(
        f'<html xmlns="{namespace}" xmlns:q="urn:q"><head><title>T</title></head>'
        f'<body q:b="1">{blocks}</body></html>'.encode()
    )
    checked = body._checked_in_place(copy.deepcopy(root))  # noqa: SLF001 - the two ways are private
    if checked is None or isinstance(checked, Body):
        return  # allowed in place: no sanitiser
    written = body._as_written(checked)  # noqa: SLF001
    plain = body._plain_xhtml(root)  # noqa: SLF001
    if written is None or plain is None:
        return  # the long way, for a prefix, a declaration or an agency's words
    copied = body._blocks_of(plain[0])  # noqa: SLF001
    assert body._inner_markup(copied) == written[0]  # noqa: SLF001


# Story parts in an agency's words, and markup the allow-list refuses or keeps.
_PARTS = st.sampled_from(
    [
        "<p>a</p>",
        "<p>b <em>c</em> <a href='https://x'>l</a></p>",
        "<p><a href='javascript:x()'>l</a></p>",
        "<hl2>h</hl2>",
        "<block><p>d</p>tail</block>",
        "<BRODTEXT>e</BRODTEXT>",
        "<table><tr><td>f</td></tr></table>",
        "<p>&lt;b&gt;g&lt;/b&gt;</p>",
        "<note>n</note>",
        "<p/>",
        "loose",
        "<byline>By Someone</byline>",
        "<ul><li>i</li></ul>",
    ]
)


@given(st.lists(_PARTS, min_size=1, max_size=5).map("".join))
def test_story_parts_checked_where_they_were_made_are_the_body_of_their_markup(
    parts: str,
) -> None:
    # The blocks made of an agency's story parts are checked where they were
    # made; written out and parsed again, they must give the same body, and
    # refused ones the same cleaned body and report.
    made = etree.Element("div")
    markup._Converter(lambda _, __: None).blocks(_story_parts(parts), made)  # noqa: SLF001
    written = "".join(etree.tostring(block, encoding="unicode") for block in made)
    removed: tuple[str, ...] = ()
    try:
        expected = Body(html=written) if written else None
    except FieldError:
        cleaned, removed = sanitiser.clean(written)
        expected = Body(html=cleaned) if cleaned else None
    lost: list[str] = []
    found, _ = markup.to_body(_story_parts(parts), lambda _, what: lost.append(what))
    assert expected == found
    assert (expected and expected.text) == (found and found.text)
    reported = [what for what in lost if what.startswith("body markup removed")]
    assert ([f"body markup removed: {', '.join(removed)}"] if removed else []) == reported


def _story_parts(parts: str) -> etree._Element:
    return xml.parse(f"<body.content>{parts}</body.content>".encode())
