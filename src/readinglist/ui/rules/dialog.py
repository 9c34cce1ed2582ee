"""The Rules dialog: the library's rules (name, query, what each does), a form to add one
(form.py), Remove, and Apply to Existing Papers… for the selected one.

On a shared library a column says whose each rule is and whether it is shared; the owner
shares or stops sharing theirs (`ShareRuleEdit`: a shared rule only tags, anything else is
refused with the reason), another member's shared rule is read only, and Make a Private
Copy… opens the form with its name, query and tags, for a rule of one's own that may add a
star, a status or first in Today. On a library file none of this shows.

It reads through `library.rules`, as `readinglist rules` does, so the two list the same
rules. Adding and removing a rule are edits (`library.user_edits.AddRuleEdit`,
`RemoveRuleEdit`) that the window's writer writes off the GUI thread, in turn with the other
edits: the form waits for the answer, and a rule that cannot be added (its name taken, its
query malformed) is refused in the form, with the reason, the form staying open. Applying a
rule is the window's undoable edit: the dialog only asks for it (`apply_requested`).
"""

import html
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from readinglist.core.paper import ReadingStatus
from readinglist.core.translatable import Message
from readinglist.ui.i18n import tr, tr_message
from readinglist.ui.qt import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    Qt,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    Signal,
)
from readinglist.ui.rules.form import RuleForm

if TYPE_CHECKING:
    from readinglist.core.query import QueryError
    from readinglist.library.rules import Rule
    from readinglist.library.user_edits import AddRuleEdit, RemoveRuleEdit, ShareRuleEdit
    from readinglist.ui.data.edits import Failure
    from readinglist.ui.data.service import LibraryService

type MarkedError = Callable[[str, "QueryError"], str]  # the search box's: text and error → rich
type Answered = Callable[[str | None], None]  # None: written; else what to say
type RuleEditSent = "AddRuleEdit | RemoveRuleEdit | ShareRuleEdit"
WHOSE_COLUMN = 3  # a shared library's: whose the rule is, and whether it is shared
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


class RulesDialog(QDialog):
    apply_requested = Signal(object)  # the selected Rule: run it on the library's papers

    def __init__(
        self, service: "LibraryService", marked_error: MarkedError, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Rules"))
        self.service, self.library, self.marked_error = service, service.library, marked_error
        self._shown: list[Rule] = []
        self._waiting: list[tuple[RuleEditSent, Answered]] = []  # not answered yet
        self.form: RuleForm | None = None  # the last Add form opened
        self.table = QTreeWidget(self)  # a row a rule, in the order they run
        self.table.setObjectName("rulesList")
        self.table.setHeaderLabels([tr("Name"), tr("Query"), tr("What it does"), tr("Shared")])
        self.table.setColumnHidden(WHOSE_COLUMN, not self.library.shared)
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setMinimumSize(_MINIMUM_WIDTH, _VISIBLE_ROWS * ROW_PIXELS)
        self.add_button = QPushButton(tr("Add…"), self)
        self.remove_button = QPushButton(tr("Remove"), self)
        self.apply_button = QPushButton(tr("Apply to Existing Papers…"), self)
        self.share_button = QPushButton(tr("Share with Everyone"), self)
        self.copy_button = QPushButton(tr("Make a Private Copy…"), self)
        for shared_only in (self.share_button, self.copy_button):
            shared_only.setVisible(self.library.shared)
        self.message = QLabel(self)
        self.message.setObjectName("rulesMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)  # `say` escapes: &#x27; is '
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
        if self.library.shared:
            explained.setText(
                explained.text()
                + " "
                + tr(
                    "In this shared library a shared rule adds its tags to everyone's new "
                    "papers, whoever imports them; a star, a status and first in Today come "
                    "from each member's own rules, which act on every new paper, whoever "
                    "imports it."
                )
            )
        buttons = QHBoxLayout()
        for button in (
            self.add_button,
            self.remove_button,
            self.apply_button,
            self.share_button,
            self.copy_button,
        ):
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
        self.share_button.clicked.connect(lambda *_: self.share_selected())
        self.copy_button.clicked.connect(lambda *_: self.copy_selected())
        self.table.itemSelectionChanged.connect(self._enable)
        self.service.edits.written.connect(self._on_written)
        self.service.edits.failed.connect(self._on_failed)

    # --- what it shows ---------------------------------------------------------------------

    def reload(self, select: str | None = None, said: str | None = None) -> None:
        """The rules as the library holds them, in the order they run; `select` one by name,
        then say `said`. Read in the edits' turn (a rule just added is there): at once on a
        library file, off the window's thread on a shared library."""
        from readinglist.library.rules import list_rules

        shown = partial(self._show, select, said)
        self.service.edits.in_turn(list_rules, shown, self._unreadable, receiver=self)

    def _unreadable(self, error: Exception) -> None:
        from readinglist.ui.data.edits import why_not

        why = why_not(error, self.library.location)
        self._show(None, tr("Could not read the rules: {why}").format(why=why), [])

    def _show(self, select: str | None, said: str | None, rules: list["Rule"]) -> None:
        self._shown = rules
        self.table.clear()
        items: dict[str, QTreeWidgetItem] = {}  # by name: one's own before another's
        for rule in self._shown:
            item = QTreeWidgetItem(self.table, [rule.name, rule.query_text, does_text(rule)])
            item.setText(WHOSE_COLUMN, whose_text(rule))
            read_only = _read_only(rule)
            for column in range(self.table.columnCount()):
                item.setToolTip(column, read_only or item.text(column))
            if rule.mine or rule.name not in items:
                items[rule.name] = item
        for column in range(self.table.columnCount() - 1):
            self.table.resizeColumnToContents(column)
        if select in items:
            self.table.setCurrentItem(items[select])
        self._enable()
        if said is not None:
            self.say(said)

    def rules(self) -> list["Rule"]:
        return list(self._shown)

    def selected_rule(self) -> "Rule | None":
        chosen = self.table.selectedItems()
        return self._shown[self.table.indexOfTopLevelItem(chosen[0])] if chosen else None

    def say(self, text: str) -> None:
        self.message.setText(html.escape(text))

    def _enable(self) -> None:
        """What the selected rule allows: another member's is read only (apply it, copy it)."""
        rule = self.selected_rule()
        mine = rule is not None and rule.mine
        self.remove_button.setEnabled(mine)
        self.apply_button.setEnabled(rule is not None)
        self.share_button.setEnabled(mine)
        shared = mine and rule is not None and rule.shared
        self.share_button.setText(tr("Stop Sharing") if shared else tr("Share with Everyone"))
        self.copy_button.setEnabled(rule is not None and not rule.mine)
        if rule is not None and not rule.mine:
            self.say(_read_only(rule))

    # --- what it does ----------------------------------------------------------------------

    def add(self, name: str = "", query: str = "", tags: Sequence[str] = ()) -> "RuleForm":
        """The Add form, prefilled with `name`, `query` (a saved search's) and `tags` (a
        rule copied), shown window-modal (returns at once)."""
        form = RuleForm(self)
        form.prefill(name, query, tags)
        form.accepted.connect(lambda: self._added(form))
        self.form = form
        form.open()
        return form

    def _added(self, form: "RuleForm") -> None:
        name = form.added.name if form.added is not None else None
        said = tr("Added the rule {name}.").format(name=name) if name is not None else None
        self.reload(select=name, said=said)

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
        self.reload(said=done if why is None else why)

    def copy_selected(self) -> "RuleForm | None":
        """Make a Private Copy…: the Add form with another member's shared rule's name,
        query and tags, for a rule of one's own (that may add a star, a status, first in
        Today)."""
        rule = self.selected_rule()
        if rule is None or rule.mine:
            return None
        return self.add(rule.name, rule.query_text, rule.tags)

    def share_selected(self) -> None:
        """Share the selected rule of mine with every member, or stop sharing it; a rule
        that does more than tag is refused, with the reason (`rules.set_shared`)."""
        from readinglist.library.user_edits import ShareRuleEdit

        rule = self.selected_rule()
        if rule is None or not rule.mine:
            return
        self.share_button.setEnabled(False)  # until the writer answers
        edit = ShareRuleEdit(rule, not rule.shared)
        self.send(edit, lambda why: self._shared(edit, why))

    def _shared(self, edit: "ShareRuleEdit", why: str | None) -> None:
        if why is None and edit.refused is not None:
            why = tr_message(edit.refused)
        name = edit.rule.name
        if why is None and edit.shared:
            why = tr("Shared the rule {name}: it tags everyone's new papers.").format(name=name)
        elif why is None:
            why = tr("The rule {name} is yours alone again.").format(name=name)
        self.reload(select=name, said=why)

    def _apply_selected(self) -> None:
        rule = self.selected_rule()
        if rule is not None:
            self.apply_requested.emit(rule)

    # --- the writer's answers --------------------------------------------------------------

    def send(self, edit: RuleEditSent, answered: Answered) -> None:
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


def whose_text(rule: "Rule") -> str:
    """A shared library's rule: "Private", "Shared", or "Shared by alice" (another's)."""
    if rule.owner is None:
        return ""
    if not rule.mine:
        return tr("Shared by {owner}").format(owner=rule.owner)
    return tr("Shared") if rule.shared else tr("Private")


def _read_only(rule: "Rule") -> str:
    """What another member's shared rule's row says: whose it is, and what one may do."""
    if rule.mine:
        return ""
    said = tr("Shared by {owner}: only they can change it. Make a Private Copy… for your own.")
    return said.format(owner=rule.owner)
