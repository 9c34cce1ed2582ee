"""A shared library's address: remembered and shown without its password, which can be put
back for a connection; a URL that names a file or no database is refused, saying why."""

import pytest

from readinglist.library.errors import LibraryError
from readinglist.library.location import library_place
from readinglist.library.shared.address import SharedAddress


def test_the_password_is_never_shown_nor_remembered_but_can_be_given() -> None:
    address = SharedAddress.parse("postgres://alice:s3cr%2Ft@lab.example.org:5433/papers")

    assert address.password == "s3cr/t"
    assert str(address) == "postgresql://alice:***@lab.example.org:5433/papers"
    plain = address.without_password()
    assert plain.url == "postgresql://alice@lab.example.org:5433/papers"
    assert plain.password is None
    assert plain.with_password("n3w@pass").password == "n3w@pass"
    assert plain.with_password("n3w@pass").without_password() == plain


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("https://lab.example.org/papers", "not a PostgreSQL address"),
        ("postgresql://alice@lab.example.org", "names no database"),
    ],
)
def test_a_place_that_is_no_library_is_refused(text: str, why: str) -> None:
    with pytest.raises(LibraryError, match=why):
        library_place(text)


def test_a_place_is_a_file_unless_it_is_a_url() -> None:
    assert isinstance(library_place("postgresql://alice@/papers?host=/run/pg"), SharedAddress)
    assert str(library_place("~/papers/library.sqlite")).endswith("papers/library.sqlite")
