"""Edit → Rules… and a saved search's Make a Rule…: the Rules dialog, opened once and
raised again; Apply to Existing Papers… asked for here and made the window's undoable edit.

Applying reads which papers the rule's query matches now (those out of the trash), asks,
and hands the rule and those ids to the window (`apply_wanted`), which pushes the edit on
the undo stack: written in order with the other edits, off the GUI thread when large.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from readinglist.ui.i18n import count_papers, tr
from readinglist.ui.qt import QMessageBox, QObject, QWidget, Signal
from readinglist.ui.rules.dialog import MarkedError, RulesDialog

if TYPE_CHECKING:
    from readinglist.library.rules import Rule
    from readinglist.ui.data.service import LibraryService


class RuleActions(QObject):
    apply_wanted = Signal(object, object)  # a Rule, the ids of the papers it matches now
    said = Signal(str)  # what was applied, for the status bar

    def __init__(
        self, service: "LibraryService", marked_error: MarkedError, window: QWidget
    ) -> None:
        super().__init__(window)
        self._service, self._marked_error, self._window = service, marked_error, window
        self.dialog: RulesDialog | None = None
        self.confirm: Callable[[Rule, int], bool] = self._confirm  # tests: no question

    def show(self) -> RulesDialog:
        """The Rules dialog, its list read again, in front."""
        if self.dialog is None:
            self.dialog = RulesDialog(self._service.library, self._marked_error, self._window)
            self.dialog.apply_requested.connect(self.apply)
        elif self.dialog.isVisible():
            self.dialog.raise_()  # behind the window: brought forward
        self.dialog.reload()
        self.dialog.show()
        self.dialog.activateWindow()
        return self.dialog

    def make_rule_of(self, name: str) -> None:
        """The Add form, prefilled with the saved search `name`'s name and query."""
        query = self._service.saved_search_named(name)
        if query is not None:
            self.show().add(name, query)

    def apply(self, rule: "Rule") -> None:
        """Run `rule` on the papers in the library its query matches, once the user says so:
        one undo step."""
        from readinglist.core.query import QueryError

        try:
            ids = self._service.paper_ids(rule.query)
        except QueryError:  # kept by another version of the language: nothing matches
            ids = []
        if not ids:
            self._say(tr("No paper in the library matches the rule {name}.").format(name=rule.name))
            return
        if not self.confirm(rule, len(ids)):
            return
        self.apply_wanted.emit(rule, ids)
        text = tr("Applied the rule {name} to {what} (Edit → Undo takes it back).")
        self._say(text.format(name=rule.name, what=count_papers(len(ids))))

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
