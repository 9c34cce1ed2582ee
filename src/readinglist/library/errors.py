"""The library's error for people, on its own: the command line catches it without loading
SQLite (or anything else) before the window's first paint."""


class LibraryError(Exception):
    """A library that cannot be opened or used, with a message for people."""
