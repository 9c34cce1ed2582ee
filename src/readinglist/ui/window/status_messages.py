"""What the status bar says about the library: saves under way, and what could not be read,
saved or backed up, in words (the reasons come from `library.failures`)."""

from readinglist.ui.i18n import tr
from readinglist.ui.qt import QStatusBar

SAID_FOR_MS = 10_000  # a message that would otherwise stay until the next one
BACKUP_SAID_FOR_MS = 30_000
EXPORT_SAID_FOR_MS = 15_000


class StatusMessages:
    def __init__(self, bar: QStatusBar) -> None:
        self._bar = bar

    def say(self, text: str, milliseconds: int = 0) -> None:
        self._bar.showMessage(text, milliseconds)

    def saving(self, text: str) -> None:
        """ "Saving changes to N papers…", or nothing once they are saved."""
        if text:
            self._bar.showMessage(text)
        else:
            self._bar.clearMessage()

    def read_failed(self, why: str) -> None:
        self._bar.showMessage(tr("Could not read the library: {why}").format(why=why))

    def save_failed(self, why: str) -> None:
        from readinglist.ui.data.edits import could_not_save

        self._bar.showMessage(could_not_save(why))

    def backup_not_made(self, why: str) -> None:
        text = tr("Today's backup of the library was not made: {reason}").format(reason=why)
        self._bar.showMessage(text, BACKUP_SAID_FOR_MS)
