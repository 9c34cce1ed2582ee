"""A shared library opened without the password its server wants (Open Recent remembers no
password; `--library` given none): the window asks for it in the Connect form, the
server's words above it, again while it is wrong, and opens the library once it is right;
cancelled, the window closes with nothing opened."""

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.shared.address import PASSWORD_ENV, SharedAddress
from readinglist.ui.preferences.connect import ConnectDialog
from readinglist.ui.qt import QDialogButtonBox, QMessageBox, QSettings, Qt
from readinglist.ui.startup.app import attach_library
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.postgres import PostgresDatabase, password_required

PASSWORD = "s3cret lab pass"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    made = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(made)
    made.show()
    return made


@pytest.fixture
def alices_address(shared: PostgresDatabase, members: tuple[str, str]) -> Iterator[SharedAddress]:
    """A member's address, with no password, on a server that wants one from her."""
    alice, _ = members
    with password_required(shared, alice, PASSWORD):
        yield SharedAddress.parse(shared.url_as(alice))


def answering(
    qtbot: QtBot, answers: list[str | None], problems: list[str]
) -> Callable[[ConnectDialog], int]:
    """`ConnectDialog.exec` as a user: reads the problem shown, types the next answer and
    clicks Connect (None: clicks Cancel)."""

    def exec_(dialog: ConnectDialog) -> int:
        dialog.show()
        problems.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        answer = answers.pop(0)
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        if answer is None:
            button = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        else:
            assert dialog.focusWidget() is dialog.password_edit  # where the answer goes
            qtbot.keyClicks(dialog.password_edit, answer)
            button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return 0

    return exec_


def test_the_window_asks_for_the_password_until_the_server_takes_it(
    qtbot: QtBot, window: MainWindow, alices_address: SharedAddress, monkeypatch: pytest.MonkeyPatch
) -> None:
    problems: list[str] = []
    monkeypatch.setattr(ConnectDialog, "exec", answering(qtbot, ["not it", PASSWORD], problems))

    assert attach_library(window, alices_address)

    assert window.service is not None
    assert window.service.library.place == alices_address.with_password(PASSWORD)
    window.close()
    assert len(problems) == 2
    assert "no password supplied" in problems[0]
    assert "password authentication failed" in problems[1]
    parts = urlsplit(alices_address.url)
    assert all(f"{parts.username}" in problem for problem in problems)  # which library
    assert all(parts.path.strip("/") in problem for problem in problems)
    assert not any(PASSWORD in problem or "not it" in problem for problem in problems)


def test_cancelling_the_password_closes_the_window_without_a_word(
    qtbot: QtBot, window: MainWindow, alices_address: SharedAddress, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ConnectDialog, "exec", answering(qtbot, [None], []))
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: said.append(args[2]))

    assert not attach_library(window, alices_address)

    assert window.service is None
    assert not window.isVisible()
    assert said == []
