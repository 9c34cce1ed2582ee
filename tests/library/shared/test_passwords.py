"""A server that asks a member for a password: none given and a wrong one are told apart
from other refusals (`PasswordRefused`, for the window to ask for one), the right one
opens the library, and the message never shows a password."""

import pytest

from readinglist.library.shared.address import PASSWORD_ENV, SharedAddress
from readinglist.library.shared.opening import open_shared
from readinglist.library.shared.setup import PasswordRefused, SharedLibraryError
from tests.helpers.postgres import PostgresDatabase, password_required

PASSWORD = "s3cret lab pass"


@pytest.fixture(autouse=True)
def no_password_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)


def test_a_missing_or_wrong_password_is_refused_as_such(
    shared: PostgresDatabase, members: tuple[str, str]
) -> None:
    alice, _ = members
    address = SharedAddress.parse(shared.url_as(alice))
    with password_required(shared, alice, PASSWORD):
        with pytest.raises(PasswordRefused, match="no password supplied"):
            open_shared(address)
        with pytest.raises(PasswordRefused, match="password authentication failed") as wrong:
            open_shared(address.with_password("not it"))
        library = open_shared(address.with_password(PASSWORD))
        try:
            assert library.place == address.with_password(PASSWORD)
        finally:
            library.close()
    assert "not it" not in str(wrong.value)


def test_a_server_out_of_reach_is_not_a_password_matter(tmp_path: object) -> None:
    address = SharedAddress.parse(f"postgresql://alice@/papers?host={tmp_path}")
    with pytest.raises(SharedLibraryError) as refused:
        open_shared(address)
    assert not isinstance(refused.value, PasswordRefused)
