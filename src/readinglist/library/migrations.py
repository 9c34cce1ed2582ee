"""Schema versions, kept in `PRAGMA user_version`, and the steps between them.

Each step is frozen SQL: once released it never changes; a new version adds a step.
Steps run in one transaction, after a backup (see `database.open_library`).
"""

import sqlite3
from collections.abc import Callable

Step = Callable[[sqlite3.Connection], None]

_V1 = """
CREATE TABLE papers (
    id INTEGER PRIMARY KEY,
    arxiv_id VARCHAR NOT NULL UNIQUE,
    url VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    authors VARCHAR NOT NULL DEFAULT '[]',
    authors_truncated BOOLEAN NOT NULL DEFAULT 0,
    first_seen DATE NOT NULL,
    last_seen DATE NOT NULL,
    votes INTEGER,
    votes_date DATE,
    starred BOOLEAN NOT NULL DEFAULT 0,
    status VARCHAR NOT NULL DEFAULT 'unread'
        CHECK (status IN ('unread', 'queued', 'reading', 'read', 'skipped')),
    status_changed_at DATETIME,
    note VARCHAR NOT NULL DEFAULT '',
    note_changed_at DATETIME,
    added_at DATETIME NOT NULL
);
CREATE INDEX ix_papers_first_seen ON papers (first_seen);
CREATE INDEX ix_papers_last_seen ON papers (last_seen);
CREATE INDEX ix_papers_votes ON papers (votes);
CREATE INDEX ix_papers_status ON papers (status);
CREATE INDEX ix_papers_starred ON papers (starred) WHERE starred;

CREATE TABLE digests (
    id INTEGER PRIMARY KEY,
    date DATE NOT NULL UNIQUE,
    source_name VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    imported_at DATETIME NOT NULL
);

CREATE TABLE digest_files (
    id INTEGER PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,
    digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
    source_name VARCHAR NOT NULL,
    imported_at DATETIME NOT NULL,
    papers_new INTEGER NOT NULL DEFAULT 0,
    appearances_new INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_digest_files_digest_id ON digest_files (digest_id);

CREATE TABLE appearances (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    votes INTEGER,
    media_kind VARCHAR CHECK (media_kind IN ('image', 'video')),
    media_url VARCHAR,
    summary VARCHAR NOT NULL DEFAULT '[]',
    UNIQUE (paper_id, digest_id)
);
CREATE INDEX ix_appearances_digest ON appearances (digest_id, position);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name VARCHAR COLLATE NOCASE NOT NULL UNIQUE
);

CREATE TABLE paper_tags (
    paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (paper_id, tag_id)
);
CREATE INDEX ix_paper_tags_tag ON paper_tags (tag_id);
"""


# Version 2: indexes that let the list sort by title or authors, and by star, without
# sorting the whole library (the v1 starred index covered starred papers only), and list
# one status's papers newest first straight from an index.
_V2 = """
DROP INDEX ix_papers_starred;
CREATE INDEX ix_papers_starred ON papers (starred);
DROP INDEX ix_papers_status;
CREATE INDEX ix_papers_status_first_seen ON papers (status, first_seen);
CREATE INDEX ix_papers_title_lower ON papers (lower(title));
CREATE INDEX ix_papers_authors_lower ON papers (lower(authors));
"""


def _run_script(script: str) -> Step:
    def run(connection: sqlite3.Connection) -> None:
        for statement in script.split(";"):
            if statement.strip():
                connection.execute(statement)

    return run


# STEPS[n] takes a library from version n to n + 1.
STEPS: dict[int, Step] = {0: _run_script(_V1), 1: _run_script(_V2)}


def latest_version() -> int:
    return max(STEPS) + 1


def read_version(connection: sqlite3.Connection) -> int:
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(connection: sqlite3.Connection, steps: dict[int, Step] | None = None) -> int:
    """Run every step from the library's version to the latest in one transaction.

    `connection` must be in autocommit mode (isolation_level None). Returns the new version.
    """
    steps = STEPS if steps is None else steps
    target = max(steps) + 1
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = read_version(connection)  # again, under the lock: another process may have won
        while version < target:
            steps[version](connection)
            version += 1
            connection.execute(f"PRAGMA user_version = {version:d}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return version
