"""Edit → Preferences…: a dialog built from `settings.PREFERENCES`, nothing else.

Each section is a page of a tab widget, titled as declared, in the declared order; each
setting a field of its kind (a check box for a boolean, a spin box with its bounds and unit
for a whole number, a combo box for a choice), labelled with its declared label, its help and
"at the next start" note under it. A feature's rows (`ExtraRows`) follow on its section's
page: a labelled one in the form, one without a label the page's width (a list, a table),
taking the room left. Values are written only on OK, and only those that changed; `changed`
then names each, for the window to apply at once. Restore Defaults puts the declared
defaults in the fields of every page (written on OK too).

Pages rather than one column of groups: the column was 1,088 px tall at its smallest, taller
than a laptop's screen, and the subscriptions' table was squeezed to its header; the pages
are 379 px. Tabs rather than a list of sections beside a stack (Qt Creator's): seven short
titles fit a row of tabs (in Korean too), and QTabWidget brings Ctrl+Tab, Ctrl+Shift+Tab and
a tab bar that takes the focus and that screen readers announce; Ctrl+PgDown and Ctrl+PgUp
(`PAGE_KEYS`) are ours.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from readinglist.ui.i18n import tr
from readinglist.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QKeySequence,
    QLabel,
    QPalette,
    QSettings,
    QShortcut,
    QSizePolicy,
    QSpinBox,
    Qt,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    Signal,
)
from readinglist.ui.settings import PREFERENCES, ChoiceSetting, IntSetting, Section, Setting

SPIN_LIMIT = 2**31 - 1  # QSpinBox holds an int32
# Ctrl+Tab and Ctrl+Shift+Tab are QTabWidget's own; these are other apps' (browsers, GTK).
PAGE_KEYS = (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1))

type ExtraRows = Mapping[str, Sequence[tuple[str, QWidget]]]  # section title -> rows


class Field(Protocol):
    own_label: bool  # the widget shows the label itself (a check box)

    @property
    def widget(self) -> QWidget: ...

    def value(self) -> Any: ...

    def set_value(self, value: Any) -> None: ...


class CheckField:
    own_label = True

    def __init__(self, setting: Setting[bool]) -> None:
        self.widget = QCheckBox(tr(setting.label))

    def value(self) -> bool:
        return self.widget.isChecked()

    def set_value(self, value: bool) -> None:
        self.widget.setChecked(value)


class NumberField:
    own_label = False

    def __init__(self, setting: IntSetting) -> None:
        self.widget = QSpinBox()
        self.widget.setRange(setting.minimum, min(setting.maximum or SPIN_LIMIT, SPIN_LIMIT))
        self.widget.setSuffix(tr(setting.unit) if setting.unit else "")

    def value(self) -> int:
        return self.widget.value()

    def set_value(self, value: int) -> None:
        self.widget.setValue(value)


class ChoiceField:
    own_label = False

    def __init__(self, setting: ChoiceSetting) -> None:
        self.widget = QComboBox()
        for value, label in setting.choices:
            self.widget.addItem(tr(label), value)

    def value(self) -> str:
        return str(self.widget.currentData())

    def set_value(self, value: str) -> None:
        self.widget.setCurrentIndex(max(self.widget.findData(value), 0))


def field_for(setting: Setting[Any]) -> Field:
    """The field for the setting's kind; a new kind of setting needs a field here."""
    if isinstance(setting, ChoiceSetting):
        return ChoiceField(setting)
    if isinstance(setting, IntSetting):
        return NumberField(setting)
    if isinstance(setting.default, bool):
        return CheckField(setting)
    raise TypeError(f"no preferences field for {setting.key}")


class PreferencesDialog(QDialog):
    changed = Signal(object)  # a Setting whose value OK wrote

    def __init__(
        self,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        sections: Sequence[Section] = PREFERENCES,
        extra_rows: ExtraRows | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Preferences"))
        self._settings, self._sections = settings, tuple(sections)
        self.fields: dict[str, tuple[Setting[Any], Field]] = {}
        self.pages = QTabWidget(self)
        for section in sections:
            page = self._page(section, (extra_rows or {}).get(section.title, ()))
            self.pages.addTab(page, tr(section.title))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.buttons)
        for keys, step in PAGE_KEYS:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda step=step: self._turn_page(step))

    def _turn_page(self, step: int) -> None:
        """The next page (`step` 1) or the one before (-1), round from the last to the first
        as QTabWidget's Ctrl+Tab goes."""
        self.pages.setCurrentIndex((self.pages.currentIndex() + step) % self.pages.count())

    def show_section(self, section: Section) -> None:
        """The page of `section` in front (one the dialog was not built with: no change)."""
        if section in self._sections:
            self.pages.setCurrentIndex(self._sections.index(section))

    def _page(self, section: Section, extra: Sequence[tuple[str, QWidget]]) -> QWidget:
        """The section's settings and its labelled rows in a form, fields at their natural
        width; then its rows without a label, the page's width (a list, a table: these take
        the room left, else it stays under the form rather than spacing the form's rows)."""
        page = QWidget(self)
        layout = QVBoxLayout(page)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(form)
        for setting in section.settings:
            self._add_field(form, setting)
        for label, widget in extra:
            if label:
                form.addRow(label, widget)
            else:
                layout.addWidget(widget)
        if not layout.expandingDirections() & Qt.Orientation.Vertical:
            layout.addStretch(1)
        return page

    def _add_field(self, form: QFormLayout, setting: Setting[Any]) -> None:
        """The setting's field, showing the stored value, with its notes under it."""
        field = field_for(setting)
        field.set_value(setting.read(self._settings))
        self.fields[setting.key] = (setting, field)
        form.addRow(_label_for(field, setting), field.widget)
        for note in _notes(setting):
            form.addRow(QLabel(), note)

    def restore_defaults(self) -> None:
        for setting, field in self.fields.values():
            field.set_value(setting.default)

    def accept(self) -> None:
        written = []
        for setting, field in self.fields.values():
            if field.value() != setting.read(self._settings):
                setting.write(self._settings, field.value())
                written.append(setting)
        super().accept()
        for setting in written:
            self.changed.emit(setting)


def _label_for(field: Field, setting: Setting[Any]) -> QLabel:
    """The field's label (its buddy, as QFormLayout's own), or an empty one when the field
    shows it: QFormLayout (Qt 6.12) gives a row without a label the height of its field's size
    hint, not its height for its width (a word-wrapping note's hint is two lines, however wide
    the page)."""
    if field.own_label:
        return QLabel()
    label = QLabel(tr(setting.label))
    label.setBuddy(field.widget)
    return label


def _notes(setting: Setting[Any]) -> list[QLabel]:
    """The setting's help and "at the next start" note, the width of the field column."""
    texts = [tr(setting.help)] if setting.help else []
    if setting.at_next_start:
        texts.append(tr("Takes effect when readinglist starts again."))
    notes = []
    for text in texts:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        policy = note.sizePolicy()  # keeps its height for its width (a word-wrapping label's)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        note.setSizePolicy(policy)
        notes.append(note)
    return notes
