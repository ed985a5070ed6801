"""
IPTC ninjs, the JSON of news agency APIs: read 1.x, 2.x and 3.x, write 2.x and 3.x.

* The version is told from the document: camelCase keys are 3.x,
  ``headlines``/``bodies`` arrays are 2.x, ``headline``/``body_*`` strings are
  1.x (and the dialects of Superdesk and the AP Media API, which extend 1.x).
* Writing follows the official 3.2 and 2.3 schemas, which refuse unknown
  keys; the model's fields ninjs has no key for use ninjs's own structures
  in documented ways:

  - sections are ``subjects`` with ``rel`` ``section`` (the path joined as
    ``str(section)`` joins it, the code as ``literal``), keywords are
    ``subjects`` with ``rel`` ``keyword``;
  - people and organisations of the byline are ``people`` and
    ``organisations`` with their role as ``rel``;
  - the publisher and the provider are ``infoSources`` with that ``role``;
  - the canonical URL is an ``altIds`` entry with the role ``canonical-url``;
  - pictures are ``picture`` associations with one rendition;
  - each quotation is a ``text`` association (``rel`` ``quotation`` in 3.x,
    ``profile`` ``quotation`` in 2.x) whose body is the quoted words, whose
    ``people`` or ``organisations`` entry is the speaker, and whose
    descriptions hold the cue, the mention, the kind and the span.

* What ninjs cannot hold (a person's title, a dateline's text, boilerplate...)
  is reported by :func:`write` as a loss, worked out from the mapping by
  :mod:`newsmodel.formats.ninjs.losses`; a property test holds it equal to
  what reading the document back finds.
* HTML bodies from outside are cleaned with the sanitiser.

The mapping table is in the documentation, ``docs/formats/ninjs.md``.
"""

from __future__ import annotations

from newsmodel.formats.ninjs.reader import loads, read, read_document, read_items
from newsmodel.formats.ninjs.versions import version_of
from newsmodel.formats.ninjs.writer import VERSION_2, VERSION_3, Ninjs

#: Writing without a version named writes the newest major, 3.x.
dumps = VERSION_3.dumps
write = VERSION_3.write

__all__ = [
    "VERSION_2",
    "VERSION_3",
    "Ninjs",
    "dumps",
    "loads",
    "read",
    "read_document",
    "read_items",
    "version_of",
    "write",
]
