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

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from readinglist.library.driver import fetch

if TYPE_CHECKING:
    from collections.abc import Callable

    from readinglist.library.database import Library
from readinglist.library.shared import ddl
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.setup import CONNECTION_LIMITS, SharedLibraryError

CATCH_UP_LIMIT = 10_000  # changes read at once; a window away longer reads everything again
QUIET_LIMIT_S = 1.0  # a stream of commits is read at least this often
_SNAPSHOT = "SELECT pg_current_snapshot()::text"
_SINCE = (
    "SELECT seq, kind, row_id, person, client, person = current_user FROM changes "
    "WHERE seq > ? OR (xid >= "
    "pg_snapshot_xmin(?::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, ?::pg_snapshot)) "
    "ORDER BY seq LIMIT ?"
)


@dataclass(frozen=True, slots=True)
class Change:
    seq: int
    kind: str  # "paper", "tag", "saved_search" or "rule"
    row_id: int
    person: str  # who made it
    client: str  # where: the application_name of the connection that made it
    mine: bool = False  # made by the member reading (elsewhere: another window, their rules)


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
    found = [
        Change(int(seq), str(kind), int(row), str(who), str(where), bool(mine))
        for seq, kind, row, who, where, mine in rows
    ]
    last = max([cursor.seq, *(change.seq for change in found)])
    return found, Cursor(last, str(snapshot))


class Doorbell:
    """A connection of its own that LISTENs for changes committed by anyone."""

    def __init__(self, address: SharedAddress) -> None:
        import psycopg

        try:
            self._connection: psycopg.Connection[Any] = psycopg.connect(
                address.url, autocommit=True, **CONNECTION_LIMITS
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

    def quiet_for(self, seconds: float) -> None:
        """Takes every ring until none has come for `seconds` (a burst of commits is read
        once), at most QUIET_LIMIT_S."""
        deadline = time.monotonic() + QUIET_LIMIT_S
        while time.monotonic() < deadline and self.wait(seconds):
            pass

    def close(self) -> None:
        self._connection.close()


@dataclass(frozen=True, slots=True)
class Changed:
    """What others changed since the last look: the papers (their rows, tags, notes,
    sightings, or a person's own state changed elsewhere) and the other kinds of things
    ("tag", "saved_search", "rule"). `everything`: too much to name, read it all again.
    `own_only`: those of the papers the member alone changed (in another window, by the
    command line, their rules' catch-up): none of them arrived from another member."""

    paper_ids: frozenset[int]
    kinds: frozenset[str]
    everything: bool = False
    own_only: frozenset[int] = frozenset()

    @property
    def others_papers(self) -> frozenset[int]:
        """The papers another member changed: one they imported among them, perhaps."""
        return self.paper_ids - self.own_only


class ChangeFeed:
    """A window's follow of the log, Qt-free (a thread of the window's calls `next` in a
    loop): wait for the doorbell, let a burst of commits pass, read what changed since the
    last read, leave out what this window's own connections (`client`) wrote. The server
    going away raises SharedLibraryError; the next call connects again and catches up on
    what came meanwhile, exactly (the cursor)."""

    def __init__(self, library: "Library", address: SharedAddress, client: str) -> None:
        self._library, self._address, self._client = library, address, client
        self._doorbell: Doorbell | None = None
        self._cursor: Cursor | None = None

    def start_here(self) -> None:
        """Take the log's place now, before the window's first reads: what is committed
        after them is then read at the first look, however late the following thread's
        first look comes (taken there, a change committed in between was lost). Raises
        SharedLibraryError; the first look takes it then."""
        self._cursor = self._read(cursor_now)

    def next(self, timeout_s: float, quiet_s: float = 0.05) -> Changed | None:
        """What changed, once a ring came within `timeout_s` and the rings have been quiet
        for `quiet_s`; None when none came, or only this window's own changes."""
        if self._doorbell is None:
            self._doorbell = Doorbell(self._address)
            if self._cursor is None:
                self._cursor = self._read(cursor_now)
                return None
            rang = True  # whatever came while away
        else:
            rang = self._guarded(lambda doorbell: doorbell.wait(timeout_s))
        if not rang:
            return None
        self._guarded(lambda doorbell: doorbell.quiet_for(quiet_s))
        return self._catch_up()

    def close(self) -> None:
        if self._doorbell is not None:
            self._doorbell.close()
            self._doorbell = None

    def _catch_up(self) -> Changed | None:
        found = self._read(self._since)
        everything = len(found) >= CATCH_UP_LIMIT
        if everything:
            self._cursor = self._read(cursor_now)
        others = [change for change in found if change.client != self._client]
        if not others and not everything:
            return None
        papered = [change for change in others if change.kind == "paper"]
        papers = frozenset(change.row_id for change in papered)
        by_others = frozenset(change.row_id for change in papered if not change.mine)
        kinds = frozenset(change.kind for change in others if change.kind != "paper")
        return Changed(papers, kinds, everything, papers - by_others)

    def _since(self, connection: Connection) -> list[Change]:
        assert self._cursor is not None
        found, self._cursor = changes_since(connection, self._cursor)
        return found

    def _read[T](self, read: "Callable[[Connection], T]") -> T:
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with self._library.reading() as connection:
                return read(connection)
        except SQLAlchemyError as error:
            self.close()
            raise SharedLibraryError(f"{self._address}: {error}") from error

    def _guarded[T](self, ask: "Callable[[Doorbell], T]") -> T:
        import psycopg

        assert self._doorbell is not None
        try:
            return ask(self._doorbell)
        except psycopg.Error as error:
            self.close()
            raise SharedLibraryError(f"{self._address}: {error}") from error
