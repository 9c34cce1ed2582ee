"""The ten-clients benchmark checks what it claims: clients at once leave the server in the
state each wrote, and a lost or misplaced edit is reported, not passed over."""

import sys

import pytest

from tests.helpers.paths import ROOT
from tests.helpers.postgres import PostgresDatabase

sys.path.insert(0, str(ROOT / "benchmarks"))

import shared_triage


def test_clients_at_once_leave_each_its_own_state(
    postgres_database: PostgresDatabase, capsys: pytest.CaptureFixture[str]
) -> None:
    assert shared_triage.run(postgres_database, clients=2, seconds=1.0, papers=20) == 0
    assert "every client's final state is the server's" in capsys.readouterr().out


def test_an_edit_not_on_the_server_is_reported(postgres_database: PostgresDatabase) -> None:
    [member], ids = shared_triage.prepare(postgres_database, clients=1, papers=3)
    claimed = shared_triage.Written(status={ids[0]: "read"}, tags={"never-added"})

    found = shared_triage.differences(postgres_database, member, claimed)

    assert len(found) == 2 and "tag never-added lost" in found[1]
