"""Saving, renaming and deleting saved searches: the questions asked, and the answers kept.

The questions go through `Ask`, so tests (and another front end) can answer them without
a dialog. A saved search is the query the list shows: the sidebar's entry and the search box.
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from readinglist.core.query import QueryError
from readinglist.core.render import clip
from readinglist.ui.i18n import tr, tr_message
from readinglist.ui.qt import (
    QInputDialog,
    QMessageBox,
    QObject,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from readinglist.core.query import Query
    from readinglist.ui.data.service import LibraryService


FIELD_SLACK_CHARS = 8  # beyond the text: the field's frame, the dialog's margins, a caret
WIDEST_SHARE = 0.8  # of the screen, for a text dialog
QUERY_SHOWN = 300  # characters of a query, in the question that saves it


@dataclass
class Ask:
    """How to ask: `text(title, label, initial)` → str or None; `yes(title, question)`."""

    text: Callable[[str, str, str], str | None]
    yes: Callable[[str, str], bool]


def dialogs(parent: QWidget) -> Ask:
    def text(title: str, label: str, initial: str) -> str | None:
        dialog = text_dialog(parent, title, label, initial)
        answer = dialog.textValue() if dialog.exec() else None
        dialog.deleteLater()  # a child of the window: one per question would stay
        return answer

    def yes(title: str, question: str) -> bool:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return QMessageBox.question(parent, title, question, buttons) == buttons.Yes

    return Ask(text, yes)


def text_dialog(parent: QWidget, title: str, label: str, initial: str) -> QInputDialog:
    """A one-line question wide enough for `initial` (up to most of the screen): a query
    edited in the 300-pixel field QInputDialog.getText gives was seen a few words at a time."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(initial)
    metrics = dialog.fontMetrics()
    wanted = metrics.horizontalAdvance(initial) + FIELD_SLACK_CHARS * metrics.averageCharWidth()
    widest = int(parent.screen().availableGeometry().width() * WIDEST_SHARE)
    hint = dialog.sizeHint()
    dialog.resize(max(hint.width(), min(wanted, widest)), hint.height())
    return dialog


class SavedSearchActions(QObject):
    saved = Signal(int)  # the new saved search's id: the window selects it
    failed = Signal(str)  # what went wrong, for the status bar

    def __init__(self, service: "LibraryService", ask: Ask, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.ask = ask

    def save_view(self, entry: "Query", search_text: str, entry_name: str) -> None:
        """Save what the list shows (the sidebar's entry, `entry_name`, AND the search) under
        a name; a search that does not read is said, not saved."""
        from readinglist.core.query import parse_query

        try:
            search = parse_query(search_text)
        except QueryError as error:
            self.failed.emit(tr_message(error.described))
            return
        query = entry.and_(search)
        if not query.is_empty:
            self.save(query.text, entry_name)

    def save(self, query_text: str, entry_name: str) -> None:
        """Ask for a name and save `query_text` under it, saying what is saved (the sidebar
        entry `entry_name` and the query); a taken name may be replaced."""
        what = tr("What the list shows under “{entry}”, saved as the query:\n{query}\n\nName:")
        label = what.format(entry=entry_name, query=clip(query_text, QUERY_SHOWN))
        name = self.ask.text(tr("Save search"), label, "")
        if name is not None and name.strip():
            self._service.saved_search_named(name, partial(self._save_named, name, query_text))

    def _save_named(self, name: str, query_text: str, existing: str | None) -> None:
        """Save `query_text` as `name`, once the user says so if `name` is taken."""
        replace = existing is not None
        question = tr("There is already a saved search named “{name}”. Replace its query?")
        if replace and not self.ask.yes(tr("Save search"), question.format(name=name.strip())):
            return
        self._service.save_search(
            name, query_text, replace=replace, then=self.saved.emit, failed=self._say_not_done
        )

    def rename(self, search_id: int, name: str) -> None:
        new_name = self.ask.text(tr("Rename saved search"), tr("Name:"), name)
        if new_name is not None and new_name.strip() and new_name.strip() != name:
            self._service.rename_saved_search(search_id, new_name, self._say_not_done)

    def edit(self, name: str) -> None:
        """Ask for a new query text for the saved search `name` (a malformed one is refused,
        with the reason in the status bar)."""
        self._service.saved_search_named(name, partial(self._edit_query, name))

    def _edit_query(self, name: str, text: str | None) -> None:
        if text is None:
            return
        new_text = self.ask.text(tr("Edit saved search"), tr("Query:"), text)
        if new_text is not None and new_text.strip() and new_text.strip() != text:
            self._service.save_search(
                name, new_text, replace=True, then=lambda _: None, failed=self._say_not_done
            )

    def share(self, search_id: int, shared: bool) -> None:
        """Share a saved search with everyone in a shared library, or stop sharing it."""
        self._service.share_saved_search(search_id, shared, self._say_not_done)

    def delete(self, search_id: int, name: str) -> None:
        question = tr("Delete the saved search “{name}”? Its papers stay in the library.")
        if self.ask.yes(tr("Delete saved search"), question.format(name=name)):
            self._service.delete_saved_search(search_id, self._say_not_done)

    def _say_not_done(self, error: Exception) -> None:
        """Why a saved search was not written: the user's mistake in their words, or the
        library's refusal in words, not SQL."""
        from readinglist.library.saved_searches import SavedSearchError
        from readinglist.ui.data.edits import could_not_save, why_not

        if isinstance(error, QueryError):
            self.failed.emit(tr_message(error.described))
        elif isinstance(error, SavedSearchError):
            self.failed.emit(str(error))
        else:
            self.failed.emit(could_not_save(why_not(error, self._service.library.location)))
