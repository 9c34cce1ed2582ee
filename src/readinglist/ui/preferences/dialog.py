"""Edit → Preferences…: a dialog built from `settings.PREFERENCES`, nothing else.

Each section is a group; each setting a field of its kind (a check box for a boolean, a spin
box with its bounds and unit for a whole number, a combo box for a choice), labelled with its
declared label, its help and "at the next start" note under it. Values are written only on
OK, and only those that changed; `changed` then names each, for the window to apply at once.
Restore Defaults puts the declared defaults in the fields (written on OK too).
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
    QGroupBox,
    QLabel,
    QPalette,
    QSettings,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    Signal,
)
from readinglist.ui.settings import PREFERENCES, ChoiceSetting, IntSetting, Section, Setting

SPIN_LIMIT = 2**31 - 1  # QSpinBox holds an int32

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
        self._settings = settings
        self.fields: dict[str, tuple[Setting[Any], Field]] = {}
        layout = QVBoxLayout(self)
        for section in sections:
            layout.addWidget(self._group(section, (extra_rows or {}).get(section.title, ())))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        layout.addWidget(self.buttons)

    def _group(self, section: Section, extra: Sequence[tuple[str, QWidget]]) -> QGroupBox:
        box = QGroupBox(tr(section.title), self)
        form = QFormLayout(box)
        for setting in section.settings:
            field = field_for(setting)
            field.set_value(setting.read(self._settings))
            self.fields[setting.key] = (setting, field)
            label = "" if field.own_label else tr(setting.label)
            form.addRow(label, _with_notes(field.widget, setting))
        for label, widget in extra:
            if label:
                form.addRow(label, widget)
            else:
                form.addRow(widget)  # no label: the whole width
        return box

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


def _with_notes(widget: QWidget, setting: Setting[Any]) -> QWidget:
    """The field with its help and "at the next start" note under it, when it has them."""
    notes = [tr(setting.help)] if setting.help else []
    if setting.at_next_start:
        notes.append(tr("Takes effect when readinglist starts again."))
    if not notes:
        return widget
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    for text in notes:
        note = QLabel(text)
        note.setWordWrap(True)
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout.addWidget(note)
    return holder
