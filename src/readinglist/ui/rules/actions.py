"""Edit → Rules… and a saved search's Make a Rule…: the Rules dialog, opened once and
raised again; Apply to Existing Papers… asked for here and made the window's undoable edit.

Applying reads which papers the rule's query matches now (those out of the trash, in id
order) on a reader thread, asks, and hands the rule and those ids to the window
(`apply_wanted`), which pushes the edit on the undo stack: written in order with the other
edits, off the GUI thread when large. An apply that could not be written (the rule removed
while it waited its turn) is said in the dialog as in the status bar.
"""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from readinglist.ui.i18n import count_papers, tr
from readinglist.ui.qt import QMessageBox, QObject, QWidget, Signal
from readinglist.ui.rules.dialog import MarkedError, RulesDialog

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from readinglist.library.rules import Rule
    from readinglist.ui.data.edits import Failure
    from readinglist.ui.data.queries import QueryRunner
    from readinglist.ui.data.service import LibraryService

CHANNEL = "rule-papers"  # the reader thread's channel for a rule's papers


def matching_ids(rule: "Rule", connection: "Connection") -> list[int]:
    """On the reader thread: the papers out of the trash that the rule's query matches, in
    id order; none for a query this version of the language does not read."""
    from readinglist.core.query import QueryError
    from readinglist.library.rules import matching_in_library

    try:
        return matching_in_library(connection, rule)
    except QueryError:
        return []


class RuleActions(QObject):
    apply_wanted = Signal(object, object)  # a Rule, the ids of the papers it matches now
    said = Signal(str)  # what was applied, for the status bar

    def __init__(
        self,
        service: "LibraryService",
        queries: "QueryRunner",
        marked_error: MarkedError,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._service, self._queries = service, queries
        self._marked_error, self._window = marked_error, window
        self.dialog: RulesDialog | None = None
        self.confirm: Callable[[Rule, int], bool] = self._confirm  # tests: no question
        service.edits.failed.connect(self._apply_failed)

    def show(self) -> RulesDialog:
        """The Rules dialog, its list read again, in front."""
        if self.dialog is None:
            self.dialog = RulesDialog(self._service, self._marked_error, self._window)
            self.dialog.apply_requested.connect(self.apply)
        elif self.dialog.isVisible():
            self.dialog.raise_()  # behind the window: brought forward
        self.dialog.reload()
        self.dialog.show()
        self.dialog.activateWindow()
        return self.dialog

    def others_changed(self) -> None:
        """Another member shared, changed or removed a rule: the open dialog reads the
        rules again, its selection kept."""
        if self.dialog is not None and self.dialog.isVisible():
            selected = self.dialog.selected_rule()
            self.dialog.reload(select=selected.name if selected is not None else None)

    def make_rule_of(self, name: str) -> None:
        """The Add form, prefilled with the saved search `name`'s name and query."""
        self._service.saved_search_named(name, partial(self._add_made_of, name))

    def _add_made_of(self, name: str, query: str | None) -> None:
        if query is not None:
            self.show().add(name, query)

    def apply(self, rule: "Rule") -> None:
        """Run `rule` on the papers in the library its query matches, once the user says so:
        one undo step. The papers are read on a reader thread (`matched` follows)."""
        self._queries.submit(CHANNEL, partial(matching_ids, rule), partial(self.matched, rule))

    def matched(self, rule: "Rule", ids: list[int]) -> None:
        """The papers `rule` matches now: ask, then hand them to the window."""
        if not ids:
            self._say(tr("No paper in the library matches the rule {name}.").format(name=rule.name))
            return
        if not self.confirm(rule, len(ids)):
            return
        self.apply_wanted.emit(rule, ids)
        text = tr("Applied the rule {name} to {what} (Edit → Undo takes it back).")
        self._say(text.format(name=rule.name, what=count_papers(len(ids))))

    def _apply_failed(self, failure: "Failure") -> None:
        from readinglist.library.user_edits import ApplyRuleEdit
        from readinglist.ui.data.edits import could_not_save

        if isinstance(failure.edit, ApplyRuleEdit) and self.dialog is not None:
            self.dialog.say(could_not_save(failure.why))

    def _say(self, text: str) -> None:
        if self.dialog is not None:
            self.dialog.say(text)
        self.said.emit(text)

    def _confirm(self, rule: "Rule", count: int) -> bool:
        question = tr(
            "Apply the rule {name} to {what} already in the library that match its query? "
            "Edit → Undo takes it back."
        ).format(name=rule.name, what=count_papers(count))
        parent = self.dialog if self.dialog is not None else self._window
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel
        answer = QMessageBox.question(parent, tr("Apply Rule"), question, buttons)
        return answer == QMessageBox.StandardButton.Yes
