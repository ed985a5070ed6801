"""
The version: one line the build reads, and ``newsmodel --version`` prints.

Kept here rather than read from the installed package's metadata, whose
import costs the command line's start-up a third of its time.
"""

__version__ = "0.1.0"
