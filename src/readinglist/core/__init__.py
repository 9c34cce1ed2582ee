"""The Qt-free core: digests (reading files, parsing them), arXiv ids, text cleaning, the query
language, the export formats, what a teaser's bytes are, and the plain values the other layers
share (papers, statuses and their looks, list rows).

Nothing under this package imports Qt, SQLAlchemy, SQLModel or sqlite3 (checked by
import-linter).
"""
