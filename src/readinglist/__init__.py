"""readinglist: a desktop library for daily research-paper digests."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("readinglist")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
