"""The media pane: the paper's teaser. Issue 4 plays and previews it; for now, what and where."""

from readinglist.core.digest import Media
from readinglist.ui.qt import QCoreApplication, QLabel, Qt, QVBoxLayout, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("MediaPane", text)


class MediaPane(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_label = QLabel(self)
        self.kind_label.setObjectName("mediaKind")
        self.url_label = QLabel(self)
        self.url_label.setWordWrap(True)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.kind_label)
        layout.addWidget(self.url_label)
        layout.addStretch(1)
        self.show_media(None)

    def show_media(self, media: Media | None) -> None:
        if media is None:
            self.kind_label.setText(_tr("No media for this paper"))
            self.url_label.clear()
            return
        kind = _tr("Video teaser") if media.kind.value == "video" else _tr("Image teaser")
        self.kind_label.setText(f"<b>{kind}</b>")
        self.url_label.setText(media.url)
