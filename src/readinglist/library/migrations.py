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


# Version 3: saved searches, and a full-text index over each paper's title, authors,
# summaries (every digest's), note, tags and id. The index keeps no copy of the text: it
# reads `paper_text`. A delete from it must be given the words that were indexed, so each
# trigger below works out the text as it was before the change.
#
# The importer alone writes titles, authors and appearances, and it updates the index for
# them itself, in bulk (`search_index.reindex`): through triggers, FTS5 would flush its
# pending terms to disk at every row's statement savepoint, and an import took 3x longer.
# The triggers cover what people change (notes, tags) and deletions.
_V3 = """
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name VARCHAR COLLATE NOCASE NOT NULL UNIQUE,
    query VARCHAR NOT NULL,
    created_at DATETIME NOT NULL
);

CREATE VIEW paper_text AS
SELECT
    papers.id AS id,
    papers.title AS title,
    papers.authors AS authors,
    (SELECT group_concat(appearances.summary, ' ') FROM appearances
        WHERE appearances.paper_id = papers.id) AS summary,
    papers.note AS note,
    (SELECT group_concat(tags.name, ' ') FROM tags WHERE tags.id IN
        (SELECT paper_tags.tag_id FROM paper_tags WHERE paper_tags.paper_id = papers.id)) AS tags,
    papers.arxiv_id AS arxiv_id
FROM papers;

CREATE VIRTUAL TABLE paper_search USING fts5 (
    title, authors, summary, note, tags, arxiv_id,
    content = 'paper_text', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Merge the index's segments 16 at a time, not 4: each import transaction adds one, and
-- merging less often took 8% off a 200k import (and 25% off this rebuild), searches as fast.
INSERT INTO paper_search (paper_search, rank) VALUES ('automerge', 16);
INSERT INTO paper_search (paper_search) VALUES ('rebuild');

CREATE TRIGGER paper_search_note AFTER UPDATE OF note ON papers
WHEN old.note IS NOT new.note
BEGIN
    INSERT INTO paper_search (paper_search, rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT 'delete', id, title, authors, summary, old.note, tags, arxiv_id
    FROM paper_text WHERE id = new.id;
    INSERT INTO paper_search (rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT id, title, authors, summary, note, tags, arxiv_id FROM paper_text WHERE id = new.id;
END;

CREATE TRIGGER paper_search_paper_delete BEFORE DELETE ON papers BEGIN
    INSERT INTO paper_search (paper_search, rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT 'delete', id, title, authors, summary, note, tags, arxiv_id
    FROM paper_text WHERE id = old.id;
END;

-- Deleting a paper deletes its appearances and tag links after it: nothing left to index.
CREATE TRIGGER paper_search_appearance_delete AFTER DELETE ON appearances
WHEN EXISTS (SELECT 1 FROM papers WHERE papers.id = old.paper_id)
BEGIN
    INSERT INTO paper_search (paper_search, rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT 'delete', id, title, authors,
        (SELECT group_concat(summary, ' ') FROM (
            SELECT appearances.summary FROM appearances WHERE appearances.paper_id = old.paper_id
            UNION ALL SELECT old.summary)),
        note, tags, arxiv_id
    FROM paper_text WHERE id = old.paper_id;
    INSERT INTO paper_search (rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT id, title, authors, summary, note, tags, arxiv_id FROM paper_text
    WHERE id = old.paper_id;
END;

CREATE TRIGGER paper_search_tag_link_insert AFTER INSERT ON paper_tags BEGIN
    INSERT INTO paper_search (paper_search, rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT 'delete', id, title, authors, summary, note,
        (SELECT group_concat(tags.name, ' ') FROM tags WHERE tags.id IN
            (SELECT paper_tags.tag_id FROM paper_tags
                WHERE paper_tags.paper_id = new.paper_id AND paper_tags.tag_id <> new.tag_id)),
        arxiv_id
    FROM paper_text WHERE id = new.paper_id;
    INSERT INTO paper_search (rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT id, title, authors, summary, note, tags, arxiv_id FROM paper_text
    WHERE id = new.paper_id;
END;

-- A tag deleted while papers carry it: paper_search_tag_delete, before, saw to them.
CREATE TRIGGER paper_search_tag_link_delete AFTER DELETE ON paper_tags
WHEN EXISTS (SELECT 1 FROM papers WHERE papers.id = old.paper_id)
    AND EXISTS (SELECT 1 FROM tags WHERE tags.id = old.tag_id)
BEGIN
    INSERT INTO paper_search (paper_search, rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT 'delete', id, title, authors, summary, note,
        (SELECT group_concat(tags.name, ' ') FROM tags WHERE tags.id IN
            (SELECT paper_tags.tag_id FROM paper_tags WHERE paper_tags.paper_id = old.paper_id
             UNION ALL SELECT old.tag_id)),
        arxiv_id
    FROM paper_text WHERE id = old.paper_id;
    INSERT INTO paper_search (rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT id, title, authors, summary, note, tags, arxiv_id FROM paper_text
    WHERE id = old.paper_id;
END;

CREATE TRIGGER paper_search_tag_rename AFTER UPDATE OF name ON tags
WHEN old.name IS NOT new.name
BEGIN
    INSERT INTO paper_search (paper_search, rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT 'delete', id, title, authors, summary, note,
        (SELECT group_concat(CASE WHEN tags.id = new.id THEN old.name ELSE tags.name END, ' ')
            FROM tags WHERE tags.id IN (SELECT paper_tags.tag_id FROM paper_tags
                WHERE paper_tags.paper_id = paper_text.id)),
        arxiv_id
    FROM paper_text WHERE id IN (SELECT paper_id FROM paper_tags WHERE tag_id = new.id);
    INSERT INTO paper_search (rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT id, title, authors, summary, note, tags, arxiv_id FROM paper_text
    WHERE id IN (SELECT paper_id FROM paper_tags WHERE tag_id = new.id);
END;

-- Before: once the tag is gone, its links (deleted with it) cannot be found.
CREATE TRIGGER paper_search_tag_delete BEFORE DELETE ON tags BEGIN
    INSERT INTO paper_search (paper_search, rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT 'delete', id, title, authors, summary, note, tags, arxiv_id FROM paper_text
    WHERE id IN (SELECT paper_id FROM paper_tags WHERE tag_id = old.id);
    INSERT INTO paper_search (rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT id, title, authors, summary, note,
        (SELECT group_concat(tags.name, ' ') FROM tags WHERE tags.id IN
            (SELECT paper_tags.tag_id FROM paper_tags
                WHERE paper_tags.paper_id = paper_text.id AND paper_tags.tag_id <> old.id)),
        arxiv_id
    FROM paper_text WHERE id IN (SELECT paper_id FROM paper_tags WHERE tag_id = old.id);
END;
"""


# Version 4: the list sorted within one status (the sidebar's Unread, Read, ...) reads an
# index in order instead of sorting most of the library: at 200k papers Unread by title took
# 160 ms, by authors 185, by votes 125. `ix_papers_status` holds each status's papers in id
# order, so the sort by status reads one range per status instead of sorting by a rank.
_V4 = """
CREATE INDEX ix_papers_status ON papers (status);
CREATE INDEX ix_papers_status_starred ON papers (status, starred);
CREATE INDEX ix_papers_status_votes ON papers (status, votes);
CREATE INDEX ix_papers_status_title_lower ON papers (status, lower(title));
CREATE INDEX ix_papers_status_authors_lower ON papers (status, lower(authors));
"""


# Version 5: the trash. A paper in it is left out of every list and count but the Trash's;
# its row, appearances, tags and note stay until the trash is emptied (deleting the paper
# deletes its row here). A table, not a column of `papers`: the lists walk covering indexes
# of `papers`, which a column outside them would make read every paper's row.
_V5 = """
CREATE TABLE trash (
    paper_id INTEGER PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
    trashed_at DATETIME NOT NULL
);
"""


# Version 6: sightings, one paper seen in one source on one day with what that source said
# (issue 15). A digest is one source's day: `digests` gains its source, and its date is
# unique per source, not alone (a JSON file or a feed can hold several days, and two sources
# may publish the same day). `appearances` become `sightings`, widened with what the other
# formats say (abstract, Korean title, links, categories, comments, a generator's error);
# each v5 appearance is a `daily-papers-md` sighting of its day (the default source). A
# sighting keeps `digest_id` rather than (source, day): the digest is that pair, declared
# once. Files no longer point at one digest (a file may hold several days) but say their
# format.
#
# SQLite cannot drop a column's UNIQUE, so the three tables are rebuilt, copied through
# temporary tables: children dropped before their parent, as `foreign_keys` is on here and
# dropping a parent would cascade. Only appearance text goes into the search index, and each
# migrated sighting's indexed text (summary, then the Korean title and abstract it does not
# have) is the appearance's, so the index stays as it is: no rebuild.
_V6 = """
DROP TRIGGER paper_search_appearance_delete;
DROP VIEW paper_text;

CREATE TEMP TABLE v5_digests AS SELECT * FROM digests;
CREATE TEMP TABLE v5_digest_files AS SELECT * FROM digest_files;
CREATE TEMP TABLE v5_appearances AS SELECT * FROM appearances;
DROP TABLE appearances;
DROP TABLE digest_files;
DROP TABLE digests;

CREATE TABLE digests (
    id INTEGER PRIMARY KEY,
    source VARCHAR NOT NULL DEFAULT 'daily-papers-md',
    date DATE NOT NULL,
    source_name VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    imported_at DATETIME NOT NULL,
    UNIQUE (source, date)
);
CREATE INDEX ix_digests_date ON digests (date);

CREATE TABLE digest_files (
    id INTEGER PRIMARY KEY,
    content_hash VARCHAR NOT NULL UNIQUE,
    format VARCHAR NOT NULL DEFAULT 'daily-papers-md',
    source_name VARCHAR NOT NULL,
    imported_at DATETIME NOT NULL,
    papers_new INTEGER NOT NULL DEFAULT 0,
    sightings_new INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sightings (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    digest_id INTEGER NOT NULL REFERENCES digests (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    votes INTEGER,
    comments INTEGER,
    title_ko VARCHAR,
    summary VARCHAR NOT NULL DEFAULT '[]',
    summary_language VARCHAR CHECK (summary_language IN ('ko', 'en')),
    summary_error VARCHAR,
    abstract VARCHAR,
    media_kind VARCHAR CHECK (media_kind IN ('image', 'video')),
    media_url VARCHAR,
    links VARCHAR NOT NULL DEFAULT '{}',
    categories VARCHAR NOT NULL DEFAULT '[]',
    keywords VARCHAR NOT NULL DEFAULT '[]',
    suggested_tags VARCHAR NOT NULL DEFAULT '[]',
    id_only BOOLEAN NOT NULL DEFAULT 0,
    UNIQUE (paper_id, digest_id)
);
CREATE INDEX ix_sightings_digest ON sightings (digest_id, position);

INSERT INTO digests (id, date, source_name, content_hash, imported_at)
SELECT id, date, source_name, content_hash, imported_at FROM v5_digests;
INSERT INTO digest_files (id, content_hash, source_name, imported_at, papers_new, sightings_new)
SELECT id, content_hash, source_name, imported_at, papers_new, appearances_new
FROM v5_digest_files;
INSERT INTO sightings (id, paper_id, digest_id, position, votes, media_kind, media_url, summary)
SELECT id, paper_id, digest_id, position, votes, media_kind, media_url, summary
FROM v5_appearances;
DROP TABLE v5_appearances;
DROP TABLE v5_digest_files;
DROP TABLE v5_digests;

CREATE VIEW paper_text AS
SELECT
    papers.id AS id,
    papers.title AS title,
    papers.authors AS authors,
    (SELECT group_concat(
        sightings.summary || coalesce(' ' || sightings.title_ko, '')
            || coalesce(' ' || sightings.abstract, ''), ' ')
        FROM sightings WHERE sightings.paper_id = papers.id) AS summary,
    papers.note AS note,
    (SELECT group_concat(tags.name, ' ') FROM tags WHERE tags.id IN
        (SELECT paper_tags.tag_id FROM paper_tags WHERE paper_tags.paper_id = papers.id)) AS tags,
    papers.arxiv_id AS arxiv_id
FROM papers;

-- Deleting a paper deletes its sightings and tag links after it: nothing left to index.
CREATE TRIGGER paper_search_sighting_delete AFTER DELETE ON sightings
WHEN EXISTS (SELECT 1 FROM papers WHERE papers.id = old.paper_id)
BEGIN
    INSERT INTO paper_search (paper_search, rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT 'delete', id, title, authors,
        (SELECT group_concat(text, ' ') FROM (
            SELECT sightings.summary || coalesce(' ' || sightings.title_ko, '')
                || coalesce(' ' || sightings.abstract, '') AS text
            FROM sightings WHERE sightings.paper_id = old.paper_id
            UNION ALL SELECT old.summary || coalesce(' ' || old.title_ko, '')
                || coalesce(' ' || old.abstract, ''))),
        note, tags, arxiv_id
    FROM paper_text WHERE id = old.paper_id;
    INSERT INTO paper_search (rowid, title, authors, summary, note, tags, arxiv_id)
    SELECT id, title, authors, summary, note, tags, arxiv_id FROM paper_text
    WHERE id = old.paper_id;
END;
"""


# Version 7: papers arrive by themselves (issue 15). Watched folders and what a scan saw in
# them (a file unchanged in size and modification time is not read again; a folder that
# disappeared keeps its row, with the moment it went missing), and subscriptions (a URL
# template with a date) with what each day's fetch gave: imported, missing (a 404, tried
# again while the day is recent) or failed, and the validators for a conditional request.
# Papers gain two stored figures the list sorts by through an index: how many sightings
# they have (seen before) and the votes gained over their last sightings (rising), filled
# here from the sightings the library has; and an index on when a paper was added (New today).
_V7 = """
CREATE TABLE watch_folders (
    id INTEGER PRIMARY KEY,
    path VARCHAR NOT NULL UNIQUE,
    added_at DATETIME NOT NULL,
    scanned_at DATETIME,
    missing_since DATETIME
);

CREATE TABLE watched_files (
    folder_id INTEGER NOT NULL REFERENCES watch_folders (id) ON DELETE CASCADE,
    path VARCHAR NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    content_hash VARCHAR,
    seen_at DATETIME NOT NULL,
    PRIMARY KEY (folder_id, path)
);

CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    name VARCHAR COLLATE NOCASE NOT NULL UNIQUE,
    url_template VARCHAR NOT NULL,
    format VARCHAR,
    since DATE NOT NULL,
    added_at DATETIME NOT NULL,
    checked_at DATETIME,
    last_error VARCHAR
);

CREATE TABLE subscription_days (
    subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    date DATE NOT NULL,
    outcome VARCHAR NOT NULL CHECK (outcome IN ('imported', 'missing', 'failed')),
    etag VARCHAR,
    last_modified VARCHAR,
    content_hash VARCHAR,
    fetched_at DATETIME NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (subscription_id, date)
);

ALTER TABLE papers ADD COLUMN seen_count INTEGER NOT NULL DEFAULT 1;
ALTER TABLE papers ADD COLUMN rising INTEGER;

UPDATE papers SET seen_count = (
    SELECT count(*) FROM sightings WHERE sightings.paper_id = papers.id
) WHERE id IN (SELECT paper_id FROM sightings GROUP BY paper_id HAVING count(*) > 1);

CREATE TEMP TABLE v6_voted AS
SELECT sightings.paper_id AS paper_id, sightings.votes AS votes,
    row_number() OVER (
        PARTITION BY sightings.paper_id ORDER BY digests.date DESC, sightings.votes DESC
    ) AS n
FROM sightings JOIN digests ON digests.id = sightings.digest_id
WHERE sightings.votes IS NOT NULL;
CREATE INDEX temp.ix_v6_voted ON v6_voted (paper_id, n);
CREATE TEMP TABLE v6_ends AS
SELECT paper_id, max(CASE WHEN n = 1 THEN votes END) AS latest, max(n) AS earliest
FROM v6_voted WHERE n <= 3 GROUP BY paper_id HAVING max(n) >= 2;
UPDATE papers SET rising = (
    SELECT v6_ends.latest - v6_voted.votes FROM v6_ends JOIN v6_voted
        ON v6_voted.paper_id = v6_ends.paper_id AND v6_voted.n = v6_ends.earliest
    WHERE v6_ends.paper_id = papers.id
) WHERE id IN (SELECT paper_id FROM v6_ends);
DROP TABLE v6_ends;
DROP TABLE v6_voted;

CREATE INDEX ix_papers_seen_count ON papers (seen_count);
CREATE INDEX ix_papers_rising ON papers (rising);
CREATE INDEX ix_papers_status_seen_count ON papers (status, seen_count);
CREATE INDEX ix_papers_status_rising ON papers (status, rising);
CREATE INDEX ix_papers_added_at ON papers (added_at);
"""


# Version 8: a history of reading statuses (issue 16): one row each time a paper's status
# changes, written in the same transaction as the change, and deleted again by its undo (an
# undone change never happened). `papers.status_changed_at` is the time of a paper's latest
# event, kept beside the status so the list and detail pane need no join. Each paper whose
# status changed before this version gets one event: its status now, at the time it changed.
_V8 = """
CREATE TABLE status_events (
    id INTEGER PRIMARY KEY,
    paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    status VARCHAR NOT NULL,
    at DATETIME NOT NULL
);
CREATE INDEX ix_status_events_paper_at ON status_events (paper_id, at);
CREATE INDEX ix_status_events_at ON status_events (at);

INSERT INTO status_events (paper_id, status, at)
SELECT id, status, status_changed_at FROM papers
WHERE status_changed_at IS NOT NULL ORDER BY status_changed_at, id;
"""


# Version 9: rules (issue 16). A rule is a query and what to do to the new papers that match
# it when they arrive: tags to add, a status to give (queued, or skipped to hide them), a
# star, or first place in Today. `rule_hits` says which rules acted on which papers (the
# detail pane shows them); a rule's hits go with the rule or the paper. The status history
# gets indexes that hold the status too, so the Reading view's counts read no table rows.
_V9 = """
CREATE TABLE rules (
    id INTEGER PRIMARY KEY,
    name VARCHAR COLLATE NOCASE NOT NULL UNIQUE,
    query VARCHAR NOT NULL,
    tags VARCHAR NOT NULL DEFAULT '[]',
    status VARCHAR,
    star BOOLEAN NOT NULL DEFAULT 0,
    first BOOLEAN NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);

CREATE TABLE rule_hits (
    paper_id INTEGER NOT NULL REFERENCES papers (id) ON DELETE CASCADE,
    rule_id INTEGER NOT NULL REFERENCES rules (id) ON DELETE CASCADE,
    at DATETIME NOT NULL,
    PRIMARY KEY (paper_id, rule_id)
);
CREATE INDEX ix_rule_hits_rule_id ON rule_hits (rule_id);

DROP INDEX ix_status_events_paper_at;
CREATE INDEX ix_status_events_paper_at_status ON status_events (paper_id, at, status);
CREATE INDEX ix_status_events_status_paper_at ON status_events (status, paper_id, at);
"""


# Version 10: Today (issue 16). `triage_state` holds the one reader's place in the morning's
# work: `today_since`, the moment the current Today began (the papers added after it are
# Today's), and `last_triage_at`, the latest triage key; a new session begins once the
# latest key is some hours old (`core.today`). `resurfacing` brings starred and queued
# papers that have waited long back into Today a few at a time: `shown_since` names the
# Today a paper was brought into, `due_at` when it may come again, `passes` how often it
# was passed over (each pass waits twice as long); a snooze pushes `due_at` away.
_V10 = """
CREATE TABLE triage_state (
    id INTEGER PRIMARY KEY,
    today_since DATETIME,
    last_triage_at DATETIME
);

CREATE TABLE resurfacing (
    paper_id INTEGER PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
    passes INTEGER NOT NULL DEFAULT 0,
    due_at DATETIME NOT NULL,
    shown_since DATETIME
);
CREATE INDEX ix_resurfacing_shown_since ON resurfacing (shown_since);
"""


def _run_script(script: str) -> Step:
    def run(connection: sqlite3.Connection) -> None:
        for statement in script.split(";"):
            if statement.strip():
                connection.execute(statement)

    return run


def _run_statements(script: str) -> Step:
    """Like `_run_script`, for scripts whose statements hold semicolons (triggers)."""

    def run(connection: sqlite3.Connection) -> None:
        statement = ""
        for line in script.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                connection.execute(statement)
                statement = ""
        if statement.strip():
            raise ValueError(f"an unfinished statement in a migration: {statement!r}")

    return run


# STEPS[n] takes a library from version n to n + 1.
STEPS: dict[int, Step] = {
    0: _run_script(_V1),
    1: _run_script(_V2),
    2: _run_statements(_V3),
    3: _run_script(_V4),
    4: _run_script(_V5),
    5: _run_statements(_V6),
    6: _run_script(_V7),
    7: _run_script(_V8),
    8: _run_script(_V9),
    9: _run_script(_V10),
}


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
