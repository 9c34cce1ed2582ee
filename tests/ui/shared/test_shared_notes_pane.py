"""The detail pane's shared notes on a shared library (ui/detail/shared_notes.py): another
member's note shows as they save it, read-only; my own is typed in an editor of its own and
written once when typing stops; a save that finds it changed on my other machine keeps both
and says so; a library file shows no such tab."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from pytestqt.qtbot import QtBot

from readinglist.library.database import Library
from readinglist.library.shared.address import SharedAddress
from readinglist.library.shared.notes import NoteRef
from readinglist.library.shared.opening import open_shared
from readinglist.library.user_edits import SharedNoteEdit, write_in_parts
from readinglist.ui.detail.pane import NOTE_SAVE_DELAY_MS
from readinglist.ui.live.updates import WINDOW_CLIENT
from readinglist.ui.window.main_window import MainWindow
from tests.helpers.gui import open_window
from tests.helpers.postgres import PostgresDatabase
from tests.helpers.shared_library import add_paper

LIVE_BOUND_MS = 10_000  # a bound, not a wait: the change shows as it is committed
KOREAN = "## 읽을 거리\n\n- 3절의 **실험**은 재현해 볼 것\n- 데이터셋은 공개됨"


@dataclass(frozen=True)
class Lab:
    database: PostgresDatabase
    alice: str
    bob: str
    paper: int


@pytest.fixture
def lab(shared: PostgresDatabase, members: tuple[str, str]) -> Lab:
    return Lab(shared, *members, add_paper(shared, "2403.00001", title="Scaling robots"))


def member(lab: Lab, who: str, client: str | None = None) -> Library:
    address = SharedAddress.parse(lab.database.url_as(who))
    return open_shared(address, client=client) if client else open_shared(address)


@pytest.fixture
def alices_window(
    qtbot: QtBot, lab: Lab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    """Alice's window on the shared library, its paper shown."""
    monkeypatch.setenv("READINGLIST_CACHE", str(tmp_path / "media-cache"))
    library = member(lab, lab.alice, WINDOW_CLIENT)
    window = open_window(qtbot, library, tmp_path / "settings.ini")
    window.list_pane.select_paper(lab.paper)
    qtbot.waitUntil(lambda: window.detail.paper_id() == lab.paper)
    yield window
    window.close()
    library.close()


@pytest.fixture
def bob(lab: Lab) -> Iterator[Library]:
    library = member(lab, lab.bob)
    yield library
    library.close()


def shared_tab_text(window: MainWindow) -> str:
    tabs = window.detail.note_tabs
    return tabs.tabText(tabs.indexOf(window.detail.shared_notes))


def change_rows(lab: Lab) -> int:
    with psycopg.connect(lab.database.url, autocommit=True) as admin:
        row = admin.execute("SELECT count(*) FROM changes").fetchone()
    assert row is not None
    return int(row[0])


def test_another_members_note_shows_as_they_save_it_and_is_not_mine_to_edit(
    qtbot: QtBot, lab: Lab, alices_window: MainWindow, bob: Library, tmp_path: Path
) -> None:
    window = alices_window
    panel = window.detail.shared_notes
    assert shared_tab_text(window) == "Shared"

    write_in_parts(bob, SharedNoteEdit(lab.paper, KOREAN))

    qtbot.waitUntil(
        lambda: "재현해 볼 것" in panel.others_view.toPlainText(), timeout=LIVE_BOUND_MS
    )
    assert lab.bob in panel.others_view.toPlainText()  # with its author
    assert "<strong>실험</strong>" in panel.others_view.toHtml() or "font-weight" in (
        panel.others_view.toHtml()
    )  # rendered Markdown
    assert shared_tab_text(window) == "Shared (1)"
    assert panel.editor.toPlainText() == ""  # bob's note is not in alice's editor
    assert window.detail.note_edit.toPlainText() == ""  # nor in her private note

    window.detail.note_tabs.setCurrentWidget(panel)
    panel.editor.setPlainText("내 메모: 다음 주 모임에서 발표")
    panel.flush()
    assert window.service is not None
    window.service.edits.finish()
    picture = tmp_path / "shared-notes.png"
    assert window.grab().save(str(picture))


def test_typing_my_shared_note_is_one_write_when_typing_stops_and_undoes(
    qtbot: QtBot, lab: Lab, alices_window: MainWindow, bob: Library
) -> None:
    window = alices_window
    panel = window.detail.shared_notes
    window.detail.note_tabs.setCurrentWidget(panel)
    before = change_rows(lab)

    qtbot.keyClicks(panel.editor, "Worth a read")  # twelve keystrokes, quickly

    with qtbot.waitSignal(window.triage.undo_stack.indexChanged, timeout=NOTE_SAVE_DELAY_MS * 5):
        pass
    assert window.service is not None
    window.service.edits.finish()
    assert change_rows(lab) == before + 1  # one row written, one change logged
    with bob.reading() as connection:
        texts = connection.exec_driver_sql("SELECT author, text FROM shared_notes").all()
    assert texts == [(lab.alice, "Worth a read")]

    window.triage.undo_stack.undo()  # Ctrl+Z: the save taken back, as a save
    window.service.edits.finish()
    with bob.reading() as connection:
        assert connection.exec_driver_sql("SELECT text FROM shared_notes").all() == []


def test_a_save_after_my_other_machine_changed_the_note_keeps_both_and_says_so(
    qtbot: QtBot, lab: Lab, alices_window: MainWindow
) -> None:
    window = alices_window
    panel = window.detail.shared_notes
    laptop = member(lab, lab.alice)
    try:
        write_in_parts(laptop, SharedNoteEdit(lab.paper, "first"))
        qtbot.waitUntil(lambda: panel.editor.toPlainText() == "first", timeout=LIVE_BOUND_MS)
        panel.save_timer.setInterval(60_000)  # the save comes when the test says
        panel.editor.setPlainText("first, and from the desktop")
        with laptop.reading() as connection:
            (note_id, version), *_ = connection.exec_driver_sql(
                "SELECT id, version FROM shared_notes"
            ).all()
        write_in_parts(
            laptop, SharedNoteEdit(lab.paper, "from the laptop", NoteRef(note_id, version))
        )

        panel.flush()
        qtbot.waitUntil(
            lambda: "both texts are kept" in window.statusBar().currentMessage(),
            timeout=LIVE_BOUND_MS,
        )
        with laptop.reading() as connection:
            texts = connection.exec_driver_sql("SELECT text FROM shared_notes ORDER BY id").all()
        assert [text for (text,) in texts] == ["from the laptop", "first, and from the desktop"]
        qtbot.waitUntil(lambda: "from the laptop" in panel.others_view.toPlainText())
        assert panel.editor.toPlainText() == "first, and from the desktop"
        assert not panel.warning.isHidden()  # "You have 1 more shared note…"
    finally:
        laptop.close()
