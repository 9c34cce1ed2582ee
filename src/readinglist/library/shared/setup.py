"""Making a shared library (`readinglist init-shared URL`), upgrading it, and reading its
schema version.

The schema is created in one transaction (PostgreSQL's DDL is transactional): a failure
half-way leaves the database as it was. The version numbers are an SQLite library's (the
same tables at the same version), so a client knows a shared library it cannot read as it
knows a library file: one written by a newer readinglist is refused, saying so.

An older shared library is upgraded as a library file is, step by step in one transaction
(`STEPS`), but not by whoever opens it: members may not change the schema. Its owner runs
`init-shared` again; a member's readinglist refuses it until then, saying so. A library at
this version made before a part of it was gets that part the same way (`amending`).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from readinglist.library.errors import LibraryError
from readinglist.library.shared import amending, ddl, search_ddl
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.amending import Amended

if TYPE_CHECKING:
    import psycopg

# The schema version `init-shared` creates; each later SQLite step needs its PostgreSQL
# step beside it (tests/library/shared/test_setup.py checks they agree).
SHARED_VERSION = 10
CONNECT_TIMEOUT_S = 10
# Every connection to a shared library gives up on a server out of reach: at connecting
# (`connect_timeout`), and once connected, when what it sent is not acknowledged for as long
# (`tcp_user_timeout`, ms) or the line has been silent and the server answers no keepalive
# (`keepalives_*`, s: about 20 s). Without them a connection open when a network goes away
# waits for the kernel to give up (15 minutes on Linux), and a window reading on it with it.
# libpq ignores all but the first on a Unix socket.
CONNECTION_LIMITS: dict[str, Any] = {  # libpq keywords (typed Any for psycopg.connect)
    "connect_timeout": CONNECT_TIMEOUT_S,
    "tcp_user_timeout": CONNECT_TIMEOUT_S * 1000,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
}
# STEPS[n] takes a shared library from version n to n + 1: its statements, in order. Version
# 10 is the first a shared library has. Each step is frozen once released, as SQLite's are.
STEPS: dict[int, tuple[str, ...]] = {}


class SharedLibraryError(LibraryError):
    """A shared library that cannot be reached, made or read: said in words."""


class PasswordRefused(SharedLibraryError):
    """The server wants a password that was not given, or not that one: one typed may
    do (the window asks for it)."""


@dataclass(frozen=True, slots=True)
class InitOutcome:
    address: SharedAddress
    version: int
    created: bool  # False: it was a shared library already
    member_role_created: bool
    upgraded_from: int | None = None  # it was at this older version
    amendments: Amended = field(default_factory=Amended)  # at this version, it lacked these

    @property
    def amended(self) -> bool:
        return bool(self.amendments.added)


def init_shared(address: SharedAddress) -> InitOutcome:
    """Create the shared library's schema in the (empty) database at `address`, and the
    `readinglist_member` role when it is missing; upgrade it when it is an older one;
    nothing when it is one at this version already."""
    with _connected(address) as connection:
        version = read_version(connection)
        if version is not None:
            _refuse_newer(address, version)
            if version < SHARED_VERSION:
                _upgrade(address, connection, version)
                return InitOutcome(address, SHARED_VERSION, False, False, upgraded_from=version)
            amendments = _amend(address, connection)
            return InitOutcome(address, version, False, False, amendments=amendments)
        _refuse_foreign_tables(address, connection)
        _refuse_other_encoding(address, connection)
        created_role = _ensure_member_role(address, connection)
        with connection.transaction():
            unaccent = _unaccent_schema(address, connection)
            for statement in ddl.schema(SHARED_VERSION, unaccent):
                connection.execute(statement.encode())
    return InitOutcome(address, SHARED_VERSION, created=True, member_role_created=created_role)


def _upgrade(address: SharedAddress, connection: "psycopg.Connection[Any]", version: int) -> None:
    """Every step from `version` to SHARED_VERSION, in one transaction; refused, changing
    nothing, when the connected role may not change the schema (only its owner may)."""
    import psycopg

    try:
        with connection.transaction():
            for step in range(version, SHARED_VERSION):
                for statement in STEPS[step]:
                    connection.execute(statement.encode())
                connection.execute(
                    "INSERT INTO readinglist_schema (version) VALUES (%s)", [step + 1]
                )
    except psycopg.errors.InsufficientPrivilege:
        raise SharedLibraryError(
            f"{address} is at schema {version}: only the role that owns its tables may upgrade "
            f"it to {SHARED_VERSION} (run init-shared as that role); nothing was changed"
        ) from None


def _amend(address: SharedAddress, connection: "psycopg.Connection[Any]") -> Amended:
    """Add what a library made at this version lacks (`amending`), in one transaction (then
    the word pairs as the fourth pass kept them dropped, in one of their own, and the papers'
    dates filled in parts, `amending.fill_listed_order`). Refused, changing nothing, for a
    role that does not own the tables, as an upgrade is."""
    import psycopg

    try:
        with connection.transaction():
            amended = amending.amend(connection)
        with connection.transaction():
            amending.drop_old_pairs(connection)
        amending.fill_listed_order(connection)
        return amended
    except psycopg.errors.InsufficientPrivilege:
        raise SharedLibraryError(
            f"{address} lacks what this readinglist adds to a shared library at schema "
            f"{SHARED_VERSION} (its lists' index, the word pairs of its phrases, the check that a "
            "shared rule only tags, the mark of what each member's rules have seen): only the "
            "role that owns its tables may add it (run "
            "init-shared as that role); nothing was changed"
        ) from None


def read_version(connection: "psycopg.Connection[Any]") -> int | None:
    """The shared library's schema version; None when the database holds none."""
    found = connection.execute("SELECT to_regclass('readinglist_schema')").fetchone()
    if found is None or found[0] is None:
        return None
    row = connection.execute("SELECT max(version) FROM readinglist_schema").fetchone()
    return int(row[0]) if row is not None and row[0] is not None else None


def check_version(address: SharedAddress) -> int:
    """The version of the shared library at `address`, refused (SharedLibraryError) when
    it is none, newer than this readinglist knows, or made at this version before its
    phrases were read through word pairs (`search_ddl.HAS_PAIRS`: its statements name
    them), until its owner's init-shared adds them."""
    with _connected(address) as connection:
        version = read_version(connection)
        paired = version is None or amending.holds(connection, search_ddl.HAS_PAIRS)
    if version is None:
        raise SharedLibraryError(
            f"{address} is not a shared library: make one with `readinglist init-shared`"
        )
    _refuse_newer(address, version)
    if version == SHARED_VERSION and not paired:
        raise SharedLibraryError(
            f"{address} was made before its phrases were searched through word pairs: its "
            f"owner adds them with `readinglist init-shared {address}`; nothing was changed"
        )
    return version


def _refuse_newer(address: SharedAddress, version: int) -> None:
    if version > SHARED_VERSION:
        raise SharedLibraryError(
            f"{address} was made by a newer readinglist (schema {version}; this one knows "
            f"up to {SHARED_VERSION}). Update readinglist to use it; nothing was changed."
        )


def _refuse_foreign_tables(address: SharedAddress, connection: "psycopg.Connection[Any]") -> None:
    rows = connection.execute(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() ORDER BY table_name LIMIT 3"
    ).fetchall()
    if rows:
        names = ", ".join(str(name) for (name,) in rows)
        raise SharedLibraryError(
            f"{address} already holds tables that are not a readinglist library ({names}…): "
            "give init-shared an empty database; nothing was changed"
        )


def _refuse_other_encoding(address: SharedAddress, connection: "psycopg.Connection[Any]") -> None:
    """A database not in UTF8 (SQL_ASCII, say: what a cluster made under the C locale gets)
    would keep a title's Korean as bytes that search cannot split into words."""
    found = connection.execute(
        "SELECT pg_encoding_to_char(encoding) FROM pg_database WHERE datname = current_database()"
    ).fetchone()
    said = found[0] if found is not None else b""
    encoding = said.decode("ascii") if isinstance(said, bytes) else str(said)  # SQL_ASCII's
    if encoding != "UTF8":
        raise SharedLibraryError(
            f"{address} is a database in {encoding}: a shared library needs UTF8 (make it with "
            "`createdb --encoding UTF8 --template template0 …`); nothing was changed"
        )


def _ensure_member_role(address: SharedAddress, connection: "psycopg.Connection[Any]") -> bool:
    """`readinglist_member` (a role that cannot log in: members are granted it)."""
    import psycopg

    found = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [ddl.MEMBER])
    if found.fetchone() is not None:
        return False
    try:
        with connection.transaction():
            connection.execute(f"CREATE ROLE {ddl.MEMBER} NOLOGIN".encode())
    except psycopg.errors.InsufficientPrivilege:
        raise SharedLibraryError(
            f"the role {ddl.MEMBER} does not exist and your role may not create it: ask the "
            f"server's administrator to run `CREATE ROLE {ddl.MEMBER} NOLOGIN`, then run "
            f"init-shared again ({address}); nothing was changed"
        ) from None
    return True


def _unaccent_schema(address: SharedAddress, connection: "psycopg.Connection[Any]") -> str:
    """The schema holding the extension `unaccent` (search folds diacritics with it),
    created in the database when it is missing. A trusted extension since PostgreSQL 13:
    whoever may create objects in the database may install it, no superuser needed."""
    import psycopg

    found = _extension_schema(connection, "unaccent")
    if found is not None:
        return found
    try:
        with connection.transaction():
            connection.execute(b"CREATE EXTENSION unaccent")
    except psycopg.Error as error:
        raise SharedLibraryError(
            f"{address}: the extension unaccent (search folds diacritics with it) is not in "
            f"this database and could not be made ({_first_line(error)}): ask the server's "
            "administrator to run `CREATE EXTENSION unaccent` in it (Debian's postgresql "
            "package ships it; elsewhere postgresql-contrib), then run init-shared again; "
            "nothing was changed"
        ) from None
    made = _extension_schema(connection, "unaccent")
    assert made is not None
    return made


def _extension_schema(connection: "psycopg.Connection[Any]", name: str) -> str | None:
    row = connection.execute(
        "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = %s", [name]
    ).fetchone()
    return str(row[0]) if row is not None else None


@contextmanager
def _connected(address: SharedAddress) -> "Iterator[psycopg.Connection[Any]]":
    """A connection in autocommit (each step's transaction is explicit), its failures said
    in words naming the library, never with its password."""
    try:
        import psycopg
    except ImportError:
        raise SharedLibraryError(
            "shared libraries need the PostgreSQL driver: pip install 'readinglist[postgres]'"
        ) from None
    try:
        connection = psycopg.connect(address.url, autocommit=True, **CONNECTION_LIMITS)
    except psycopg.Error as error:
        about_password = isinstance(error, psycopg.OperationalError) and _about_password(error)
        refused = PasswordRefused if about_password else SharedLibraryError
        raise refused(f"{address}: {_first_line(error)}") from error
    try:
        with connection:
            yield connection
    except psycopg.Error as error:
        raise SharedLibraryError(f"{address}: {_first_line(error)}") from error


def _about_password(error: Exception) -> bool:
    """Whether libpq refused the connection for its password: none given ("fe_sendauth: no
    password supplied") or a wrong one ("password authentication failed for user …").
    Connection failures carry no SQLSTATE: the message is all there is."""
    return "password" in str(error)


def _first_line(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0]
