"""A shared library on the tests' PostgreSQL server, and members to use it."""

import uuid
from collections.abc import Iterator

import psycopg
import pytest

from readinglist.library.shared import ddl
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.setup import init_shared
from tests.helpers.postgres import PostgresDatabase


@pytest.fixture
def shared(postgres_database: PostgresDatabase) -> PostgresDatabase:
    init_shared(SharedAddress.parse(postgres_database.url))
    return postgres_database


@pytest.fixture
def members(shared: PostgresDatabase) -> Iterator[tuple[str, str]]:
    """Two login roles granted readinglist_member (roles are the whole server's: named
    afresh for each test, dropped after it)."""
    names = tuple(f"{who}_{uuid.uuid4().hex[:8]}" for who in ("alice", "bob"))
    with psycopg.connect(shared.url, autocommit=True) as admin:
        for name in names:
            admin.execute(f"CREATE ROLE {name} LOGIN IN ROLE {ddl.MEMBER}".encode())
    yield names[0], names[1]
    with psycopg.connect(shared.url, autocommit=True) as admin:
        for name in names:
            admin.execute(f"DROP OWNED BY {name}; DROP ROLE {name}".encode())
