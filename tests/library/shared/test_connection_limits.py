"""Every connection to a shared library carries the limits after which it gives up on a
server out of reach (`setup.CONNECTION_LIMITS`): the library's own, the doorbell's that
waits for changes, a copy's and set-up's. (libpq ignores the network ones on the tests'
Unix socket; what is checked is that each connection asked for them.)"""

from typing import Any

import psycopg

from readinglist.library.shared import copying, setup
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.changes import Doorbell
from readinglist.library.shared.opening import open_shared
from tests.helpers.postgres import PostgresDatabase


def limits_of(connection: "psycopg.Connection[Any]") -> dict[str, str]:
    parameters = connection.info.get_parameters()
    return {name: parameters.get(name, "") for name in setup.CONNECTION_LIMITS}


WANTED = {name: str(value) for name, value in setup.CONNECTION_LIMITS.items()}


def test_every_connection_gives_up_on_a_server_out_of_reach(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    address = SharedAddress.parse(shared.url_as(members[0]))
    library = open_shared(address)
    try:
        with library.reading() as connection:
            raw = connection.connection.driver_connection
            assert isinstance(raw, psycopg.Connection)
            assert limits_of(raw) == WANTED
    finally:
        library.close()
    doorbell = Doorbell(address)
    try:
        assert limits_of(doorbell._connection) == WANTED
    finally:
        doorbell.close()
    with copying._connect(address) as copy, setup._connected(address) as made:
        assert limits_of(copy) == WANTED
        assert limits_of(made) == WANTED
