"""What renaming or merging a tag asks: the new name, or the tag to merge into. Each answer
is None when the user cancels; the window passes them to `Triage`."""

from readinglist.ui.i18n import tr
from readinglist.ui.qt import QInputDialog, QLineEdit, QWidget


def new_name(parent: QWidget, tag: str) -> str | None:
    name, accepted = QInputDialog.getText(
        parent,
        tr("Rename Tag"),
        tr("New name for the tag “{tag}”:").format(tag=tag),
        QLineEdit.EchoMode.Normal,
        tag,
    )
    name = name.strip()
    return name if accepted and name and name != tag else None


def merge_target(parent: QWidget, tag: str, tags: list[str]) -> str | None:
    others = [other for other in tags if other != tag]
    if not others:
        return None
    target, accepted = QInputDialog.getItem(
        parent,
        tr("Merge Tag"),
        tr("Merge “{tag}” into:").format(tag=tag),
        others,
        0,
        False,
    )
    return target if accepted and target in others else None
