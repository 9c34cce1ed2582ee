"""Where digests come from before an import: the file dialogs, files dropped on the window, the
empty library's links, and the bundled sample digest."""

from pathlib import Path

from readinglist.resources import sample_digest
from readinglist.ui.file_dialogs import FileDialogs
from readinglist.ui.i18n import tr
from readinglist.ui.qt import QDropEvent, QMimeData, QObject, QSettings, Qt, QWidget, Signal

IMPORT_FOLDER_LINK = "action:import-folder"
SAMPLE_LINK = "action:sample"


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders of a drop (anything else dropped is not ours to read)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def accept_as_copy(event: QDropEvent) -> bool:
    """Take a drag or drop as a copy, whatever the source proposed: a source told the files
    were moved (a file manager's default within one disk) deletes them, and an import only
    reads them. A source that offers no copy is refused. True when accepted."""
    if not event.possibleActions() & Qt.DropAction.CopyAction:
        event.ignore()
        return False
    event.setDropAction(Qt.DropAction.CopyAction)
    event.accept()
    return True


class ImportSources(QObject):
    chosen = Signal(object)  # list[Path]: the paths to import

    def __init__(self, dialog_parent: QWidget, settings: QSettings) -> None:
        super().__init__(dialog_parent)
        self._dialogs = FileDialogs(dialog_parent, settings)

    def choose_files(self) -> None:
        self._choose(
            self._dialogs.open_files(
                tr("Import digests"), tr("Markdown digests (*.md);;All files (*)")
            )
        )

    def choose_folder(self) -> None:
        folder = self._dialogs.folder(tr("Import a folder of digests"))
        if folder is not None:
            self._choose([folder])

    def try_sample_digest(self) -> None:
        """The bundled sample digest, so a new user sees papers within seconds."""
        self._choose([sample_digest()])

    def follow_link(self, link: str) -> None:
        """A link of the empty library's message."""
        if link == IMPORT_FOLDER_LINK:
            self.choose_folder()
        elif link == SAMPLE_LINK:
            self.try_sample_digest()

    def accept_drop(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if paths and accept_as_copy(event):
            self._choose(paths)

    def _choose(self, paths: list[Path]) -> None:
        if paths:
            self.chosen.emit(paths)
