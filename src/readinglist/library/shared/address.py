"""A shared library's address: a PostgreSQL URL, as people write it and as the driver and
messages need it (never with its password)."""

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from readinglist.library.errors import LibraryError

_SCHEMES = ("postgresql", "postgres")
PASSWORD_ENV = "PGPASSWORD"  # libpq's: a password given to a start without showing it
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def looks_like_url(text: str) -> bool:
    return bool(_URL.match(text))


@dataclass(frozen=True, slots=True)
class SharedAddress:
    """`postgresql://[user[:password]@][host][:port]/dbname[?host=/socket/dir&…]`."""

    url: str

    @classmethod
    def parse(cls, text: str) -> "SharedAddress":
        parts = urlsplit(text.strip())
        scheme = parts.scheme.lower().split("+")[0]
        if scheme not in _SCHEMES:
            raise LibraryError(
                f"'{display_url(text)}' is not a PostgreSQL address: a shared library is "
                "named postgresql://user@host/dbname"
            )
        if not parts.path.strip("/"):
            raise LibraryError(
                f"'{display_url(text)}' names no database: add it after the host, as in "
                "postgresql://user@host/dbname"
            )
        return cls(urlunsplit(("postgresql", *parts[1:])))

    @property
    def password(self) -> str | None:
        password = urlsplit(self.url).password
        return None if password is None else unquote(password)

    def without_password(self) -> "SharedAddress":
        """The same address with no password (what is remembered: a password is given by
        ~/.pgpass, the server's own trust, or asked for each time)."""
        parts = urlsplit(self.url)
        if parts.password is None:
            return self
        user, host = parts.username or "", parts.netloc.rsplit("@", 1)[1]
        return SharedAddress(urlunsplit((parts.scheme, f"{user}@{host}", *parts[2:])))

    def with_password(self, password: str) -> "SharedAddress":
        """The same address with `password` (percent-encoded into the URL)."""
        parts = urlsplit(self.without_password().url)
        user, _, host = parts.netloc.rpartition("@")
        netloc = f"{user}:{quote(password, safe='')}@{host}"
        return SharedAddress(urlunsplit((parts.scheme, netloc, *parts[2:])))

    @property
    def driver_url(self) -> str:
        """For SQLAlchemy: the psycopg 3 driver, named."""
        return "postgresql+psycopg" + self.url[len("postgresql") :]

    def __str__(self) -> str:
        return display_url(self.url)


def display_url(text: str) -> str:
    """The URL with any password replaced by `***`: messages and logs never show one."""
    parts = urlsplit(text)
    if parts.password is None:
        return text
    user = parts.username or ""
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit((parts.scheme, f"{user}:***@{host}", *parts[2:]))
