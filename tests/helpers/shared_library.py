"""Helpers for tests of a shared library: papers added as its owner, members connected."""

from typing import Any

import psycopg

from tests.helpers.postgres import PostgresDatabase


def connected_as(database: PostgresDatabase, role: str) -> "psycopg.Connection[Any]":
    return psycopg.connect(database.url_as(role), autocommit=True)


def add_paper(
    database: PostgresDatabase, arxiv_id: str, *, title: str = "A paper", votes: int | None = None
) -> int:
    """A paper in the shared library, added as its owner (as an import will); its id."""
    with psycopg.connect(database.url, autocommit=True) as admin:
        row = admin.execute(
            "INSERT INTO papers (arxiv_id, url, title, votes, first_seen, last_seen, added_at) "
            "VALUES (%s, 'https://arxiv.org/abs/' || %s, %s, %s, current_date, current_date, "
            "now()) RETURNING id",
            [arxiv_id, arxiv_id, title, votes],
        ).fetchone()
    assert row is not None
    return int(row[0])
