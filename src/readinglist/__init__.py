"""readinglist: a desktop library for daily research-paper digests."""

# Kept equal to pyproject.toml's version by tests/test_cli.py; a literal, because reading
# the installed metadata (importlib.metadata) costs a quarter of a bare Qt window's start.
__version__ = "0.1.0"
