"""Where digests come from before an import: the file dialogs, files dropped on the window, the
empty library's links, and the bundled sample digest."""

from pathlib import Path

from readinglist.resources import sample_digest
from readinglist.ui.i18n import tr
from readinglist.ui.qt import QDropEvent, QFileDialog, QMimeData, QObject, QWidget, Signal

IMPORT_FOLDER_LINK = "action:import-folder"
SAMPLE_LINK = "action:sample"


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders of a drop (anything else dropped is not ours to read)."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class ImportSources(QObject):
    chosen = Signal(object)  # list[Path]: the paths to import

    def __init__(self, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._dialog_parent = dialog_parent

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self._dialog_parent,
            tr("Import digests"),
            "",
            tr("Markdown digests (*.md);;All files (*)"),
        )
        self._choose([Path(name) for name in names])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._dialog_parent, tr("Import a folder of digests")
        )
        if folder:
            self._choose([Path(folder)])

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
        if paths:
            event.acceptProposedAction()
            self._choose(paths)

    def _choose(self, paths: list[Path]) -> None:
        if paths:
            self.chosen.emit(paths)
