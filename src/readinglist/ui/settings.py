"""Every setting the window remembers, declared once with its default."""

from dataclasses import dataclass
from typing import cast

from readinglist.ui.qt import QByteArray, QSettings

ORGANIZATION = "readinglist"
APPLICATION = "readinglist"


@dataclass(frozen=True)
class Setting[T]:
    key: str
    default: T

    def read(self, settings: QSettings) -> T:
        """The stored value, or the default when it is missing or of the wrong type."""
        value = settings.value(self.key, self.default)
        if isinstance(self.default, bool) and isinstance(value, str):
            return cast(T, value.lower() == "true")  # INI files store booleans as text
        return value if isinstance(value, type(self.default)) else self.default

    def write(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.key, value)


WINDOW_GEOMETRY = Setting("window/geometry", QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray())
MAIN_SPLITTER = Setting("window/mainSplitter", QByteArray())
SIDE_SPLITTER = Setting("window/sideSplitter", QByteArray())
LIST_HEADER = Setting("list/header", QByteArray())
SIDEBAR_ENTRY = Setting("list/sidebarEntry", "all")
CURRENT_PAPER = Setting("list/currentPaper", "")
ADVANCE_AFTER_STATUS = Setting("triage/advanceAfterStatus", True)


def open_settings() -> QSettings:
    return QSettings(ORGANIZATION, APPLICATION)
