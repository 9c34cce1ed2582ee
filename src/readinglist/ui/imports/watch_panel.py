"""The watched folders in Preferences (a list, Add… and Remove), and File → Watch a Folder….

Adding or removing a folder acts at once, as the library's own row does: the folders are
the library's, not settings that OK writes. The list shows what the watcher knows, then what
it reads as the panel opens (off the window's thread on a shared library); a library that
cannot be read or written says so under the list, naming it.
"""

from collections.abc import Callable
from pathlib import Path

from readinglist.core.text import for_display
from readinglist.ui.i18n import tr
from readinglist.ui.imports.watching import FolderWatcher
from readinglist.ui.qt import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
)

type ChooseFolder = Callable[[str], Path | None]  # a folder dialog with this caption


def watch_a_folder(watcher: FolderWatcher, choose: ChooseFolder) -> None:
    """File → Watch a Folder…: ask for a folder and watch it (why not: `watcher.refused`,
    which the window says in the status bar)."""
    folder = choose(tr("Watch a folder of digests"))
    if folder is not None:
        watcher.add(folder)


class WatchFoldersPanel(QWidget):
    """Each watched folder (a missing one says so), with Add… and Remove."""

    def __init__(
        self, watcher: FolderWatcher, choose: ChooseFolder, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._watcher, self._choose = watcher, choose
        self.list = QListWidget(self)
        self.list.setMinimumHeight(90)
        self.add_button = QPushButton(tr("Add…"), self)
        self.remove_button = QPushButton(tr("Remove"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        self._lay_out()
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.list.currentRowChanged.connect(lambda _: self._enable())
        watcher.folders_changed.connect(self.refresh)
        watcher.unreadable.connect(self._say)
        watcher.refused.connect(self._say)
        self.refresh()
        watcher.read_folders()

    def _lay_out(self) -> None:
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        note = QLabel(tr("New or changed digest files in these folders import by themselves."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.message)

    def refresh(self) -> None:
        self.list.clear()
        for folder in self._watcher.folders() or []:
            shown = for_display(str(folder.path))
            text = tr("{folder} (missing)").format(folder=shown) if folder.missing else shown
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, str(folder.path))
            item.setToolTip(text)
        self._enable()

    def _enable(self) -> None:
        self.remove_button.setEnabled(self.list.currentItem() is not None)

    def _add(self) -> None:
        folder = self._choose(tr("Watch a folder of digests"))
        if folder is not None:
            self.message.hide()
            self._watcher.add(folder)

    def _remove(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.message.hide()
            self._watcher.remove(Path(item.data(Qt.ItemDataRole.UserRole)))

    def _say(self, why_not: str) -> None:
        self.message.setText(why_not)
        self.message.show()
