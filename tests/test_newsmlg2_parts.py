"""What the parts of a NewsML-G2 item hold that the model has no place for, each kind once."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from newsmodel.formats.newsml_g2 import names as g2
from newsmodel.formats.newsml_g2 import reader

_HANDLED = reader._HANDLED["contentMeta"]  # noqa: SLF001 - what the reader maps is the rule's input
# Names the model maps, names it does not, single ones, in every namespace a feed uses.
_LOCALS = ["urgency", "language", "headline", "subject", "signal", "itemClass", "field", "x"]
_NAMESPACES = [g2.NAR, g2.NM, "urn:other", None]
_CHILDREN = st.lists(
    st.tuples(st.sampled_from(_NAMESPACES), st.sampled_from(_LOCALS)) | st.just((None, None)),
    max_size=12,
)


def _reported_the_long_way(element: etree._Element) -> list[str]:
    """What is lost, found by counting every child by name, in the order names first occur."""
    counts: dict[str, int] = {}
    for node in element.iterchildren(etree.Element):
        tag = str(node.tag)
        counts[tag] = counts.get(tag, 0) + 1
    unknown: list[tuple[str, int]] = []
    foreign: list[tuple[str, int]] = []
    singles: dict[str, int] = {}
    for tag, count in counts.items():
        name = etree.QName(tag)
        if tag not in _HANDLED and name.namespace == g2.NAR:
            unknown.append((name.localname, count))
        elif tag not in _HANDLED and name.namespace != g2.NM:
            foreign.append((tag, count))
        if name.localname in g2.SINGLE:
            singles[name.localname] = singles.get(name.localname, 0) + count
    lines = [
        f"{count} <{name}> elements are not held by the model"
        if count > 1
        else f"<{name}> is not held by the model"
        for name, count in unknown + foreign
    ]
    return lines + [
        f"{count} <{name}> elements: only the first is held"
        for name, count in singles.items()
        if count > 1
    ]


@given(_CHILDREN)
def test_a_part_reports_what_counting_every_child_finds(
    children: list[tuple[str | None, str | None]],
) -> None:
    # Only the names that can be lost are looked at again; an element named
    # as a single one in another namespace still counts as its repeat.
    element = etree.Element(g2.nar("contentMeta"))
    for namespace, local in children:
        if local is None:
            element.append(etree.Comment("a comment is no child the model maps"))
        else:
            element.append(etree.Element(f"{{{namespace}}}{local}" if namespace else local))
    reported: list[str] = []
    g2.Part(element, _HANDLED).report_unknown(lambda _, what: reported.append(what), _HANDLED)
    assert _reported_the_long_way(element) == reported
