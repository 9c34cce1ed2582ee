"""The main window, driven like a user: drops, keys, clicks, and a look at the result."""

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.paper import ReadingStatus
from readinglist.library.database import Library, open_library
from readinglist.library.importer import FileStatus
from readinglist.ui.list.columns import Column
from readinglist.ui.qt import QSettings, Qt
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.browser import fake_browser
from tests.helpers.digests import DigestWriter, FakeEntry, entries
from tests.helpers.gui import (
    focus_list,
    import_by_drop,
    open_window,
    row_titles,
    settle,
    sidebar_count,
)


def test_an_empty_library_says_how_to_add_digests(window: MainWindow) -> None:
    assert window.list_pane.stack.currentWidget() is window.list_pane.empty_label
    assert "Drop digest files" in window.list_pane.empty_label.text()
    assert "Import" in window.list_pane.empty_label.text()


def test_dropped_files_import_in_the_background(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    good = digests.write("d1.md", "2024-03-01", entries("2403.00001", "2403.00002"))
    bad = digests.write_text("notes.md", "# my notes\n")

    report = import_by_drop(qtbot, window, [good, bad])

    assert row_titles(window) == ["Paper 2403.00001", "Paper 2403.00002"]
    assert sidebar_count(window, "All papers") == "2"
    assert sidebar_count(window, "Unread") == "2"
    assert sidebar_count(window, "2024-03-01") == "2"
    summary = window.import_status.label.text()
    assert "2 new papers" in summary and "1 file rejected" in summary
    assert window.import_status.details_button.isVisible()
    assert [f.status for f in report.files] == [FileStatus.IMPORTED, FileStatus.REJECTED]  # type: ignore[attr-defined]
    assert "no '## Daily Papers" in report.files[1].error.message  # type: ignore[attr-defined]


def test_new_papers_are_inserted_without_a_reset(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter, qtmodeltester: object
) -> None:
    import_by_drop(qtbot, window, [digests.write("a.md", "2024-03-01", entries("2403.00001"))])
    window.list_pane.select_row(0)
    model = window.list_pane.model
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _, first, last: inserted.append((first, last)))

    import_by_drop(
        qtbot, window, [digests.write("b.md", "2024-03-02", entries("2403.00002", "2403.00003"))]
    )

    assert (resets, inserted) == ([], [(0, 1)])
    assert row_titles(window)[0] == "Paper 2403.00002"
    assert window.detail.title_label.text() == "Paper 2403.00001"  # the selection stayed
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_selecting_rows_drives_detail_and_media(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    video = "https://cdn.example.org/v/demo.mp4"
    papers = [
        FakeEntry("2403.00001", title="First", media=video, authors=("Kim Minji", "Lee Jun")),
        FakeEntry("2403.00002", title="Second <think>", media=None, summary=("**굵게** 요약",)),
    ]
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", papers)])

    window.list_pane.select_row(0)
    assert window.detail.title_label.text() == "First"
    assert "Kim Minji, Lee Jun" in window.detail.authors_label.text()
    assert window.media.url_label.text() == video
    assert "Video" in window.media.kind_label.text()

    window.list_pane.select_row(1)
    assert window.detail.title_label.text() == "Second &lt;think&gt;"
    assert "No media" in window.media.kind_label.text()
    assert (
        "<b>굵게</b>" in window.detail.summary_view.toHtml()
        or "굵게" in window.detail.summary_view.toPlainText()
    )


def test_star_and_status_by_keyboard_with_undo_and_redo(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    import_by_drop(
        qtbot, window, [digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))]
    )
    window.menu_actions.advance.setChecked(False)
    window.list_pane.select_row(0)
    focus_list(qtbot, window)
    model = window.list_pane.model
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom: changed.append((top.row(), bottom.row())))

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_S)
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_D)

    assert model.index(0, Column.STAR).data() == "★"
    assert "read" in model.index(0, Column.STATUS).data()
    assert window.detail.star_button.isChecked()
    assert window.detail.status_box.currentData() == ReadingStatus.READ.value
    assert changed and all(top == bottom == 0 for top, bottom in changed)  # that row only
    qtbot.waitUntil(lambda: sidebar_count(window, "Read") == "1")
    assert sidebar_count(window, "Starred") == "1" and sidebar_count(window, "Unread") == "1"

    assert window.triage.undo_action.text().replace("&", "") == "Undo Mark 1 paper as read"
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "unread" in model.index(0, Column.STATUS).data()
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert model.index(0, Column.STAR).data() == ""
    qtbot.waitUntil(lambda: sidebar_count(window, "Starred") == "")
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_Z, redo)
    assert model.index(0, Column.STAR).data() == "★"


def test_a_status_key_advances_to_the_next_paper(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    import_by_drop(
        qtbot, window, [digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))]
    )
    window.list_pane.select_row(0)
    focus_list(qtbot, window)

    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_X)
    assert window.list_pane.view.currentIndex().row() == 1
    qtbot.keyClick(window.list_pane.view, Qt.Key.Key_K)
    assert window.list_pane.view.currentIndex().row() == 0
    assert "skipped" in window.list_pane.model.index(0, Column.STATUS).data()


def test_a_typed_note_survives_closing_and_reopening(
    qtbot: QtBot, library: Library, digests: DigestWriter, tmp_path: Path
) -> None:
    from readinglist.library.importer import import_paths

    import_paths(library, [digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    first = open_window(qtbot, library, tmp_path / "s.ini")
    first.list_pane.select_row(0)
    focus_list(qtbot, first)
    qtbot.keyClick(first.list_pane.view, Qt.Key.Key_N)
    qtbot.waitUntil(first.detail.note_edit.hasFocus)
    qtbot.keyClicks(first.detail.note_edit, "# Why")
    qtbot.keyClick(first.detail.note_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(first.detail.note_edit, "read *this*")
    first.close()  # before the debounce fires: closing saves it

    with open_library(library.path) as reopened:
        second = open_window(qtbot, reopened, tmp_path / "s.ini")
        assert second.list_pane.current_id() is not None  # the last selection came back
        assert second.detail.note_edit.toPlainText() == "# Why\nread *this*"
        second.close()


def test_tags_edited_in_the_detail_pane(
    qtbot: QtBot, window: MainWindow, digests: DigestWriter
) -> None:
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    window.list_pane.select_row(0)
    window.detail.tags_edit.setText("llm, to read , LLM")
    window.detail.tags_edit.editingFinished.emit()

    assert window.list_pane.model.index(0, Column.TAGS).data() == "llm, to read"
    qtbot.waitUntil(lambda: sidebar_count(window, "to read") == "1")
    window.triage.undo_stack.undo()
    assert window.list_pane.model.index(0, Column.TAGS).data() == ""


@pytest.mark.parametrize(
    ("url", "opened"),
    [
        ("https://arxiv.org/abs/2403.00001", True),
        ("http://example.org", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
    ],
)
def test_only_http_links_leave_the_app(
    window: MainWindow, url: str, opened: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = fake_browser(monkeypatch)
    window.detail.link_activated.emit(url)
    assert bool(browser.opened) is opened


def test_the_screenshot_switch_renders_the_window(
    library_path: Path, digests: DigestWriter, tmp_path: Path
) -> None:
    path = digests.write("d.md", "2024-03-01", entries("2403.00001", "2403.00002"))
    shot = tmp_path / "shot.png"
    base = [sys.executable, "-m", "readinglist", "--library", str(library_path)]
    subprocess.run([*base, "import", str(path)], check=True, capture_output=True)

    result = subprocess.run(
        [*base, "--screenshot", str(shot), "--select", "2403.00002"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    from readinglist.ui.qt import QImage

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)


def test_the_app_backs_up_the_library_daily_off_the_gui_thread(
    qtbot: QtBot, library_path: Path, digests: DigestWriter, tmp_path: Path
) -> None:
    from readinglist.library import backup
    from readinglist.library.importer import import_paths
    from readinglist.ui.startup.app import AppOptions, _attach

    with open_library(library_path, daily_backup=False) as library:
        import_paths(library, [digests.write("d.md", "2024-03-01", entries("2403.00001"))])
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)

    assert _attach(window, AppOptions(library=library_path))
    settle(qtbot, window)

    assert len(backup.daily_backups(library_path)) == 1
    assert window.service is not None
    window.close()
    window.service.library.close()


def test_a_tag_entry_sorts_by_tags(qtbot: QtBot, window: MainWindow, digests: DigestWriter) -> None:
    papers = entries("2403.00001", "2403.00002")
    import_by_drop(qtbot, window, [digests.write("d.md", "2024-03-01", papers)])
    window.list_pane.select_row(1)
    window.detail.tags_edit.setText("llm")
    window.detail.tags_edit.editingFinished.emit()
    settle(qtbot, window)
    assert window.queries is not None
    failures: list[str] = []
    window.queries.failed.connect(failures.append)

    window.sidebar.select_key("tag:llm")
    window.list_pane.view.horizontalHeader().setSortIndicator(
        Column.TAGS, Qt.SortOrder.AscendingOrder
    )
    settle(qtbot, window)

    assert failures == []
    assert row_titles(window) == ["Paper 2403.00002"]
