"""Opening a shared library: its schema version checked, an engine over psycopg.

Every moment a shared library keeps is `timestamptz`; the session's time zone is UTC, so
moments read back as the UTC moments the library layer writes (as an SQLite library's).
Each statement is planned for its own values (`plan_cache_mode`): psycopg prepares a
statement run five times, and a plan made once for any words would not know a search's
words from the commonest (library/shared/text_search.py). JIT compiling is off: the
planner's costs of a common word's list passed its threshold, and compiling took tens of
ms of a search's 50-150.
"""

from sqlalchemy import create_engine

from readinglist.library.database import Library, OpenReport
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.setup import (
    CONNECTION_LIMITS,
    SHARED_VERSION,
    SharedLibraryError,
    check_version,
)

CLIENT = "readinglist"  # the application_name of a command's connections
SESSION_OPTIONS = "-c timezone=UTC -c plan_cache_mode=force_custom_plan -c work_mem=32MB -c jit=off"


def open_shared(address: SharedAddress, client: str = CLIENT) -> Library:
    """The shared library at `address`, as the role the address names; refused, saying
    why, when it is none, or at another schema version than this readinglist's. Its
    connections are named `client` (PostgreSQL's application_name, kept with each change
    they make: a window names itself, to know its own changes in the log)."""
    version = check_version(address)
    if version < SHARED_VERSION:
        raise SharedLibraryError(
            f"{address} is at schema {version} and this readinglist needs {SHARED_VERSION}: "
            f"its owner upgrades it with `readinglist init-shared {address}`; nothing was "
            "changed"
        )
    engine = create_engine(
        address.driver_url,
        connect_args={
            "options": SESSION_OPTIONS,
            "application_name": client,
            **CONNECTION_LIMITS,
        },
        pool_pre_ping=True,
    )
    return Library(address, engine, OpenReport())
