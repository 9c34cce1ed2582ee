"""The schema's tables, for statements written in SQLAlchemy Core: `tables.PAPERS` is
`schema.PaperRecord.__table__`, and so on. Nothing is declared here.

A table is looked up the first time it is used, not when this module is imported: the
schema's SQLModel classes (SQLModel and pydantic with them) take 0.15-0.2 s to import on an
idle 2-core machine and 0.5 s on a busy one, and the window's first rows are read without
them (see `id_plans.py`). So write `tables.PAPERS` where a statement is built: `from
readinglist.library.tables import PAPERS` at the top of a module would load SQLModel with it.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Table

    PAPERS: Table
    DIGESTS: Table
    DIGEST_FILES: Table
    SIGHTINGS: Table
    TAGS: Table
    PAPER_TAGS: Table
    SAVED_SEARCHES: Table
    TRASH: Table
    STATUS_EVENTS: Table
    RULES: Table
    RULE_HITS: Table
    TRIAGE_STATE: Table
    RESURFACING: Table
    WATCH_FOLDERS: Table
    WATCHED_FILES: Table
    SUBSCRIPTIONS: Table
    SUBSCRIPTION_DAYS: Table


def __getattr__(name: str) -> "Table":
    """A table named in capitals, from the SQLModel classes (PEP 562: only names not yet
    here come here; each is kept here once found). Any other name, as tools look for
    (`__wrapped__`), is not there, and loads nothing."""
    found = _table(name.lower()) if name.isupper() else None
    if found is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = found
    return found


def _table(name: str) -> "Table | None":
    from sqlmodel import SQLModel

    import readinglist.library.schema  # noqa: F401  (declares the tables)

    return SQLModel.metadata.tables.get(name)
