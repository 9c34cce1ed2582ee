"""What other members changed in a shared library, for a window to show it (issue 17, live).

Every change to a logged table leaves a row in `changes` (ddl.LOGGED: the kind of thing, its
id, whether it is everyone's), written by a trigger in the change's own transaction. A
member's own personal changes (their statuses, their trash) are seen by them alone. A
notification on `ddl.CHANNEL` at each statement's commit is only the doorbell (`Doorbell`):
it says "look"; the log says what.

Catching up is exact, however long a window was away: a `Cursor` holds the last number read
and the snapshot taken just before reading. Numbers are given as rows are written, not as
transactions commit, so a transaction still open then may commit later with a smaller number
than one already read; the next read takes, beside the numbers after the last, every row of
a transaction that snapshot did not see. A change may so come twice (a window refreshes a
paper twice), never not at all.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from readinglist.library.driver import fetch
from readinglist.library.shared import ddl
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.setup import CONNECT_TIMEOUT_S, SharedLibraryError

CATCH_UP_LIMIT = 10_000  # changes read at once; a window away longer reads everything again
_SNAPSHOT = "SELECT pg_current_snapshot()::text"
_SINCE = (
    "SELECT seq, kind, row_id, person FROM changes WHERE seq > ? OR (xid >= "
    "pg_snapshot_xmin(?::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, ?::pg_snapshot)) "
    "ORDER BY seq LIMIT ?"
)


@dataclass(frozen=True, slots=True)
class Change:
    seq: int
    kind: str  # "paper", "tag", "saved_search" or "rule"
    row_id: int
    person: str  # who made it


@dataclass(frozen=True, slots=True)
class Cursor:
    """Where a window is in the log: the last number read, the snapshot before that read."""

    seq: int
    snapshot: str


def cursor_now(connection: Connection) -> Cursor:
    """The log as it stands: a window that has just read everything starts here."""
    [(snapshot,)] = fetch(connection, _SNAPSHOT)
    [(seq,)] = fetch(connection, "SELECT coalesce(max(seq), 0) FROM changes")
    return Cursor(int(seq), str(snapshot))


def changes_since(
    connection: Connection, cursor: Cursor, limit: int = CATCH_UP_LIMIT
) -> tuple[list[Change], Cursor]:
    """The changes this member may see that came after `cursor`, in order (at most
    `limit`), and the cursor after them."""
    [(snapshot,)] = fetch(connection, _SNAPSHOT)
    rows = fetch(connection, _SINCE, [cursor.seq, cursor.snapshot, cursor.snapshot, limit])
    found = [Change(int(seq), str(kind), int(row), str(who)) for seq, kind, row, who in rows]
    last = max([cursor.seq, *(change.seq for change in found)])
    return found, Cursor(last, str(snapshot))


class Doorbell:
    """A connection of its own that LISTENs for changes committed by anyone."""

    def __init__(self, address: SharedAddress) -> None:
        import psycopg

        try:
            self._connection: psycopg.Connection[Any] = psycopg.connect(
                address.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S
            )
        except psycopg.Error as error:
            raise SharedLibraryError(f"{address}: {error}") from error
        self._connection.execute(f"LISTEN {ddl.CHANNEL}".encode())

    def rings(self, timeout_s: float) -> Iterator[str]:
        """The names of the tables changed, as their commits ring, until `timeout_s` passes
        with none (a bound: a ring comes as the commit does)."""
        for notification in self._connection.notifies(timeout=timeout_s):
            yield notification.payload

    def wait(self, timeout_s: float) -> bool:
        """Whether a change was committed within `timeout_s`."""
        for _ in self._connection.notifies(timeout=timeout_s, stop_after=1):
            return True
        return False

    def close(self) -> None:
        self._connection.close()
