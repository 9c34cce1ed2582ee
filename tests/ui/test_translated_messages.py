"""What the core says reaches the window translated: a rejected file's reason in the import
details, a query's fault under the search box and in a saved search's tooltip. The command
line keeps the English text."""

import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from readinglist.core.listing import SavedSearchCount, SidebarCounts
from readinglist.core.paper import ReadingStatus
from readinglist.core.query import QueryError, parse_query
from readinglist.library.database import Library, open_library
from readinglist.library.errors import LibraryError
from readinglist.library.failures import DISK_FULL, describe
from readinglist.library.importer import import_paths
from readinglist.ui.data.edits import why_not
from readinglist.ui.i18n import tr_message
from readinglist.ui.imports.status import ImportDetailsDialog
from readinglist.ui.qt import QApplication
from readinglist.ui.search.search_box import SearchBox
from readinglist.ui.sidebar.entries import saved_entries
from tests.helpers.translations import translated

NOT_A_DIGEST = "not a digest: no '## Daily Papers (YYYY-MM-DD)' header"
AT = "at character {position}: {reason}"
UNKNOWN_STATUS = "unknown status '{text}' (one of: {names})"
KOREAN = {
    NOT_A_DIGEST: "다이제스트가 아닙니다: '## Daily Papers (YYYY-MM-DD)' 머리글이 없습니다",
    AT: "{position}번째 글자: {reason}",
    UNKNOWN_STATUS: "알 수 없는 상태 '{text}' ({names} 중 하나)",
    "this quote is never closed": "이 따옴표가 닫히지 않았습니다",
}


def _query_error(text: str) -> QueryError:
    with pytest.raises(QueryError) as raised:
        parse_query(text)
    return raised.value


def test_a_rejected_files_reason_shows_translated(
    qtbot: QtBot, qapp: QApplication, library: Library, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("# My notes\n\nnothing here\n", encoding="utf-8")
    report = import_paths(library, [notes])
    error = report.files[0].error
    assert error is not None and error.message == NOT_A_DIGEST  # what the command line prints

    with translated(qapp, tmp_path, KOREAN):
        dialog = ImportDetailsDialog(report)
        qtbot.addWidget(dialog)

    item = dialog.table.item(0, 3)
    assert item is not None and item.text() == KOREAN[NOT_A_DIGEST]


def test_a_query_error_shows_translated_in_the_search_box(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    box = SearchBox()
    qtbot.addWidget(box)
    box.field.setText('video title:"x')

    with translated(qapp, tmp_path, KOREAN):
        box.search_now()

    assert box.error() == "13번째 글자: 이 따옴표가 닫히지 않았습니다"
    assert "이 따옴표가 닫히지 않았습니다" in box.error_label.text()
    assert str(_query_error('video title:"x')) == "at character 13: this quote is never closed"


def test_a_message_inside_a_message_is_translated_too(qapp: QApplication, tmp_path: Path) -> None:
    error = _query_error("status:lots")
    names = ", ".join(status.value for status in ReadingStatus)

    with translated(qapp, tmp_path, KOREAN):
        shown = tr_message(error.described)

    assert shown == f"8번째 글자: 알 수 없는 상태 'lots' ({names} 중 하나)"
    assert str(error) == f"at character 8: unknown status 'lots' (one of: {names})"


def test_a_saved_search_that_no_longer_reads_says_why_translated(
    qapp: QApplication, tmp_path: Path
) -> None:
    counts = SidebarCounts(
        total=0,
        by_status=dict.fromkeys(ReadingStatus, 0),
        starred=0,
        tags=(),
        digests=(),
        saved=(SavedSearchCount(1, "Broken", 'title:"x', None),),
    )

    with translated(qapp, tmp_path, {**KOREAN, "This query no longer reads: {error}": "{error}"}):
        (entry,) = saved_entries(counts)

    assert entry.tooltip == "7번째 글자: 이 따옴표가 닫히지 않았습니다"


def test_a_translation_that_breaks_its_placeholders_shows_english(
    qapp: QApplication, tmp_path: Path
) -> None:
    """tests/ui/test_translations.py keeps such a translation out; this is the safety net."""
    error = _query_error('title:"x')

    with translated(qapp, tmp_path, {AT: "{position}번째 글자: {이유}"}):
        shown = tr_message(error.described)

    assert shown == "at character 7: this quote is never closed"


def test_why_a_library_failed_shows_translated(qapp: QApplication, tmp_path: Path) -> None:
    full = sqlite3.OperationalError("database or disk is full")
    library = tmp_path / "library.sqlite"
    words = {DISK_FULL: "디스크가 가득 찼습니다", "{reason} ({file})": "{reason} ({file})"}
    with translated(qapp, tmp_path, words):
        said = why_not(full, library)
    assert said == f"디스크가 가득 찼습니다 ({library})"
    assert describe(full) == "the disk is full"  # what the command line prints


def test_a_closed_library_is_named_once(qapp: QApplication, tmp_path: Path) -> None:
    library = open_library(tmp_path / "library.sqlite", daily_backup=False)
    library.close()
    with pytest.raises(LibraryError) as closed, library.reading():
        pass

    said = why_not(closed.value, library.location)

    assert said == f"the library {library.location} is closed"
