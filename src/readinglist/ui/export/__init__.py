"""File → Export…: which papers in which format, written off the GUI thread."""
