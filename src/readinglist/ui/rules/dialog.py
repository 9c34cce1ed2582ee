"""The Rules dialog: the library's rules (name, query, what each does), a form to add one,
Remove, and Apply to Existing Papers… for the selected one.

It reads through `library.rules`, as `readinglist rules` does, so the two list the same
rules. Adding and removing a rule are edits (`library.user_edits.AddRuleEdit`,
`RemoveRuleEdit`) that the window's writer writes off the GUI thread, in turn with the other
edits: the form waits for the answer, and a rule that cannot be added (its name taken, its
query malformed) is refused in the form, with the reason, the form staying open. Applying a
rule is the window's undoable edit: the dialog only asks for it (`apply_requested`).
"""

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from readinglist.core.paper import ReadingStatus
from readinglist.core.translatable import Message
from readinglist.ui.i18n import tr, tr_message
from readinglist.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from readinglist.core.query import QueryError
    from readinglist.library.rules import Rule
    from readinglist.library.user_edits import AddRuleEdit, RemoveRuleEdit
    from readinglist.ui.data.edits import Failure
    from readinglist.ui.data.service import LibraryService

type MarkedError = Callable[[str, "QueryError"], str]  # the search box's: text and error → rich
type Answered = Callable[[str | None], None]  # None: written; else what to say
GIVEN_STATUSES = (None, ReadingStatus.QUEUED, ReadingStatus.SKIPPED)  # what the form offers
_MINIMUM_WIDTH = 720  # px: a name, a query and what it does side by side
_VISIBLE_ROWS = 8
ROW_PIXELS = 24  # a row of the list, about: its height is room for this many


def does_text(rule: "Rule") -> str:
    """What a rule does, in words: "tag robotics · status Queued · star · first in Today"
    (`Rule.described`, translated; a status by its label)."""
    return " · ".join(tr_message(_labelled(action)) for action in rule.described())


def _labelled(action: Message) -> Message:
    args = {
        name: Message(value.look.label) if isinstance(value, ReadingStatus) else value
        for name, value in action.args.items()
    }
    return Message(action.template, **args)


def _problem_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet("color: #b3261e")
    label.hide()
    return label


class RulesDialog(QDialog):
    apply_requested = Signal(object)  # the selected Rule: run it on the library's papers

    def __init__(
        self, service: "LibraryService", marked_error: MarkedError, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Rules"))
        self.service, self.library, self.marked_error = service, service.library, marked_error
        self._shown: list[Rule] = []
        self._waiting: list[tuple[AddRuleEdit | RemoveRuleEdit, Answered]] = []  # not answered
        self.form: RuleForm | None = None  # the last Add form opened
        self.table = QTreeWidget(self)  # a row a rule, in the order they run
        self.table.setObjectName("rulesList")
        self.table.setHeaderLabels([tr("Name"), tr("Query"), tr("What it does")])
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumSize(_MINIMUM_WIDTH, _VISIBLE_ROWS * ROW_PIXELS)
        self.add_button = QPushButton(tr("Add…"), self)
        self.remove_button = QPushButton(tr("Remove"), self)
        self.apply_button = QPushButton(tr("Apply to Existing Papers…"), self)
        self.message = QLabel(self)
        self.message.setObjectName("rulesMessage")
        self.message.setWordWrap(True)
        self._lay_out()
        self._connect()
        self.reload()

    def _lay_out(self) -> None:
        explained = QLabel(
            tr(
                "Rules act on new papers as they are imported: those that match a rule's "
                "query get its tags, its status (given to unread papers only), its star, or "
                "come first in Today. Papers already in the library are changed only when you "
                "apply a rule to them."
            ),
            self,
        )
        explained.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.apply_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explained)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)

    def _connect(self) -> None:
        self.add_button.clicked.connect(lambda *_: self.add())
        self.remove_button.clicked.connect(lambda *_: self.remove_selected())
        self.apply_button.clicked.connect(lambda *_: self._apply_selected())
        self.table.itemSelectionChanged.connect(self._enable)
        self.service.edits.written.connect(self._on_written)
        self.service.edits.failed.connect(self._on_failed)

    # --- what it shows ---------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """The rules as the library holds them, in the order they run; `select` one by name."""
        from readinglist.library.failures import storage_errors
        from readinglist.library.rules import list_rules

        try:
            with self.library.reading() as connection:
                self._shown = list_rules(connection)
        except storage_errors() as error:
            from readinglist.ui.data.edits import why_not

            self._shown = []
            self.say(
                tr("Could not read the rules: {why}").format(
                    why=why_not(error, self.library.location)
                )
            )
        self.table.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for rule in self._shown:
            texts = [rule.name, rule.query_text, does_text(rule)]
            item = items[rule.name] = QTreeWidgetItem(self.table, texts)
            for column, text in enumerate(texts):
                item.setToolTip(column, text)
        for column in range(self.table.columnCount() - 1):
            self.table.resizeColumnToContents(column)
        if select in items:
            self.table.setCurrentItem(items[select])
        self._enable()

    def rules(self) -> list["Rule"]:
        return list(self._shown)

    def selected_rule(self) -> "Rule | None":
        chosen = self.table.selectedItems()
        return self._shown[self.table.indexOfTopLevelItem(chosen[0])] if chosen else None

    def say(self, text: str) -> None:
        self.message.setText(html.escape(text))

    def _enable(self) -> None:
        chosen = self.selected_rule() is not None
        self.remove_button.setEnabled(chosen)
        self.apply_button.setEnabled(chosen)

    # --- what it does ----------------------------------------------------------------------

    def add(self, name: str = "", query: str = "") -> "RuleForm":
        """The Add form, prefilled with `name` and `query` (a saved search's), shown
        window-modal (returns at once)."""
        form = RuleForm(self)
        form.name_edit.setText(name)
        form.query_edit.setText(query)
        form.accepted.connect(lambda: self._added(form))
        self.form = form
        form.open()
        return form

    def _added(self, form: "RuleForm") -> None:
        name = form.added.name if form.added is not None else None
        self.reload(select=name)
        if name is not None:
            self.say(tr("Added the rule {name}.").format(name=name))

    def remove_selected(self) -> None:
        """Forget the selected rule (what it did stays done), as `rules remove` does: after
        the edits made before it (an Apply to Existing Papers… of it is written first)."""
        from readinglist.library.user_edits import RemoveRuleEdit

        rule = self.selected_rule()
        if rule is None:
            return
        self.remove_button.setEnabled(False)  # until the writer answers
        edit = RemoveRuleEdit(rule.name)
        self.send(edit, lambda why: self._removed(edit, why))

    def _removed(self, edit: "RemoveRuleEdit", why: str | None) -> None:
        if why is None and edit.refused is not None:
            why = tr_message(edit.refused)
        done = tr("Removed the rule {name}; what it did stays done.").format(name=edit.name)
        self.say(done if why is None else why)
        self.reload()

    def _apply_selected(self) -> None:
        rule = self.selected_rule()
        if rule is not None:
            self.apply_requested.emit(rule)

    # --- the writer's answers --------------------------------------------------------------

    def send(self, edit: "AddRuleEdit | RemoveRuleEdit", answered: Answered) -> None:
        """Write `edit` in turn with the window's edits, off the GUI thread; `answered(None)`
        once written, `answered(what to say)` when the library did not take it."""
        self._waiting.append((edit, answered))
        self.service.apply(edit, in_background=True)

    def _on_written(self, edit: object) -> None:
        self._answer(edit, None)

    def _on_failed(self, failure: "Failure") -> None:
        from readinglist.ui.data.edits import could_not_save

        self._answer(failure.edit, could_not_save(failure.why))

    def _answer(self, edit: object, why: str | None) -> None:
        for position, (sent, answered) in enumerate(self._waiting):
            if sent is edit:
                del self._waiting[position]
                answered(why)
                return


class RuleForm(QDialog):
    """Name, query (checked as it is typed, its error shown as the search box shows one),
    tags, status, star, first in Today; OK adds the rule, or says why not and stays open."""

    def __init__(self, rules: RulesDialog) -> None:
        super().__init__(rules)
        self.setWindowTitle(tr("Add Rule"))
        self._rules, self._marked_error = rules, rules.marked_error
        self.added: Rule | None = None
        self.name_edit = QLineEdit(self)
        self.query_edit = QLineEdit(self)
        self.query_edit.setMinimumWidth(420)
        self.query_edit.setPlaceholderText(tr("e.g. {example}").format(example="robot tag:to-read"))
        self.query_error = _problem_label(self, "ruleQueryError")
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(tr("Tags, separated by commas"))
        self.status_box = QComboBox(self)
        for status in GIVEN_STATUSES:
            label = tr(status.look.label) if status else tr("No change")
            self.status_box.addItem(label, status.value if status else None)
        self.star_box = QCheckBox(tr("Star them"), self)
        self.first_box = QCheckBox(tr("Put them first in Today"), self)
        self.problem = _problem_label(self, "ruleProblem")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._lay_out()
        self.query_edit.textChanged.connect(self._check_query)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Name"), self.name_edit)
        form.addRow(tr("Query"), self.query_edit)
        form.addRow("", self.query_error)
        form.addRow(tr("Add tags"), self.tags_edit)
        form.addRow(tr("Status"), self.status_box)
        form.addRow("", self.star_box)
        form.addRow("", self.first_box)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setLayout(form)

    def wanted(self) -> "Rule":
        """The rule the form describes (its id is given when it is added)."""
        from readinglist.library.rules import Rule

        tags = tuple(tag.strip() for tag in self.tags_edit.text().split(",") if tag.strip())
        status = self.status_box.currentData()  # a status's value (Qt keeps plain strings)
        return Rule(
            0,
            self.name_edit.text(),
            self.query_edit.text(),
            tags,
            ReadingStatus(status) if status else None,
            self.star_box.isChecked(),
            self.first_box.isChecked(),
        )

    def _check_query(self, text: str) -> bool:
        """Show what is wrong with the query, as the search box does; whether it parses."""
        from readinglist.core.query import QueryError, parse_query

        try:
            parse_query(text)
        except QueryError as error:
            self.query_error.setText(self._marked_error(text, error))
            self.query_error.show()
            return False
        self.query_error.hide()
        return True

    def accept(self) -> None:
        """Add the rule: the form closes once the writer has written it, or says why not
        and stays open."""
        from readinglist.library.user_edits import AddRuleEdit

        if not self._check_query(self.query_edit.text()):
            self._refuse(tr("The query does not read: see above."))
            return
        self.problem.hide()
        self._ok().setEnabled(False)  # until the writer answers
        edit = AddRuleEdit(self.wanted())
        self._rules.send(edit, lambda why: self._answered(edit, why))

    def _answered(self, edit: "AddRuleEdit", why: str | None) -> None:
        self._ok().setEnabled(True)
        if why is None and edit.refused is not None:
            why = tr_message(edit.refused)
        if why is not None:
            self._refuse(why)
            return
        self.added = edit.added
        super().accept()

    def _ok(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _refuse(self, why: str) -> None:
        self.problem.setText(html.escape(why))
        self.problem.show()
