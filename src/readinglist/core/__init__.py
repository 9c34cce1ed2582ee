"""The Qt-free core: digest parsing, arXiv ids, text cleaning and the query language.

Nothing under this package may import Qt or the UI (checked by import-linter).
"""
