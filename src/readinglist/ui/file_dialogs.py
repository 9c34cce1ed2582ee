"""Every file dialog of the app, starting in the folder last used (else the home folder).

Qt's dialogs otherwise start in the process's working folder, which says nothing to the user:
the packaged app started from a desktop launcher has `/` for it. The folder is one setting
(`LAST_FOLDER`) shared by every dialog, importing, exporting or saving a note: the digests
and what is made from them tend to live together.
"""

from pathlib import Path

from readinglist.ui.qt import QFileDialog, QSettings, QWidget
from readinglist.ui.settings import LAST_FOLDER


class FileDialogs:
    """The dialogs, parented to `parent`; the folder they start in kept in `settings`."""

    def __init__(self, parent: QWidget, settings: QSettings) -> None:
        self._parent = parent
        self._settings = settings

    def open_files(self, caption: str, filters: str) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self._parent, caption, str(self.start_folder()), filters
        )
        paths = [Path(name) for name in names]
        if paths:
            self._remember(paths[0].parent)
        return paths

    def folder(self, caption: str) -> Path | None:
        name = QFileDialog.getExistingDirectory(self._parent, caption, str(self.start_folder()))
        if not name:
            return None
        self._remember(Path(name))
        return Path(name)

    def save_file(
        self, caption: str, suggested_name: str, filters: str, *, confirm_overwrite: bool = True
    ) -> Path | None:
        """A file to write, suggested as `suggested_name` in the folder last used; without
        `confirm_overwrite`, an existing file is taken as it is (a library to open)."""
        suggested = self.start_folder() / suggested_name
        options = QFileDialog.Option(
            0 if confirm_overwrite else QFileDialog.Option.DontConfirmOverwrite
        )
        name, _ = QFileDialog.getSaveFileName(
            self._parent, caption, str(suggested), filters, options=options
        )
        if not name:
            return None
        self._remember(Path(name).parent)
        return Path(name)

    def start_folder(self) -> Path:
        """The folder last used while it is still there; else the home folder."""
        last = LAST_FOLDER.read(self._settings)
        if last and Path(last).is_absolute() and Path(last).is_dir():
            return Path(last)
        return Path.home()

    def _remember(self, folder: Path) -> None:
        LAST_FOLDER.write(self._settings, str(folder))
