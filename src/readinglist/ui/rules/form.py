"""The Rules dialog's Add form: name, query (checked as it is typed, its error shown as the
search box shows one), tags, status, star, first in Today, and on a shared library whether
every member's new papers get it. A shared rule only tags (`library.rules`: a star, a status
and first in Today are each member's own), so checking Share turns those off and says why.

OK sends the rule to the window's writer (`AddRuleEdit`, through the dialog's `send`): the
form closes once it is written, or says why not and stays open.
"""

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from readinglist.core.paper import ReadingStatus
from readinglist.ui.i18n import tr, tr_message
from readinglist.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    Qt,
    QWidget,
)

if TYPE_CHECKING:
    from readinglist.library.rules import Rule
    from readinglist.library.user_edits import AddRuleEdit
    from readinglist.ui.rules.dialog import RulesDialog

GIVEN_STATUSES = (None, ReadingStatus.QUEUED, ReadingStatus.SKIPPED)  # what the form offers


def problem_label(parent: QWidget, name: str) -> QLabel:
    """A red line saying what is wrong, hidden until there is something to say."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setStyleSheet("color: #b3261e")
    label.hide()
    return label


class RuleForm(QDialog):
    """Name, query, tags, status, star, first in Today (and Share, on a shared library);
    OK adds the rule, or says why not and stays open."""

    def __init__(self, rules: "RulesDialog") -> None:
        super().__init__(rules)
        self.setWindowTitle(tr("Add Rule"))
        self._rules, self._marked_error = rules, rules.marked_error
        self.added: Rule | None = None
        self.name_edit = QLineEdit(self)
        self.query_edit = QLineEdit(self)
        self.query_edit.setMinimumWidth(420)
        self.query_edit.setPlaceholderText(tr("e.g. {example}").format(example="robot tag:to-read"))
        self.query_error = problem_label(self, "ruleQueryError")
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(tr("Tags, separated by commas"))
        self.status_box = QComboBox(self)
        for status in GIVEN_STATUSES:
            label = tr(status.look.label) if status else tr("No change")
            self.status_box.addItem(label, status.value if status else None)
        self.star_box = QCheckBox(tr("Star them"), self)
        self.first_box = QCheckBox(tr("Put them first in Today"), self)
        self.share_box = QCheckBox(tr("Share with everyone in this library"), self)
        self.share_box.setVisible(rules.library.shared)
        self.shared_note = QLabel(
            tr(
                "A shared rule only adds tags, to everyone's new papers: a star, a status "
                "and first in Today are each member's own."
            ),
            self,
        )
        self.shared_note.setWordWrap(True)
        self.shared_note.hide()
        self.problem = problem_label(self, "ruleProblem")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._lay_out()
        self.query_edit.textChanged.connect(self._check_query)
        self.share_box.toggled.connect(self._sharing)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Name"), self.name_edit)
        form.addRow(tr("Query"), self.query_edit)
        form.addRow("", self.query_error)
        form.addRow(tr("Add tags"), self.tags_edit)
        form.addRow(tr("Status"), self.status_box)
        form.addRow("", self.star_box)
        form.addRow("", self.first_box)
        form.addRow("", self.share_box)
        form.addRow("", self.shared_note)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setLayout(form)

    def prefill(self, name: str, query: str, tags: Sequence[str] = ()) -> None:
        """The form filled with a rule's (or a saved search's) name, query and tags."""
        self.name_edit.setText(name)
        self.query_edit.setText(query)
        self.tags_edit.setText(", ".join(tags))

    def _sharing(self, shared: bool) -> None:
        """Shared: what is each member's own is off (and cleared), and the form says why."""
        for box in (self.status_box, self.star_box, self.first_box):
            box.setEnabled(not shared)
        if shared:
            self.status_box.setCurrentIndex(0)
            self.star_box.setChecked(False)
            self.first_box.setChecked(False)
        self.shared_note.setVisible(shared)
        if shared:
            self.adjustSize()  # the note's lines given their room (a wrapped label's height)

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
            shared=self.share_box.isChecked(),
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
