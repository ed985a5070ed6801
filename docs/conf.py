"""Sphinx configuration: MyST markdown pages, furo, API and CLI references from the code."""

from __future__ import annotations

from newsmodel import __version__

project = "newsmodel"
author = "The newsmodel developers"
copyright = "2026, The newsmodel developers"  # noqa: A001 - Sphinx's name
release = __version__  # the distribution is newsmodel-kit; the package keeps its version

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinxarg.ext",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_class_signature = "separated"
# Attributes: sections become fields of the class, not separate objects.
napoleon_use_ivar = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "furo"
html_title = f"newsmodel {release}"
