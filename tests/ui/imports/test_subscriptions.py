"""The window's subscription checks (QNetworkAccessManager) against a local HTTP server on
127.0.0.1: the days due caught up once each, 304s, 404s, limits, offline said once, nothing
fetched when fetching is off; the report shown as an import's, the papers listed."""

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from readinglist.core.import_report import FileStatus, ImportReport
from readinglist.core.sources.registry import FORMATS
from readinglist.library.database import Library, utc_now
from readinglist.library.subscriptions import add_subscription, list_subscriptions
from readinglist.library.web_fetch import FetchLimits
from readinglist.ui import settings as keys
from readinglist.ui.data.service import LibraryService
from readinglist.ui.imports.subscription_list import SubscriptionList
from readinglist.ui.imports.subscriptions import OFFLINE, SubscriptionChecker
from readinglist.ui.qt import QDate, QSettings, QWidget
from readinglist.ui.rules.dialog import RulesDialog
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.digest_server import DigestServer, ago, closed_port, day_digest, day_path
from tests.helpers.gui import row_titles, settle

TODAY = dt.date.today()
WAIT_MS = 20_000


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _subscribe(library: Library, template: str, since: dt.date, name: str = "daily") -> None:
    with library.writing() as connection:
        add_subscription(connection, name, template, format_name=None, since=since, now=utc_now())


@contextmanager
def _checker(
    library: Library, settings: QSettings, **limits: float
) -> Iterator[SubscriptionChecker]:
    checker = SubscriptionChecker(library, settings, limits=FetchLimits(**limits))  # type: ignore[arg-type]
    try:
        yield checker
    finally:
        checker.shut_down()


@pytest.fixture
def checker(qtbot: QtBot, library: Library, settings: QSettings) -> Iterator[SubscriptionChecker]:
    with _checker(library, settings, timeout_seconds=1.0, max_bytes=100_000) as made:
        yield made


def _check(qtbot: QtBot, checker: SubscriptionChecker) -> ImportReport:
    with qtbot.waitSignal(checker.finished, timeout=WAIT_MS) as finished:
        assert checker.check()
    report = finished.args[0]
    assert isinstance(report, ImportReport)
    return report


def test_a_check_catches_up_the_missing_days_once(
    qtbot: QtBot, checker: SubscriptionChecker, library: Library, digest_server: DigestServer
) -> None:
    digest_server.day(ago(2), day_digest(ago(2), "2403.00001", "2403.00002"))
    digest_server.day(ago(1), day_digest(ago(1), "2403.00003"))
    _subscribe(library, digest_server.template, ago(3))
    progress: list[tuple[int, int]] = []
    checker.progressed.connect(lambda done, total: progress.append((done, total)))

    report = _check(qtbot, checker)
    assert [(file.path, file.status) for file in report.files] == [
        (digest_server.url(day_path(ago(2))), FileStatus.IMPORTED),
        (digest_server.url(day_path(ago(1))), FileStatus.IMPORTED),
    ]
    assert report.papers_new == 3
    assert progress[0] == (0, 4) and progress[-1] == (4, 4)

    assert _check(qtbot, checker).files == []  # today is still a 404: no word of it
    assert digest_server.hits[day_path(ago(2))] == digest_server.hits[day_path(ago(1))] == 1
    assert digest_server.hits[day_path(TODAY)] == 2


def test_today_is_asked_again_with_its_etag(
    qtbot: QtBot, checker: SubscriptionChecker, library: Library, digest_server: DigestServer
) -> None:
    digest_server.day(TODAY, day_digest(TODAY, "2403.00001"), etag='"v1"')
    _subscribe(library, digest_server.template, TODAY)
    assert _check(qtbot, checker).files[0].status is FileStatus.IMPORTED
    again = _check(qtbot, checker)
    assert [file.status for file in again.files] == [FileStatus.UNCHANGED]
    assert digest_server.not_modified == [day_path(TODAY)]


def test_nothing_is_fetched_when_fetching_is_off(
    checker: SubscriptionChecker, library: Library, settings: QSettings, digest_server: DigestServer
) -> None:
    _subscribe(library, digest_server.template, ago(2))
    keys.FETCH_SUBSCRIPTIONS.write(settings, False)
    assert not checker.check()
    assert not checker.is_running()
    assert sum(digest_server.hits.values()) == 0


def test_a_silent_server_an_oversized_day_and_a_redirect_to_a_file_are_refused(
    qtbot: QtBot, library: Library, settings: QSettings, digest_server: DigestServer
) -> None:
    digest_server.hang(day_path(ago(2)))
    digest_server.file(day_path(ago(1)), b"## Daily Papers\n" + b"x" * 5_000)
    digest_server.redirect(day_path(TODAY), "file:///etc/passwd")
    _subscribe(library, digest_server.template, ago(2))
    with _checker(library, settings, timeout_seconds=0.5, max_bytes=1_000) as checker:
        report = _check(qtbot, checker)
    assert [file.status for file in report.files] == [FileStatus.REJECTED] * 3
    slow, large, redirected = (file.error.message for file in report.files if file.error)
    assert "no answer" in slow
    assert "larger than 1,000 bytes" in large
    assert "redirect to 'file:' was refused" in redirected


def test_offline_is_said_once(qtbot: QtBot, checker: SubscriptionChecker, library: Library) -> None:
    port = closed_port()
    _subscribe(library, f"http://127.0.0.1:{port}/{{date}}.md", ago(5))
    said: list[str] = []
    checker.said.connect(said.append)
    assert _check(qtbot, checker).files == []
    assert _check(qtbot, checker).files == []
    assert said == [OFFLINE]


def test_the_window_shows_what_a_check_brought(
    qtbot: QtBot, window: MainWindow, library: Library, digest_server: DigestServer
) -> None:
    digest_server.day(ago(1), day_digest(ago(1), "2403.00001", "2403.00002"))
    _subscribe(library, digest_server.template, ago(1))
    checker = window.subscriptions
    assert checker is not None
    with qtbot.waitSignal(checker.finished, timeout=WAIT_MS):
        checker.check()
    settle(qtbot, window)
    qtbot.waitUntil(lambda: len(row_titles(window)) == 2)
    assert "1 file imported" in window.import_status.label.text()
    assert "2 new papers" in window.import_status.label.text()


def test_preferences_list_adds_and_removes_subscriptions(
    qtbot: QtBot, window: MainWindow, library: Library, digest_server: DigestServer
) -> None:
    digest_server.day(TODAY, day_digest(TODAY, "2403.00001"))
    dialog = window.preferences.open()
    listed = dialog.findChild(SubscriptionList)
    assert isinstance(listed, SubscriptionList)
    assert listed.table.rowCount() == 0
    formats = listed.ask_to_add()
    assert [formats.format_box.itemData(i) for i in range(formats.format_box.count())] == [
        None,
        *FORMATS,
    ]
    formats.reject()

    adding = listed.ask_to_add()
    adding.name_edit.setText("daily")
    adding.template_edit.setText("https://example.org/latest.md")
    adding.accept()
    assert adding.isVisible() and "no date" in adding.problem.text()

    adding.template_edit.setText(digest_server.template)
    adding.since_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    assert window.subscriptions is not None
    with qtbot.waitSignal(window.subscriptions.finished, timeout=WAIT_MS) as finished:
        adding.accept()  # added: checked at once
    assert not adding.isVisible()
    assert [file.status for file in finished.args[0].files] == [FileStatus.IMPORTED]
    first = listed.table.item(0, 0)
    assert first is not None and first.text() == "daily"

    listed.table.selectRow(0)
    listed.remove_selected()
    assert listed.table.rowCount() == 0
    with library.reading() as connection:
        assert list_subscriptions(connection) == []
    dialog.reject()


def test_a_list_the_library_cannot_give_says_so_under_it(
    qtbot: QtBot, library: Library, window_less_service: Callable[[Library], LibraryService]
) -> None:
    service = window_less_service(library)
    library.close()  # every read now fails

    listed = SubscriptionList(service, back_days=3)
    qtbot.addWidget(listed)

    assert listed.table.rowCount() == 0
    assert listed.problem.isVisibleTo(listed)
    assert listed.problem.text().startswith("Could not read the subscriptions: ")
    assert str(library.location) in listed.problem.text()


@pytest.mark.parametrize(
    "opened",
    [
        lambda service: SubscriptionList(service, back_days=3),
        lambda service: RulesDialog(service, lambda text, error: text),
    ],
    ids=["subscriptions", "rules"],
)
def test_a_list_closed_before_its_answer_came_is_left_alone(
    qtbot: QtBot,
    library: Library,
    opened: Callable[[LibraryService], QWidget],
    window_less_service: Callable[[Library], LibraryService],
) -> None:
    """Preferences or the Rules dialog closed while its list is read (a shared library's, or
    behind an import): the answer reaches no deleted widget (a RuntimeError into Qt, before)."""
    service = window_less_service(library)
    service.edits.set_others_writing(True)  # the read waits its turn on the writer thread
    listed = opened(service)
    assert service.edits.is_answering()

    shiboken6.delete(listed)  # as a dialog is deleted on closing
    qtbot.waitUntil(lambda: not service.edits.is_answering())

    service.edits.finish()
