"""Closing the window: no note typed is lost, every queued edit reaches the library, every
thread ends, and the layout is remembered. A note that could not be saved is asked about
first (`detail.unsaved_notes`); the user may keep the window open."""

from typing import TYPE_CHECKING

from readinglist.core.render import clip
from readinglist.ui.detail.unsaved_notes import UnsavedNote, dialogs, settle_unsaved_notes
from readinglist.ui.i18n import tr

if TYPE_CHECKING:
    from readinglist.ui.window.main_window import MainWindow

TITLE_IN_QUESTIONS = 80  # characters of a paper's title in a dialog


def notes_settled(window: "MainWindow") -> bool:
    """Every note typed is saved, or the user said what to do with it; False: the user keeps
    the window open."""
    window.detail.flush_note()
    if window.service is None:
        return True
    window.service.edits.finish()  # the queued saves written, their failures known
    if window.note_questions is None and window.detail.unsaved_notes():
        window.note_questions = dialogs(window, window.settings)
    return settle_unsaved_notes(
        window.detail,
        window.note_questions,
        lambda paper_id: _title_of(window, paper_id),
        lambda note: _save_again(window, note),
    )


def _title_of(window: "MainWindow", paper_id: int) -> str:
    title = window.detail.title_of_note(paper_id)
    return clip(title, TITLE_IN_QUESTIONS) if title is not None else tr("a paper")


def _save_again(window: "MainWindow", note: UnsavedNote) -> str | None:
    """None once saved; else why not."""
    window.triage.set_note(note.paper_id, note.text, again=True)
    kept = window.detail.unsaved_notes()
    return next((n.why for n in kept if n.paper_id == note.paper_id), None)


def shut_down(window: "MainWindow") -> None:
    """Nothing typed is lost, every edit queued reaches the library, every thread ends."""
    window.detail.flush_note()
    if window.live is not None:
        window.live.stop()  # no change of others' shown any more
    if window.watching is not None:
        window.watching.shutdown()  # no scan hands an import over any more
    if window.subscriptions is not None:
        window.subscriptions.shut_down()  # no request left, the day being imported stored
    if window.imports is not None:
        window.imports.wait()
    if window.service is not None:
        window.service.edits.finish()
    window.media.shutdown()  # downloads stop; the loader's thread ends
    if window.queries is not None:
        window.queries.stop()
    window.shown.shutdown()
    window.save_layout()
    window.view_menu.close()
    window.settings.sync()
